import { randomUUID } from 'node:crypto';
import type { Audit } from '../audit/audit.js';
import { ConflictError } from '../errors/ConflictError.js';
import { DuplicateKeyError } from '../errors/DuplicateKeyError.js';
import { ForbiddenError } from '../errors/ForbiddenError.js';
import { NotFoundError } from '../errors/NotFoundError.js';
import type { Actor, OrgActor, Role } from '../tenancy/actor.js';
import { atLeast, authorize } from '../tenancy/permissions.js';
import type { Member, MemberRepository } from './memberRepository.js';
import { hashPassword } from './passwords.js';

/** Admins manage interviewers and admins; only owners make, unmake or remove owners and admins. */
function mayManage(actor: OrgActor, role: Role): void {
  const needed: Role = role === 'interviewer' ? 'admin' : 'owner';
  if (actor.kind !== 'member' || !atLeast(actor.role, needed)) throw new ForbiddenError(`Managing ${role}s needs the ${needed} role.`);
}

export function memberService(members: MemberRepository, audit: Audit) {
  async function existing(actor: OrgActor, id: string): Promise<Member> {
    const m = await members.get(actor.ownerId, id);
    if (!m) throw new NotFoundError(`No member ${id}.`);
    return m;
  }
  async function keepAnOwner(actor: OrgActor, leaving: Member): Promise<void> {
    if (leaving.role !== 'owner') return;
    const owners = (await members.list(actor.ownerId)).filter((m) => m.role === 'owner');
    if (owners.length <= 1) throw new ConflictError('An organisation keeps at least one owner.');
  }
  return {
    list: async (caller: Actor) => members.list(authorize(caller, 'members.read').ownerId),

    async add(caller: Actor, input: { email: string; name: string; role: Role; password: string }): Promise<Member> {
      const actor = authorize(caller, 'members.write');
      mayManage(actor, input.role);
      const member = { id: randomUUID(), email: input.email.trim().toLowerCase(), name: input.name, role: input.role };
      try {
        await members.insert(actor.ownerId, { ...member, passwordHash: await hashPassword(input.password) }, new Date());
      } catch (err) {
        if (err instanceof DuplicateKeyError) throw new ConflictError(`A member with the email ${member.email} exists.`);
        throw err;
      }
      await audit(actor, 'member.added', `member:${member.id}`, { role: input.role });
      return (await members.get(actor.ownerId, member.id))!;
    },

    async setRole(caller: Actor, id: string, role: Role): Promise<Member> {
      const actor = authorize(caller, 'members.write');
      const m = await existing(actor, id);
      mayManage(actor, m.role);
      mayManage(actor, role);
      if (role !== 'owner') await keepAnOwner(actor, m);
      await members.setRole(actor.ownerId, id, role);
      await audit(actor, 'member.role_changed', `member:${id}`, { from: m.role, to: role });
      return { ...m, role };
    },

    async remove(caller: Actor, id: string): Promise<void> {
      const actor = authorize(caller, 'members.write');
      const m = await existing(actor, id);
      mayManage(actor, m.role);
      await keepAnOwner(actor, m);
      await members.delete(actor.ownerId, id);
      await audit(actor, 'member.removed', `member:${id}`);
    },
  };
}

export type MemberService = ReturnType<typeof memberService>;
