import { randomUUID } from 'node:crypto';
import type { Assessment, AssessmentRepository } from '../assessments/assessmentRepository.js';
import type { Audit } from '../audit/audit.js';
import { ConflictError } from '../errors/ConflictError.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { outboxEvent } from '../outbox/outboxEvent.js';
import { invitationResult, type InvitationResult } from './invitationResult.js';
import { signReportToken, verifyReportToken } from './reportLinks.js';
import { resultsCsv } from './resultsCsv.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';
import type { Actor, OrgActor, OwnerId } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import { newSecret, sha256 } from '../tenancy/secrets.js';
import type { Invitation, InvitationRepository } from './invitationRepository.js';

const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60_000;
/** Invitation links start `inv_`, so they can never be mistaken for an API key. */
export const INVITATION_TOKEN_PREFIX = 'inv_';

export interface InvitationDeps {
  invitations: InvitationRepository;
  assessments: Pick<AssessmentRepository, 'get'>;
  submissions: Pick<SubmissionRepository, 'listByInvitation'>;
  audit: Audit;
  /** The server's key report links are signed with, the same in every API process. */
  reportKey: () => Promise<string>;
  /** Closes the session at `at` even if nobody calls (queue/deadlineQueue.ts). */
  scheduleClose: (ownerId: OwnerId, invitationId: string, at: Date) => Promise<void>;
  now?: () => Date;
}

/** An invitation whose window passed before it started, or whose deadline passed, as it is now. */
export function settle(inv: Invitation, now: Date): Invitation {
  if (inv.state === 'invited' && inv.validUntil <= now) return { ...inv, state: 'expired' };
  if (inv.state === 'started' && inv.deadline && inv.deadline <= now) return { ...inv, state: 'completed', completedAt: inv.deadline };
  return inv;
}

