import type { Redis } from 'ioredis';
import type { ScoredTest } from '../scoring/scoreRun.js';

/** What is announced about a submission while it runs; the SSE route relays it. */
export type SubmissionEvent =
  | { type: 'running' }
  | { type: 'test'; test: ScoredTest }
  | { type: 'finished' };

export const eventChannel = (queueName: string, submissionId: string) => `${queueName}:events:${submissionId}`;

/** Announces an event to every process following the submission (see eventHub.ts). */
export async function publishEvent(redis: Redis, queueName: string, submissionId: string, event: SubmissionEvent): Promise<void> {
  await redis.publish(eventChannel(queueName, submissionId), JSON.stringify(event));
}
