import type { Queue } from 'bullmq';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { ResultMessage } from '../submissions/resultMessage.js';
import { metricOnce } from './metricOnce.js';

/** Job states reported as queue depth. */
const STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed', 'waiting-children'] as const;

/**
 * The API side's figures: the queue's depth, read from Redis at each scrape (so every API process
 * reports the same whole queue), and the outcomes the result recorder stored (each counted once, by
 * the process that recorded it: sum them over processes).
 */
export function apiMetrics(registry: Registry, queue: Queue) {
  metricOnce(registry, 'assay_queue_jobs', () => new Gauge({
    name: 'assay_queue_jobs',
    help: 'Jobs in the submissions queue, by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await queue.getJobCounts(...STATES);
      for (const state of STATES) this.set({ state }, counts[state] ?? 0);
    },
  }));
  const recorded = metricOnce(registry, 'assay_submissions_recorded_total', () =>
    new Counter({ name: 'assay_submissions_recorded_total', help: 'Submission outcomes stored, by outcome (completed, failed)', labelNames: ['outcome'], registers: [registry] }));
  const failures = metricOnce(registry, 'assay_submission_failures_total', () =>
    new Counter({ name: 'assay_submission_failures_total', help: 'Submissions that could not be run (our failures), by failure code', labelNames: ['failure_code'], registers: [registry] }));
  return {
    /** Counts a result message the recorder stored (a repeated one is not stored, so not counted). */
    recorded(msg: ResultMessage): void {
      if (msg.kind === 'started') return;
      recorded.inc({ outcome: msg.kind });
      if (msg.kind === 'failed') failures.inc({ failure_code: msg.failure.code });
    },
  };
}
