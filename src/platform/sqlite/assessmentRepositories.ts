import { and, eq, inArray } from 'drizzle-orm';
import type { AssessmentRepository } from '../../assessments/assessmentRepository.js';
import type { DraftRepository } from '../../invitations/draftRepository.js';
import type { InvitationRepository } from '../../invitations/invitationRepository.js';
import { invitationColumns, toAssessment, toInvitation } from '../assessmentRows.js';
import { appendCompletion, appendEvents } from './outboxWrites.js';
import { assessments, drafts, invitations } from './schema.js';
import type { SqliteDb } from './sqliteDb.js';

export function sqliteAssessments(db: SqliteDb): { assessments: AssessmentRepository; invitations: InvitationRepository; drafts: DraftRepository } {
  const ownAssessment = (owner: string, id: string) => and(eq(assessments.ownerId, owner), eq(assessments.id, id));
  const ownInvitation = (owner: string, id: string) => and(eq(invitations.ownerId, owner), eq(invitations.id, id));
  return {
    assessments: {
      async insert(owner, a) {
        db.insert(assessments).values({ ...a, ownerId: owner }).run();
      },
      async get(owner, id) {
        const row = db.select().from(assessments).where(ownAssessment(owner, id)).get();
        return row && toAssessment(row);
      },
      async list(owner) {
        return db.select().from(assessments).where(eq(assessments.ownerId, owner)).orderBy(assessments.createdAt).all().map(toAssessment);
      },
      async update(owner, a) {
        return db.update(assessments).set({ ...a, ownerId: owner }).where(ownAssessment(owner, a.id)).run().changes === 1;
      },
    },
    invitations: {
      async insert(owner, inv, tokenHash, events = []) {
        db.transaction((tx) => {
          tx.insert(invitations).values({ ...invitationColumns(inv), ownerId: owner, tokenHash }).run();
          appendEvents(tx, owner, events);
        });
      },
      async get(owner, id) {
        const row = db.select().from(invitations).where(ownInvitation(owner, id)).get();
        return row && toInvitation(row);
      },
      async listByAssessment(owner, assessmentId) {
        return db.select().from(invitations).where(and(eq(invitations.ownerId, owner), eq(invitations.assessmentId, assessmentId))).orderBy(invitations.createdAt).all().map(toInvitation);
      },
      async findByTokenHash(tokenHash) {
        const row = db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).get();
        return row && { ownerId: row.ownerId, invitation: toInvitation(row) };
      },
      async transition(owner, id, from, change, events = []) {
        return db.transaction((tx) => {
          if (tx.update(invitations).set(change).where(and(ownInvitation(owner, id), inArray(invitations.state, from))).run().changes !== 1) return false;
          appendEvents(tx, owner, events);
          if (change.state === 'completed') appendCompletion(tx, owner, id, change.completedAt ?? new Date());
          return true;
        });
      },
    },
    drafts: {
      async save(owner, invitationId, d) {
        const values = { ownerId: owner, invitationId, challengeSlug: d.challenge, files: d.files, updatedAt: d.updatedAt };
        db.insert(drafts).values(values).onConflictDoUpdate({ target: [drafts.invitationId, drafts.challengeSlug], set: { files: d.files, updatedAt: d.updatedAt } }).run();
      },
      async list(owner, invitationId) {
        return db.select().from(drafts).where(and(eq(drafts.ownerId, owner), eq(drafts.invitationId, invitationId))).orderBy(drafts.challengeSlug).all()
          .map((r) => ({ challenge: r.challengeSlug, files: r.files, updatedAt: r.updatedAt }));
      },
    },
  };
}
