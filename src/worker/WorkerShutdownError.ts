/** The worker stopped mid-run: the run says nothing about the candidate, so the job is retried. */
export class WorkerShutdownError extends Error {
  constructor() {
    super('the worker shut down during the run');
    this.name = 'WorkerShutdownError';
  }
}
