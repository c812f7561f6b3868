import type { OwnerId, Role } from '../tenancy/actor.js';

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export interface NewMember {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** An organisation's members. Emails are unique across organisations: a member signs in by email alone. */
export interface MemberRepository {
  /** Raises DuplicateKeyError when the email is taken. */
  insert(owner: OwnerId, m: NewMember, now: Date): Promise<void>;
  get(owner: OwnerId, id: string): Promise<Member | undefined>;
  list(owner: OwnerId): Promise<Member[]>;
  setRole(owner: OwnerId, id: string, role: Role): Promise<boolean>;
  delete(owner: OwnerId, id: string): Promise<boolean>;
  /** Sign-in's lookup, before any organisation is known: the member, its organisation and password hash. */
  findForSignIn(email: string): Promise<{ ownerId: OwnerId; member: Member; passwordHash: string } | undefined>;
}
