// A test stuck in synchronous code never reaches the test runner's own timeout, which runs on the
// event loop it blocks: the harness notices the silence instead.
export class Watchdog {
  #timer;

  constructor(ms, onSilence) {
    this.ms = ms;
    this.onSilence = onSilence;
  }

  /** Another sign of progress: the countdown starts over. */
  reset() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.onSilence, this.ms);
  }

  stop() {
    clearTimeout(this.#timer);
  }
}
