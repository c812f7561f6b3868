import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/platform/store.js';
import type { SimilarityPair } from '../../src/similarity/similarityPair.js';
import type { FinalSubmission } from '../../src/similarity/similarityRepository.js';
import { openTestStore } from '../support/testStore.js';

// The similarity repository's contract, on every adapter.

const A = 'org-a';
const B = 'org-b';
const t0 = new Date('2026-03-01T00:00:00.000Z');
const later = (m: number) => new Date(t0.getTime() + m * 60_000);
const final = (submissionId: string, key: string, completedAt: Date, language = 'python'): FinalSubmission => ({ challengeSlug: 'c', key, submissionId, invitationId: key.startsWith('inv') ? key : null, language, completedAt });
const pair = (left: FinalSubmission, right: FinalSubmission, similarity: number): SimilarityPair => ({
  challengeSlug: 'c',
  language: 'python',
  left: { submissionId: left.submissionId, invitationId: left.invitationId },
  right: { submissionId: right.submissionId, invitationId: right.invitationId },
  similarity,
  longestFragment: 12,
  fragments: [{ left: { path: 'a.py', startLine: 1, startCol: 1, endLine: 4, endCol: 9 }, right: { path: 'b.py', startLine: 3, startCol: 5, endLine: 6, endCol: 2 }, kgrams: 12 }],
  comparedAt: later(5),
});

describe.each(['sqlite', 'postgres'] as const)('similarity repository on %s', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await openTestStore(kind));
  });
  afterAll(async () => {
    await close();
  });

  const one = final('s-1', 'inv-1', t0);
  const two = final('s-2', 'inv-2', later(1));
  const direct = final('s-3', 's-3', later(2));

  it('keeps one final submission per key, per challenge and language, per owner', async () => {
    for (const f of [one, two, direct, final('s-9', 'inv-9', t0, 'go')]) expect(await store.similarity.replaceFinal(A, f)).toBe(true);
    expect(await store.similarity.replaceFinal(B, final('s-b', 'inv-b', t0))).toBe(true);
    expect((await store.similarity.finals(A, 'c', 'python')).map((f) => f.submissionId)).toEqual(['s-1', 's-2', 's-3']);
    expect(await store.similarity.finals(A, 'c', 'python')).toContainEqual(one);
    expect((await store.similarity.finals(B, 'c', 'python')).map((f) => f.submissionId)).toEqual(['s-b']);
  });

  it('stores pairs with their fragments and reads them by submission or invitation, most similar first', async () => {
    await store.similarity.savePairs(A, [pair(two, one, 0.4), pair(direct, one, 0.9), pair(direct, two, 0.1)]);
    await store.similarity.savePairs(A, [pair(two, one, 0.5)]);
    const ofOne = await store.similarity.pairs(A, { submissionId: 's-1' });
    expect(ofOne.map((p) => [p.left.submissionId, p.right.submissionId, p.similarity])).toEqual([['s-3', 's-1', 0.9], ['s-2', 's-1', 0.5]]);
    expect(ofOne[0]).toEqual(pair(direct, one, 0.9));
    expect((await store.similarity.pairs(A, { invitationId: 'inv-2' })).map((p) => p.similarity)).toEqual([0.5, 0.1]);
    expect(await store.similarity.pairs(B, { submissionId: 's-1' })).toEqual([]);
  });

  it('flags the invitations on either side of a pair at or above the threshold', async () => {
    expect(await store.similarity.flagged(A, ['inv-1', 'inv-2', 'inv-x'], 0.5)).toEqual(new Set(['inv-1', 'inv-2']));
    expect(await store.similarity.flagged(A, ['inv-1', 'inv-2'], 0.95)).toEqual(new Set());
    expect(await store.similarity.flagged(A, [], 0)).toEqual(new Set());
    expect(await store.similarity.flagged(B, ['inv-1'], 0)).toEqual(new Set());
  });

  it('replacing a final submission drops its pairs; an older one never replaces a newer one', async () => {
    expect(await store.similarity.replaceFinal(A, final('s-0', 'inv-1', later(-10)))).toBe(false);
    expect((await store.similarity.pairs(A, { submissionId: 's-1' })).length).toBe(2);
    expect(await store.similarity.replaceFinal(A, final('s-1', 'inv-1', t0))).toBe(true);
    expect((await store.similarity.pairs(A, { submissionId: 's-1' })).length).toBe(2);
    expect(await store.similarity.replaceFinal(A, final('s-4', 'inv-1', later(10)))).toBe(true);
    expect(await store.similarity.pairs(A, { submissionId: 's-1' })).toEqual([]);
    expect((await store.similarity.pairs(A, { submissionId: 's-3' })).map((p) => p.right.submissionId)).toEqual(['s-2']);
    expect((await store.similarity.finals(A, 'c', 'python')).map((f) => f.submissionId)).toEqual(['s-2', 's-3', 's-4']);
  });
});
