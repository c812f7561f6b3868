import { describe, expect, it } from 'vitest';
import type { ScoredTest } from '../../src/scoring/scoreRun.js';
import { testChanges } from '../../src/scoring/testChanges.js';

const t = (name: string, status: ScoredTest['status'], points: number, maxPoints = 1, message: string | null = null): ScoredTest => ({ name, status, points, maxPoints, message, output: null, durationMs: 5 });

describe('testChanges', () => {
  it('names each test added, removed, or giving a different result, with the old and new status, points and message', () => {
    const before = [t('a', 'passed', 1), t('b', 'passed', 2, 2), t('gone', 'failed', 0, 1, 'expected 1')];
    const after = [t('a', 'passed', 1), t('b', 'failed', 0, 2, 'expected 5, got -5'), t('new', 'passed', 3, 3)];
    expect(testChanges(before, after)).toEqual([
      { test: 'b', reason: 'result', before: { status: 'passed', points: 2, maxPoints: 2, message: null }, after: { status: 'failed', points: 0, maxPoints: 2, message: 'expected 5, got -5' } },
      { test: 'new', reason: 'added', after: { status: 'passed', points: 3, maxPoints: 3, message: null } },
      { test: 'gone', reason: 'removed', before: { status: 'failed', points: 0, maxPoints: 1, message: 'expected 1' } },
    ]);
  });

  it('counts a test re-weighted by the new version as changed, and a new message or duration alone as not', () => {
    const before = [t('a', 'passed', 1, 1), t('b', 'failed', 0, 1, 'took 210 ms')];
    const after = [t('a', 'passed', 2, 2), { ...t('b', 'failed', 0, 1, 'took 250 ms'), durationMs: 900 }];
    expect(testChanges(before, after)).toEqual([
      { test: 'a', reason: 'result', before: { status: 'passed', points: 1, maxPoints: 1, message: null }, after: { status: 'passed', points: 2, maxPoints: 2, message: null } },
    ]);
  });

  it('finds nothing between identical gradings', () => {
    const tests = [t('a', 'passed', 1), t('b', 'not_run', 0)];
    expect(testChanges(tests, tests)).toEqual([]);
  });
});
