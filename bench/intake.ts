import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { repoRoot } from '../src/repoRoot.js';
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
  /** CPU time the service's process spent per accepted submission: what a shared host's noise hides least. */
  cpuMsPerSubmission: number;
  /** Queued submissions the database and the queue hold afterwards: equal, and at least `accepted`. */
  stored: number;
  queued: number;
}

const AUTOCANNON = path.join(repoRoot, 'node_modules', '.bin', 'autocannon');
/** Requests autocannon abandoned at its deadline may still be finishing in the service. */
const SETTLE_MS = 1000;

interface AutocannonJson {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number };
}

/**
 * Submissions accepted per second with the worker off: autocannon on loopback, in a process of its
 * own so it takes no time from the service's event loop, `connections` at a time for `seconds`, each
 * request a new submission of `body`. Then counts what was kept, so speed bought by losing
 * submissions shows up.
 */
export async function measureIntake(svc: AssayService, body: unknown, connections: number, seconds: number): Promise<IntakeResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-bench-intake-'));
  const input = path.join(dir, 'body.json');
  await writeFile(input, JSON.stringify(body));
  const cpu = process.cpuUsage();
  let result: AutocannonJson;
  try {
    const { stdout } = await promisify(execFile)(AUTOCANNON, [
      '--json', '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-i', input,
      '-H', 'content-type=application/json', '-H', `authorization=Bearer ${svc.apiKey}`,
      `${svc.baseUrl}/v1/submissions`,
    ], { maxBuffer: 16 * 1024 * 1024 });
    result = JSON.parse(stdout) as AutocannonJson;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const used = process.cpuUsage(cpu);
  await sleep(SETTLE_MS);
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
    cpuMsPerSubmission: (used.user + used.system) / 1000 / Math.max(1, accepted),
    stored,
    queued: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}
