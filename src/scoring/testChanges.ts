import type { ScoredTest } from './scoreRun.js';

/** One test's result as a regrade compares it. */
export type TestResult = Pick<ScoredTest, 'status' | 'points' | 'maxPoints' | 'message'>;

/**
 * Why a test's part of the score changed between two gradings of one submission: the new version
 * added it, removed it, or it gave a different result (status, points or what it is worth).
 */
export type TestChange =
  | { test: string; reason: 'added'; after: TestResult }
  | { test: string; reason: 'removed'; before: TestResult }
  | { test: string; reason: 'result'; before: TestResult; after: TestResult };

const resultOf = ({ status, points, maxPoints, message }: ScoredTest): TestResult => ({ status, points, maxPoints, message });

/** A message alone (a duration, a reworded assertion) is not a change: only what moves the score is. */
const differs = (a: ScoredTest, b: ScoredTest) => a.status !== b.status || a.points !== b.points || a.maxPoints !== b.maxPoints;

/** The tests whose results differ between an earlier and a later grading, in the later one's order, then the removed. */
export function testChanges(before: ScoredTest[], after: ScoredTest[]): TestChange[] {
  const old = new Map(before.map((t) => [t.name, t]));
  const now = new Set(after.map((t) => t.name));
  const changed = after.flatMap((t): TestChange[] => {
    const was = old.get(t.name);
    if (!was) return [{ test: t.name, reason: 'added', after: resultOf(t) }];
    return differs(was, t) ? [{ test: t.name, reason: 'result', before: resultOf(was), after: resultOf(t) }] : [];
  });
  const removed = before.filter((t) => !now.has(t.name)).map((t): TestChange => ({ test: t.name, reason: 'removed', before: resultOf(t) }));
  return [...changed, ...removed];
}
