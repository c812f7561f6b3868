import { RUNNERS } from './runners.js';

export class UnknownRunnerError extends Error {
  constructor(readonly runner: string) {
    super(`unknown runner "${runner}" (known: ${RUNNERS.join(', ')})`);
    this.name = 'UnknownRunnerError';
  }
}
