import { describe, expect, it } from 'vitest';
import { DuplicateKeyError } from '../../src/errors/DuplicateKeyError.js';
import { ServiceUnavailableError } from '../../src/errors/ServiceUnavailableError.js';
import { StorageFullError } from '../../src/errors/StorageFullError.js';
import { pgFault } from '../../src/platform/postgres/pgFault.js';
import type { Store } from '../../src/platform/store.js';
import { reportingStoreFaults } from '../../src/platform/storeFaults.js';

/** A driver's error as drizzle rethrows it: the code on its cause. */
const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('driver'), { code }) });

/** A store whose one repository method fails with `err`. */
const failingStore = (err: unknown) => reportingStoreFaults({ submissions: { insert: async () => { throw err; } }, ping: async () => undefined, close: async () => undefined } as unknown as Store, pgFault);

describe('PostgreSQL faults of the server, not the request', () => {
  it.each([
    ['53100', 'full'], ['57P01', 'unreachable'], ['57P03', 'unreachable'], ['08006', 'unreachable'], ['ECONNREFUSED', 'unreachable'],
    ['23505', undefined], ['42P01', undefined],
  ])('%s is %s', (code, fault) => expect(pgFault(wrapped(code))).toBe(fault));
});

describe('a store reporting its faults', () => {
  it('raises StorageFullError (503, Retry-After) for a full disk', async () => {
    const err = await failingStore(wrapped('53100')).submissions.insert('o', {} as never, new Date()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageFullError);
    expect(err).toMatchObject({ status: 503, code: 'storage-full', headers: { 'retry-after': '60' } });
  });
  it('raises ServiceUnavailableError for a server away', async () => {
    await expect(failingStore(wrapped('ECONNREFUSED')).submissions.insert('o', {} as never, new Date())).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
  it('leaves every other error as it was', async () => {
    const dup = new DuplicateKeyError('idempotency_key');
    await expect(failingStore(dup).submissions.insert('o', {} as never, new Date())).rejects.toBe(dup);
  });
});
