import type { OwnerId } from '../tenancy/actor.js';

/** An invitation an applicant-tracking system asked for: which system, and where it wants to hear it is done. */
export interface IntegrationLink {
  integration: string;
  invitationId: string;
  callbackUrl: string | null;
  createdAt: Date;
}

/** Links per organisation. Adapters: platform/sqlite, platform/postgres. */
export interface IntegrationLinkRepository {
  insert(owner: OwnerId, link: IntegrationLink): Promise<void>;
  get(owner: OwnerId, integration: string, invitationId: string): Promise<IntegrationLink | undefined>;
}