/** The staff's side of invitations: create, read, cancel, extend, reopen, and results. */
export function invitationService(deps: InvitationDeps) {
  const now = deps.now ?? (() => new Date());

  /** Reads an invitation and writes down a state its clock has reached, so every reader agrees. */
  async function current(owner: OwnerId, id: string): Promise<Invitation | undefined> {
    const inv = await deps.invitations.get(owner, id);
    return inv && settled(owner, inv);
  }

  /** `inv` as its clock has made it, the change written down once. */
  async function settled(owner: OwnerId, inv: Invitation): Promise<Invitation> {
    const at = now();
    const later = settle(inv, at);
    if (later.state !== inv.state) {
      const events = later.state === 'expired' ? [outboxEvent('invitation.expired', { invitationId: inv.id, expiredAt: inv.validUntil.toISOString() }, at)] : [];
      await deps.invitations.transition(owner, inv.id, [inv.state], { state: later.state, completedAt: later.completedAt }, events);
    }
    return later;
  }

  async function mine(actor: OrgActor, id: string): Promise<Invitation> {
    const inv = await current(actor.ownerId, id);
    if (!inv) throw new NotFoundError(`No invitation ${id}.`);
    return inv;
  }

  async function assessmentOf(owner: OwnerId, id: string): Promise<Assessment> {
    const a = await deps.assessments.get(owner, id);
    if (!a) throw new NotFoundError(`No assessment ${id}.`);
    return a;
  }

  async function result(owner: OwnerId, inv: Invitation): Promise<InvitationResult> {
    return invitationResult(await assessmentOf(owner, inv.assessmentId), inv, await deps.submissions.listByInvitation(owner, inv.id), now());
  }

  /** A signed report link's token; the caller has checked the invitation is the owner's. */
  async function reportToken(owner: OwnerId, id: string, minutes: number): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now().getTime() + minutes * MINUTE_MS);
    return { token: signReportToken(await deps.reportKey(), { ownerId: owner, invitationId: id, expiresAt }), expiresAt };
  }

  return {
    current,
    result,
    /** For what an organisation's own systems are sent (webhook payloads, a tracking system's status): no actor, no audit entry. */
    reportToken,

    /** A new invitation; its link's token is returned here once and stored only as a hash. */
    async create(caller: Actor, assessmentId: string, input: { candidate: { name: string; email: string; externalId?: string }; validFrom?: Date; validUntil?: Date }): Promise<{ invitation: Invitation; token: string }> {
      const actor = authorize(caller, 'invitations.write');
      await assessmentOf(actor.ownerId, assessmentId);
      const at = now();
      const validFrom = input.validFrom ?? at;
      const validUntil = input.validUntil ?? new Date(validFrom.getTime() + 14 * DAY_MS);
      if (validUntil <= validFrom) throw new ValidationError('validUntil must be after validFrom.', { errors: [{ field: '/body/validUntil', message: 'must be after validFrom' }] });
      const token = `${INVITATION_TOKEN_PREFIX}${newSecret()}`;
      const invitation: Invitation = {
        id: randomUUID(),
        assessmentId,
        candidate: { name: input.candidate.name, email: input.candidate.email, externalId: input.candidate.externalId ?? null },
        validFrom,
        validUntil,
        state: 'invited',
        startedAt: null,
        deadline: null,
        completedAt: null,
        createdAt: at,
      };
      const created = outboxEvent('invitation.created', { invitationId: invitation.id, validFrom: validFrom.toISOString(), validUntil: validUntil.toISOString() }, at);
      await deps.invitations.insert(actor.ownerId, invitation, sha256(token), [created]);
      // So an invitation nobody opens still expires, and says so, when its window ends.
      await deps.scheduleClose(actor.ownerId, invitation.id, validUntil);
      await deps.audit(actor, 'invitation.created', `invitation:${invitation.id}`, { assessmentId, externalId: invitation.candidate.externalId });
      return { invitation, token };
    },

    get: (caller: Actor, id: string) => mine(authorize(caller, 'results.read'), id),

    async list(caller: Actor, assessmentId: string): Promise<Invitation[]> {
      const actor = authorize(caller, 'results.read');
      await assessmentOf(actor.ownerId, assessmentId);
      return Promise.all((await deps.invitations.listByAssessment(actor.ownerId, assessmentId)).map((i) => settled(actor.ownerId, i)));
    },

    async cancel(caller: Actor, id: string): Promise<Invitation> {
      const actor = authorize(caller, 'invitations.write');
      const inv = await mine(actor, id);
      const at = now();
      const cancelled = outboxEvent('invitation.cancelled', { invitationId: id, cancelledAt: at.toISOString() }, at);
      if (!(await deps.invitations.transition(actor.ownerId, id, ['invited', 'started'], { state: 'cancelled', completedAt: at }, [cancelled]))) {
        throw new ConflictError(`The invitation is ${inv.state}; only an invited or started one can be cancelled.`);
      }
      await deps.audit(actor, 'invitation.cancelled', `invitation:${id}`);
      return (await mine(actor, id));
    },

    /** More time: a started session's deadline moves; an unstarted invitation stays valid longer. */
    async extend(caller: Actor, id: string, minutes: number): Promise<Invitation> {
      const actor = authorize(caller, 'invitations.write');
      const inv = await mine(actor, id);
      const by = minutes * MINUTE_MS;
      if (inv.state === 'started') {
        const deadline = new Date(inv.deadline!.getTime() + by);
        if (!(await deps.invitations.transition(actor.ownerId, id, ['started'], { deadline }))) throw new ConflictError('The session ended meanwhile; reopen it instead.');
        await deps.scheduleClose(actor.ownerId, id, deadline);
      } else if (inv.state === 'invited') {
        const validUntil = new Date(inv.validUntil.getTime() + by);
        await deps.invitations.transition(actor.ownerId, id, ['invited'], { validUntil });
        await deps.scheduleClose(actor.ownerId, id, validUntil);
      } else {
        throw new ConflictError(`The invitation is ${inv.state}; reopen it to give more time.`);
      }
      await deps.audit(actor, 'invitation.extended', `invitation:${id}`, { minutes });
      return mine(actor, id);
    },

    /** A completed or expired invitation started again, with `minutes` to go (and its link valid as long). */
    async reopen(caller: Actor, id: string, minutes: number): Promise<Invitation> {
      const actor = authorize(caller, 'invitations.write');
      const inv = await mine(actor, id);
      const at = now();
      const deadline = new Date(at.getTime() + minutes * MINUTE_MS);
      const change = { state: 'started' as const, startedAt: inv.startedAt ?? at, deadline, completedAt: null, validUntil: new Date(Math.max(inv.validUntil.getTime(), deadline.getTime())) };
      if (!(await deps.invitations.transition(actor.ownerId, id, ['completed', 'expired'], change))) {
        throw new ConflictError(`The invitation is ${inv.state}; only a completed or expired one can be reopened.`);
      }
      await deps.scheduleClose(actor.ownerId, id, deadline);
      await deps.audit(actor, 'invitation.reopened', `invitation:${id}`, { minutes });
      return mine(actor, id);
    },

    async resultOf(caller: Actor, id: string): Promise<InvitationResult> {
      const actor = authorize(caller, 'results.read');
      const r = await result(actor.ownerId, await mine(actor, id));
      await deps.audit(actor, 'result.viewed', `invitation:${id}`);
      return r;
    },

    /** Every invitation of an assessment, one row each. */
    async csv(caller: Actor, assessmentId: string): Promise<string> {
      const actor = authorize(caller, 'results.read');
      const assessment = await assessmentOf(actor.ownerId, assessmentId);
      const invitations = await deps.invitations.listByAssessment(actor.ownerId, assessmentId);
      const results = await Promise.all(invitations.map(async (i) => result(actor.ownerId, await settled(actor.ownerId, i))));
      await deps.audit(actor, 'result.exported', `assessment:${assessmentId}`, { format: 'csv', invitations: results.length });
      return resultsCsv(assessment.challenges.map((c) => c.slug), results);
    },

    /** A link that shows the invitation's result to whoever has it, until it expires. */
    async reportLink(caller: Actor, id: string, minutes: number): Promise<{ token: string; expiresAt: Date }> {
      const actor = authorize(caller, 'results.read');
      await mine(actor, id);
      const { token, expiresAt } = await reportToken(actor.ownerId, id, minutes);
      await deps.audit(actor, 'result.exported', `invitation:${id}`, { format: 'link', expiresAt: expiresAt.toISOString() });
      return { token, expiresAt };
    },

    /** The result a report link shows; a link that is altered, expired or names nothing is not found. */
    async report(token: string): Promise<InvitationResult> {
      const claim = verifyReportToken(await deps.reportKey(), token, now());
      const inv = claim && (await current(claim.ownerId, claim.invitationId));
      if (!claim || !inv) throw new NotFoundError('No such report, or the link has expired.');
      return result(claim.ownerId, inv);
    },

    /** The deadline job: ends a started session whose time is up (a no-op when it was extended). */
    closeIfDue: (owner: OwnerId, id: string) => current(owner, id).then(() => undefined),
  };
}

export type InvitationService = ReturnType<typeof invitationService>;
