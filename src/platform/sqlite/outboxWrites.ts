import { and, eq, inArray } from 'drizzle-orm';
import { outboxEvent, type OutboxEvent } from '../../outbox/outboxEvent.js';
import { UNFINISHED } from '../submissionRows.js';
import { eventColumns } from '../webhookRows.js';
import { invitations, outbox, submissions } from './schema.js';
import type { SqliteDb } from './sqliteDb.js';

type Tx = Parameters<Parameters<SqliteDb['transaction']>[0]>[0];

/** Writes events inside the caller's transaction. */
export function appendEvents(tx: Tx | SqliteDb, owner: string, events: OutboxEvent[]): void {
  if (events.length > 0) tx.insert(outbox).values(events.map((e) => eventColumns(owner, e))).run();
}

/**
 * `invitation.completed` once an invitation is completed and none of its submissions is still
 * being graded: whichever of the two changes comes last writes it, in its own transaction
 * (SQLite runs one writer at a time, so the two cannot both miss it).
 */
export function appendCompletion(tx: Tx, owner: string, invitationId: string | null, at: Date): void {
  if (!invitationId) return;
  const inv = tx.select({ state: invitations.state }).from(invitations).where(and(eq(invitations.ownerId, owner), eq(invitations.id, invitationId))).get();
  if (inv?.state !== 'completed') return;
  const open = tx.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.ownerId, owner), eq(submissions.invitationId, invitationId), inArray(submissions.status, UNFINISHED))).limit(1).all();
  if (open.length === 0) appendEvents(tx, owner, [outboxEvent('invitation.completed', { invitationId }, at)]);
}
