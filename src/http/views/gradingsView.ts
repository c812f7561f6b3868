import type { Static } from '@sinclair/typebox';
import { testChanges } from '../../scoring/testChanges.js';
import type { Grading } from '../../submissions/grading.js';
import type { Submission } from '../../submissions/submission.js';
import type { SubmissionGradingsSchema } from '../schemas/submission.js';

/** A submission's own score and each later grading, with the tests that explain how it differs from the original. */
export function gradingsView(submission: Submission, gradings: Grading[]): Static<typeof SubmissionGradingsSchema> {
  return {
    submissionId: submission.id,
    original: { challengeVersion: submission.challenge.version, verdict: submission.verdict, score: submission.score },
    gradings: gradings.map((g) => ({
      id: g.id,
      reason: g.reason,
      challengeVersion: g.challengeVersion,
      verdict: g.verdict,
      message: g.message,
      score: g.score,
      tests: g.tests,
      changes: testChanges(submission.tests, g.tests),
      createdAt: g.createdAt.toISOString(),
    })),
  };
}
