import { randomUUID } from 'node:crypto';
import type { Assessment, AssessmentChallenge, AssessmentRepository, ResultVisibility } from '../assessments/assessmentRepository.js';
import type { ChallengePackage } from '../challenges/challengePackage.js';
import type { ChallengeRepository } from '../challenges/challengeRepository.js';
import { languageOfPath } from '../challenges/languageOfPath.js';
import { offeredLanguages, type Manifest } from '../challenges/manifest.js';
import { ConflictError } from '../errors/ConflictError.js';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import { SessionClosedError } from '../errors/SessionClosedError.js';
import { UnauthorizedError } from '../errors/UnauthorizedError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { Organisation, OrganisationRepository } from '../organisations/organisationRepository.js';
import { outboxEvent } from '../outbox/outboxEvent.js';
import type { PracticeJob, PracticeRun } from '../queue/practiceQueue.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import type { ScoredTest } from '../scoring/scoreRun.js';
import type { Submission, SubmissionRequest, SubmittedFile } from '../submissions/submission.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';
import type { SubmissionService } from '../submissions/submissionService.js';
import { assertValidFiles } from '../submissions/validateFiles.js';
import type { Actor, CandidateActor } from '../tenancy/actor.js';
import { sha256 } from '../tenancy/secrets.js';
import type { Draft, DraftRepository } from './draftRepository.js';
import type { Invitation, InvitationRepository } from './invitationRepository.js';
import { INVITATION_TOKEN_PREFIX, type InvitationService } from './invitationService.js';

const MINUTE_MS = 60_000;

export interface CandidateDeps {
  invitations: Pick<InvitationRepository, 'findByTokenHash' | 'transition'>;
  staff: Pick<InvitationService, 'current' | 'result'>;
  assessments: Pick<AssessmentRepository, 'get'>;
  organisations: Pick<OrganisationRepository, 'get'>;
  challenges: Pick<ChallengeRepository, 'version'>;
  submissions: Pick<SubmissionRepository, 'get' | 'listByInvitation'>;
  drafts: DraftRepository;
  submit: SubmissionService['submitForInvitation'];
  scheduleClose: (ownerId: string, invitationId: string, at: Date) => Promise<void>;
  practice: { enqueue: (job: PracticeJob) => Promise<void>; read: (practiceId: string) => Promise<PracticeRun | null> };
  limitsFor: (manifest: Manifest) => SandboxLimits;
  now?: () => Date;
}

/**
 * What a candidate may see of one hidden test's result: its name and points from `tests` on, its
 * message and what it printed only with `full`.
 */
const candidateTestView = (t: Pick<ScoredTest, 'name' | 'status' | 'points' | 'maxPoints' | 'message' | 'output'>, visibility: 'tests' | 'full') =>
  ({ name: t.name, status: t.status, points: t.points, maxPoints: t.maxPoints, ...(visibility === 'full' ? { message: t.message, output: t.output } : {}) });

/** What a candidate may see of a submission of theirs: never the run's whole log, never hidden tests' source. */
export function candidateSubmissionView(s: Submission, visibility: ResultVisibility) {
  const base = { id: s.id, challenge: s.challenge.slug, status: s.status, createdAt: s.createdAt.toISOString(), completedAt: s.completedAt?.toISOString() ?? null };
  if (visibility === 'none') return base;
  if (visibility === 'score') {
    // A cap says why the score is lower, but which hidden tests triggered it is for `tests` and `full`.
    const cap = s.score?.cap ? { ceiling: s.score.cap.ceiling, triggered: s.score.cap.triggered.map(({ name, ceiling, reason }) => ({ name, ceiling, reason })) } : null;
    return { ...base, verdict: s.verdict, score: s.score && { ...s.score, cap } };
  }
  const scored = { ...base, verdict: s.verdict, score: s.score };
  return { ...scored, tests: s.tests.map((t) => candidateTestView(t, visibility)) };
}

