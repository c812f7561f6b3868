import { setTimeout as sleep } from 'node:timers/promises';
import type { AssayService } from './assayService.js';
import { runPool } from '../src/tools/runPool.js';

export interface DrainRound {
  depth: number;
  /** From the first submit sent to the queue holding nothing waiting or running. */
  makespanMs: number;
  msPerSubmission: number;
  /** Submissions that ended `completed` with the reference's verdict. */
  completed: number;
  /** The others' last states (`completed: timeout`, `queued` …): `completed` with another verdict is not lost, but worth a look. */
  others: Record<string, number>;
  /** Submissions not `completed` at all by the end of the grace period. */
  lost: number;
}

/** Submits at most this many at once, as a client flooding the API would. */
const SUBMIT_CONNECTIONS = 20;
const POLL_MS = 100;
/** How long the API may take to record the last results once the queue is empty. */
const RECORD_GRACE_MS = 30_000;

async function submit(svc: AssayService, body: unknown): Promise<string> {
  const res = await fetch(`${svc.baseUrl}/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${svc.apiKey}` },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function statusOf(svc: AssayService, id: string): Promise<{ status: string; verdict: string | null }> {
  const res = await fetch(`${svc.baseUrl}/v1/submissions/${id}`, { headers: { authorization: `Bearer ${svc.apiKey}` } });
  if (!res.ok) return { status: `HTTP ${res.status}`, verdict: null };
  return (await res.json()) as { status: string; verdict: string | null };
}

const unfinished = async (svc: AssayService) =>
  Object.values(await svc.rt.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active')).reduce((a, b) => a + b, 0);

/**
 * `depth` submissions of `body` sent at once to a running worker, timed until the queue is empty;
 * then every one is read back through the API and must have ended `completed` with `verdict`.
 */
export async function drainRound(svc: AssayService, body: unknown, depth: number, verdict: string): Promise<DrainRound> {
  const started = performance.now();
  const { results: ids } = await runPool(depth, SUBMIT_CONNECTIONS, () => submit(svc, body));
  while ((await unfinished(svc)) > 0) await sleep(POLL_MS);
  const makespanMs = performance.now() - started;
  let pending = ids;
  let states: { status: string; verdict: string | null }[] = [];
  const deadline = performance.now() + RECORD_GRACE_MS;
  do {
    states = (await runPool(pending.length, SUBMIT_CONNECTIONS, (i) => statusOf(svc, pending[i]!))).results;
    const done = states.map((s) => s.status === 'completed' && s.verdict === verdict);
    pending = pending.filter((_, i) => !done[i]);
    states = states.filter((_, i) => !done[i]);
    if (pending.length > 0) await sleep(POLL_MS * 10);
  } while (pending.length > 0 && performance.now() < deadline);
  const others: Record<string, number> = {};
  for (const s of states) {
    const state = s.verdict ? `${s.status}: ${s.verdict}` : s.status;
    others[state] = (others[state] ?? 0) + 1;
  }
  const lost = states.filter((s) => s.status !== 'completed').length;
  return { depth, makespanMs, msPerSubmission: makespanMs / depth, completed: depth - pending.length, others, lost };
}
