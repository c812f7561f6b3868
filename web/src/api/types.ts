/** The API's shapes as the web app uses them (see /openapi.json for the whole of each). */
export interface SourceFile {
  path: string;
  content: string;
  /** `base64` for a binary file: shown by name, never edited, sent back as it came. */
  encoding?: 'utf8' | 'base64';
}

export interface TestRow {
  name: string;
  status: string;
  points?: number;
  maxPoints?: number;
  message?: string | null;
  /** What the test printed, where the viewer may see it. */
  output?: string | null;
}

/** Set when a critical test did not pass: the percent is at most `ceiling`. */
export interface ScoreCap {
  ceiling: number;
  triggered: { name: string; ceiling: number; reason: string; tests?: string[] }[];
}

export interface Score {
  earned: number;
  max: number;
  percent: number;
  cap?: ScoreCap | null;
}

export interface Challenge {
  slug: string;
  version: string;
  title: string;
  summary: string;
  language: string;
  /** Every language a solution may be written in (for a candidate: those the assessment allows). */
  languages: string[];
  runner: string;
  skills: string[];
  statement: string;
  starterFiles: SourceFile[];
  sampleTests: SourceFile[];
  limits: { timeoutMs: number; memoryMb: number };
}

export type ChallengeSummary = Omit<Challenge, 'statement' | 'starterFiles' | 'sampleTests' | 'limits'>;

export interface Invitation {
  id: string;
  assessmentId: string;
  candidate: { name: string; email: string; externalId: string | null };
  validFrom: string;
  validUntil: string;
  state: 'invited' | 'started' | 'completed' | 'expired' | 'cancelled';
  startedAt: string | null;
  deadline: string | null;
  completedAt: string | null;
  createdAt: string;
  /** Staff views only: a final submission of it is at or above the similarity threshold with another one. */
  similarityFlagged?: boolean | null;
}

export interface CandidateView {
  invitation: Pick<Invitation, 'state' | 'validFrom' | 'validUntil' | 'startedAt' | 'deadline' | 'completedAt'>;
  /** Who invites the candidate. */
  organisation: { name: string };
  assessment: { name: string; instructions: string; timeLimitMinutes: number; maxSubmissions: number };
  challenges: Challenge[];
}

export interface Run {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed' | string;
  verdict?: string | null;
  score?: Score | null;
  tests?: TestRow[];
  message?: string | null;
  /** What the code printed (sample-test runs only). */
  output?: string | null;
}

export interface Assessment {
  id: string;
  name: string;
  instructions: string;
  timeLimitMinutes: number;
  maxSubmissions: number;
  resultVisibility: string;
  challenges: { slug: string; version: string; weight: number; languages: string[] | null }[];
  createdAt: string;
  updatedAt: string;
}

export interface SkillScore {
  skill: string;
  earned: number;
  max: number;
  percent: number;
  capped?: boolean;
}

export interface InvitationResult {
  invitation: Invitation;
  percent: number;
  timeUsedMs: number | null;
  challenges: { slug: string; version: string; weight: number; submissions: number; percent: number; cap: ScoreCap | null; counted: string | null }[];
  skills: SkillScore[];
  submissions: { id: string; challenge: string; status: string; verdict: string | null; score: Score | null; tests: TestRow[]; createdAt: string }[];
  similarityFlagged?: boolean | null;
}

export interface SourceRegion {
  path: string;
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** Two final submissions of one challenge and the fragments they share; `left` is the one asked about. */
export interface SimilarityPair {
  challenge: string;
  language: string;
  left: { submissionId: string; invitationId: string | null };
  right: { submissionId: string; invitationId: string | null };
  similarity: number;
  flagged: boolean;
  longestFragment: number;
  fragments: { left: SourceRegion; right: SourceRegion; kgrams: number }[];
  comparedAt: string;
}

export interface SimilarityPairs {
  threshold: number;
  items: SimilarityPair[];
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: 'interviewer' | 'admin' | 'owner';
  createdAt: string;
}

export interface Session {
  member: Member;
  organisation: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown> | null;
}

/** What a webhook endpoint may subscribe to (docs/webhooks.md). */
export const WEBHOOK_EVENT_TYPES = ['invitation.created', 'invitation.started', 'invitation.cancelled', 'invitation.expired', 'invitation.completed', 'submission.completed', 'webhook_endpoint.disabled'] as const;

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
  previousSecretUntil: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookAttempt {
  id: string;
  eventId: string;
  attempt: number;
  at: string;
  statusCode: number | null;
  latencyMs: number;
  response: string;
  succeeded: boolean;
}
