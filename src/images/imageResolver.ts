import { runnerImageRef } from './imageRefs.js';

/** `runner → image ref`, computed once per runner: refs hash the runner's sources, read from disk. */
export function imageResolver(baseImage: string | null): (runner: string) => Promise<string> {
  const refs = new Map<string, Promise<string>>();
  return (runner) => {
    let ref = refs.get(runner);
    if (!ref) {
      ref = runnerImageRef(runner, baseImage);
      refs.set(runner, ref);
    }
    return ref;
  };
}
