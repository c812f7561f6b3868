import { percent } from '../scoring/percent.js';
import type { ScoreCap } from '../scoring/scoreCap.js';
import type { SkillScore, ScoredTest } from '../scoring/scoreRun.js';
import type { Verdict } from '../scoring/verdict.js';
import type { FailureCode } from '../submissions/failureCode.js';
import type { Submission, SubmittedFile } from '../submissions/submission.js';
import type { Grading } from '../submissions/grading.js';
import type { NewGrading } from '../submissions/gradingRepository.js';

/** A submissions row as both adapters read it (their schemas name and type the columns alike). */
export interface SubmissionRow {
  id: string;
  invitationId: string | null;
  challengeSlug: string;
  challengeVersion: string;
  status: Submission['status'];
  verdict: string | null;
  message: string | null;
  failureCode: string | null;
  earned: number | null;
  maxPoints: number | null;
  skillScores: SkillScore[] | null;
  scoreCap: ScoreCap | null;
  files: SubmittedFile[];
  log: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

export interface TestRow {
  name: string;
  status: string;
  points: number;
  maxPoints: number;
  message: string | null;
  output: string | null;
  durationMs: number | null;
}

/** A stored score as read back: the percent within its cap; rows scored before caps existed have none. */
const scoreOf = (earned: number, max: number, cap: ScoreCap | null) => ({ earned, max, percent: percent(earned, max, cap?.ceiling ?? null), cap });
const skillsOf = (skills: SkillScore[]) => skills.map((s) => ({ ...s, ceiling: s.ceiling ?? null, percent: percent(s.earned, s.max, s.ceiling ?? null) }));

export function toSubmission(row: SubmissionRow, tests: TestRow[]): Submission {
  const scored = row.earned !== null && row.maxPoints !== null;
  return {
    id: row.id,
    invitationId: row.invitationId,
    challenge: { slug: row.challengeSlug, version: row.challengeVersion },
    status: row.status,
    verdict: row.verdict as Verdict | null,
    message: row.message,
    failureCode: row.failureCode as FailureCode | null,
    score: scored ? scoreOf(row.earned!, row.maxPoints!, row.scoreCap) : null,
    tests: tests.map(({ name, status, points, maxPoints, message, output, durationMs }) => ({ name, status: status as ScoredTest['status'], points, maxPoints, message, output, durationMs })),
    skills: skillsOf(row.skillScores ?? []),
    files: row.files,
    log: row.log,
    attempts: row.attempts,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  };
}

/** The columns `complete` writes, from a run's result. */
export const completedColumns = ({ score, log }: { score: { verdict: string; message: string | null; earned: number; max: number; cap: ScoreCap | null; skills: SkillScore[] }; log: string }, now: Date) => ({
  status: 'completed' as const,
  verdict: score.verdict,
  message: score.message,
  earned: score.earned,
  maxPoints: score.max,
  skillScores: score.skills,
  scoreCap: score.cap,
  log,
  completedAt: now,
});

export const testRows = (submissionId: string, tests: ScoredTest[]) => tests.map((t, ordinal) => ({ submissionId, ordinal, ...t }));

/** The states a submission can still be run or finished from. */
export const UNFINISHED = ['queued', 'running'] as const;

/** A gradings row as both adapters read it. */
export interface GradingRow {
  id: string;
  submissionId: string;
  challengeVersion: string;
  reason: Grading['reason'];
  verdict: string;
  message: string | null;
  earned: number;
  maxPoints: number;
  tests: ScoredTest[];
  skillScores: SkillScore[];
  scoreCap: ScoreCap | null;
  log: string;
  createdAt: Date;
}

/** The row `add` writes for a grading. */
export const gradingColumns = (owner: string, { id, submissionId, challengeVersion, reason, result: { score, log } }: NewGrading, now: Date) => ({
  id,
  ownerId: owner,
  submissionId,
  challengeVersion,
  reason,
  verdict: score.verdict,
  message: score.message,
  earned: score.earned,
  maxPoints: score.max,
  tests: score.tests,
  skillScores: score.skills,
  scoreCap: score.cap,
  log,
  createdAt: now,
});

export const toGrading = (row: GradingRow): Grading => ({
  id: row.id,
  submissionId: row.submissionId,
  challengeVersion: row.challengeVersion,
  reason: row.reason,
  verdict: row.verdict as Verdict,
  message: row.message,
  score: scoreOf(row.earned, row.maxPoints, row.scoreCap),
  tests: row.tests,
  skills: skillsOf(row.skillScores),
  log: row.log,
  createdAt: row.createdAt,
});
