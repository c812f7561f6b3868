import type { Assessment, AssessmentRepository, ResultVisibility } from '../assessments/assessmentRepository.js';
import type { ChallengePackage } from '../challenges/challengePackage.js';
import type { ChallengeRepository } from '../challenges/challengeRepository.js';
import { ConflictError } from '../errors/ConflictError.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import { SessionClosedError } from '../errors/SessionClosedError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { outboxEvent } from '../outbox/outboxEvent.js';
import type { Submission, SubmissionRequest } from '../submissions/submission.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';
import type { SubmissionService } from '../submissions/submissionService.js';
import type { Actor, CandidateActor } from '../tenancy/actor.js';
import { sha256 } from '../tenancy/secrets.js';
import type { Draft, DraftRepository } from './draftRepository.js';
import type { Invitation, InvitationRepository } from './invitationRepository.js';
import type { SubmittedFile } from '../submissions/submission.js';
import { INVITATION_TOKEN_PREFIX, type InvitationService } from './invitationService.js';

const MINUTE_MS = 60_000;

export interface CandidateDeps {
  invitations: Pick<InvitationRepository, 'findByTokenHash' | 'transition'>;
  staff: Pick<InvitationService, 'current' | 'result'>;
  assessments: Pick<AssessmentRepository, 'get'>;
  challenges: Pick<ChallengeRepository, 'version'>;
  submissions: Pick<SubmissionRepository, 'get' | 'listByInvitation'>;
  drafts: DraftRepository;
  submit: SubmissionService['submitForInvitation'];
  scheduleClose: (ownerId: string, invitationId: string, at: Date) => Promise<void>;
  now?: () => Date;
}

/** What a candidate may see of a submission of theirs: never the captured output, never hidden tests' source. */
export function candidateSubmissionView(s: Submission, visibility: ResultVisibility) {
  const base = { id: s.id, challenge: s.challenge.slug, status: s.status, createdAt: s.createdAt.toISOString(), completedAt: s.completedAt?.toISOString() ?? null };
  if (visibility === 'none') return base;
  const scored = { ...base, verdict: s.verdict, score: s.score };
  if (visibility === 'score') return scored;
  return { ...scored, tests: s.tests.map((t) => ({ name: t.name, status: t.status, points: t.points, maxPoints: t.maxPoints, ...(visibility === 'full' ? { message: t.message } : {}) })) };
}

