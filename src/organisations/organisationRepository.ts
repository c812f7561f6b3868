import type { OwnerId } from '../tenancy/actor.js';

export interface Organisation {
  id: OwnerId;
  slug: string;
  name: string;
  createdAt: Date;
}

/** Organisations; the slug is unique (DuplicateKeyError). */
export interface OrganisationRepository {
  create(org: Omit<Organisation, 'createdAt'>, now: Date): Promise<void>;
  get(id: OwnerId): Promise<Organisation | undefined>;
}
