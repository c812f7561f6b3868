import type { Redis } from 'ioredis';
import { eventChannel, type SubmissionEvent } from './submissionEvent.js';

type Listener = (event: SubmissionEvent) => void;

/**
 * Fans submission events out to in-process listeners over one Redis subscriber connection, so an
 * SSE client costs a map entry, not a connection; works whichever process published them.
 */
export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly subscriber: Redis,
    private readonly queueName: string,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      const set = this.listeners.get(channel);
      if (!set) return;
      const event = JSON.parse(message) as SubmissionEvent;
      for (const listener of set) listener(event);
    });
  }

  /** Resolves once subscribed, so no event published afterwards is missed; returns the unsubscribe. */
  async subscribe(submissionId: string, listener: Listener): Promise<() => Promise<void>> {
    const channel = eventChannel(this.queueName, submissionId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.subscriber.subscribe(channel);
    }
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        await this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }
}
