import { randomUUID } from 'node:crypto';
import Docker from 'dockerode';
import type { PackageFile } from '../../src/challenges/challengePackage.js';
import { readPackage } from '../../src/challenges/readPackage.js';
import { loadConfig } from '../../src/config.js';
import { grade, type Grader } from '../../src/grading/grade.js';
import { imageResolver } from '../../src/images/imageResolver.js';
import { resolveLimits } from '../../src/sandbox/limits.js';
import { cheatsFor } from '../../src/tools/cheats/cheatsFor.js';
import type { Cheat } from '../../src/tools/cheats/cheat.js';
import { createSqliteDatabase, isolatedEnv } from './testEnv.js';

export const config = loadConfig(isolatedEnv(createSqliteDatabase()));
export const grader: Grader = { docker: new Docker(), scope: config.queueName, imageFor: imageResolver(config.baseImage) };

/** A package's built-in cheats and a grader for it, as `assay challenge validate` grades them. */
export async function cheatsOf(dir: string): Promise<{ cheats: Cheat[]; run: (files: PackageFile[]) => ReturnType<typeof grade>; starter: PackageFile[] }> {
  const pkg = await readPackage(dir);
  const limits = resolveLimits(pkg.manifest.limits, config.sandbox);
  const cheats = cheatsFor(pkg.manifest.runner, { testNames: pkg.manifest.tests.map((t) => t.name), starter: pkg.starter, sampleTests: pkg.sampleTests });
  return { cheats, starter: pkg.starter, run: (files) => grade(grader, { runId: `cheats-${randomUUID()}`, pkg, files, limits }) };
}
