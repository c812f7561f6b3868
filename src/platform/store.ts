import type { ChallengeRepository } from '../challenges/challengeRepository.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';

/** One open database, whichever engine: the repositories over it, a liveness probe, and closing. */
export interface Store {
  submissions: SubmissionRepository;
  challenges: ChallengeRepository;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
