import type { ApiKeyRepository } from '../apiKeys/apiKeyRepository.js';
import type { AssessmentRepository } from '../assessments/assessmentRepository.js';
import type { AuditRepository } from '../audit/auditRepository.js';
import type { DraftRepository } from '../invitations/draftRepository.js';
import type { IntegrationLinkRepository } from '../integrations/integrationLinkRepository.js';
import type { InvitationRepository } from '../invitations/invitationRepository.js';
import type { ChallengeImportRepository } from '../challenges/challengeImportRepository.js';
import type { ChallengeRepository } from '../challenges/challengeRepository.js';
import type { MemberRepository } from '../members/memberRepository.js';
import type { OrganisationRepository } from '../organisations/organisationRepository.js';
import type { SessionRepository } from '../sessions/sessionRepository.js';
import type { OutboxRepository } from '../outbox/outboxRepository.js';
import type { SimilarityRepository } from '../similarity/similarityRepository.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';
import type { GradingRepository } from '../submissions/gradingRepository.js';
import type { WebhookRepository } from '../webhooks/webhookRepository.js';
import type { SettingRepository } from './settingRepository.js';

/** One open database, whichever engine: the repositories over it, a liveness probe, and closing. */
export interface Store {
  submissions: SubmissionRepository;
  /** Regrades of submissions, kept beside their own scores. */
  gradings: GradingRepository;
  challenges: ChallengeRepository;
  challengeImports: ChallengeImportRepository;
  organisations: OrganisationRepository;
  members: MemberRepository;
  sessions: SessionRepository;
  apiKeys: ApiKeyRepository;
  audit: AuditRepository;
  assessments: AssessmentRepository;
  invitations: InvitationRepository;
  drafts: DraftRepository;
  settings: SettingRepository;
  outbox: OutboxRepository;
  webhooks: WebhookRepository;
  integrationLinks: IntegrationLinkRepository;
  similarity: SimilarityRepository;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
