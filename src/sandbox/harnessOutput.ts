import { parseHarnessEvent, type HarnessEvent } from './harnessEvents.js';

/** Longest line kept whole: bounds memory when a candidate prints one endless line. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface OutputLimits {
  /** Candidate output kept for the log; the rest is only counted. */
  keepBytes: number;
  /** Candidate output allowed at all: past it `onOverflow` fires (once) and the run is stopped. */
  maxBytes: number;
}

/**
 * Splits a sandbox's stdout into harness events (lines that start with the run's nonce) and
 * candidate output, which is kept up to `keepBytes` and otherwise only counted.
 * The result document closes the report: later events are not passed on, only counted when they are
 * result documents too, so scoring can refuse a run that reported twice (docs/runner-contract.md).
 */
export class HarnessOutput {
  private readonly prefix: Buffer;
  private line: Buffer[] = [];
  private lineBytes = 0;
  /** The current line is known to be candidate output and is not buffered. */
  private passthrough = false;
  private readonly log: Buffer[] = [];
  private logBytes = 0;
  /** Every byte the candidate wrote, kept or not. */
  outputBytes = 0;
  /** Result documents seen, the first passed on and any later one only counted. */
  resultsReported = 0;

  constructor(
    nonce: string,
    private readonly limits: OutputLimits,
    private readonly onEvent: (event: HarnessEvent) => void,
    private readonly onOverflow: () => void = () => undefined,
  ) {
    this.prefix = Buffer.from(`${nonce} `);
  }

  get logTruncated(): boolean {
    return this.outputBytes > this.logBytes;
  }

  /** Candidate output as text: invalid UTF-8 is replaced, never passed on raw. */
  logText(): string {
    return Buffer.concat(this.log).toString('utf8').replaceAll('\0', '\uFFFD');
  }

  writeStdout(chunk: Buffer): void {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      this.appendToLine(chunk.subarray(start, nl + 1));
      this.endLine();
      start = nl + 1;
    }
    if (start < chunk.length) this.appendToLine(chunk.subarray(start));
  }

  writeStderr(chunk: Buffer): void {
    this.keep(chunk);
  }

  /** Flushes a last line that had no newline. */
  end(): void {
    if (this.lineBytes > 0 || this.passthrough) this.endLine();
  }

  private appendToLine(part: Buffer): void {
    if (this.passthrough) return this.keep(part);
    this.line.push(part);
    this.lineBytes += part.length;
    const undecided = this.lineBytes - part.length < this.prefix.length;
    if (undecided && this.lineBytes >= this.prefix.length && !this.startsWithPrefix()) return this.passThrough();
    // Too long to be a harness event: it is candidate output; stop buffering it.
    if (this.lineBytes > MAX_LINE_BYTES) this.passThrough();
  }

  /** The line so far is candidate output: count and keep it now, not when (if ever) it ends. */
  private passThrough(): void {
    this.passthrough = true;
    for (const piece of this.line) this.keep(piece);
    this.line = [];
    this.lineBytes = 0;
  }

  private startsWithPrefix(): boolean {
    return Buffer.concat(this.line).subarray(0, this.prefix.length).equals(this.prefix);
  }

  private endLine(): void {
    if (this.passthrough) {
      this.passthrough = false;
      return;
    }
    const line = Buffer.concat(this.line);
    this.line = [];
    this.lineBytes = 0;
    if (line.subarray(0, this.prefix.length).equals(this.prefix)) {
      const event = parseHarnessEvent(line.subarray(this.prefix.length).toString('utf8'));
      if (event) return this.report(event);
    }
    this.keep(line);
  }

  private report(event: HarnessEvent): void {
    const closed = this.resultsReported > 0;
    if (event.type === 'result') this.resultsReported += 1;
    if (!closed) this.onEvent(event);
  }

  private keep(bytes: Buffer): void {
    const before = this.outputBytes;
    this.outputBytes += bytes.length;
    if (before <= this.limits.maxBytes && this.outputBytes > this.limits.maxBytes) this.onOverflow();
    const room = this.limits.keepBytes - this.logBytes;
    if (room <= 0) return;
    const kept = bytes.length <= room ? bytes : bytes.subarray(0, room);
    this.log.push(kept);
    this.logBytes += kept.length;
  }
}
