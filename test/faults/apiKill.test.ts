import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, exited, freePort, spawnAssay } from '../support/processes.js';
import type { TestService } from '../support/testService.js';
import { expectAllScoredOnce, report, scopeContainers, startFaultService } from './faultCase.js';
import { IN_FLIGHT, solutions } from './faultSubmissions.js';

let svc: TestService;
let base: string;
let env: Record<string, string>;
const children: ChildProcess[] = [];

/** `npm start` in its own process on the case's database and queue, without a worker. */
async function startApi(): Promise<ChildProcess> {
  const child = spawnAssay('src/main.ts', env);
  children.push(child);
  await eventually(async () => (await fetch(`${base}/readyz`).then((r) => r.status, () => 0)) === 200, 60_000, 'the API process ready');
  return child;
}

beforeAll(async () => {
  // The test's own service only seeds the organisation and reads rows: its recorder is stopped, so the
  // API process is the one that records (and is killed).
  svc = await startFaultService({ worker: false });
  await svc.rt.stopConsumers();
  env = { ...process.env, ...svc.env, PORT: String(await freePort()), RUN_WORKER: 'false' } as Record<string, string>;
  base = `http://127.0.0.1:${env.PORT}`;
  children.push(spawnAssay('src/workerMain.ts', env));
}, 120_000);
afterAll(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map(exited));
  const queue = svc?.config.queueName;
  await svc?.close();
  if (svc) expect(await scopeContainers(svc.rt.docker, queue)).toBe(0);
});

/** One client's submission with its Idempotency-Key: the id on a 202, undefined when the request failed. */
async function post(key: string, files: { path: string; content: string }[]): Promise<string | undefined> {
  try {
    const res = await fetch(`${base}/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${svc.org.key}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ challenge: 'sum-python', files }),
    });
    return res.status === 202 ? ((await res.json()) as { id: string }).id : undefined;
  } catch {
    return undefined;
  }
}

/** Submissions the clients have to send; they stop sending new ones at the kill. */
const PLANNED = 2 * IN_FLIGHT;
/** Acknowledged submissions after which the API process is killed: by then IN_FLIGHT more are on their way. */
const KILL_AFTER = 10;

describe('the API process SIGKILLed during intake', () => {
  it(`${IN_FLIGHT} in flight: every 202 exists afterwards, and each one sent, retried with its key, completes once`, async () => {
    const started = Date.now();
    let api = await startApi();
    const planned = solutions(PLANNED);
    const acked: (string | undefined)[] = [];
    let next = 0;
    let killed = false;
    // IN_FLIGHT clients, each sending one submission after another until the kill.
    const client = async () => {
      while (!killed && next < PLANNED) {
        const i = next++;
        acked[i] = await post(`k${i}`, planned[i]!.files);
        if (!killed && acked.filter(Boolean).length >= KILL_AFTER) {
          killed = true;
          api.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, client));
    await exited(api);
    expect(killed).toBe(true);
    const sent = planned.slice(0, next);
    const before = acked.filter(Boolean).length;
    // Requests were still arriving, being stored and being queued: some got no answer.
    expect(before).toBeLessThan(sent.length);
    // Every acknowledged one was stored before its 202.
    for (const id of acked.filter((a): a is string => a !== undefined)) expect(await svc.rt.store.submissions.get(svc.org.id, id), id).toBeDefined();

    api = await startApi();
    // The clients retry what got no 202, with the same key: a stored one is answered as a replay.
    const ids = await Promise.all(sent.map(async (s, i) => acked[i] ?? (await post(`k${i}`, s.files))));
    ids.forEach((id, i) => expect(id, `retry of k${i}`).toBeDefined());
    // A 202 before the kill keeps its id on a retry too.
    for (let i = 0; i < sent.length; i++) if (acked[i]) expect(await post(`k${i}`, sent[i]!.files)).toBe(acked[i]);
    const rows = await expectAllScoredOnce(svc, ids as string[], sent);
    // Served afterwards, by the restarted process.
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    report(`api-kill during intake (sqlite; ${before} of ${sent.length} sent acknowledged before the kill)`, started, rows);
  }, 600_000);
});
