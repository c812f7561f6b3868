import type { Job } from 'bullmq';
import { practise } from '../grading/practise.js';
import type { PracticeJob, PracticeResult } from '../queue/practiceQueue.js';
import type { WorkerDeps } from './processSubmission.js';
import { WorkerShutdownError } from './WorkerShutdownError.js';

/**
 * Runs one practice run; its result is the job's return value, read by the API from the queue. Our
 * own failures fail the job (no retry: the candidate runs again). Events go out as for a submission;
 * `finished` is sent by the worker once the job's end is stored (startWorker.ts).
 */
export async function processPractice(deps: Omit<WorkerDeps, 'packages' | 'report'>, job: Job<PracticeJob>, signal: AbortSignal): Promise<PracticeResult> {
  const id = job.data.practiceId;
  await deps.publish(id, { type: 'running' });
  const result = await practise(deps, job.data, { signal, onTest: (test) => void deps.publish(id, { type: 'test', test }).catch(() => undefined) });
  if (signal.aborted) throw new WorkerShutdownError();
  return result;
}
