import { and, eq, inArray } from 'drizzle-orm';
import type { AssessmentRepository } from '../../assessments/assessmentRepository.js';
import type { DraftRepository } from '../../invitations/draftRepository.js';
import type { InvitationRepository } from '../../invitations/invitationRepository.js';
import { invitationColumns, toAssessment, toInvitation } from '../assessmentRows.js';
import type { PostgresDb } from './postgresDb.js';
import { appendCompletion, appendEvents } from './outboxWrites.js';
import { assessments, drafts, invitations } from './schema.js';

export function postgresAssessments(db: PostgresDb): { assessments: AssessmentRepository; invitations: InvitationRepository; drafts: DraftRepository } {
  const ownAssessment = (owner: string, id: string) => and(eq(assessments.ownerId, owner), eq(assessments.id, id));
  const ownInvitation = (owner: string, id: string) => and(eq(invitations.ownerId, owner), eq(invitations.id, id));
  return {
    assessments: {
      async insert(owner, a) {
        await db.insert(assessments).values({ ...a, ownerId: owner });
      },
      async get(owner, id) {
        const [row] = await db.select().from(assessments).where(ownAssessment(owner, id));
        return row && toAssessment(row);
      },
      async list(owner) {
        return (await db.select().from(assessments).where(eq(assessments.ownerId, owner)).orderBy(assessments.createdAt)).map(toAssessment);
      },
      async update(owner, a) {
        return (await db.update(assessments).set({ ...a, ownerId: owner }).where(ownAssessment(owner, a.id)).returning({ id: assessments.id })).length === 1;
      },
    },
    invitations: {
      async insert(owner, inv, tokenHash, events = []) {
        await db.transaction(async (tx) => {
          await tx.insert(invitations).values({ ...invitationColumns(inv), ownerId: owner, tokenHash });
          await appendEvents(tx, owner, events);
        });
      },
      async get(owner, id) {
        const [row] = await db.select().from(invitations).where(ownInvitation(owner, id));
        return row && toInvitation(row);
      },
      async listByAssessment(owner, assessmentId) {
        return (await db.select().from(invitations).where(and(eq(invitations.ownerId, owner), eq(invitations.assessmentId, assessmentId))).orderBy(invitations.createdAt)).map(toInvitation);
      },
      async findByTokenHash(tokenHash) {
        const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
        return row && { ownerId: row.ownerId, invitation: toInvitation(row) };
      },
      async transition(owner, id, from, change, events = []) {
        return db.transaction(async (tx) => {
          const changed = await tx.update(invitations).set(change).where(and(ownInvitation(owner, id), inArray(invitations.state, from))).returning({ id: invitations.id });
          if (changed.length !== 1) return false;
          await appendEvents(tx, owner, events);
          if (change.state === 'completed') await appendCompletion(tx, owner, id, change.completedAt ?? new Date());
          return true;
        });
      },
    },
    drafts: {
      async save(owner, invitationId, d) {
        const values = { ownerId: owner, invitationId, challengeSlug: d.challenge, files: d.files, updatedAt: d.updatedAt };
        await db.insert(drafts).values(values).onConflictDoUpdate({ target: [drafts.invitationId, drafts.challengeSlug], set: { files: d.files, updatedAt: d.updatedAt } });
      },
      async list(owner, invitationId) {
        return (await db.select().from(drafts).where(and(eq(drafts.ownerId, owner), eq(drafts.invitationId, invitationId))).orderBy(drafts.challengeSlug))
          .map((r) => ({ challenge: r.challengeSlug, files: r.files, updatedAt: r.updatedAt }));
      },
    },
  };
}
