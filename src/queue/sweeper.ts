import type { Queue } from 'bullmq';
import type { SubmissionJob } from './submissionJob.js';

/** Whether the queue still holds a live job for the submission; a finished one is removed so it can be added again. */
export function jobIsLive(queue: Queue<SubmissionJob>) {
  return async (submissionId: string): Promise<boolean> => {
    const job = await queue.getJob(submissionId);
    if (!job) return false;
    if ((await job.isCompleted()) || (await job.isFailed())) {
      await job.remove();
      return false;
    }
    return true;
  };
}

/**
 * Every `everyMs`, re-dispatches submissions left `queued` for longer than `graceMs` (see
 * SubmissionService.requeueStale). Returns the stop function.
 */
export function startSweeper(requeue: (olderThan: Date) => Promise<unknown>, opts: { everyMs: number; graceMs: number }, onError: (err: unknown) => void): () => void {
  const timer = setInterval(() => void requeue(new Date(Date.now() - opts.graceMs)).catch(onError), opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
