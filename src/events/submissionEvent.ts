import type { ScoredTest } from '../scoring/scoreRun.js';

/** What the worker announces about a submission while it runs; the SSE route relays it. */
export type SubmissionEvent =
  | { type: 'running' }
  | { type: 'test'; test: ScoredTest }
  | { type: 'finished' };

export const eventChannel = (queueName: string, submissionId: string) => `${queueName}:events:${submissionId}`;
