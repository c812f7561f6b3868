import { DelayedError, type Job } from 'bullmq';
import type { SubmissionEvent } from '../events/submissionEvent.js';
import { grade, type Grader } from '../grading/grade.js';
import type { PackageSource } from '../queue/packageCache.js';
import type { SubmissionJob } from '../queue/submissionJob.js';
import { removeRunContainers } from '../sandbox/containerReaper.js';
import { SandboxUnavailableError } from '../sandbox/SandboxUnavailableError.js';
import { REMOVE_WAIT_MS, within } from '../sandbox/within.js';
import type { WorkerMetrics } from '../metrics/workerMetrics.js';
import type { ResultMessage } from '../submissions/resultMessage.js';
import { failureOf } from './failureOf.js';
import { WorkerFailure } from './WorkerFailure.js';
import { WorkerShutdownError } from './WorkerShutdownError.js';

/** What a worker needs: the engine, the packages, and the two ways back (results and live events). */
export interface WorkerDeps extends Grader {
  packages: Pick<PackageSource, 'get'>;
  report: (msg: ResultMessage) => Promise<void>;
  publish: (submissionId: string, event: SubmissionEvent) => Promise<void>;
  metrics?: Pick<WorkerMetrics, 'run'>;
}

/**
 * Runs one submission's hidden tests and reports its score. The candidate's failures come back as
 * a scored outcome; only our own failures throw, and BullMQ retries those; the last one is
 * reported as the submission's failure, with its code. A run cut short by the worker's shutdown
 * goes back to the queue without spending an attempt.
 */
export async function processSubmission(deps: WorkerDeps, job: Job<SubmissionJob>, signal: AbortSignal, token?: string): Promise<void> {
  const { ownerId, submissionId: id, challenge } = job.data;
  try {
    const pkg = await deps.packages.get(challenge.version);
    if (!pkg) throw new WorkerFailure('challenge_missing', `challenge ${challenge.slug}@${challenge.version} is not in the queue's package store`);
    await deps.report({ kind: 'started', ownerId, submissionId: id });
    await deps.publish(id, { type: 'running' });
    // Only a retried or retaken run can find a container of an earlier attempt whose worker died, or
    // that its engine lost; while that one holds the run's name, this attempt cannot start.
    if (job.attemptsMade > 0 || job.stalledCounter > 0) {
      await within(removeRunContainers(deps.docker, id), REMOVE_WAIT_MS, () => {
        throw new SandboxUnavailableError(`the sandbox of an earlier attempt was not removed in ${REMOVE_WAIT_MS} ms: its engine lost it`, { problem: 'sandbox_killed' });
      });
    }
    const startedAt = performance.now();
    const { score, log } = await grade(deps, {
      runId: id,
      pkg,
      files: job.data.files,
      limits: job.data.limits,
      signal,
      onTest: (test) => void deps.publish(id, { type: 'test', test }).catch(() => undefined),
    });
    if (signal.aborted) throw new WorkerShutdownError();
    deps.metrics?.run(pkg.manifest.runner, score.verdict, (performance.now() - startedAt) / 1000);
    await deps.report({ kind: 'completed', ownerId, submissionId: id, result: { score, log } });
  } catch (err) {
    // Stopped by a shutdown past its grace period: back to the queue as it was, no attempt spent.
    if (signal.aborted) {
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (!lastAttempt) throw err;
    await deps.report({ kind: 'failed', ownerId, submissionId: id, failure: failureOf(err) });
  }
}
