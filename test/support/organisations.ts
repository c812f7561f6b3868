import type { ApiRuntime } from '../../src/runtime/apiRuntime.js';
import { SCOPES, type OrgActor, type Role, type Scope } from '../../src/tenancy/actor.js';

export const PASSWORD = 'correct horse battery staple';

export interface SeededOrganisation {
  id: string;
  slug: string;
  /** Members by role, with their emails (all have PASSWORD). */
  members: Record<Role, { id: string; email: string }>;
  /** An API key token with every scope. */
  key: string;
  /** Makes an API key with exactly these scopes. */
  keyWith(scopes: Scope[]): Promise<string>;
  /** The owner as an actor, for calling services directly. */
  owner: OrgActor;
}

/** An organisation with one member of each role and an all-scopes API key, made through the services. */
export async function seedOrganisation(rt: ApiRuntime, slug: string): Promise<SeededOrganisation> {
  const ownerEmail = `owner@${slug}.test`;
  const { id, ownerMemberId } = await rt.organisations.create({ slug, name: slug, owner: { email: ownerEmail, name: 'Owner', password: PASSWORD } });
  const owner: OrgActor = { kind: 'member', ownerId: id, memberId: ownerMemberId, role: 'owner' };
  const add = (role: Role) => rt.services.members.add(owner, { email: `${role}@${slug}.test`, name: role, role, password: PASSWORD });
  const [admin, interviewer] = [await add('admin'), await add('interviewer')];
  const keyWith = async (scopes: Scope[]) => (await rt.services.apiKeys.create(owner, { name: scopes.join(' '), scopes })).token;
  return {
    id,
    slug,
    members: { owner: { id: ownerMemberId, email: ownerEmail }, admin: { id: admin.id, email: admin.email }, interviewer: { id: interviewer.id, email: interviewer.email } },
    key: await keyWith([...SCOPES]),
    keyWith,
    owner,
  };
}
