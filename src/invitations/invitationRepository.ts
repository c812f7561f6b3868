import type { OutboxEvent } from '../outbox/outboxEvent.js';
import type { OwnerId } from '../tenancy/actor.js';

export const INVITATION_STATES = ['invited', 'started', 'completed', 'expired', 'cancelled'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export interface Invitation {
  id: string;
  assessmentId: string;
  candidate: { name: string; email: string; externalId: string | null };
  validFrom: Date;
  validUntil: Date;
  state: InvitationState;
  startedAt: Date | null;
  /** When the candidate's time runs out; set at start, moved by an extension. */
  deadline: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

export type InvitationChange = Partial<Pick<Invitation, 'state' | 'startedAt' | 'deadline' | 'completedAt' | 'validUntil'>>;

export interface InvitationRepository {
  /** Stores it and writes `events` in the same transaction. */
  insert(owner: OwnerId, inv: Invitation, tokenHash: string, events?: OutboxEvent[]): Promise<void>;
  get(owner: OwnerId, id: string): Promise<Invitation | undefined>;
  listByAssessment(owner: OwnerId, assessmentId: string): Promise<Invitation[]>;
  /** The candidate's lookup by their link's token hash, before any organisation is known. */
  findByTokenHash(tokenHash: string): Promise<{ ownerId: OwnerId; invitation: Invitation } | undefined>;
  /**
   * Applies `change` only while the invitation is in one of `from`: state changes never race. When
   * it applies, `events` are written in the same transaction, and a change to `completed` with
   * nothing left to grade writes `invitation.completed` too.
   */
  transition(owner: OwnerId, id: string, from: InvitationState[], change: InvitationChange, events?: OutboxEvent[]): Promise<boolean>;
}
