import { openStore } from '../../src/platform/openStore.js';
import type { Store } from '../../src/platform/store.js';
import { createTestDatabase } from './testEnv.js';

/** A store on a fresh database of the kind; `close` closes it and drops the database. */
export async function openTestStore(kind: 'sqlite' | 'postgres'): Promise<{ store: Store; close: () => Promise<void> }> {
  const database = await createTestDatabase(kind);
  const store = await openStore(kind === 'postgres' ? { kind, url: database.url } : { kind, file: database.url });
  return { store, close: async () => { await store.close(); await database.drop(); } };
}
