import type { Queue } from 'bullmq';
import type { Db } from '../db/database.js';
import { staleQueuedIds } from '../submissions/submissionStore.js';
import { enqueueSubmission, type SubmissionJob } from './submissionQueue.js';

/**
 * Re-enqueues submissions left `queued` in the database but possibly missing from Redis (a crash
 * between commit and enqueue, a Redis restart without persistence). Job ids make this a no-op for
 * submissions already queued.
 */
export function startSweeper(db: Db, queue: Queue<SubmissionJob>, opts: { everyMs: number; graceMs: number }, onError: (err: unknown) => void): () => void {
  const sweep = async () => {
    for (const id of staleQueuedIds(db, new Date(Date.now() - opts.graceMs))) {
      const job = await queue.getJob(id);
      if (!job || (await job.isCompleted()) || (await job.isFailed())) {
        if (job) await job.remove();
        await enqueueSubmission(queue, id);
      }
    }
  };
  const timer = setInterval(() => void sweep().catch(onError), opts.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
