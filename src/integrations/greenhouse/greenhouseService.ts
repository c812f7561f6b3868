import type { AssessmentService } from '../../assessments/assessmentService.js';
import { NotFoundError } from '../../errors/NotFoundError.js';
import type { InvitationService } from '../../invitations/invitationService.js';
import type { Actor } from '../../tenancy/actor.js';
import { authorize } from '../../tenancy/permissions.js';
import type { IntegrationLinkRepository } from '../integrationLinkRepository.js';

export const GREENHOUSE = 'greenhouse';

/** How long the report link test_status hands Greenhouse stays valid. */
const PROFILE_LINK_MINUTES = 90 * 24 * 60;

export interface SendTestInput {
  partner_test_id: string;
  candidate: { first_name?: string; last_name?: string; email: string; greenhouse_application_id?: number | string };
  /** Where Greenhouse wants the PATCH that says the test is done. */
  url?: string;
}

export interface GreenhouseDeps {
  assessments: Pick<AssessmentService, 'list'>;
  invitations: Pick<InvitationService, 'create' | 'get' | 'resultOf' | 'reportToken'>;
  links: IntegrationLinkRepository;
  publicUrl: string;
  now?: () => Date;
}

/**
 * Greenhouse's Assessment Partner contract, as a thin adapter: its tests are the organisation's
 * assessments, a sent test is an invitation (its id the partner_interview_id), its status is the
 * invitation's result. Each call acts as the API key Greenhouse was given, with that key's scopes.
 */
export function greenhouseService(deps: GreenhouseDeps) {
  const now = deps.now ?? (() => new Date());

  async function linked(caller: Actor, interviewId: string) {
    const actor = authorize(caller, 'results.read');
    const link = await deps.links.get(actor.ownerId, GREENHOUSE, interviewId);
    if (!link) throw new NotFoundError(`No Greenhouse test ${interviewId}.`);
    return actor;
  }

  return {
    listTests: async (caller: Actor) => (await deps.assessments.list(caller)).map((a) => ({ partner_test_id: a.id, partner_test_name: a.name })),

    async sendTest(caller: Actor, input: SendTestInput): Promise<{ partner_interview_id: string; link: string }> {
      const name = [input.candidate.first_name, input.candidate.last_name].filter(Boolean).join(' ') || input.candidate.email;
      const externalId = input.candidate.greenhouse_application_id === undefined ? undefined : String(input.candidate.greenhouse_application_id);
      const { invitation, token } = await deps.invitations.create(caller, input.partner_test_id, { candidate: { name, email: input.candidate.email, externalId } });
      const owner = authorize(caller, 'invitations.write').ownerId;
      await deps.links.insert(owner, { integration: GREENHOUSE, invitationId: invitation.id, callbackUrl: input.url ?? null, createdAt: now() });
      return { partner_interview_id: invitation.id, link: `${deps.publicUrl}/take#${token}` };
    },

    /** `complete` once the invitation is finished and every submission scored; until then its state. */
    async testStatus(caller: Actor, interviewId: string) {
      const actor = await linked(caller, interviewId);
      const r = await deps.invitations.resultOf(actor, interviewId);
      const grading = r.submissions.some((s) => s.status === 'queued' || s.status === 'running');
      const complete = r.invitation.state === 'completed' && !grading;
      if (!complete) return { partner_status: r.invitation.state === 'completed' ? 'scoring' : r.invitation.state };
      const { token } = await deps.invitations.reportToken(actor.ownerId, interviewId, PROFILE_LINK_MINUTES);
      return {
        partner_status: 'complete',
        partner_score: r.percent,
        partner_profile_url: `${deps.publicUrl}/v1/reports/${token}`,
        metadata: Object.fromEntries(r.challenges.map((c) => [c.slug, `${c.percent}%`])),
      };
    },
  };
}

export type GreenhouseService = ReturnType<typeof greenhouseService>;
