/** How a submission ended, from the candidate's point of view. */
export const VERDICTS = [
  'passed',
  'failed',
  'error',
  'compile_error',
  'time_limit_exceeded',
  'memory_limit_exceeded',
  'output_limit_exceeded',
  'runtime_error',
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** Per-test outcome as the API reports it; `skipped` and `not_run` earn nothing but still count towards the maximum. */
export const TEST_STATUSES = ['passed', 'failed', 'error', 'skipped', 'not_run'] as const;

export type TestStatus = (typeof TEST_STATUSES)[number];
