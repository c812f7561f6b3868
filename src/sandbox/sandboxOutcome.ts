import type { HarnessTest, ResultDocument } from './harnessEvents.js';

/** What happened inside one sandbox run, as data: the candidate's failures are never exceptions. */
export interface SandboxOutcome {
  exitCode: number | null;
  timedOut: boolean;
  /** Stopped for writing more than the output limit. */
  outputExceeded: boolean;
  oomKilled: boolean;
  /** Tests reported as they finished; kept even when the run never produced a result. */
  tests: HarnessTest[];
  /** The first result document; events after it are ignored. */
  result: ResultDocument | null;
  /** How many result documents the run reported: more than one and scoring refuses the run. */
  resultsReported: number;
  log: string;
  logTruncated: boolean;
}
