import { randomUUID } from 'node:crypto';
import type { ChallengePackage, PackageFile } from '../challenges/challengePackage.js';
import { InvalidPackageError } from '../challenges/InvalidPackageError.js';
import { readMutants } from './readMutants.js';
import { cheatsFor } from './cheats/cheatsFor.js';
import { runCheats } from './cheats/runCheats.js';
import { readPackage } from '../challenges/readPackage.js';
import { grade, type Graded, type Grader } from '../grading/grade.js';
import { resolveLimits, type ServerLimits } from '../sandbox/limits.js';
import { criticalMutantProblem, skillShareProblems, starterShareProblem } from './pointShareChecks.js';

export interface ValidationReport {
  slug: string | null;
  /** Each a sentence saying what is wrong and what to do about it; empty when the package is valid. */
  problems: string[];
  /** What was checked, for the author's confidence. */
  checks: string[];
}

/** Runs of the reference solution that must agree exactly: fewer would miss most flaky tests. */
const REFERENCE_RUNS = 3;

const failing = (g: Graded) =>
  g.score.tests.filter((t) => t.status !== 'passed').map((t) => `${t.name} (${t.status}${t.message ? `: ${t.message.split('\n')[0]}` : ''})`);

const statuses = (g: Graded) => g.score.tests.map((t) => `${t.name}=${t.status}`).join(',');

/**
 * Everything `assay challenge validate` promises: a valid manifest within the server's limits, each
 * skill measured by its share of the points, a reference that scores 100% the same way three times,
 * a starter within its share, mutants that each hidden test catches at least once, critical mutants
 * held to a critical ceiling, and no built-in cheat (src/tools/cheats/) scoring above the starter.
 */
export async function validatePackage(grader: Grader, server: ServerLimits, dir: string): Promise<ValidationReport> {
  let pkg: ChallengePackage;
  try {
    pkg = await readPackage(dir);
  } catch (err) {
    if (err instanceof InvalidPackageError) return { slug: null, problems: err.problems, checks: [] };
    throw err;
  }
  const problems: string[] = [];
  const checks: string[] = ['challenge.json matches the manifest schema'];
  const { manifest } = pkg;
  if ((manifest.limits?.timeoutMs ?? 0) > server.maxTimeoutMs) {
    problems.push(`limits.timeoutMs ${manifest.limits!.timeoutMs} exceeds the server maximum ${server.maxTimeoutMs}: lower it or make the tests faster.`);
  }
  if ((manifest.limits?.memoryMb ?? 0) > server.maxMemoryMb) {
    problems.push(`limits.memoryMb ${manifest.limits!.memoryMb} exceeds the server maximum ${server.maxMemoryMb}.`);
  }
  const shares = skillShareProblems(manifest);
  problems.push(...shares.problems);
  checks.push(...shares.checks);
  const limits = resolveLimits(manifest.limits, server);
  const run = (files: PackageFile[]) => grade(grader, { runId: `validate-${randomUUID()}`, pkg, files, limits });

  const references: Graded[] = [];
  for (let i = 0; i < REFERENCE_RUNS; i++) references.push(await run(pkg.solution));
  const [reference] = references as [Graded, ...Graded[]];
  if (reference.score.earned !== reference.score.max) {
    problems.push(`the reference solution scores ${reference.score.earned}/${reference.score.max} (${reference.score.verdict}${reference.score.message ? `: ${reference.score.message}` : ''}); failing: ${failing(reference).join('; ')}.`);
  } else checks.push(`the reference solution scores ${reference.score.max}/${reference.score.max}`);
  const unlisted = reference.reported.filter((name) => !manifest.tests.some((t) => t.name === name));
  if (unlisted.length > 0) problems.push(`the runner reported tests challenge.json does not list (they score nothing): ${unlisted.join(', ')}.`);
  if (new Set(references.map(statuses)).size > 1) {
    problems.push(`the reference solution's results differ between ${REFERENCE_RUNS} runs: some tests are flaky (${references.map(statuses).join(' | ')}).`);
  } else checks.push(`${REFERENCE_RUNS} runs of the reference gave identical results`);

  const starter = await run(pkg.starter);
  const starterProblem = starterShareProblem(manifest, starter.score);
  if (starterProblem !== null) problems.push(starterProblem);
  else checks.push(`the starter scores ${starter.score.earned}/${starter.score.max}`);

  const mutants = await readMutants(dir, pkg.solution);
  const caught = new Set<string>();
  for (const mutant of mutants) {
    const g = await run(mutant.files);
    g.score.tests.filter((t) => t.status !== 'passed').forEach((t) => caught.add(t.name));
    if (g.score.earned >= g.score.max) problems.push(`mutant ${mutant.name} scores 100%: no hidden test catches it; add a test that does.`);
    if (mutant.expectedEarned !== null && g.score.earned !== mutant.expectedEarned) {
      problems.push(`mutant ${mutant.name} earns ${g.score.earned}, but its expected.json says ${mutant.expectedEarned}.`);
    }
    const critical = mutant.critical ? criticalMutantProblem(manifest, mutant.name, g.score) : null;
    if (critical !== null) problems.push(critical);
    else if (mutant.critical) checks.push(`critical mutant ${mutant.name} is capped at ${g.score.cap!.ceiling}% (${g.score.cap!.triggered.map((t) => t.name).join(', ')})`);
  }
  if (mutants.length > 0) {
    const uncaught = manifest.tests.map((t) => t.name).filter((name) => !caught.has(name));
    if (uncaught.length > 0) {
      problems.push(`these hidden tests pass against every mutant, so nothing shows they can fail: ${uncaught.join(', ')}; add a mutant each would catch.`);
    } else checks.push(`each hidden test fails against at least one of ${mutants.length} mutants`);
  }

  // Cheats take a minute: worth it once the package is otherwise sound, and the author has fixed the rest.
  if (problems.length > 0) return { slug: manifest.slug, problems, checks };
  const cheats = cheatsFor(manifest.runner, { testNames: manifest.tests.map((t) => t.name), starter: pkg.starter, sampleTests: pkg.sampleTests });
  const cheating = await runCheats(run, cheats, starter);
  problems.push(...cheating.problems);
  checks.push(...cheating.checks);
  return { slug: manifest.slug, problems, checks };
}
