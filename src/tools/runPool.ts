/** Runs `count` tasks, at most `concurrency` at a time; returns results in task order and the makespan. */
export async function runPool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<{ results: T[]; makespanMs: number }> {
  const results = new Array<T>(count);
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return { results, makespanMs: performance.now() - started };
}
