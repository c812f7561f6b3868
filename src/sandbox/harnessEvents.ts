/** What a runner reports, per docs/runner-contract.md. */
/** `skip`: the test was skipped (its reason in `message`); it earns nothing. */
export type HarnessTestStatus = 'pass' | 'fail' | 'error' | 'skip';

export interface HarnessTest {
  name: string;
  status: HarnessTestStatus;
  message: string | null;
  output: string | null;
  durationMs: number | null;
}

export interface ResultDocument {
  version: 1;
  status: 'pass' | 'fail' | 'error';
  message: string | null;
  /**
   * With status error: whether the solution failed to compile or to load, or the sandbox's own service
   * failed (`infrastructure`: ours, so runSandbox throws it to be retried).
   */
  errorKind: 'compile' | 'load' | 'infrastructure' | null;
  tests: HarnessTest[];
}

export type HarnessEvent = { type: 'test'; test: HarnessTest } | { type: 'result'; result: ResultDocument };

const TEST_STATUSES = new Set(['pass', 'fail', 'error', 'skip']);
const ERROR_KINDS = new Set(['compile', 'load', 'infrastructure']);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function parseTest(raw: unknown): HarnessTest | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const t = raw as Record<string, unknown>;
  if (typeof t.name !== 'string' || !TEST_STATUSES.has(t.status as string)) return null;
  return {
    name: t.name,
    status: t.status as HarnessTestStatus,
    message: str(t.message),
    output: str(t.output),
    durationMs: typeof t.durationMs === 'number' && Number.isFinite(t.durationMs) ? Math.round(t.durationMs) : null,
  };
}

/** Parses one event line's JSON; anything off-contract is dropped rather than trusted. */
export function parseHarnessEvent(json: string): HarnessEvent | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const e = raw as Record<string, unknown>;
  if (e.type === 'test') {
    const test = parseTest(e.test);
    return test && { type: 'test', test };
  }
  if (e.type === 'result' && typeof e.result === 'object' && e.result !== null) {
    const r = e.result as Record<string, unknown>;
    if (!['pass', 'fail', 'error'].includes(r.status as string) || !Array.isArray(r.tests)) return null;
    const tests = r.tests.map(parseTest).filter((t): t is HarnessTest => t !== null);
    const errorKind = ERROR_KINDS.has(r.errorKind as string) ? (r.errorKind as ResultDocument['errorKind']) : null;
    return { type: 'result', result: { version: 1, status: r.status as ResultDocument['status'], message: str(r.message), errorKind, tests } };
  }
  return null;
}
