import { randomBytes } from 'node:crypto';
import { ConflictError } from '../errors/ConflictError.js';
import { DEFAULT_OWNER } from '../tenancy/actor.js';
import type { OrganisationService } from './organisationService.js';

export const DEFAULT_OWNER_EMAIL = 'owner@localhost';

/**
 * The single-machine start's organisation, made on the first start with an owner whose password is
 * generated and returned (to be shown once); undefined when it exists already.
 */
export async function ensureDefaultOrganisation(orgs: OrganisationService): Promise<{ email: string; password: string } | undefined> {
  if (await orgs.exists(DEFAULT_OWNER)) return undefined;
  const password = randomBytes(18).toString('base64url');
  try {
    await orgs.create({ id: DEFAULT_OWNER, slug: 'default', name: 'Default organisation', owner: { email: DEFAULT_OWNER_EMAIL, name: 'Owner', password } });
  } catch (err) {
    // Another API process starting at the same moment made it.
    if (err instanceof ConflictError) return undefined;
    throw err;
  }
  return { email: DEFAULT_OWNER_EMAIL, password };
}
