import type { DatabaseTarget } from '../config.js';
import { openPostgres } from './postgres/openPostgres.js';
import { openSqlite } from './sqlite/openSqlite.js';
import type { Store } from './store.js';

/** Opens the configured database with its adapter and applies its migrations. */
export async function openStore(target: DatabaseTarget): Promise<Store> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openSqlite(target.file);
}
