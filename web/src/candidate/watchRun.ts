import type { Client } from '../api/client';
import { ApiError } from '../api/problem';
import { readEvents } from '../api/sse';
import type { Run, TestRow } from '../api/types';

export const finished = (r: Pick<Run, 'status'>) => r.status === 'completed' || r.status === 'failed';

/**
 * Follows a run (a submission or a sample-test run) to its end: its event stream, test by test;
 * where the stream is not offered (404) or breaks, by polling its state once a second.
 * `onUpdate` gets the run as it stands; resolves with the final run.
 */
export async function watchRun(api: Client, path: string, first: Run, onUpdate: (r: Run) => void, signal: AbortSignal): Promise<Run> {
  let run: Run = { ...first, tests: first.tests ?? [] };
  const update = (next: Run) => {
    run = next;
    onUpdate(run);
  };
  try {
    await readEvents(api, `${path}/events`, (e) => {
      if (e.event === 'test') update({ ...run, status: 'running', tests: [...(run.tests ?? []), e.data as TestRow] });
      else if (e.event === 'running') update({ ...run, status: 'running' });
      else if (typeof e.data === 'object' && e.data !== null) {
        const snapshot = e.data as Run;
        // A snapshot without tests (results hidden from the candidate) keeps the ones streamed.
        update({ ...run, ...snapshot, tests: snapshot.tests?.length ? snapshot.tests : run.tests });
      }
    }, signal);
  } catch (err) {
    if (signal.aborted) return run;
    if (!(err instanceof ApiError) && !(err instanceof TypeError)) throw err;
  }
  while (!finished(run) && !signal.aborted) {
    await new Promise((r) => setTimeout(r, 1000));
    const snapshot = await api.get<Run>(path);
    update({ ...run, ...snapshot, tests: snapshot.tests?.length ? snapshot.tests : run.tests });
  }
  return run;
}
