import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengePackage } from '../../src/challenges/challengePackage.js';
import { readPackage } from '../../src/challenges/readPackage.js';
import { DuplicateKeyError } from '../../src/errors/DuplicateKeyError.js';
import type { Store } from '../../src/platform/store.js';
import { repoRoot } from '../../src/repoRoot.js';
import type { Score } from '../../src/scoring/scoreRun.js';
import { queuedSubmission } from '../../src/submissions/queuedSubmission.js';
import { openTestStore } from '../support/testStore.js';

// One contract, every adapter: the SQLite and PostgreSQL repositories must behave alike.

const FIXTURES = path.join(repoRoot, 'test/fixtures/challenges');
const A = 'owner-a';
const B = 'owner-b';
const t0 = new Date('2026-01-01T00:00:00.000Z');
const later = (s: number) => new Date(t0.getTime() + s * 1000);
const files = [{ path: 'calc.py', content: 'def add(a, b):\n    return a + b\n' }];
let n = 0;
const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const row = (version: string, extra: Partial<{ id: string; idempotencyKey: string | null; challengeSlug: string }> = {}) => ({
  id: newId(),
  challengeSlug: 'sum-python',
  challengeVersion: version,
  files,
  idempotencyKey: null,
  requestHash: 'h',
  ...extra,
});
const score: Score = {
  verdict: 'failed',
  message: null,
  earned: 2,
  max: 4,
  // Test b is critical: the stored score keeps the raw points and the cap, and reads back as 25%.
  cap: { ceiling: 25, triggered: [{ name: 'b is critical', ceiling: 25, reason: 'b guards a hole', tests: ['b'] }] },
  tests: [
    { name: 'a', status: 'passed', points: 2, maxPoints: 2, message: null, output: 'printed\n', durationMs: 5 },
    { name: 'b', status: 'failed', points: 0, maxPoints: 1, message: 'expected 1', output: null, durationMs: null },
    { name: 'c', status: 'skipped', points: 0, maxPoints: 1, message: 'needs a database', output: null, durationMs: 0 },
  ],
  skills: [{ skill: 'testing', earned: 2, max: 4, ceiling: 25 }],
};

