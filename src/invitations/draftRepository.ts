import type { SubmittedFile } from '../submissions/submission.js';
import type { OwnerId } from '../tenancy/actor.js';

export interface Draft {
  challenge: string;
  files: SubmittedFile[];
  updatedAt: Date;
}

/** A candidate's saved work per challenge of their invitation; saving again replaces it. */
export interface DraftRepository {
  save(owner: OwnerId, invitationId: string, draft: Draft): Promise<void>;
  list(owner: OwnerId, invitationId: string): Promise<Draft[]>;
}
