import type { TestRow } from '../api/types';

const ICON: Record<string, string> = { passed: '✓', failed: '✗', error: '!', skipped: '–' };

/** One row per test: status, points where known, the message, and what the test printed (folded). */
export function TestResults({ tests, caption }: { tests: TestRow[]; caption: string }) {
  return (
    <table className="tests">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Status</th>
          <th scope="col">Points</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {tests.map((t, i) => (
          <tr key={`${t.name}-${i}`} className={`status-${t.status}`}>
            <td><code>{t.name}</code></td>
            <td><span aria-hidden="true">{ICON[t.status] ?? '·'} </span>{t.status}</td>
            <td>{t.maxPoints === undefined ? '—' : `${t.points ?? 0}/${t.maxPoints}`}</td>
            <td className="message">
              {t.message ? <pre tabIndex={0}>{t.message}</pre> : null}
              {t.output ? <details><summary>Output</summary><pre tabIndex={0}>{t.output}</pre></details> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
