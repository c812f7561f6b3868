/** Why a submission could not be run at all: always our fault, never the candidate's. */
export const FAILURE_CODES = [
  'engine_unreachable',
  'image_missing',
  /** Every attempt's sandbox was killed from outside it (engine stopped or restarted, container removed). */
  'sandbox_killed',
  'challenge_missing',
  'stalled',
  'internal',
] as const;

export type FailureCode = (typeof FAILURE_CODES)[number];

export interface Failure {
  code: FailureCode;
  message: string;
}
