/** One submission's measurement, whichever system ran it. */
export interface RunSample {
  /** Wall clock from sending the submission to holding its result. */
  totalMs: number;
  /** Sum of the runner-reported `durationMs` of the tests: the tests' own run time. */
  testsMs: number;
  /** The result's status (baseline) or the verdict (Assay): checked, so a broken run is not timed as a fast one. */
  outcome: string;
  tests: { name: string; durationMs: number | null }[];
  /** Assay only: the submission id, which is also the sandbox's run id. */
  id?: string;
  /** Assay only: `performance.now()` when the submit was sent and when its result arrived. */
  marks?: { sent: number; done: number };
}

/** Time the run took beyond the tests' own run time. */
export const overheadMs = (s: RunSample): number => s.totalMs - s.testsMs;

export const testsMsOf = (tests: { durationMs: number | null }[]): number =>
  tests.reduce((total, t) => total + (t.durationMs ?? 0), 0);
