import { StorageFullError } from '../errors/StorageFullError.js';
import type { Store } from './store.js';

/**
 * `store` with every repository call that fails for want of space (`isFull`, the adapter's test)
 * raising StorageFullError: the API answers 503 instead of 500, and the result recorder retries
 * the message until there is room again.
 */
export function reportingStorageFull(store: Store, isFull: (err: unknown) => boolean): Store {
  const translated = (err: unknown) => (isFull(err) ? new StorageFullError({ cause: err }) : err);
  const wrap = (repo: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(repo).map(([name, method]) => [
      name,
      typeof method === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await method.apply(repo, args);
            } catch (err) {
              throw translated(err);
            }
          }
        : method,
    ]));
  const { ping, close, ...repositories } = store;
  const wrapped = Object.fromEntries(Object.entries(repositories).map(([name, repo]) => [name, wrap(repo as unknown as Record<string, unknown>)]));
  return { ...wrapped, ping, close } as unknown as Store;
}
