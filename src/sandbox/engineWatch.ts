import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import { SANDBOX_LABEL } from './containerSpec.js';

/** How long a kill event is remembered, and how long a run ended by a signal waits for its event. */
const KILL_MEMORY_MS = 10 * 60_000;
const KILL_EVENT_WAIT_MS = 3000;
const RECONNECT_MS = 1000;

/** Where a run stood when it began: which connection to the engine was watching. */
export interface WatchMark {
  connection: number;
}

/**
 * Follows the engine's `kill` events for one scope's sandboxes. The engine sends a kill only when
 * someone outside the sandbox asks for it (engine stop or restart, `docker kill`, `docker rm -f`);
 * a candidate's process killing itself, or the harness, makes the container exit with no such
 * event. So a run is ours to retry when the engine reports a kill we did not make (a harness may
 * even exit 0 on the engine's SIGTERM), or when the watch lost the engine during the run. It reconnects by itself, and tells
 * `onRestored` when the engine is back, so a warm pool of dead containers can be refilled.
 */
export class EngineWatch {
  private readonly killed = new Map<string, number>();
  private readonly waiting = new Map<string, Set<() => void>>();
  private connection = 0;
  private stream: Readable | undefined;
  private closed = false;
  /** Lost, and not reconnected yet. */
  private down = false;
  private connected = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly scope: string,
    private readonly onRestored: () => void,
    private readonly onLost: (err: unknown) => void,
  ) {
    void this.connect(false);
  }

  mark(): WatchMark {
    return { connection: this.connection };
  }

  /**
   * Whether the container was killed from outside since `mark`. A run that ended by a signal may
   * finish before the engine's event reaches us, so `late` waits briefly for it.
   */
  async killedOutside(containerId: string, mark: WatchMark, late: boolean): Promise<boolean> {
    if (this.killed.has(containerId) || this.connection !== mark.connection) return true;
    if (!late) return false;
    await new Promise<void>((resolve) => {
      const listeners = this.waiting.get(containerId) ?? new Set();
      const done = () => {
        clearTimeout(timeout);
        listeners.delete(done);
        if (listeners.size === 0) this.waiting.delete(containerId);
        resolve();
      };
      const timeout = setTimeout(done, KILL_EVENT_WAIT_MS);
      listeners.add(done);
      this.waiting.set(containerId, listeners);
    });
    return this.killed.has(containerId) || this.connection !== mark.connection;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.stream?.destroy();
  }

  private async connect(afterLoss: boolean): Promise<void> {
    if (this.closed) return;
    try {
      const stream = (await this.docker.getEvents({
        filters: { type: ['container'], event: ['kill'], label: [`${SANDBOX_LABEL}=${this.scope}`] },
      })) as unknown as Readable;
      if (this.closed) return void stream.destroy();
      this.stream = stream;
      let buffered = '';
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) this.record(JSON.parse(line) as { id?: string; Actor?: { ID?: string } });
      });
      let lost = false;
      const lose = (err: unknown) => {
        if (lost) return;
        lost = true;
        this.lose(err);
      };
      stream.once('error', lose);
      stream.once('end', () => lose(new Error('the engine closed its event stream')));
      stream.once('close', () => lose(new Error('the engine closed its event stream')));
      this.down = false;
      this.connected = true;
      if (afterLoss) this.onRestored();
    } catch (err) {
      this.retry(true, err);
    }
  }

  private record(event: { id?: string; Actor?: { ID?: string } }): void {
    const id = event.Actor?.ID ?? event.id;
    if (!id) return;
    const now = Date.now();
    this.killed.set(id, now);
    for (const [known, at] of this.killed) if (now - at > KILL_MEMORY_MS) this.killed.delete(known);
    this.waiting.get(id)?.forEach((wake) => wake());
  }

  /** Every run in progress now counts as killed from outside: the engine went away under it. */
  private lose(err: unknown): void {
    if (this.closed) return;
    this.connection++;
    this.stream = undefined;
    for (const listeners of this.waiting.values()) listeners.forEach((wake) => wake());
    this.retry(true, err);
  }

  private retry(afterLoss: boolean, err: unknown): void {
    if (this.closed) return;
    // Told once per outage of an engine that answered before, not on every failed reconnect.
    if (!this.down && this.connected) this.onLost(err);
    this.down = true;
    this.timer = setTimeout(() => void this.connect(afterLoss), RECONNECT_MS);
    this.timer.unref();
  }
}
