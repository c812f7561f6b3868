import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type * as schema from './schema.js';

export type PostgresDb = NodePgDatabase<typeof schema>;