describe.each(['sqlite', 'postgres'] as const)('repositories on %s', (kind) => {
  let store: Store;
  let close: () => Promise<void>;
  let v1: ChallengePackage;
  let v2: ChallengePackage;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(kind));
    v1 = await readPackage(path.join(FIXTURES, 'sum-python'));
    v2 = { ...v1, version: 'e'.repeat(64), statement: 'v2' };
  });
  afterAll(async () => {
    await close();
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('challenges', () => {
    it('stores versions whole, makes the last saved current, and keeps each owner apart', async () => {
      const { challenges } = store;
      await challenges.save(A, v1, t0);
      expect(await challenges.current(A, 'sum-python')).toEqual(v1);
      await challenges.save(A, v2, later(1));
      expect((await challenges.current(A, 'sum-python'))!.version).toBe(v2.version);
      expect(await challenges.version(A, 'sum-python', v1.version)).toEqual(v1);
      // Saving a version again changes nothing of it, only which one is current.
      await challenges.save(A, v1, later(2));
      expect((await challenges.current(A, 'sum-python'))!.version).toBe(v1.version);
      expect(await challenges.current(B, 'sum-python')).toBeUndefined();
      expect(await challenges.version(B, 'sum-python', v1.version)).toBeUndefined();
      expect(await challenges.listCurrent(B)).toEqual([]);
      await challenges.save(B, v2, later(3));
      expect((await challenges.current(A, 'sum-python'))!.version).toBe(v1.version);
      expect((await challenges.current(B, 'sum-python'))!.version).toBe(v2.version);
    });

    it('lists an owner\'s current challenges by slug', async () => {
      const other = { ...v1, manifest: { ...v1.manifest, slug: 'a-first' }, version: 'd'.repeat(64) };
      await store.challenges.save(A, other, later(4));
      expect((await store.challenges.listCurrent(A)).map((p) => [p.manifest.slug, p.version])).toEqual([
        ['a-first', other.version],
        ['sum-python', v1.version],
      ]);
    });
  });

  describe('challenge imports', () => {
    it('keeps an upload and its files per owner, and records one outcome only', async () => {
      const { challengeImports } = store;
      const upload = { id: newId(), slug: 'own', version: 'c'.repeat(64), status: 'validating' as const, problems: [], checks: [], createdAt: t0, finishedAt: null };
      await challengeImports.insert(A, upload, files);
      expect(await challengeImports.get(A, upload.id)).toEqual(upload);
      expect(await challengeImports.files(A, upload.id)).toEqual(files);
      expect(await challengeImports.get(B, upload.id)).toBeUndefined();
      expect(await challengeImports.files(B, upload.id)).toBeUndefined();
      expect(await challengeImports.finish(B, upload.id, { status: 'accepted', problems: [], checks: [] }, later(1))).toBe(false);
      expect(await challengeImports.finish(A, upload.id, { status: 'rejected', problems: ['the starter scores 100%'], checks: ['x'] }, later(1))).toBe(true);
      expect(await challengeImports.finish(A, upload.id, { status: 'accepted', problems: [], checks: [] }, later(2))).toBe(false);
      expect(await challengeImports.get(A, upload.id)).toEqual({ ...upload, status: 'rejected', problems: ['the starter scores 100%'], checks: ['x'], finishedAt: later(1) });
    });
  });

  describe('submissions', () => {
    it('stores a queued submission that only its owner can read', async () => {
      const r = row(v1.version);
      await store.submissions.insert(A, r, t0);
      expect(await store.submissions.get(A, r.id)).toEqual({
        id: r.id,
        invitationId: null,
        challenge: { slug: 'sum-python', version: v1.version },
        status: 'queued',
        verdict: null,
        message: null,
        failureCode: null,
        score: null,
        tests: [],
        skills: [],
        files,
        log: null,
        attempts: 0,
        createdAt: t0,
        startedAt: null,
        completedAt: null,
      });
      // What a submit answers with, without reading the row back.
      expect(await store.submissions.get(A, r.id)).toEqual(queuedSubmission(r, t0));
      expect(await store.submissions.get(B, r.id)).toBeUndefined();
    });

    it('finds by idempotency key per owner, and raises DuplicateKeyError on a reused one', async () => {
      const r = row(v1.version, { idempotencyKey: 'k1' });
      await store.submissions.insert(A, r, t0);
      expect(await store.submissions.findByIdempotencyKey(A, 'k1')).toEqual({ id: r.id, requestHash: 'h' });
      expect(await store.submissions.findByIdempotencyKey(B, 'k1')).toBeUndefined();
      await expect(store.submissions.insert(A, row(v1.version, { idempotencyKey: 'k1' }), t0)).rejects.toBeInstanceOf(DuplicateKeyError);
      // The same key is another owner's to use.
      await expect(store.submissions.insert(B, row(v1.version, { idempotencyKey: 'k1' }), t0)).resolves.toBeUndefined();
    });

    it('deletes only the owner\'s submission', async () => {
      const r = row(v1.version);
      await store.submissions.insert(A, r, t0);
      await store.submissions.delete(B, r.id);
      expect(await store.submissions.get(A, r.id)).toBeDefined();
      await store.submissions.delete(A, r.id);
      expect(await store.submissions.get(A, r.id)).toBeUndefined();
    });

    it('runs, completes once with its tests in order, and refuses to run or finish again', async () => {
      const r = row(v1.version);
      await store.submissions.insert(A, r, t0);
      expect(await store.submissions.markRunning(B, r.id, later(1))).toBe(false);
      expect(await store.submissions.markRunning(A, r.id, later(1))).toBe(true);
      expect(await store.submissions.markRunning(A, r.id, later(2))).toBe(true);
      expect(await store.submissions.complete(B, r.id, { score, log: 'x' }, later(3))).toBe(false);
      expect(await store.submissions.complete(A, r.id, { score, log: 'out' }, later(3))).toBe(true);
      expect(await store.submissions.complete(A, r.id, { score: { ...score, earned: 3 }, log: 'again' }, later(4))).toBe(false);
      expect(await store.submissions.fail(A, r.id, { code: 'internal', message: 'late' }, later(4))).toBe(false);
      expect(await store.submissions.markRunning(A, r.id, later(5))).toBe(false);
      expect(await store.submissions.get(A, r.id)).toMatchObject({
        status: 'completed',
        verdict: 'failed',
        score: { earned: 2, max: 4, percent: 25, cap: score.cap },
        tests: score.tests,
        skills: [{ skill: 'testing', earned: 2, max: 4, ceiling: 25, percent: 25 }],
        log: 'out',
        attempts: 2,
        startedAt: later(2),
        completedAt: later(3),
        failureCode: null,
      });
    });

    it('completes a submission still queued (a result can overtake its "started")', async () => {
      const r = row(v1.version);
      await store.submissions.insert(A, r, t0);
      expect(await store.submissions.complete(A, r.id, { score, log: '' }, later(1))).toBe(true);
      expect(await store.submissions.markRunning(A, r.id, later(2))).toBe(false);
      expect((await store.submissions.get(A, r.id))!.status).toBe('completed');
    });

    it('fails an unfinished submission once, with its code', async () => {
      const r = row(v1.version);
      await store.submissions.insert(A, r, t0);
      expect(await store.submissions.fail(B, r.id, { code: 'image_missing', message: 'm' }, later(1))).toBe(false);
      expect(await store.submissions.fail(A, r.id, { code: 'image_missing', message: 'no image' }, later(1))).toBe(true);
      expect(await store.submissions.fail(A, r.id, { code: 'internal', message: 'again' }, later(2))).toBe(false);
      expect(await store.submissions.complete(A, r.id, { score, log: '' }, later(2))).toBe(false);
      expect(await store.submissions.get(A, r.id)).toMatchObject({ status: 'failed', failureCode: 'image_missing', message: 'no image', score: null, completedAt: later(1) });
    });

    it('lists stale queued submissions of every owner, oldest first', async () => {
      const old = row(v1.version);
      const older = row(v1.version);
      const fresh = row(v1.version);
      await store.submissions.insert(B, old, new Date('2025-06-02T00:00:00Z'));
      await store.submissions.insert(A, older, new Date('2025-06-01T00:00:00Z'));
      await store.submissions.insert(A, fresh, new Date('2025-07-01T00:00:00Z'));
      expect(await store.submissions.staleQueued(new Date('2025-06-15T00:00:00Z'), 10)).toEqual([
        { ownerId: A, id: older.id },
        { ownerId: B, id: old.id },
      ]);
      expect(await store.submissions.staleQueued(new Date('2025-06-15T00:00:00Z'), 1)).toEqual([{ ownerId: A, id: older.id }]);
    });

    it('lists the submissions made under an invitation, oldest first, only for its owner', async () => {
      const one = { ...row(v1.version), invitationId: 'inv-1' };
      const two = { ...row(v1.version), invitationId: 'inv-1' };
      await store.submissions.insert(A, two, later(2));
      await store.submissions.insert(A, one, later(1));
      await store.submissions.insert(A, { ...row(v1.version), invitationId: 'inv-2' }, later(3));
      expect((await store.submissions.listByInvitation(A, 'inv-1')).map((s) => [s.id, s.invitationId])).toEqual([[one.id, 'inv-1'], [two.id, 'inv-1']]);
      expect(await store.submissions.listByInvitation(B, 'inv-1')).toEqual([]);
    });

    it('lists an owner\'s completed submissions of a challenge scored on other versions', async () => {
      const slug = 'regrade-me';
      const onV1 = row(v1.version, { challengeSlug: slug });
      const onV2 = row(v2.version, { challengeSlug: slug });
      const queued = row(v1.version, { challengeSlug: slug });
      const othersOwner = row(v1.version, { challengeSlug: slug });
      for (const [owner, r] of [[A, onV1], [A, onV2], [A, queued], [B, othersOwner]] as const) await store.submissions.insert(owner, r, t0);
      for (const [owner, r] of [[A, onV1], [A, onV2], [B, othersOwner]] as const) await store.submissions.complete(owner, r.id, { score, log: '' }, later(1));
      const found = await store.submissions.completedOnOtherVersions(A, slug, v2.version, 10);
      expect(found.map((s) => s.id)).toEqual([onV1.id]);
      expect(found[0]!.tests).toEqual(score.tests);
    });
  });

  describe('gradings', () => {
    const regraded: Score = { ...score, verdict: 'passed', earned: 3, cap: null, tests: [score.tests[0]!, { ...score.tests[1]!, status: 'passed', points: 1, message: null }, score.tests[2]!], skills: [{ skill: 'testing', earned: 3, max: 4, ceiling: null }] };

    it('keeps regrades of a submission beside its own score, oldest first, for its owner only', async () => {
      const s = row(v1.version);
      await store.submissions.insert(A, s, t0);
      await store.submissions.complete(A, s.id, { score, log: 'first' }, later(1));
      const first = { id: newId(), submissionId: s.id, challengeVersion: v2.version, reason: 'regrade' as const, result: { score: regraded, log: 'again' } };
      const second = { ...first, id: newId(), result: { score, log: '' } };
      expect(await store.gradings.add(A, second, later(3))).toBe(true);
      expect(await store.gradings.add(A, first, later(2))).toBe(true);

      expect(await store.gradings.listBySubmission(A, s.id)).toEqual([
        {
          id: first.id,
          submissionId: s.id,
          challengeVersion: v2.version,
          reason: 'regrade',
          verdict: 'passed',
          message: null,
          score: { earned: 3, max: 4, percent: 75, cap: null },
          tests: regraded.tests,
          skills: [{ skill: 'testing', earned: 3, max: 4, ceiling: null, percent: 75 }],
          log: 'again',
          createdAt: later(2),
        },
        expect.objectContaining({ id: second.id, verdict: 'failed', score: { earned: 2, max: 4, percent: 25, cap: score.cap }, createdAt: later(3) }),
      ]);
      // The submission's own score is untouched.
      expect(await store.submissions.get(A, s.id)).toMatchObject({ verdict: 'failed', score: { earned: 2, max: 4 }, tests: score.tests, log: 'first' });
      expect(await store.gradings.listBySubmission(B, s.id)).toEqual([]);
    });

    it('refuses a grading of another owner\'s or a missing submission, storing nothing', async () => {
      const s = row(v1.version);
      await store.submissions.insert(B, s, t0);
      const g = { id: newId(), submissionId: s.id, challengeVersion: v2.version, reason: 'regrade' as const, result: { score, log: '' } };
      expect(await store.gradings.add(A, g, later(1))).toBe(false);
      expect(await store.gradings.add(A, { ...g, submissionId: newId() }, later(1))).toBe(false);
      expect(await store.gradings.listBySubmission(A, s.id)).toEqual([]);
      expect(await store.gradings.listBySubmission(B, s.id)).toEqual([]);
    });

    it('goes with its submission when that is deleted', async () => {
      const s = row(v1.version);
      await store.submissions.insert(A, s, t0);
      await store.gradings.add(A, { id: newId(), submissionId: s.id, challengeVersion: v2.version, reason: 'regrade', result: { score, log: '' } }, later(1));
      await store.submissions.delete(A, s.id);
      expect(await store.gradings.listBySubmission(A, s.id)).toEqual([]);
    });
  });
});
