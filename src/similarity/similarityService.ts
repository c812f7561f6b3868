import type { PackageFile } from '../challenges/challengePackage.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import type { InvitationRepository } from '../invitations/invitationRepository.js';
import type { SubmissionRepository } from '../submissions/submissionRepository.js';
import type { Actor, OwnerId } from '../tenancy/actor.js';
import { authorize, may } from '../tenancy/permissions.js';
import { compareSources, mainLanguage } from './compareSources.js';
import type { SimilarityPair } from './similarityPair.js';
import type { PairsOf, SimilarityRepository } from './similarityRepository.js';

export interface SimilarityDeps {
  similarity: SimilarityRepository;
  submissions: Pick<SubmissionRepository, 'get'>;
  invitations: Pick<InvitationRepository, 'get'>;
  /** The starter files of a challenge version, which every submission shares and no pair counts. */
  starterOf: (owner: OwnerId, slug: string, version: string) => Promise<PackageFile[]>;
  threshold: number;
  now?: () => Date;
}

/** The same pair seen from the submission or invitation asked about: it is always on the left. */
function facing(p: SimilarityPair, of: PairsOf): SimilarityPair {
  const onLeft = 'submissionId' in of ? p.left.submissionId === of.submissionId : p.left.invitationId === of.invitationId;
  return onLeft ? p : { ...p, left: p.right, right: p.left, fragments: p.fragments.map((f) => ({ left: f.right, right: f.left, kgrams: f.kgrams })) };
}

/** Pairs of suspiciously alike final submissions of a challenge, within one organisation. */
export function similarityService(deps: SimilarityDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    threshold: deps.threshold,

    /**
     * Run in the background once a submission is recorded: if it is now the final one of its
     * invitation (or a direct submission), compares it with every other final one of its challenge
     * and language in its organisation; the pairs already stored between others stay as they are.
     */
    async compare(owner: OwnerId, submissionId: string): Promise<void> {
      const s = await deps.submissions.get(owner, submissionId);
      const language = s && mainLanguage(s.files);
      if (!s || s.status !== 'completed' || !language) return;
      const slug = s.challenge.slug;
      const key = s.invitationId ?? s.id;
      if (!(await deps.similarity.replaceFinal(owner, { challengeSlug: slug, key, submissionId: s.id, invitationId: s.invitationId, language, completedAt: s.completedAt ?? now() }))) return;
      const finals = (await deps.similarity.finals(owner, slug, language)).filter((f) => f.key !== key);
      const others = (await Promise.all(finals.map((f) => deps.submissions.get(owner, f.submissionId)))).filter((o) => o !== undefined);
      const compared = await compareSources(s, others, await deps.starterOf(owner, slug, s.challenge.version), language);
      await deps.similarity.savePairs(owner, others.flatMap((o) => {
        const c = compared.get(o.id);
        return c ? [{ ...c, challengeSlug: slug, language, left: { submissionId: s.id, invitationId: s.invitationId }, right: { submissionId: o.id, invitationId: o.invitationId }, comparedAt: now() }] : [];
      }));
    },

    /** An interviewer's view of the pairs of a submission or an invitation, most similar first. */
    async pairs(actor: Actor, of: PairsOf): Promise<SimilarityPair[]> {
      const org = authorize(actor, 'results.read');
      const found = 'submissionId' in of ? await deps.submissions.get(org.ownerId, of.submissionId) : await deps.invitations.get(org.ownerId, of.invitationId);
      if (!found) throw new NotFoundError('submissionId' in of ? 'No such submission.' : 'No such invitation.');
      return (await deps.similarity.pairs(org.ownerId, of)).map((p) => facing(p, of));
    },

    /**
     * Of these invitations (which the caller has read), those with a pair at or above the threshold;
     * null for a caller that may not read results (an API key that only invites), who is told nothing.
     */
    async flags(actor: Actor, invitationIds: string[]): Promise<Set<string> | null> {
      if ((actor.kind !== 'member' && actor.kind !== 'apiKey') || !may(actor, 'results.read')) return null;
      return deps.similarity.flagged(actor.ownerId, invitationIds, deps.threshold);
    },
  };
}

export type SimilarityService = ReturnType<typeof similarityService>;
