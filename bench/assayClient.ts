import { testsMsOf, type RunSample } from './runSample.js';
import { serverSentEvents } from './serverSentEvents.js';

interface SubmissionView {
  id: string;
  status: string;
  verdict: string | null;
  failureCode: string | null;
  message: string | null;
  tests: { name: string; durationMs: number | null }[];
}

/**
 * One submission through the public API, as a client would: POST it, then follow its event stream
 * until the `completed` (or `failed`) event carries the stored score.
 */
export async function submitAndWait(baseUrl: string, apiKey: string, body: unknown): Promise<RunSample> {
  const authorization = `Bearer ${apiKey}`;
  const sent = performance.now();
  const res = await fetch(`${baseUrl}/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`submit answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as SubmissionView;
  const stream = await fetch(`${baseUrl}/v1/submissions/${id}/events`, { headers: { authorization } });
  if (!stream.ok || !stream.body) throw new Error(`event stream of ${id} answered ${stream.status}`);
  for await (const e of serverSentEvents(stream.body)) {
    if (e.event !== 'completed' && e.event !== 'failed') continue;
    const done = performance.now();
    const s = JSON.parse(e.data) as SubmissionView;
    return {
      totalMs: done - sent,
      testsMs: testsMsOf(s.tests),
      // A failed submission is counted under its outcome rather than ending the benchmark.
      outcome: s.verdict ?? `${s.status}${s.failureCode ? ` (${s.failureCode})` : ''}`,
      tests: s.tests.map((t) => ({ name: t.name, durationMs: t.durationMs })),
      id,
      marks: { sent, done },
    };
  }
  throw new Error(`event stream of ${id} ended without a result`);
}
