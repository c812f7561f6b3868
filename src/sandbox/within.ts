/**
 * How long a run waits for the engine to remove a container: an engine that lost one (a wedged shim)
 * may never answer, and the reaper removes what is left by its deadline label.
 */
export const REMOVE_WAIT_MS = 10_000;

/** `step`, or `late()` once `ms` pass first; the step is left to finish (or not) on its own. */
export function within<T>(step: Promise<T>, ms: number, late: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve, reject) => {
    timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (err) {
        reject(err);
      }
    }, ms);
  });
  return Promise.race([step, timeout]).finally(() => clearTimeout(timer));
}
