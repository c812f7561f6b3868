import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '../../src/invitations/invitationRepository.js';
import { openStore } from '../../src/platform/openStore.js';
import type { Store } from '../../src/platform/store.js';
import { similarityService } from '../../src/similarity/similarityService.js';
import type { SubmittedFile } from '../../src/submissions/submission.js';
import { createTestDatabase, type TestDatabase } from '../support/testEnv.js';
import { readCorpus, type CorpusChallenge } from './corpus.js';
import { plagiarise } from './plagiarise.js';

// The service over a real SQLite store: a new final submission is compared with the stored ones,
// pairs between others stay as they were, and a candidate's newer submission replaces the older.

const A = 'org-a';
const B = 'org-b';
let tick = Date.parse('2026-03-01T00:00:00.000Z');
const now = () => new Date((tick += 1000));
const invitation = (id: string, owner = A): Invitation => ({ id, assessmentId: `as-${owner}`, candidate: { name: id, email: `${id}@example.com`, externalId: null }, validFrom: now(), validUntil: new Date(tick + 3_600_000), state: 'started', startedAt: now(), deadline: null, completedAt: null, createdAt: now() });

let database: TestDatabase;
let store: Store;
let corpus: CorpusChallenge;
let service: ReturnType<typeof similarityService>;

async function recorded(owner: string, id: string, invitationId: string, files: SubmittedFile[]) {
  await store.submissions.insert(owner, { id, invitationId, challengeSlug: corpus.slug, challengeVersion: 'v1', files, idempotencyKey: null, requestHash: id }, now());
  await store.submissions.complete(owner, id, { score: { verdict: 'passed', message: null, earned: 1, max: 1, cap: null, tests: [], skills: [] }, log: '' }, now());
  await service.compare(owner, id);
}

beforeAll(async () => {
  corpus = (await readCorpus()).find((c) => c.language === 'python')!;
  database = await createTestDatabase('sqlite');
  store = await openStore({ kind: 'sqlite', file: database.url });
  service = similarityService({ similarity: store.similarity, submissions: store.submissions, invitations: store.invitations, starterOf: async () => corpus.starter, threshold: 0.45, now });
  for (const owner of [A, B]) {
    await store.assessments.insert(owner, { id: `as-${owner}`, name: 'A', instructions: '', timeLimitMinutes: 30, maxSubmissions: 3, resultVisibility: 'none', challenges: [], createdAt: now(), updatedAt: now() });
  }
  for (const id of ['i-1', 'i-2', 'i-3']) await store.invitations.insert(A, invitation(id), `hash-${id}`);
  await store.invitations.insert(B, invitation('i-b', B), 'hash-i-b');
});
afterAll(async () => {
  await store.close();
  await database.drop();
});

describe('comparing final submissions as they are recorded', () => {
  it('compares each new one with the others of its organisation only, and keeps the pairs already stored', async () => {
    const [reference, alt1, alt2] = corpus.solutions.map((s) => s.files);
    await recorded(A, 's-1', 'i-1', reference!);
    await recorded(B, 's-b', 'i-b', reference!);
    expect(await store.similarity.pairs(B, { invitationId: 'i-b' })).toEqual([]);
    await recorded(A, 's-2', 'i-2', plagiarise(reference!, corpus.starter, 'all'));
    const [first] = await store.similarity.pairs(A, { submissionId: 's-1' });
    await recorded(A, 's-3', 'i-3', alt1!);
    expect(await store.similarity.pairs(A, { submissionId: 's-2' })).toContainEqual(first);
    expect(await service.flags({ kind: 'member', ownerId: A, memberId: 'm', role: 'interviewer' }, ['i-1', 'i-2', 'i-3'])).toEqual(new Set(['i-1', 'i-2']));

    // Candidate 2 hands in their own work after all: it replaces the copy, and its pairs are new.
    await recorded(A, 's-4', 'i-2', alt2!);
    expect(await store.similarity.pairs(A, { submissionId: 's-2' })).toEqual([]);
    const ofTwo = await store.similarity.pairs(A, { invitationId: 'i-2' });
    expect(ofTwo.map((p) => p.left.submissionId)).toEqual(['s-4', 's-4']);
    expect(await service.flags({ kind: 'member', ownerId: A, memberId: 'm', role: 'interviewer' }, ['i-1', 'i-2', 'i-3'])).toEqual(new Set());
    // An API key that may only invite is told nothing either way.
    expect(await service.flags({ kind: 'apiKey', ownerId: A, keyId: 'k', scopes: ['invitations:write'] }, ['i-1'])).toBeNull();
  });
});
