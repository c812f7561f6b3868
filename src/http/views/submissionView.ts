import type { Static } from '@sinclair/typebox';
import type { SubmissionSchema } from '../schemas/submission.js';
import type { Submission } from '../../submissions/submission.js';

/** A submission as the API shows it: without the files and log, which are the reviewers' views. */
export function submissionView(s: Submission): Static<typeof SubmissionSchema> {
  return {
    id: s.id,
    challenge: s.challenge,
    status: s.status,
    verdict: s.verdict,
    message: s.message,
    failureCode: s.failureCode,
    score: s.score,
    tests: s.tests,
    skills: s.skills as ReturnType<typeof submissionView>['skills'],
    createdAt: s.createdAt.toISOString(),
    startedAt: s.startedAt?.toISOString() ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
  };
}
