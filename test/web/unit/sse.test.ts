import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../web/src/api/sse';

describe('the Server-Sent Events parser', () => {
  it('yields events as they complete, across chunk boundaries, skipping comments', () => {
    const p = new SseParser();
    expect(p.feed('event: running\ndata: {"status":"run')).toEqual([]);
    expect(p.feed('ning"}\n\n: keep-alive\n\nevent: test\r\ndata: {"name":"a","status":"passed"}\r\n\r\n')).toEqual([
      { event: 'running', data: { status: 'running' } },
      { event: 'test', data: { name: 'a', status: 'passed' } },
    ]);
    expect(p.feed('data: plain text\n\n')).toEqual([{ event: 'message', data: 'plain text' }]);
  });

  it('joins multi-line data', () => {
    expect(new SseParser().feed('event: completed\ndata: {"a":\ndata: 1}\n\n')).toEqual([{ event: 'completed', data: { a: 1 } }]);
  });
});
