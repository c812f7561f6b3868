import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EventHub } from '../../events/eventHub.js';
import type { SubmissionEvent } from '../../events/submissionEvent.js';
import type { ScoredTest } from '../../scoring/scoreRun.js';
import { clientKey } from '../clientKey.js';

const HEARTBEAT_MS = 15_000;

export interface RunStream {
  /** The run as the caller may see it now; `done` ends the stream after it is sent. Throws (404) for a run the caller cannot see. */
  snapshot: () => Promise<{ status: string; body: unknown; done: boolean }>;
  /** What the caller may see of one test as it reports, or null to send nothing. */
  test: (test: ScoredTest) => unknown;
}

/**
 * Server-Sent Events for one run (a submission or a practice run): an event named after its current
 * status with the whole run, `running`, one `test` per result as the runner reports it, then the final
 * snapshot, after which the stream ends.
 */
export async function streamRun(request: FastifyRequest, reply: FastifyReply, events: EventHub, id: string, run: RunStream): Promise<void> {
  // Answers 404 (before the stream starts) for a run the caller cannot see, then 429 past the client's streams.
  await run.snapshot();
  const release = request.server.streamSlots.take(clientKey(request));

  const raw = reply.raw;
  let open = true;
  let unsubscribe: () => Promise<void> = async () => undefined;
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    release();
    void unsubscribe();
    raw.end();
  };
  const send = (event: string, data: unknown) => {
    if (open) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // Snapshots are read in order, so a later one never overtakes an earlier one on the stream.
  let snapshots = Promise.resolve();
  const sendSnapshot = () => {
    snapshots = snapshots.then(async () => {
      if (!open) return;
      const s = await run.snapshot();
      send(s.status, s.body);
      if (s.done) close();
    }).catch(() => close());
    return snapshots;
  };
  // Events that arrive before the snapshot is sent wait for it, so the stream stays in order.
  let pending: SubmissionEvent[] | null = [];
  const relay = (e: SubmissionEvent) => {
    if (e.type === 'running') send('running', { status: 'running' });
    else if (e.type === 'test') {
      const shown = run.test(e.test);
      if (shown !== null) send('test', shown);
    } else void sendSnapshot();
  };

  reply.hijack();
  raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  // A stream is quiet between events by design: the heartbeat, not the idle timeout, finds dead peers.
  request.raw.socket?.setTimeout(0);
  const heartbeat = setInterval(() => open && raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  raw.on('close', close);
  // The client may already have gone (during the snapshot read); then nothing is subscribed at all.
  if (raw.destroyed || request.raw.socket?.destroyed) return close();
  // Whenever the client goes, even while this subscribe is under way, the subscription is undone once made.
  const subscribed = events.subscribe(id, (e) => (pending ? pending.push(e) : relay(e)));
  unsubscribe = () => subscribed.then((undo) => undo(), () => undefined);
  try {
    await subscribed;
  } catch (err) {
    request.log.warn({ err }, 'event stream could not subscribe');
    return close();
  }
  if (!open) return;
  await sendSnapshot();
  const early = pending;
  pending = null;
  for (const e of early) relay(e);
}