/** The candidate's own session, reached by the invitation link's token only. */
export function candidateService(deps: CandidateDeps) {
  const now = deps.now ?? (() => new Date());

  async function session(caller: Actor): Promise<{ actor: CandidateActor; invitation: Invitation; assessment: Assessment }> {
    if (caller.kind !== 'candidate') throw new NotFoundError('This is a candidate\'s route: open it with the invitation link.');
    const invitation = (await deps.staff.current(caller.ownerId, caller.invitationId))!;
    const assessment = (await deps.assessments.get(caller.ownerId, invitation.assessmentId))!;
    return { actor: caller, invitation, assessment };
  }

  /** The session while it may take submissions: started, before the deadline (checked here, on the server). */
  function open(invitation: Invitation): void {
    if (invitation.state !== 'started') throw new SessionClosedError(`The assessment is ${invitation.state}; it takes no submissions.`);
  }

  return {
    /** The candidate a link's token stands for, or null; a cancelled or expired one still sees why. */
    async authenticate(token: string): Promise<Actor | null> {
      if (!token.startsWith(INVITATION_TOKEN_PREFIX)) return null;
      const found = await deps.invitations.findByTokenHash(sha256(token));
      return found ? { kind: 'candidate', ownerId: found.ownerId, invitationId: found.invitation.id } : null;
    },

    /** The welcome page's and the workspace's content: the assessment, its challenges as a candidate sees them, the clock. */
    async view(caller: Actor): Promise<{ invitation: Invitation; assessment: Assessment; challenges: ChallengePackage[] }> {
      const { invitation, assessment, actor } = await session(caller);
      const challenges = await Promise.all(assessment.challenges.map(async (c) => (await deps.challenges.version(actor.ownerId, c.slug, c.version))!));
      return { invitation, assessment, challenges };
    },

    /** Starts the clock, once. */
    async start(caller: Actor): Promise<Invitation> {
      const { actor, invitation, assessment } = await session(caller);
      const at = now();
      if (invitation.state === 'invited' && at < invitation.validFrom) throw new ConflictError(`The assessment opens at ${invitation.validFrom.toISOString()}.`);
      if (invitation.state !== 'invited') throw new ConflictError(`The assessment is ${invitation.state} already.`);
      const deadline = new Date(at.getTime() + assessment.timeLimitMinutes * MINUTE_MS);
      const started = outboxEvent('invitation.started', { invitationId: invitation.id, startedAt: at.toISOString(), deadline: deadline.toISOString() }, at);
      if (!(await deps.invitations.transition(actor.ownerId, invitation.id, ['invited'], { state: 'started', startedAt: at, deadline }, [started]))) {
        throw new ConflictError('The assessment was started meanwhile.');
      }
      await deps.scheduleClose(actor.ownerId, invitation.id, deadline);
      return (await session(caller)).invitation;
    },

    /** A scored submission of one of the assessment's challenges, within the deadline and the allowed count. */
    async submit(caller: Actor, req: SubmissionRequest): Promise<Submission> {
      const { actor, invitation, assessment } = await session(caller);
      open(invitation);
      const pinned = assessment.challenges.find((c) => c.slug === req.challenge);
      if (!pinned) throw new ValidationError(`The assessment has no challenge "${req.challenge}".`, { errors: [{ field: '/body/challenge', message: 'not part of this assessment' }] });
      const made = (await deps.submissions.listByInvitation(actor.ownerId, invitation.id)).filter((s) => s.challenge.slug === req.challenge && s.status !== 'failed');
      if (made.length >= assessment.maxSubmissions) throw new ConflictError(`All ${assessment.maxSubmissions} submissions of "${req.challenge}" are used.`);
      return (await deps.submit(actor.ownerId, invitation.id, req, pinned.version)).submission;
    },

    /** Saves the candidate's work on a challenge as it stands (autosave), while the session is open. */
    async saveDraft(caller: Actor, challenge: string, files: SubmittedFile[]): Promise<Draft> {
      const { actor, invitation, assessment } = await session(caller);
      open(invitation);
      if (!assessment.challenges.some((c) => c.slug === challenge)) throw new NotFoundError(`The assessment has no challenge "${challenge}".`);
      const draft = { challenge, files, updatedAt: now() };
      await deps.drafts.save(actor.ownerId, invitation.id, draft);
      return draft;
    },

    /** Everything saved, to restore the workspace on any device. */
    async drafts(caller: Actor): Promise<Draft[]> {
      const { actor, invitation } = await session(caller);
      return deps.drafts.list(actor.ownerId, invitation.id);
    },

    async submission(caller: Actor, id: string) {
      const { actor, invitation, assessment } = await session(caller);
      const s = await deps.submissions.get(actor.ownerId, id);
      if (!s || s.invitationId !== invitation.id) throw new NotFoundError(`No submission ${id}.`);
      return candidateSubmissionView(s, assessment.resultVisibility);
    },

    /** The candidate's own result, as far as the assessment shows it. */
    async result(caller: Actor) {
      const { actor, invitation, assessment } = await session(caller);
      const r = await deps.staff.result(actor.ownerId, invitation);
      const v = assessment.resultVisibility;
      return {
        state: invitation.state,
        percent: v === 'none' ? null : r.percent,
        challenges: r.challenges.map((c) => ({ slug: c.slug, submissions: c.submissions, counted: c.counted && candidateSubmissionView(c.counted, v) })),
      };
    },
  };
}

export type CandidateService = ReturnType<typeof candidateService>;
