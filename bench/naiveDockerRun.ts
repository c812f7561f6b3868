import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { inputArchive, type SandboxFiles } from '../src/sandbox/inputArchive.js';
import type { SandboxLimits } from '../src/sandbox/limits.js';
import type { SandboxProfile } from '../src/sandbox/sandboxProfile.js';
import { dockerRunArgs } from './dockerRunArgs.js';
import { resultDocument } from './harnessLines.js';
import { testsMsOf, type RunSample } from './runSample.js';

/** Extra time past the challenge's limit before the baseline gives up on a run. */
const GRACE_MS = 5000;

/**
 * The baseline: one submission as `(echo $nonce; tar -c solution tests) | docker run -i --rm …`,
 * timed from spawning the CLI to its exit (with `--rm`, the CLI returns once the container is gone).
 */
export async function naiveDockerRun(image: string, profile: SandboxProfile, files: SandboxFiles, limits: SandboxLimits): Promise<RunSample> {
  const nonce = randomBytes(24).toString('hex');
  const name = `assay-bench-${randomBytes(6).toString('hex')}`;
  const started = performance.now();
  const cli = spawn('docker', dockerRunArgs(image, limits, name, profile), { stdio: ['pipe', 'pipe', 'pipe'] });
  // The run may exit before reading all of its input: its outcome says so, not an EPIPE.
  cli.stdin.on('error', () => undefined);
  cli.stdin.write(`${nonce}\n`);
  inputArchive(files).pipe(cli.stdin);
  const stdout = buffer(cli.stdout);
  // Read, so a chatty run cannot block on a full pipe; the result document is on stdout.
  const stderr = buffer(cli.stderr);
  const timer = setTimeout(() => execFile('docker', ['rm', '-f', name], () => undefined), limits.timeoutMs + GRACE_MS);
  const code = await new Promise<number | null>((resolve, reject) => {
    cli.once('error', reject);
    cli.once('close', resolve);
  }).finally(() => clearTimeout(timer));
  const totalMs = performance.now() - started;
  const [out] = await Promise.all([stdout, stderr]);
  const result = resultDocument(out.toString('utf8'), nonce);
  // Counted under its outcome rather than ending the benchmark: the report's outcomes column shows it.
  if (!result) return { totalMs, testsMs: 0, outcome: `no result (exit ${code})`, tests: [] };
  const tests = result.tests.map((t) => ({ name: t.name, durationMs: t.durationMs }));
  return { totalMs, testsMs: testsMsOf(tests), outcome: result.status, tests };
}
