/** The sandbox's folders, as runners' messages may name them (docs/runner-contract.md). */
const SANDBOX_PATH = /\/work\/(solution|tests)\//g;

/**
 * A message or output with sandbox paths made relative: a candidate's file by its path in the
 * solution (`/work/solution/src/a.py` → `src/a.py`), a test file under `tests/`.
 */
export function relativePaths(text: string | null): string | null {
  return text === null ? null : text.replace(SANDBOX_PATH, (_, dir: string) => (dir === 'tests' ? 'tests/' : ''));
}
