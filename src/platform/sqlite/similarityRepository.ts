import { and, asc, desc, eq, gte, inArray, or } from 'drizzle-orm';
import type { SimilarityRepository } from '../../similarity/similarityRepository.js';
import { invitationsAmong, toFinal, toPair, toPairRow } from '../similarityRows.js';
import { similarityFinals, similarityPairs } from './schema.js';
import type { SqliteDb } from './sqliteDb.js';

export function sqliteSimilarity(db: SqliteDb): { similarity: SimilarityRepository } {
  return {
    similarity: {
      async replaceFinal(owner, final) {
        return db.transaction((tx) => {
          const key = and(eq(similarityFinals.ownerId, owner), eq(similarityFinals.challengeSlug, final.challengeSlug), eq(similarityFinals.key, final.key));
          const previous = tx.select().from(similarityFinals).where(key).get();
          if (previous && previous.completedAt > final.completedAt) return false;
          if (previous && previous.submissionId !== final.submissionId) {
            const gone = previous.submissionId;
            tx.delete(similarityPairs).where(and(eq(similarityPairs.ownerId, owner), or(eq(similarityPairs.leftSubmissionId, gone), eq(similarityPairs.rightSubmissionId, gone)))).run();
          }
          tx.insert(similarityFinals).values({ ...final, ownerId: owner })
            .onConflictDoUpdate({ target: [similarityFinals.ownerId, similarityFinals.challengeSlug, similarityFinals.key], set: { submissionId: final.submissionId, invitationId: final.invitationId, language: final.language, completedAt: final.completedAt } })
            .run();
          return true;
        });
      },
      async finals(owner, slug, language) {
        return db.select().from(similarityFinals)
          .where(and(eq(similarityFinals.ownerId, owner), eq(similarityFinals.challengeSlug, slug), eq(similarityFinals.language, language)))
          .orderBy(asc(similarityFinals.completedAt)).all().map(toFinal);
      },
      async savePairs(owner, pairs) {
        db.transaction((tx) => {
          for (const p of pairs) {
            const row = toPairRow(owner, p);
            tx.insert(similarityPairs).values(row)
              .onConflictDoUpdate({ target: [similarityPairs.ownerId, similarityPairs.leftSubmissionId, similarityPairs.rightSubmissionId], set: row })
              .run();
          }
        });
      },
      async pairs(owner, of) {
        const side = 'submissionId' in of
          ? or(eq(similarityPairs.leftSubmissionId, of.submissionId), eq(similarityPairs.rightSubmissionId, of.submissionId))
          : or(eq(similarityPairs.leftInvitationId, of.invitationId), eq(similarityPairs.rightInvitationId, of.invitationId));
        return db.select().from(similarityPairs).where(and(eq(similarityPairs.ownerId, owner), side)).orderBy(desc(similarityPairs.similarity)).all().map(toPair);
      },
      async flagged(owner, ids, threshold) {
        if (ids.length === 0) return new Set();
        const rows = db.select({ leftInvitationId: similarityPairs.leftInvitationId, rightInvitationId: similarityPairs.rightInvitationId }).from(similarityPairs)
          .where(and(eq(similarityPairs.ownerId, owner), gte(similarityPairs.similarity, threshold), or(inArray(similarityPairs.leftInvitationId, ids), inArray(similarityPairs.rightInvitationId, ids))))
          .all();
        return invitationsAmong(rows, ids);
      },
    },
  };
}
