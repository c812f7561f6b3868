import type { File } from '../support/submissions.js';

/** Submissions in flight in every fault case. */
export const IN_FLIGHT = 50;

/** A submission of sum-python (test/fixtures) and the score its content deserves. */
export interface Sent {
  files: File[];
  verdict: 'passed' | 'failed';
  earned: number;
}

/**
 * `n` (IN_FLIGHT) submissions, alternately right (6 of 6 points) and wrong (3: only the test of 0 + 0
 * passes), each about a second in its sandbox, so a fault finds some running and many queued.
 * Scoring the wrong content shows up as a wrong score.
 */
export function solutions(n = IN_FLIGHT): Sent[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? { files: [{ path: 'calc.py', content: `# ${i}\nimport time\n\ndef add(a, b):\n    time.sleep(0.3)\n    return a + b\n` }], verdict: 'passed', earned: 6 }
      : { files: [{ path: 'calc.py', content: `# ${i}\nimport time\n\ndef add(a, b):\n    time.sleep(0.3)\n    return a - b\n` }], verdict: 'failed', earned: 3 },
  );
}
