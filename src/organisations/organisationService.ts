import { randomUUID } from 'node:crypto';
import { ConflictError } from '../errors/ConflictError.js';
import { DuplicateKeyError } from '../errors/DuplicateKeyError.js';
import type { MemberRepository } from '../members/memberRepository.js';
import { hashPassword } from '../members/passwords.js';
import type { OwnerId } from '../tenancy/actor.js';
import type { OrganisationRepository } from './organisationRepository.js';

export interface NewOrganisation {
  /** Defaults to a random id; the single-machine start uses DEFAULT_OWNER. */
  id?: OwnerId;
  slug: string;
  name: string;
  owner: { email: string; name: string; password: string };
}

/** Bootstrap (the CLI, the single-machine start): an organisation and its first owner. */
export function organisationService(deps: { organisations: OrganisationRepository; members: Pick<MemberRepository, 'insert'> }) {
  return {
    async create(input: NewOrganisation): Promise<{ id: OwnerId; ownerMemberId: string }> {
      const id = input.id ?? randomUUID();
      const now = new Date();
      try {
        await deps.organisations.create({ id, slug: input.slug, name: input.name }, now);
      } catch (err) {
        if (err instanceof DuplicateKeyError) throw new ConflictError(`An organisation "${input.slug}" exists.`);
        throw err;
      }
      const ownerMemberId = randomUUID();
      const email = input.owner.email.trim().toLowerCase();
      try {
        await deps.members.insert(id, { id: ownerMemberId, email, name: input.owner.name, role: 'owner', passwordHash: await hashPassword(input.owner.password) }, now);
      } catch (err) {
        if (err instanceof DuplicateKeyError) throw new ConflictError(`A member with the email ${email} exists.`);
        throw err;
      }
      return { id, ownerMemberId };
    },
    exists: async (id: OwnerId) => (await deps.organisations.get(id)) !== undefined,
  };
}

export type OrganisationService = ReturnType<typeof organisationService>;
