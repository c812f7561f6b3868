import type { Manifest } from '../challenges/manifest.js';
import type { HarnessTest } from '../sandbox/harnessEvents.js';
import type { SandboxOutcome } from '../sandbox/sandboxOutcome.js';

/** Each test's first report: a later one for the same name cannot overwrite it. */
export function firstReports(tests: HarnessTest[]): Map<string, HarnessTest> {
  const first = new Map<string, HarnessTest>();
  for (const t of tests) if (!first.has(t.name)) first.set(t.name, t);
  return first;
}

const listed = (names: string[]) => names.slice(0, 3).join(', ') + (names.length > 3 ? `, and ${names.length - 3} more` : '');

/**
 * Why the run's report cannot be trusted, or null (docs/runner-contract.md, "One report per run"): it
 * reported more than one result document, its result document disagrees with the tests it streamed, or
 * it says the run finished (pass or fail) before every test the manifest lists had reported.
 */
export function reportRefusal(manifest: Manifest, outcome: SandboxOutcome): string | null {
  const refused = 'its result document is refused and only the tests reported before it count';
  if (outcome.resultsReported > 1) return `The run reported ${outcome.resultsReported} result documents instead of one; ${refused}.`;
  const result = outcome.result;
  if (!result) return null;
  const streamed = firstReports(outcome.tests);
  const documented = firstReports(result.tests);
  const disagree = [...new Set([...streamed.keys(), ...documented.keys()])].filter((name) => streamed.get(name)?.status !== documented.get(name)?.status);
  if (disagree.length > 0) return `The run's result document disagrees with the tests it reported (${listed(disagree)}); ${refused}.`;
  if (result.status === 'error') return null;
  const missing = manifest.tests.map((spec) => spec.name).filter((name) => !streamed.has(name));
  if (missing.length > 0) {
    return `The run's result document says the run finished, but ${missing.length} test(s) the challenge lists never reported (${listed(missing)}); ${refused}.`;
  }
  return null;
}
