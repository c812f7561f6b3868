import type { Redis } from 'ioredis';
import { eventChannel, type SubmissionEvent } from './submissionEvent.js';

type Listener = (event: SubmissionEvent) => void;
/** A channel's listeners, and its SUBSCRIBE: every listener waits for it, not only the first. */
type Channel = { set: Set<Listener>; ready: Promise<void> };

/**
 * Fans submission events out to in-process listeners over one Redis subscriber connection, so an
 * SSE client costs a map entry, not a connection; works whichever process published them.
 */
export class EventHub {
  private readonly listeners = new Map<string, Channel>();

  constructor(
    private readonly subscriber: Redis,
    private readonly queueName: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel)?.set;
      if (!set) return;
      const event = JSON.parse(message) as SubmissionEvent;
      for (const listener of set) listener(event);
    });
  }

  /** Resolves once subscribed, so no event published afterwards is missed; returns the unsubscribe. */
  async subscribe(submissionId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = eventChannel(this.queueName, submissionId);
    let entry = this.listeners.get(channel);
    if (!entry) {
      const fresh: Channel = { set: new Set(), ready: this.subscriber.subscribe(channel).then(() => undefined) };
      // A failed subscribe leaves no entry behind that would make the next one skip subscribing.
      fresh.ready.catch(() => this.listeners.get(channel) === fresh && this.listeners.delete(channel));
      this.listeners.set(channel, fresh);
      entry = fresh;
    }
    const { set } = entry;
    set.add(listener);
    try {
      await entry.ready;
    } catch (err) {
      set.delete(listener);
      throw err;
    }
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === entry) {
        this.listeners.delete(channel);
        await this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }
}
