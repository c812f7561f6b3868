import { describe, expect, it } from 'vitest';
import type { HarnessEvent } from '../../src/sandbox/harnessEvents.js';
import { HarnessOutput } from '../../src/sandbox/harnessOutput.js';

const NONCE = 'n0nce-4f2a';
const MiB = 1024 * 1024;

const testEvent = {
  type: 'test',
  test: { name: 'test_a.py::test_one', status: 'pass', message: null, output: null, durationMs: 3 },
} as const;
const resultEvent = {
  type: 'result',
  result: { version: 1, status: 'pass', message: null, errorKind: null, tests: [testEvent.test] },
} as const;

const eventLine = (event: unknown, nonce = NONCE) => `${nonce} ${JSON.stringify(event)}\n`;

function harness(keepBytes = 1024, maxBytes = 64 * MiB) {
  const events: HarnessEvent[] = [];
  let overflows = 0;
  const out = new HarnessOutput(NONCE, { keepBytes, maxBytes }, (e) => events.push(e), () => overflows++);
  return { out, events, overflows: () => overflows };
}

describe('HarnessOutput', () => {
  it('reads nonce lines as events and keeps other lines as the log', () => {
    const { out, events } = harness();
    out.writeStdout(Buffer.from(`hello\n${eventLine(testEvent)}bye\n${eventLine(resultEvent)}`));
    out.end();
    expect(events).toEqual([testEvent, resultEvent]);
    expect(out.logText()).toBe('hello\nbye\n');
    expect(out.outputBytes).toBe(10);
    expect(out.logTruncated).toBe(false);
  });

  it('reassembles an event split across chunks, even inside the nonce and a multi-byte character', () => {
    const { out, events } = harness();
    const event = { ...testEvent, test: { ...testEvent.test, message: 'café ✓' } };
    const bytes = Buffer.from(`before\n${eventLine(event)}after\n`);
    // Cut at every byte: the nonce, the JSON and the UTF-8 sequences all end up split.
    for (let i = 0; i < bytes.length; i++) out.writeStdout(bytes.subarray(i, i + 1));
    out.end();
    expect(events).toEqual([event]);
    expect(out.logText()).toBe('before\nafter\n');
  });

  it('passes on nothing after the result document, counting later result documents', () => {
    const { out, events } = harness();
    out.writeStdout(Buffer.from(eventLine(resultEvent) + eventLine(testEvent) + eventLine(resultEvent) + 'after\n'));
    out.end();
    expect(events).toEqual([resultEvent]);
    expect(out.resultsReported).toBe(2);
    expect(out.logText()).toBe('after\n');
  });

  it('treats a line with the wrong nonce as candidate output, not an event', () => {
    const { out, events } = harness();
    const forged = eventLine(resultEvent, 'guessed-nonce');
    out.writeStdout(Buffer.from(forged));
    out.end();
    expect(events).toEqual([]);
    expect(out.logText()).toBe(forged);
  });

  it('does not accept the nonce without the separating space, or a longer nonce sharing its start', () => {
    const { out, events } = harness();
    const noSpace = `${NONCE}${JSON.stringify(resultEvent)}\n`;
    const longer = eventLine(resultEvent, `${NONCE}x`);
    out.writeStdout(Buffer.from(noSpace + longer));
    out.end();
    expect(events).toEqual([]);
    expect(out.logText()).toBe(noSpace + longer);
  });

  it('treats a nonce line with malformed or off-contract JSON as candidate output', () => {
    const { out, events } = harness();
    const malformed = `${NONCE} {"type":"result","result":\n`;
    const offContract = `${NONCE} {"type":"test","test":{"name":"x","status":"passed"}}\n`;
    out.writeStdout(Buffer.from(malformed + offContract));
    out.end();
    expect(events).toEqual([]);
    expect(out.logText()).toBe(malformed + offContract);
  });

  it('keeps the first logLimit bytes, counts the rest and flags the log as truncated', () => {
    const { out } = harness(10);
    out.writeStdout(Buffer.from('0123456\n'));
    out.writeStdout(Buffer.from('789abcdef\n'));
    out.end();
    expect(out.logText()).toBe('0123456\n78');
    expect(out.outputBytes).toBe(18);
    expect(out.logTruncated).toBe(true);
  });

  it('is not truncated when the output fills the limit exactly', () => {
    const { out } = harness(6);
    out.writeStdout(Buffer.from('abcde\n'));
    out.end();
    expect(out.logText()).toBe('abcde\n');
    expect(out.logTruncated).toBe(false);
  });

  it('still delivers events after the log is full', () => {
    const { out, events } = harness(4);
    out.writeStdout(Buffer.from(`${'x'.repeat(100)}\n${eventLine(resultEvent)}`));
    out.end();
    expect(events).toEqual([resultEvent]);
    expect(out.logText()).toBe('xxxx');
    expect(out.outputBytes).toBe(101);
  });

  it('counts a line that cannot be an event as output as it arrives, before any newline', () => {
    const { out } = harness(16);
    out.writeStdout(Buffer.alloc(MiB, 'a'.charCodeAt(0)));
    expect(out.outputBytes).toBe(MiB);
    expect((out as unknown as { lineBytes: number }).lineBytes).toBe(0);
  });

  it('does not buffer an endless line that starts like an event past 8 MiB', () => {
    const { out, events } = harness(16);
    const head = Buffer.from(`${NONCE} `);
    const chunk = Buffer.alloc(MiB, 'a'.charCodeAt(0));
    out.writeStdout(head);
    for (let i = 0; i < 8; i++) out.writeStdout(chunk.subarray(0, i === 0 ? MiB - head.length : MiB));
    // 8 MiB exactly could still be an event in progress: nothing has been judged yet.
    expect(out.outputBytes).toBe(0);
    out.writeStdout(Buffer.from('a'));
    // One byte more and the whole line so far becomes output, without waiting for a newline.
    expect(out.outputBytes).toBe(8 * MiB + 1);
    for (let i = 0; i < 4; i++) out.writeStdout(chunk);
    expect(out.outputBytes).toBe(12 * MiB + 1);
    // Memory stays bounded: no part of the overlong line is held for later.
    expect((out as unknown as { lineBytes: number }).lineBytes).toBe(0);
    expect((out as unknown as { line: Buffer[] }).line).toEqual([]);
    expect(out.logText()).toBe(`${NONCE} aaaaa`);
    expect(out.logTruncated).toBe(true);

    // The newline ends the overlong line; the next line is read normally again.
    out.writeStdout(Buffer.from(`tail\n${eventLine(resultEvent)}`));
    out.end();
    expect(events).toEqual([resultEvent]);
    expect(out.outputBytes).toBe(12 * MiB + 1 + 'tail\n'.length);
  });

  it('does not read an overlong line that starts with the nonce as an event', () => {
    const { out, events } = harness(8);
    const padded = { ...resultEvent, result: { ...resultEvent.result, message: 'p'.repeat(8 * MiB) } };
    const line = eventLine(padded);
    out.writeStdout(Buffer.from(line));
    out.end();
    expect(events).toEqual([]);
    expect(out.outputBytes).toBe(Buffer.byteLength(line));
    expect(out.logText()).toBe(`${NONCE} {"`.slice(0, 8));
  });

  it('replaces NUL bytes and invalid UTF-8 with U+FFFD in logText()', () => {
    const { out } = harness();
    out.writeStdout(Buffer.from([0x61, 0x00, 0x62, 0xff, 0xfe, 0x63, 0x0a]));
    out.end();
    expect(out.logText()).toBe('a\uFFFDb\uFFFD\uFFFDc\n');
    expect(out.outputBytes).toBe(7);
  });

  it('decodes a multi-byte character split across chunks whole', () => {
    const { out } = harness();
    const euro = Buffer.from('€\n');
    out.writeStdout(euro.subarray(0, 1));
    out.writeStderr(Buffer.alloc(0));
    out.writeStdout(euro.subarray(1));
    out.end();
    expect(out.logText()).toBe('€\n');
  });

  it('keeps stderr in the log and never reads it as events', () => {
    const { out, events } = harness();
    out.writeStderr(Buffer.from('Traceback: boom\n'));
    out.writeStderr(Buffer.from(eventLine(resultEvent)));
    out.end();
    expect(events).toEqual([]);
    expect(out.logText()).toBe(`Traceback: boom\n${eventLine(resultEvent)}`);
    expect(out.outputBytes).toBe(16 + Buffer.byteLength(eventLine(resultEvent)));
  });

  it('stderr counts towards the same log cap as stdout', () => {
    const { out } = harness(5);
    out.writeStderr(Buffer.from('err\n'));
    out.writeStdout(Buffer.from('out\n'));
    out.end();
    expect(out.logText()).toBe('err\no');
    expect(out.logTruncated).toBe(true);
  });

  it('calls onOverflow once, on the byte that passes maxBytes', () => {
    const { out, overflows } = harness(4, 10);
    out.writeStdout(Buffer.from('123456789\n'));
    expect([out.outputBytes, overflows()]).toEqual([10, 0]);
    out.writeStdout(Buffer.from('a\n'));
    expect([out.outputBytes, overflows()]).toEqual([12, 1]);
    out.writeStdout(Buffer.from('more\n'));
    out.writeStderr(Buffer.from('and more\n'));
    expect(overflows()).toBe(1);
    expect(out.logText()).toBe('1234');
  });

  it('counts stderr towards maxBytes', () => {
    const { out, overflows } = harness(4, 10);
    out.writeStderr(Buffer.from('x'.repeat(11)));
    expect(overflows()).toBe(1);
  });

  it('does not count harness events towards maxBytes', () => {
    const { out, events, overflows } = harness(4, 10);
    for (let i = 0; i < 5; i++) out.writeStdout(Buffer.from(eventLine(testEvent)));
    out.end();
    expect(events).toHaveLength(5);
    expect([out.outputBytes, overflows()]).toEqual([0, 0]);
  });

  // A line still waiting for its newline is not counted, so a small maxBytes can be passed by up to
  // 8 MiB of output that never triggers onOverflow when the candidate then stalls without a newline.
  it('calls onOverflow when an unfinished line already passes maxBytes', () => {
    const { out, overflows } = harness(1024, 1024);
    out.writeStdout(Buffer.alloc(4 * MiB, 'a'.charCodeAt(0)));
    expect(overflows()).toBe(1);
  });

  it('end() reads a final event that has no newline', () => {
    const { out, events } = harness();
    out.writeStdout(Buffer.from(eventLine(resultEvent).trimEnd()));
    expect(events).toEqual([]);
    out.end();
    expect(events).toEqual([resultEvent]);
    expect(out.logText()).toBe('');
  });

  it('end() keeps a final line of output that has no newline', () => {
    const { out } = harness();
    out.writeStdout(Buffer.from('line\nlast words'));
    expect(out.logText()).toBe('line\n');
    out.end();
    expect(out.logText()).toBe('line\nlast words');
    expect(out.outputBytes).toBe(15);
  });

  it('end() adds nothing when the output ended with a newline', () => {
    const { out, events } = harness();
    out.writeStdout(Buffer.from('done\n'));
    out.end();
    out.end();
    expect(events).toEqual([]);
    expect(out.logText()).toBe('done\n');
    expect(out.outputBytes).toBe(5);
  });
});
