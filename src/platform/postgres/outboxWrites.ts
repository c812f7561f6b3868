import { and, eq, inArray } from 'drizzle-orm';
import { outboxEvent, type OutboxEvent } from '../../outbox/outboxEvent.js';
import { UNFINISHED } from '../submissionRows.js';
import { eventColumns } from '../webhookRows.js';
import type { PostgresDb } from './postgresDb.js';
import { invitations, outbox, submissions } from './schema.js';

type Tx = Parameters<Parameters<PostgresDb['transaction']>[0]>[0];

/** Writes events inside the caller's transaction. */
export async function appendEvents(tx: Tx | PostgresDb, owner: string, events: OutboxEvent[]): Promise<void> {
  if (events.length > 0) await tx.insert(outbox).values(events.map((e) => eventColumns(owner, e)));
}

/**
 * `invitation.completed` once an invitation is completed and none of its submissions is still
 * being graded: whichever of the two changes comes last writes it. Both lock the invitation's row
 * first (a transition by updating it, a submission here), so each sees the other's change.
 */
export async function appendCompletion(tx: Tx, owner: string, invitationId: string | null, at: Date): Promise<void> {
  if (!invitationId) return;
  const [inv] = await tx.select({ state: invitations.state }).from(invitations).where(and(eq(invitations.ownerId, owner), eq(invitations.id, invitationId))).for('update');
  if (inv?.state !== 'completed') return;
  const open = await tx.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.ownerId, owner), eq(submissions.invitationId, invitationId), inArray(submissions.status, UNFINISHED))).limit(1);
  if (open.length === 0) await appendEvents(tx, owner, [outboxEvent('invitation.completed', { invitationId }, at)]);
}