/** The candidate's own session, reached by the invitation link's token only. */
export function candidateService(deps: CandidateDeps) {
  const now = deps.now ?? (() => new Date());

  async function session(caller: Actor): Promise<{ actor: CandidateActor; invitation: Invitation; assessment: Assessment }> {
    if (caller.kind === 'anonymous') throw new UnauthorizedError('Open the assessment with the invitation link: send its token as `Authorization: Bearer inv_…`.');
    if (caller.kind !== 'candidate') throw new ForbiddenError('This is a candidate\'s route: open it with the invitation link.');
    const invitation = (await deps.staff.current(caller.ownerId, caller.invitationId))!;
    const assessment = (await deps.assessments.get(caller.ownerId, invitation.assessmentId))!;
    return { actor: caller, invitation, assessment };
  }

  /** The session while it may take submissions: started, before the deadline (checked here, on the server). */
  function open(invitation: Invitation): void {
    if (invitation.state !== 'started') throw new SessionClosedError(`The assessment is ${invitation.state}; it takes no submissions.`);
  }

  async function submission(caller: Actor, id: string) {
    const { actor, invitation, assessment } = await session(caller);
    const s = await deps.submissions.get(actor.ownerId, id);
    if (!s || s.invitationId !== invitation.id) throw new NotFoundError(`No submission ${id}.`);
    return candidateSubmissionView(s, assessment.resultVisibility);
  }

  function pinned(assessment: Assessment, slug: string) {
    const found = assessment.challenges.find((c) => c.slug === slug);
    if (!found) throw new ValidationError(`The assessment has no challenge "${slug}".`, { errors: [{ field: '/body/challenge', message: 'not part of this assessment' }] });
    return found;
  }

  /** The pinned version of a challenge the files may be run against: every file in a language the assessment allows. */
  async function runnable(owner: string, challenge: AssessmentChallenge, files: SubmittedFile[]): Promise<ChallengePackage> {
    assertValidFiles(files);
    const pkg = (await deps.challenges.version(owner, challenge.slug, challenge.version))!;
    const offered = offeredLanguages(pkg.manifest);
    const allowed = challenge.languages ?? offered;
    const problems = files.flatMap((f, i) => {
      const language = languageOfPath(f.path);
      // Only the challenge's own languages are restricted: a .sql file in a Python project is data.
      return language && offered.includes(language) && !allowed.includes(language)
        ? [{ field: `/body/files/${i}/path`, message: `${language} is not allowed in this assessment (allowed: ${allowed.join(', ')})` }]
        : [];
    });
    if (problems.length > 0) throw new ValidationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems });
    return pkg;
  }

  return {
    /** The candidate a link's token stands for, or null; a cancelled or expired one still sees why. */
    async authenticate(token: string): Promise<Actor | null> {
      if (!token.startsWith(INVITATION_TOKEN_PREFIX)) return null;
      const found = await deps.invitations.findByTokenHash(sha256(token));
      return found ? { kind: 'candidate', ownerId: found.ownerId, invitationId: found.invitation.id } : null;
    },

    /** The welcome page's and the workspace's content: who invites, the assessment, its challenges as a candidate sees them, the clock. */
    async view(caller: Actor): Promise<{ organisation: Organisation; invitation: Invitation; assessment: Assessment; challenges: ChallengePackage[] }> {
      const { invitation, assessment, actor } = await session(caller);
      const challenges = await Promise.all(assessment.challenges.map(async (c) => (await deps.challenges.version(actor.ownerId, c.slug, c.version))!));
      const organisation = (await deps.organisations.get(actor.ownerId))!;
      return { organisation, invitation, assessment, challenges };
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
    async submit(caller: Actor, req: SubmissionRequest, requestId?: string): Promise<Submission> {
      const { actor, invitation, assessment } = await session(caller);
      open(invitation);
      const pkg = await runnable(actor.ownerId, pinned(assessment, req.challenge), req.files);
      const made = (await deps.submissions.listByInvitation(actor.ownerId, invitation.id)).filter((s) => s.challenge.slug === req.challenge && s.status !== 'failed');
      if (made.length >= assessment.maxSubmissions) throw new ConflictError(`All ${assessment.maxSubmissions} submissions of "${req.challenge}" are used.`);
      return (await deps.submit(actor.ownerId, invitation.id, req, pkg, requestId)).submission;
    },

    /** Runs the files against the challenge's sample tests only: never scored, never counted. */
    async practise(caller: Actor, req: SubmissionRequest): Promise<{ id: string }> {
      const { actor, invitation, assessment } = await session(caller);
      open(invitation);
      const challenge = pinned(assessment, req.challenge);
      const pkg = await runnable(actor.ownerId, challenge, req.files);
      const { slug, version } = challenge;
      const practiceId = randomUUID();
      await deps.practice.enqueue({
        ownerId: actor.ownerId,
        invitationId: invitation.id,
        practiceId,
        challenge: { slug, version },
        manifest: pkg.manifest,
        sampleTests: pkg.sampleTests,
        files: req.files,
        limits: deps.limitsFor(pkg.manifest),
      });
      return { id: practiceId };
    },

    /** One of the candidate's practice runs, while it is kept (an hour after it ends). */
    async practiceRun(caller: Actor, id: string) {
      const { invitation } = await session(caller);
      const run = await deps.practice.read(id);
      if (!run || run.job.invitationId !== invitation.id) throw new NotFoundError(`No practice run ${id}.`);
      const { result } = run;
      return {
        id,
        challenge: run.job.challenge.slug,
        status: run.state,
        verdict: result?.verdict ?? null,
        message: run.state === 'failed' ? 'The practice run could not be run; run it again.' : result?.message ?? null,
        tests: result?.tests ?? [],
        output: result?.output ?? null,
      };
    },

    /** Saves the candidate's work on a challenge as it stands (autosave), while the session is open. */
    async saveDraft(caller: Actor, challenge: string, files: SubmittedFile[]): Promise<Draft> {
      const { actor, invitation, assessment } = await session(caller);
      open(invitation);
      if (!assessment.challenges.some((c) => c.slug === challenge)) throw new NotFoundError(`The assessment has no challenge "${challenge}".`);
      assertValidFiles(files, { allowEmpty: true });
      const draft = { challenge, files, updatedAt: now() };
      await deps.drafts.save(actor.ownerId, invitation.id, draft);
      return draft;
    },

    /** Everything saved, to restore the workspace on any device. */
    async drafts(caller: Actor): Promise<Draft[]> {
      const { actor, invitation } = await session(caller);
      return deps.drafts.list(actor.ownerId, invitation.id);
    },

    submission,

    /** Following a submission live: its view as it stands, and each test as the assessment lets the candidate see it (or null). */
    async followSubmission(caller: Actor, id: string) {
      const visibility = (await session(caller)).assessment.resultVisibility;
      await submission(caller, id);
      return {
        snapshot: () => submission(caller, id),
        test: (t: ScoredTest) => (visibility === 'tests' || visibility === 'full' ? candidateTestView(t, visibility) : null),
      };
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
