/** The owner every row of tenant data belongs to; organisations will each be one. */
export type OwnerId = string;

/** Until organisations exist, every caller acts for this one owner. */
export const DEFAULT_OWNER: OwnerId = 'default';

/**
 * Who is calling, set once per request and handed to every service call. Each kind carries the
 * owner it may act for, so a service never has to guess whose data it touches.
 */
export type Actor = { kind: 'anonymous'; ownerId: OwnerId };

export const anonymousActor = (): Actor => ({ kind: 'anonymous', ownerId: DEFAULT_OWNER });
