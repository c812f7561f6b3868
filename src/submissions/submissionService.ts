import { createHash, randomUUID } from 'node:crypto';
import type { ChallengePackage } from '../challenges/challengePackage.js';
import type { ChallengeRepository } from '../challenges/challengeRepository.js';
import { DuplicateKeyError } from '../errors/DuplicateKeyError.js';
import { IdempotencyKeyReusedError } from '../errors/IdempotencyKeyReusedError.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import { UnknownChallengeError } from '../errors/UnknownChallengeError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { SubmissionEvent } from '../events/submissionEvent.js';
import type { Audit } from '../audit/audit.js';
import { outboxEvent } from '../outbox/outboxEvent.js';
import type { Actor, OwnerId } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import { queuedSubmission } from './queuedSubmission.js';
import type { ResultMessage } from './resultMessage.js';
import type { Submission, SubmissionRequest } from './submission.js';
import type { SubmissionRepository } from './submissionRepository.js';
import type { Grading } from './grading.js';
import type { GradingRepository } from './gradingRepository.js';
import { assertValidFiles } from './validateFiles.js';

export interface Created {
  id: string;
  submission: Submission;
  /** True when an earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

/** Hands a stored submission to the workers (queue/submissionQueue.ts); throws when it cannot. The request id, when there was a request, follows it into the worker's logs. */
export type Dispatch = (ownerId: OwnerId, submission: Pick<Submission, 'id' | 'files'> & { requestId?: string }, pkg: ChallengePackage) => Promise<void>;

export interface SubmissionServiceDeps {
  submissions: SubmissionRepository;
  gradings: Pick<GradingRepository, 'listBySubmission'>;
  challenges: Pick<ChallengeRepository, 'current' | 'version'>;
  dispatch: Dispatch;
  /** Holds a slot of the server-wide queue cap for a new submission until it is queued; throws 503 when full (queue/admission.ts). */
  admit: (id: string) => Promise<() => Promise<void>>;
  /** Announces a recorded outcome to whoever follows the submission (SSE clients). */
  publish: (submissionId: string, event: SubmissionEvent) => Promise<void>;
  audit: Audit;
  now?: () => Date;
}

const hashRequest = (req: SubmissionRequest) =>
  createHash('sha256').update(JSON.stringify([req.challenge, req.files.map((f) => [f.path, f.content])])).digest('hex');

/** Taking submissions in, answering for them, and recording what the workers report. */
export function submissionService({ submissions, gradings, challenges, dispatch, admit, publish, audit, now = () => new Date() }: SubmissionServiceDeps) {
  async function replayOf(owner: OwnerId, key: string, requestHash: string): Promise<Created | undefined> {
    const earlier = await submissions.findByIdempotencyKey(owner, key);
    if (!earlier) return undefined;
    // The other request's submission is not named: the key may have been guessed.
    if (earlier.requestHash !== requestHash) throw new IdempotencyKeyReusedError(`Idempotency-Key "${key}" was already used for a different request.`);
    return { id: earlier.id, replayed: true, submission: (await submissions.get(owner, earlier.id))! };
  }

  /** Records one worker report; a repeated or late one changes nothing (a submission is scored once). Resolves true when it stored a final outcome. */
  async function record(msg: ResultMessage): Promise<boolean> {
    const { ownerId, submissionId } = msg;
    if (msg.kind === 'started') {
      await submissions.markRunning(ownerId, submissionId, now());
      return false;
    }
    const recorded = msg.kind === 'completed'
      ? await submissions.complete(ownerId, submissionId, msg.result, now(), [outboxEvent('submission.completed', { submissionId }, now())])
      : await submissions.fail(ownerId, submissionId, msg.failure, now());
    // Recorded is what counts; a lost announcement only makes an SSE client read the row later.
    if (recorded) await publish(submissionId, { type: 'finished' }).catch(() => undefined);
    return recorded;
  }

  async function submit(owner: OwnerId, req: SubmissionRequest, opts: { idempotencyKey: string | undefined; invitationId: string | null; pkg: () => Promise<ChallengePackage | undefined>; requestId?: string }): Promise<Created> {
    const { idempotencyKey, invitationId, requestId } = opts;
    assertValidFiles(req.files);
    const requestHash = hashRequest(req);
    if (idempotencyKey !== undefined) {
      const replay = await replayOf(owner, idempotencyKey, requestHash);
      if (replay) return replay;
    }
    const pkg = await opts.pkg();
    if (!pkg) {
      throw new UnknownChallengeError(`No challenge "${req.challenge}"; GET /v1/challenges lists them.`, {
        errors: [{ field: '/body/challenge', message: `unknown challenge "${req.challenge}"` }],
      });
    }
    const id = randomUUID();
    const row = { id, invitationId, challengeSlug: pkg.manifest.slug, challengeVersion: pkg.version, files: req.files, idempotencyKey: idempotencyKey ?? null, requestHash };
    // Past the queue cap nothing is stored: the slot is taken before the row is written.
    const release = await admit(id);
    const createdAt = now();
    try {
      try {
        await submissions.insert(owner, row, createdAt);
      } catch (err) {
        // Another request inserted the same key between our lookup and insert: answer as its replay.
        if (err instanceof DuplicateKeyError && idempotencyKey !== undefined) {
          const replay = await replayOf(owner, idempotencyKey, requestHash);
          if (replay) return replay;
        }
        throw err;
      }
      try {
        await dispatch(owner, { ...row, requestId }, pkg);
      } catch (err) {
        await submissions.delete(owner, id);
        throw err;
      }
    } finally {
      await release();
    }
    return { id, replayed: false, submission: queuedSubmission(row, createdAt) };
  }

  /** A submission of the caller's organisation; another organisation's is as missing as an unknown id. */
  async function get(actor: Actor, id: string): Promise<Submission> {
    const s = await submissions.get(authorize(actor, 'submissions.read').ownerId, id);
    if (!s) throw new NotFoundError(`No submission ${id}.`);
    return s;
  }

  return {
    record,

    /**
     * Stores a submission, then dispatches it. If the queue cannot take it, the row is removed
     * again and the client is told to retry: nothing half-done is left behind.
     */
    async create(actor: Actor, req: SubmissionRequest, idempotencyKey: string | undefined, requestId?: string): Promise<Created> {
      const owner = authorize(actor, 'submissions.create').ownerId;
      return submit(owner, req, { idempotencyKey, invitationId: null, pkg: () => challenges.current(owner, req.challenge), requestId });
    },

    /** A candidate's scored submission under their invitation, against the version the assessment pinned (already read by the caller). */
    submitForInvitation: (owner: OwnerId, invitationId: string, req: SubmissionRequest, pinned: ChallengePackage, requestId?: string) =>
      submit(owner, req, { idempotencyKey: undefined, invitationId, pkg: async () => pinned, requestId }),

    get,

    /** `get`, recorded in the audit log as the result viewed. */
    async view(actor: Actor, id: string): Promise<Submission> {
      const s = await get(actor, id);
      await audit(authorize(actor, 'submissions.read'), 'result.viewed', `submission:${id}`);
      return s;
    },

    /** A submission with its later gradings (regrades), for staff (candidates are refused), audited as `view`. */
    async gradings(actor: Actor, id: string): Promise<{ submission: Submission; gradings: Grading[] }> {
      const submission = await get(actor, id);
      const reader = authorize(actor, 'submissions.read');
      await audit(reader, 'result.viewed', `submission:${id}`);
      return { submission, gradings: await gradings.listBySubmission(reader.ownerId, id) };
    },

    /**
     * Dispatches submissions left `queued` but possibly missing from the queue (a crash between
     * commit and enqueue, a Redis restart without persistence); one whose challenge version is
     * gone is failed. Returns how many it dispatched.
     */
    async requeueStale(olderThan: Date, isQueued: (id: string) => Promise<boolean>): Promise<number> {
      let n = 0;
      for (const ref of await submissions.staleQueued(olderThan, 100)) {
        if (await isQueued(ref.id)) continue;
        const s = await submissions.get(ref.ownerId, ref.id);
        if (!s) continue;
        const pkg = await challenges.version(ref.ownerId, s.challenge.slug, s.challenge.version);
        if (!pkg) {
          const message = `challenge ${s.challenge.slug}@${s.challenge.version} is not stored`;
          await record({ kind: 'failed', ownerId: ref.ownerId, submissionId: ref.id, failure: { code: 'challenge_missing', message } });
          continue;
        }
        await dispatch(ref.ownerId, s, pkg);
        n++;
      }
      return n;
    },
  };
}

export type SubmissionService = ReturnType<typeof submissionService>;
