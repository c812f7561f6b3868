import type { Run } from '../api/types';
import { TestResults } from '../components/TestResults';

/** A run's progress and outcome: sample tests or a scored submission. Announced politely to screen readers. */
export function RunPanel({ title, run, error }: { title: string; run: Run | null; error: string | null }) {
  return (
    <section className="run-panel" aria-live="polite" aria-label={title}>
      <h2>{title}</h2>
      {error && <p className="problem" role="alert">{error}</p>}
      {run && (
        <>
          <p className={`run-status ${run.status}`} data-testid="run-status">
            {run.status === 'queued' && 'Queued…'}
            {run.status === 'running' && `Running… ${run.tests?.length ?? 0} test${run.tests?.length === 1 ? '' : 's'} done`}
            {run.status === 'completed' && <>Finished{run.verdict ? <>: <strong>{run.verdict.replace(/_/g, ' ')}</strong></> : null}{run.score ? ` — ${run.score.earned}/${run.score.max} points (${Math.round(run.score.percent)}%)` : ''}</>}
            {run.status === 'failed' && 'We could not run it (not your fault); try again.'}
          </p>
          {run.message && <p className="muted">{run.message}</p>}
          {run.tests && run.tests.length > 0 && <TestResults tests={run.tests} caption={`${title}: results per test`} />}
          {run.output && (
            <details>
              <summary>Output</summary>
              <pre className="log" tabIndex={0}>{run.output}</pre>
            </details>
          )}
        </>
      )}
    </section>
  );
}
