import fp from 'fastify-plugin';
import type { ApiKeyService } from '../../../apiKeys/apiKeyService.js';
import type { auditLogService } from '../../../audit/audit.js';
import type { AssessmentService } from '../../../assessments/assessmentService.js';
import type { ChallengeImportService } from '../../../challenges/challengeImportService.js';
import type { ChallengeService } from '../../../challenges/challengeService.js';
import type { CandidateService } from '../../../invitations/candidateService.js';
import type { InvitationService } from '../../../invitations/invitationService.js';
import type { MemberService } from '../../../members/memberService.js';
import type { SessionService } from '../../../sessions/sessionService.js';
import type { AdmissionSettings } from '../../../config.js';
import type { EventHub } from '../../../events/eventHub.js';
import type { ServerLimits } from '../../../sandbox/limits.js';
import type { SimilarityService } from '../../../similarity/similarityService.js';
import type { SubmissionService } from '../../../submissions/submissionService.js';
import type { GreenhouseService } from '../../../integrations/greenhouse/greenhouseService.js';
import type { EndpointService } from '../../../webhooks/endpointService.js';

/** What the routes use; made once by the composition root (runtime/apiRuntime.ts) and shared. */
export interface AppServices {
  submissions: SubmissionService;
  challenges: ChallengeService;
  challengeImports: ChallengeImportService;
  assessments: AssessmentService;
  invitations: InvitationService;
  /** Staff only: candidates' routes never reach it. */
  similarity: SimilarityService;
  candidates: CandidateService;
  members: MemberService;
  apiKeys: ApiKeyService;
  sessions: SessionService;
  auditLog: ReturnType<typeof auditLogService>;
  webhooks: EndpointService;
  greenhouse: GreenhouseService;
  events: EventHub;
  /** Whether the session cookie is marked Secure (off only for plain-HTTP development). */
  cookieSecure: boolean;
  serverLimits: ServerLimits;
  /** Per-client caps: submissions per window, open event streams. */
  admission: AdmissionSettings;
  /** How many practice runs a candidate may start per window. */
  practiceLimit: { runsPerWindow: number; windowMs: number };
  /** Liveness of what the API depends on, for /readyz. */
  probes: { redis: () => Promise<unknown>; database: () => Promise<unknown>; docker: () => Promise<unknown> };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}

export const services = fp<{ services: AppServices }>(async (app, opts) => {
  app.decorate('services', opts.services);
});
