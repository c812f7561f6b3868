import type { Language } from '../challenges/manifest.js';
import type { OwnerId } from '../tenancy/actor.js';

/** What a candidate is shown of their own results. */
export const RESULT_VISIBILITIES = ['none', 'score', 'tests', 'full'] as const;
export type ResultVisibility = (typeof RESULT_VISIBILITIES)[number];

export interface AssessmentChallenge {
  slug: string;
  /** Pinned: importing a newer version of the challenge never changes the assessment. */
  version: string;
  /** Its share of the total, relative to the others'. */
  weight: number;
  /** The languages a candidate may solve it in, of those it offers; null (assessments made before this existed): all of them. */
  languages: Language[] | null;
}

export interface Assessment {
  id: string;
  name: string;
  instructions: string;
  timeLimitMinutes: number;
  /** Scored submissions a candidate may make per challenge. */
  maxSubmissions: number;
  resultVisibility: ResultVisibility;
  challenges: AssessmentChallenge[];
  createdAt: Date;
  updatedAt: Date;
}

export interface AssessmentRepository {
  insert(owner: OwnerId, a: Assessment): Promise<void>;
  get(owner: OwnerId, id: string): Promise<Assessment | undefined>;
  list(owner: OwnerId): Promise<Assessment[]>;
  update(owner: OwnerId, a: Assessment): Promise<boolean>;
}
