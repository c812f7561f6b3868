import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Db } from '../db/database.js';
import { currentChallenge } from '../challenges/challengeStore.js';
import { IdempotencyKeyReusedError } from '../errors/IdempotencyKeyReusedError.js';
import { UnknownChallengeError } from '../errors/UnknownChallengeError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { enqueueSubmission, type SubmissionJob } from '../queue/submissionQueue.js';
import type { CreateSubmission } from '../schemas/submission.js';
import { deleteSubmission, findByIdempotencyKey, insertSubmission } from './submissionStore.js';
import { validateFiles } from './validateFiles.js';

export interface Created {
  id: string;
  /** True when an earlier request with the same Idempotency-Key made it. */
  replayed: boolean;
}

const hashRequest = (req: CreateSubmission) =>
  createHash('sha256').update(JSON.stringify([req.challenge, req.files.map((f) => [f.path, f.content])])).digest('hex');

/**
 * Stores a submission, then enqueues it. If the queue cannot take it, the row is removed again and
 * the client is told to retry: nothing half-done is left behind.
 */
export async function createSubmission(db: Db, queue: Queue<SubmissionJob>, req: CreateSubmission, idempotencyKey: string | undefined): Promise<Created> {
  const problems = validateFiles(req.files);
  if (problems.length > 0) throw new ValidationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems });
  const requestHash = hashRequest(req);
  if (idempotencyKey !== undefined) {
    const earlier = findByIdempotencyKey(db, idempotencyKey);
    if (earlier) {
      if (earlier.requestHash !== requestHash) {
        throw new IdempotencyKeyReusedError(`Idempotency-Key "${idempotencyKey}" was used for a different request (submission ${earlier.id}).`);
      }
      return { id: earlier.id, replayed: true };
    }
  }
  const challenge = currentChallenge(db, req.challenge);
  if (!challenge) {
    throw new UnknownChallengeError(`No challenge "${req.challenge}"; GET /v1/challenges lists them.`, {
      errors: [{ field: '/body/challenge', message: `unknown challenge "${req.challenge}"` }],
    });
  }
  const id = randomUUID();
  try {
    insertSubmission(db, {
      id,
      challengeSlug: challenge.manifest.slug,
      challengeVersion: challenge.version,
      files: req.files,
      idempotencyKey: idempotencyKey ?? null,
      requestHash,
    });
  } catch (err) {
    // Another process inserted the same key between our lookup and insert: answer as its replay.
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && idempotencyKey !== undefined) {
      return createSubmission(db, queue, req, idempotencyKey);
    }
    throw err;
  }
  try {
    await enqueueSubmission(queue, id);
  } catch (err) {
    deleteSubmission(db, id);
    throw err;
  }
  return { id, replayed: false };
}
