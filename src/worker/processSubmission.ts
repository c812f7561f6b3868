import type { Job } from 'bullmq';
import type { Db } from '../db/database.js';
import { challengeVersion } from '../challenges/challengeStore.js';
import type { EventHub } from '../events/eventHub.js';
import type { SubmissionJob } from '../queue/submissionQueue.js';
import { grade, type Grader } from '../grading/grade.js';
import { removeRunContainers } from '../sandbox/containerReaper.js';
import { completeSubmission, failSubmission, getSubmission, markRunning } from '../submissions/submissionStore.js';
import { WorkerShutdownError } from './WorkerShutdownError.js';

export interface WorkerDeps extends Grader {
  db: Db;
  events: EventHub;
}

/**
 * Runs one submission's hidden tests and stores its score. The candidate's failures come back as
 * a scored outcome; only our own failures throw, and BullMQ retries those.
 */
export async function processSubmission(deps: WorkerDeps, job: Job<SubmissionJob>, signal: AbortSignal): Promise<void> {
  const { db, events } = deps;
  const id = job.data.submissionId;
  const submission = getSubmission(db, id);
  // Gone: the submit that made it could not enqueue and rolled it back.
  if (!submission) return;
  const pkg = challengeVersion(db, submission.challenge.slug, submission.challenge.version);
  if (!pkg) {
    if (failSubmission(db, id, `challenge ${submission.challenge.slug}@${submission.challenge.version} is not stored`)) {
      await events.publish(id, { type: 'finished' });
    }
    return;
  }
  const attempt = markRunning(db, id);
  if (attempt === null) return;
  try {
    await events.publish(id, { type: 'running' });
    // Only a retried run can find a container of an earlier attempt whose worker died before cleanup.
    if (attempt > 1) await removeRunContainers(deps.docker, id);
    const { score, log } = await grade(deps, {
      runId: id,
      pkg,
      files: submission.files,
      signal,
      onTest: (test) => void events.publish(id, { type: 'test', test }).catch(() => undefined),
    });
    if (signal.aborted) throw new WorkerShutdownError();
    if (completeSubmission(db, id, score, log)) {
      await events.publish(id, { type: 'finished' });
    }
  } catch (err) {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (!lastAttempt) throw err;
    if (failSubmission(db, id, `internal error: ${(err as Error).message}`)) await events.publish(id, { type: 'finished' }).catch(() => undefined);
  }
}
