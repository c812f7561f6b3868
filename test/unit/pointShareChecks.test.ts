import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/challenges/manifest.js';
import { skillShares } from '../../src/challenges/skillShares.js';
import type { Score } from '../../src/scoring/scoreRun.js';
import { starterShareProblem } from '../../src/tools/pointShareChecks.js';

const manifest: Manifest = {
  slug: 'notes', title: 'Notes', summary: 'Notes', runner: 'http', language: 'python', skills: ['security', 'sql'],
  tests: [{ name: 'a', points: 3, skills: ['sql'] }, { name: 'b', skills: ['security', 'sql'] }, { name: 'c' }],
};

const starter = (earned: number, cap: Score['cap']): Score => ({
  verdict: 'failed', message: null, earned, max: 5, cap, skills: [],
  tests: [{ name: 'a', status: 'passed', points: 3, maxPoints: 3, message: null, output: null, durationMs: 1 }, { name: 'b', status: 'failed', points: 0, maxPoints: 1, message: null, output: null, durationMs: 1 }],
});

describe('point shares', () => {
  it('count a test towards each skill it names, and an unnamed one towards none when the challenge has several', () => {
    expect(skillShares(manifest)).toEqual([
      { skill: 'security', points: 1, share: 0.2, tests: ['b'] },
      { skill: 'sql', points: 4, share: 0.8, tests: ['a', 'b'] },
    ]);
    expect(skillShares({ ...manifest, skills: ['sql'], tests: [{ name: 'c', points: 2 }] })).toEqual([{ skill: 'sql', points: 2, share: 1, tests: ['c'] }]);
  });

  it('hold the starter to its share after caps: a vulnerable starter its critical tests cap passes', () => {
    expect(starterShareProblem(manifest, starter(3, null))).toMatch(/^the starter scores 3\/5 \(60%\), more than the 50% a starter may/);
    expect(starterShareProblem(manifest, starter(3, { ceiling: 25, triggered: [{ name: 'leak', ceiling: 25, reason: 'leaks', tests: ['b'] }] }))).toBeNull();
    expect(starterShareProblem({ ...manifest, validation: { maxStarterShare: 0.7 } }, starter(3, null))).toBeNull();
  });
});
