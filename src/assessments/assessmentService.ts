import { randomUUID } from 'node:crypto';
import type { Audit } from '../audit/audit.js';
import type { ChallengeRepository } from '../challenges/challengeRepository.js';
import { offeredLanguages, type Language } from '../challenges/manifest.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import { ValidationError } from '../errors/ValidationError.js';
import type { Actor } from '../tenancy/actor.js';
import { authorize } from '../tenancy/permissions.js';
import type { Assessment, AssessmentRepository, ResultVisibility } from './assessmentRepository.js';

export interface AssessmentInput {
  name: string;
  instructions?: string;
  timeLimitMinutes: number;
  maxSubmissions?: number;
  resultVisibility?: ResultVisibility;
  /** A challenge without a version is pinned to its current one. */
  /** Without languages, every language the challenge offers is allowed. */
  challenges: { slug: string; version?: string; weight?: number; languages?: Language[] }[];
}

export function assessmentService(deps: { assessments: AssessmentRepository; challenges: Pick<ChallengeRepository, 'current' | 'version'>; audit: Audit }, now = () => new Date()) {
  /** Each challenge pinned to an existing version of the organisation's catalogue; every bad one named. */
  async function pin(owner: string, input: AssessmentInput): Promise<Assessment['challenges']> {
    const problems: { field: string; message: string }[] = [];
    const packages = await Promise.all(input.challenges.map((c) => (c.version ? deps.challenges.version(owner, c.slug, c.version) : deps.challenges.current(owner, c.slug))));
    // Checked in the input's order, whichever lookup answered first, so the problems are listed in order too.
    const pinned = input.challenges.map((c, i) => {
      const pkg = packages[i];
      if (!pkg) problems.push({ field: `/body/challenges/${i}`, message: c.version ? `no version ${c.version} of "${c.slug}"` : `unknown challenge "${c.slug}"` });
      const offered = pkg ? offeredLanguages(pkg.manifest) : [];
      const unoffered = (c.languages ?? []).filter((l) => !offered.includes(l));
      if (pkg && unoffered.length > 0) problems.push({ field: `/body/challenges/${i}/languages`, message: `"${c.slug}" offers ${offered.join(', ')}, not ${unoffered.join(', ')}` });
      return { slug: c.slug, version: pkg?.version ?? '', weight: c.weight ?? 1, languages: c.languages ?? offered };
    });
    if (new Set(input.challenges.map((c) => c.slug)).size !== input.challenges.length) problems.push({ field: '/body/challenges', message: 'a challenge appears twice' });
    if (problems.length > 0) throw new ValidationError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { errors: problems });
    return pinned;
  }

  const build = (id: string, input: AssessmentInput, challenges: Assessment['challenges'], createdAt: Date): Assessment => ({
    id,
    name: input.name,
    instructions: input.instructions ?? '',
    timeLimitMinutes: input.timeLimitMinutes,
    maxSubmissions: input.maxSubmissions ?? 3,
    resultVisibility: input.resultVisibility ?? 'none',
    challenges,
    createdAt,
    updatedAt: now(),
  });

  async function get(caller: Actor, id: string): Promise<Assessment> {
    const a = await deps.assessments.get(authorize(caller, 'assessments.read').ownerId, id);
    if (!a) throw new NotFoundError(`No assessment ${id}.`);
    return a;
  }

  return {
    get,
    list: async (caller: Actor) => deps.assessments.list(authorize(caller, 'assessments.read').ownerId),
    async create(caller: Actor, input: AssessmentInput): Promise<Assessment> {
      const actor = authorize(caller, 'assessments.write');
      const a = build(randomUUID(), input, await pin(actor.ownerId, input), now());
      await deps.assessments.insert(actor.ownerId, a);
      await deps.audit(actor, 'assessment.created', `assessment:${a.id}`, { name: a.name });
      return a;
    },
    /** Replaces the assessment's settings; invitations already started keep their deadline. */
    async update(caller: Actor, id: string, input: AssessmentInput): Promise<Assessment> {
      const actor = authorize(caller, 'assessments.write');
      // Writing implies reading the one being replaced: a key with assessments:write alone may update.
      const before = await deps.assessments.get(actor.ownerId, id);
      if (!before) throw new NotFoundError(`No assessment ${id}.`);
      const a = build(id, input, await pin(actor.ownerId, input), before.createdAt);
      await deps.assessments.update(actor.ownerId, a);
      await deps.audit(actor, 'assessment.changed', `assessment:${id}`, { name: a.name });
      return a;
    },
  };
}

export type AssessmentService = ReturnType<typeof assessmentService>;
