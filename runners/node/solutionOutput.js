// The solution's stdout and stderr, in the root harness: passed on to stderr as they come (candidate
// output, the run's log, never an event) and cut into each test's share at the markers the tests'
// process has the solution's process write on both as each test ends (`mark` n is the n-th marker). A
// marker is never passed on; output before the first one (while the solution's modules load) goes with
// the first test that ends, and stays in the log when none does.
import { writeSync } from 'node:fs';

/** Kept per test and stream; the event cuts it to 4 KiB with its mark (events.js). */
const KEEP_BYTES = 8192;
/** How long a test's event waits for its marker to come through the pipes. */
const MARK_WAIT_MS = 1000;

class SplitStream {
  #marker;
  #pending = Buffer.alloc(0);
  #current = [];
  #currentBytes = 0;
  /** Each ended share, by marker number - 1; taken ones are dropped. */
  shares = [];
  ended = false;

  constructor(stream, marker, onChange) {
    this.#marker = marker;
    stream.on('data', (chunk) => {
      this.#consume(chunk, false);
      onChange();
    });
    stream.on('close', () => {
      this.#consume(Buffer.alloc(0), true);
      this.ended = true;
      onChange();
    });
    stream.on('error', () => {});
  }

  #consume(chunk, last) {
    let data = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    for (let at = data.indexOf(this.#marker); at !== -1; at = data.indexOf(this.#marker)) {
      this.#add(data.subarray(0, at));
      this.shares.push(Buffer.concat(this.#current));
      this.#current = [];
      this.#currentBytes = 0;
      data = data.subarray(at + this.#marker.length);
    }
    // A marker may straddle two reads: hold back what could be its beginning.
    const cut = last ? data.length : Math.max(0, data.length - (this.#marker.length - 1));
    this.#add(data.subarray(0, cut));
    this.#pending = Buffer.from(data.subarray(cut));
  }

  #add(bytes) {
    if (bytes.length === 0) return;
    writeSync(2, bytes);
    const room = KEEP_BYTES - this.#currentBytes;
    if (room > 0) {
      this.#current.push(bytes.subarray(0, room));
      this.#currentBytes += Math.min(room, bytes.length);
    }
  }
}

export class SolutionOutput {
  #streams;
  #waiters = new Set();

  constructor(streams, marker) {
    const bytes = Buffer.from(marker);
    this.#streams = streams.map((stream) => new SplitStream(stream, bytes, () => this.#wake()));
  }

  /** What the solution printed for the test whose marker is `mark` (stdout, then stderr), or null. */
  async share(mark) {
    if (!Number.isSafeInteger(mark) || mark < 1) return null;
    const ready = () => this.#streams.every((s) => s.ended || s.shares.length >= mark);
    if (!ready()) await this.#until(ready, MARK_WAIT_MS);
    const parts = this.#streams.map((s) => s.shares[mark - 1] ?? Buffer.alloc(0));
    for (const s of this.#streams) if (s.shares.length >= mark) s.shares[mark - 1] = null;
    const text = Buffer.concat(parts).toString('utf8');
    return text === '' ? null : text;
  }

  #until(ready, ms) {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = () => {
        if (!ready()) return;
        clearTimeout(timer);
        this.#waiters.delete(waiter);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        resolve();
      }, ms);
      this.#waiters.add(waiter);
    });
  }

  #wake() {
    for (const waiter of [...this.#waiters]) waiter();
  }
}
