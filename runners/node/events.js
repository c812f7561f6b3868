// Writes the contract's events: the nonce, one space, one JSON object, one line each.
import { writeSync } from 'node:fs';

const LIMIT_BYTES = 4096;
const MARK = '… [truncated]';

/** Cuts text to 4 KiB of UTF-8, ending with the mark when it was cut; null stays null. */
export function truncate(text) {
  if (text == null) return null;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= LIMIT_BYTES) return text;
  const kept = bytes.subarray(0, LIMIT_BYTES - Buffer.byteLength(MARK)).toString('utf8');
  // A cut inside a multi-byte character decodes to U+FFFD: drop it.
  return kept.replace(/\uFFFD$/, '') + MARK;
}

export class EventWriter {
  constructor(nonce, fd = 1) {
    this.nonce = nonce;
    this.fd = fd;
  }

  /**
   * Writes a test event; returns the test as the result document lists it. `extra`: fields of the
   * event beside the test (the tests' process names the solution's output marker of the test with `mark`).
   */
  test({ name, status, message, output, durationMs }, extra = {}) {
    const test = { name, status, message: truncate(message), output: truncate(output), durationMs };
    this.#write({ type: 'test', test, ...extra });
    return test;
  }

  /**
   * `errorKind` (with status error): `compile` or `load`, docs/runner-contract.md; `extra`: fields of the
   * event beside the result (the tests' process names the solution's last output marker with `mark`).
   */
  result(status, message, tests, { errorKind, ...extra } = {}) {
    this.#write({ type: 'result', result: { version: 1, status, message: truncate(message), ...(errorKind ? { errorKind } : {}), tests }, ...extra });
  }

  // Synchronous: an event must leave before a later test can hang or crash the sandbox.
  #write(event) {
    writeSync(this.fd, `${this.nonce} ${JSON.stringify(event)}\n`);
  }
}
