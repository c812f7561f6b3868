import type { Submission } from './submission.js';
import type { NewSubmission } from './submissionRepository.js';

/**
 * A submission as `insert` has just stored it: what the repository's `get` reads back for a new row.
 * The submit answers with it instead of reading the row again (two queries fewer per submit).
 */
export const queuedSubmission = (s: NewSubmission, createdAt: Date): Submission => ({
  id: s.id,
  invitationId: s.invitationId ?? null,
  challenge: { slug: s.challengeSlug, version: s.challengeVersion },
  status: 'queued',
  verdict: null,
  message: null,
  failureCode: null,
  score: null,
  tests: [],
  skills: [],
  files: s.files,
  log: null,
  attempts: 0,
  createdAt,
  startedAt: null,
  completedAt: null,
});
