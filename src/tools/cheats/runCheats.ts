import type { PackageFile } from '../../challenges/challengePackage.js';
import type { Graded } from '../../grading/grade.js';
import type { Cheat } from './cheat.js';

/** Cheats graded at once: most wait on a sandbox (or sleep to its deadline) rather than use a core. */
const CONCURRENCY = 2;

export interface CheatReport {
  problems: string[];
  checks: string[];
}

const passed = (g: Graded) => new Set(g.score.tests.filter((t) => t.status === 'passed').map((t) => t.name));

/** Grades every cheat; one that earns more than the starter is a problem naming it and the tests that let it through. */
export async function runCheats(run: (files: PackageFile[]) => Promise<Graded>, cheats: Cheat[], starter: Graded): Promise<CheatReport> {
  const started = Date.now();
  const graded: Graded[] = new Array(cheats.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cheats.length; i = next++) {
      const cheat = cheats[i]!;
      graded[i] = await run(cheat.files);
      // A time limit hides what the cheat would have scored: on a busy machine, give it one more go.
      if (graded[i]!.score.verdict === 'time_limit_exceeded' && !cheat.endsAtDeadline) graded[i] = await run(cheat.files);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, cheats.length) }, worker));
  const report: CheatReport = { problems: [], checks: [] };
  const starterPassed = passed(starter);
  cheats.forEach((cheat, i) => {
    const { score } = graded[i]!;
    const through = [...passed(graded[i]!)].filter((name) => !starterPassed.has(name));
    if (score.earned > starter.score.earned) {
      report.problems.push(
        `cheat ${cheat.name} scores ${score.earned}/${score.max}, above the starter's ${starter.score.earned}; the tests that let it through: ${through.join(', ')}. ` +
          'Compare values with their types, check the exception raised, and assert on what the tests computed themselves (docs/challenges.md).',
      );
    } else report.checks.push(`cheat ${cheat.name} scores ${score.earned}/${score.max} (${score.verdict}), no more than the starter`);
  });
  report.checks.push(`${cheats.length} cheats graded in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return report;
}
