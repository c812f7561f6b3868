import type { ScoredTest } from '../scoring/scoreRun.js';
import type { Verdict } from '../scoring/verdict.js';

export type SubmissionStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface SubmittedFile {
  path: string;
  content: string;
}

/** A candidate's files for one challenge version, and what became of them. */
export interface Submission {
  id: string;
  challenge: { slug: string; version: string };
  status: SubmissionStatus;
  verdict: Verdict | null;
  message: string | null;
  score: { earned: number; max: number; percent: number } | null;
  tests: ScoredTest[];
  skills: { skill: string; earned: number; max: number; percent: number }[];
  files: SubmittedFile[];
  log: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}
