import type { PracticeJob, PracticeResult } from '../queue/practiceQueue.js';
import { firstReports } from '../scoring/reportRefusal.js';
import { scoreRun, scoreTest, type ScoredTest } from '../scoring/scoreRun.js';
import { runTests, type Grader } from './grade.js';

/**
 * Runs a candidate's files against the sample tests. Sample tests are not in the manifest, so the
 * run is judged against the tests it reported (a test cannot be missing), with the same verdicts,
 * refusals and limits as a scored run; points mean nothing here and are not returned.
 */
export async function practise(grader: Grader, job: PracticeJob, opts: { signal?: AbortSignal; onTest?: (test: ScoredTest) => void } = {}): Promise<PracticeResult> {
  const outcome = await runTests(grader, {
    runId: job.practiceId,
    manifest: job.manifest,
    tests: job.sampleTests,
    files: job.files,
    limits: job.limits,
    signal: opts.signal,
    onEvent: (event) => event.type === 'test' && opts.onTest?.(scoreTest(event.test, 1)),
  });
  const reported = [...firstReports(outcome.tests).keys()].map((name) => ({ name }));
  const score = scoreRun({ ...job.manifest, tests: reported }, outcome, job.limits);
  const tests = score.tests.map(({ name, status, message, output, durationMs }) => ({ name, status, message, output, durationMs }));
  // A run that reported nothing passed nothing, whatever it claimed.
  const empty = tests.length === 0 && score.verdict === 'passed';
  return {
    verdict: empty ? 'error' : score.verdict,
    message: empty ? 'No sample test ran.' : score.message,
    tests,
    output: outcome.log,
  };
}
