import { Queue, type ConnectionOptions } from 'bullmq';
import type { PackageFile } from '../challenges/challengePackage.js';
import type { Manifest } from '../challenges/manifest.js';
import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import type { TestStatus, Verdict } from '../scoring/verdict.js';
import type { OwnerId } from '../tenancy/actor.js';
import { withTimeout } from './withTimeout.js';

/** The practice queue beside a submissions queue. */
export const practiceQueueName = (queueName: string) => `${queueName}-practice`;

/**
 * A practice run: a candidate's files against a challenge's sample tests, which the job carries
 * (they are small and public to the candidate), so a worker needs no package lookup.
 */
export interface PracticeJob {
  ownerId: OwnerId;
  invitationId: string;
  practiceId: string;
  challenge: { slug: string; version: string };
  manifest: Manifest;
  sampleTests: PackageFile[];
  files: PackageFile[];
  limits: SandboxLimits;
}

export interface PracticeTest {
  name: string;
  status: TestStatus;
  message: string | null;
  output: string | null;
  durationMs: number | null;
}

/** What a practice run returns; no points: it is never scored. */
export interface PracticeResult {
  verdict: Verdict;
  message: string | null;
  tests: PracticeTest[];
  /** The candidate's own output: only sample tests ran, so it can hold nothing hidden. */
  output: string;
}

export type PracticeState = 'queued' | 'running' | 'completed' | 'failed';

export interface PracticeRun {
  job: PracticeJob;
  state: PracticeState;
  result: PracticeResult | null;
}

/** How long a finished practice run stays readable. */
const KEEP_SECONDS = 3600;
const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * Practice runs live in Redis only: they are never scored, so nothing about them belongs in the
 * database; one try each (a candidate simply runs again).
 */
export function createPracticeQueue(queueName: string, connection: ConnectionOptions): Queue<PracticeJob, PracticeResult> {
  return new Queue<PracticeJob, PracticeResult>(practiceQueueName(queueName), {
    connection,
    defaultJobOptions: { attempts: 1, removeOnComplete: { age: KEEP_SECONDS }, removeOnFail: { age: KEEP_SECONDS } },
  });
}

export async function enqueuePractice(queue: Queue<PracticeJob, PracticeResult>, job: PracticeJob): Promise<void> {
  try {
    await withTimeout(queue.add('practise', job, { jobId: job.practiceId }), ENQUEUE_TIMEOUT_MS, `no answer from Redis in ${ENQUEUE_TIMEOUT_MS} ms`);
  } catch (err) {
    throw new ServiceUnavailableError('The practice queue is unavailable; retry later.', { cause: err, headers: { 'retry-after': '5' } });
  }
}

const STATES: Record<string, PracticeState> = { active: 'running', completed: 'completed', failed: 'failed' };

/** A practice run as it stands, or null once it has expired (or never was). */
export async function readPractice(queue: Queue<PracticeJob, PracticeResult>, practiceId: string): Promise<PracticeRun | null> {
  // The state first, then the job: read the other way round, a job finishing in between would look
  // completed with the return value it did not have yet.
  const raw = await queue.getJobState(practiceId);
  const job = raw === 'unknown' ? undefined : await queue.getJob(practiceId);
  if (!job) return null;
  const state = STATES[raw] ?? 'queued';
  return { job: job.data, state, result: state === 'completed' ? job.returnvalue : null };
}
