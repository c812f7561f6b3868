import { ServiceUnavailableError } from '../errors/ServiceUnavailableError.js';
import { StorageFullError } from '../errors/StorageFullError.js';
import type { Store } from './store.js';

/** Why a database call failed that is no fault of the request: no space left, or no server to answer. */
export type StoreFault = 'full' | 'unreachable';

/** Long enough for a database restart. */
const UNREACHABLE_RETRY_AFTER_S = '5';

function translated(err: unknown, fault: StoreFault | undefined): unknown {
  if (fault === 'full') return new StorageFullError({ cause: err });
  if (fault === 'unreachable') {
    return new ServiceUnavailableError('The database is unreachable, so nothing was stored; retry later with the same Idempotency-Key.', { cause: err, headers: { 'retry-after': UNREACHABLE_RETRY_AFTER_S } });
  }
  return err;
}

/**
 * `store` with every repository call that fails for a `faultOf` reason (the adapter's reading of its
 * driver's errors) raising a typed error instead: the API answers 503, not 500, and the result
 * recorder retries the message until the database takes it.
 */
export function reportingStoreFaults(store: Store, faultOf: (err: unknown) => StoreFault | undefined): Store {
  const wrap = (repo: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(repo).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await method.apply(repo, args);
            } catch (err) {
              throw translated(err, faultOf(err));
            }
          }
        : method,
    ]));
  const { ping, close, ...repositories } = store;
  const wrapped = Object.fromEntries(Object.entries(repositories).map(([name, repo]) => [name, wrap(repo as unknown as Record<string, unknown>)]));
  return { ...wrapped, ping, close } as unknown as Store;
}
