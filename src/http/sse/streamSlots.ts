import { TooManyRequestsError } from '../../errors/TooManyRequestsError.js';

/** How long a refused client is told to wait: streams end when their run does, usually within minutes. */
const RETRY_AFTER_S = 30;

/**
 * Open event streams per client in this API process (SSE_MAX_PER_CLIENT): each holds a socket and
 * a listener, so one client must not hold them all. Counted per process, not in Redis: a count
 * in Redis would outlive a process that died with streams open.
 */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerClient: number) {}

  /** Takes a slot for `client` or throws 429; the returned release frees it (once, however often it is called). */
  take(client: string): () => void {
    const n = this.open.get(client) ?? 0;
    if (n >= this.maxPerClient) {
      throw new TooManyRequestsError(`At most ${this.maxPerClient} event streams may be open at once; close one first.`, { headers: { 'retry-after': String(RETRY_AFTER_S) } });
    }
    this.open.set(client, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(client) ?? 1) - 1;
      if (left > 0) this.open.set(client, left);
      else this.open.delete(client);
    };
  }
}
