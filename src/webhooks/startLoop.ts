/** Runs `task` now and then every `everyMs` after the last run ended (never two at once), until stopped; returns the stop function. */
export function startLoop(task: () => Promise<unknown>, everyMs: number, onError: (err: unknown) => void): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout;
  const tick = () => {
    running = task().then(() => undefined, onError).finally(() => {
      if (!stopped) timer = setTimeout(tick, everyMs);
    });
  };
  timer = setTimeout(tick, 0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
