import type { Client } from './client';

export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * Splits a text/event-stream into events as chunks arrive (a chunk may end mid-line). Comments
 * (`: keep-alive`) are skipped; `data` is parsed as JSON, as the API always sends it.
 */
export class SseParser {
  private buffer = '';

  feed(chunk: string): SseEvent[] {
    this.buffer += chunk.replace(/\r\n?/g, '\n');
    const blocks = this.buffer.split('\n\n');
    this.buffer = blocks.pop() ?? '';
    return blocks.flatMap((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':') || line === '') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length === 0) return [];
      const text = data.join('\n');
      try {
        return [{ event, data: JSON.parse(text) as unknown }];
      } catch {
        return [{ event, data: text }];
      }
    });
  }
}

/**
 * Reads a Server-Sent Events stream with fetch (so the Bearer header goes along; EventSource
 * cannot send one) until the server ends it or `signal` aborts.
 */
export async function readEvents(api: Client, path: string, onEvent: (e: SseEvent) => void, signal: AbortSignal): Promise<void> {
  const res = await api.stream(path, signal);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const e of parser.feed(value)) onEvent(e);
  }
}
