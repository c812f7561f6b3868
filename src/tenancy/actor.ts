/** The owner every row of tenant data belongs to: an organisation's id (or the built-in pack's). */
export type OwnerId = string;

/** The organisation that rows from before organisations belong to, and the single-machine start's. */
export const DEFAULT_OWNER: OwnerId = 'default';

/** Owner of the built-in challenge pack, which every organisation may read. */
export const BUILTIN_OWNER: OwnerId = 'builtin';

export const ROLES = ['interviewer', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPES = ['assessments:read', 'assessments:write', 'invitations:write', 'results:read', 'challenges:write', 'webhooks:write'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Who is calling, set once per request and handed to every service call. Every kind but
 * `anonymous` acts for exactly one organisation, its `ownerId`.
 */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'member'; ownerId: OwnerId; memberId: string; role: Role }
  | { kind: 'apiKey'; ownerId: OwnerId; keyId: string; scopes: Scope[] }
  /** A candidate, by their invitation link's token: they reach their own session and nothing else. */
  | { kind: 'candidate'; ownerId: OwnerId; invitationId: string };

/** A caller acting for an organisation's staff: a member or an API key. */
export type OrgActor = Extract<Actor, { kind: 'member' | 'apiKey' }>;

export type CandidateActor = Extract<Actor, { kind: 'candidate' }>;

/** How the audit log names an actor. */
export const actorRef = (actor: OrgActor) => (actor.kind === 'member' ? `member:${actor.memberId}` : `api-key:${actor.keyId}`);
