import autocannon from 'autocannon';
import type { AssayService } from './assayService.js';

export interface IntakeResult {
  connections: number;
  durationS: number;
  /** `202` answers per second over the whole run. */
  acceptedPerSecond: number;
  accepted: number;
  /** Answers other than `202`, and requests that got no answer. */
  refused: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  /** Queued submissions the database and the queue hold afterwards: each should equal `accepted`. */
  stored: number;
  queued: number;
}

/**
 * Submissions accepted per second with the worker off: autocannon on loopback, `connections` at a
 * time for `seconds`, each request a new submission of `body`. Then counts what was kept, so speed
 * bought by losing submissions shows up.
 */
export async function measureIntake(svc: AssayService, body: unknown, connections: number, seconds: number): Promise<IntakeResult> {
  const result = await autocannon({
    url: `${svc.baseUrl}/v1/submissions`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${svc.apiKey}` },
    body: JSON.stringify(body),
    connections,
    duration: seconds,
  });
  const everyone = new Date(Date.now() + 3_600_000);
  const stored = (await svc.rt.store.submissions.staleQueued(everyone, 10_000_000)).length;
  const counts = await svc.rt.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
  const accepted = result['2xx'];
  return {
    connections,
    durationS: result.duration,
    acceptedPerSecond: accepted / result.duration,
    accepted,
    refused: result.non2xx,
    errors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    stored,
    queued: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}
