import type { InvitationRepository } from '../invitations/invitationRepository.js';
import type { InvitationService } from '../invitations/invitationService.js';
import type { StoredEvent } from '../outbox/outboxRepository.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';

/** A report link in an `invitation.completed` payload stays valid this long. */
const REPORT_LINK_MINUTES = 30 * 24 * 60;

export interface PayloadDeps {
  invitations: Pick<InvitationRepository, 'get'>;
  submissions: Pick<SubmissionRepository, 'get'>;
  staff: Pick<InvitationService, 'result' | 'reportToken'>;
  /** Where report links point: the API's public address. */
  publicUrl: string;
}

type Data = Record<string, unknown>;

/**
 * An event's `data` as receivers get it: what its writer stored, plus what every payload of its kind
 * carries — the invitation's assessment and the platform's external id; a submission's score; an
 * invitation's whole result. Small: no files, no test output. Built once per event, then kept.
 */
export function eventPayloads(deps: PayloadDeps) {
  async function submission(owner: string, data: Data): Promise<Data> {
    const s = await deps.submissions.get(owner, String(data.submissionId));
    if (!s) return data;
    return { ...data, invitationId: s.invitationId, challenge: s.challenge.slug, verdict: s.verdict, score: s.score, skills: s.skills, completedAt: s.completedAt?.toISOString() ?? null };
  }

  async function completed(owner: string, data: Data): Promise<Data> {
    const inv = await deps.invitations.get(owner, String(data.invitationId));
    if (!inv) return data;
    const r = await deps.staff.result(owner, inv);
    const { token } = await deps.staff.reportToken(owner, inv.id, REPORT_LINK_MINUTES);
    return {
      ...data,
      completedAt: inv.completedAt?.toISOString() ?? null,
      score: { percent: r.percent },
      challenges: r.challenges.map((c) => ({ slug: c.slug, weight: c.weight, percent: c.percent, submissionId: c.counted?.id ?? null, verdict: c.counted?.verdict ?? null })),
      skills: r.skills,
      reportUrl: `${deps.publicUrl}/v1/reports/${token}`,
    };
  }

  return async function build(ev: StoredEvent): Promise<Data> {
    let data = ev.type === 'submission.completed' ? await submission(ev.ownerId, ev.data) : ev.type === 'invitation.completed' ? await completed(ev.ownerId, ev.data) : ev.data;
    if (typeof data.invitationId === 'string') {
      const inv = await deps.invitations.get(ev.ownerId, data.invitationId);
      data = { ...data, assessmentId: inv?.assessmentId ?? null, externalId: inv?.candidate.externalId ?? null };
    } else if (ev.type === 'submission.completed') {
      data = { ...data, externalId: null };
    }
    return data;
  };
}

export type BuildPayload = ReturnType<typeof eventPayloads>;
