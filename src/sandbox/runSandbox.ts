import { randomBytes } from 'node:crypto';
import { Writable, type Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { containerSpec, RUN_LABEL, runContainerName } from './containerSpec.js';
import type { EngineWatch } from './engineWatch.js';
import { HarnessOutput } from './harnessOutput.js';
import { inputArchive, type SandboxFiles } from './inputArchive.js';
import type { HarnessEvent, HarnessTest, ResultDocument } from './harnessEvents.js';
import type { SandboxLimits } from './limits.js';
import type { SandboxOutcome } from './sandboxOutcome.js';
import { SandboxUnavailableError } from './SandboxUnavailableError.js';
import { sandboxProfile } from './sandboxProfile.js';
import type { WarmPool } from './warmPool.js';
import { warmStartOf } from './warmStart.js';
import { REMOVE_WAIT_MS, within } from './within.js';

export interface SandboxRun {
  runId: string;
  /** Whose sandbox it is (containerSpec.ts). */
  scope: string;
  image: string;
  files: SandboxFiles;
  limits: SandboxLimits;
  onEvent?: (event: HarnessEvent) => void;
  /** Aborting (worker shutdown) kills the container; cleanup still runs. */
  signal?: AbortSignal;
  /** Started containers to take instead of creating one (the worker's); none for one-off tools. */
  pool?: WarmPool;
  /** The engine's kill events (the worker's): a run killed from outside is ours to retry. */
  engine?: EngineWatch;
}

/** Time allowed for the engine to tear down after the deadline before the outcome is read. */
const STREAM_DRAIN_MS = 2000;
/** SANDBOX_STUCK_GRACE_MS's default, for runs given limits without it (tools, tests). */
const STUCK_GRACE_MS = 30_000;

const sink = (write: (chunk: Buffer) => void) =>
  new Writable({
    write(chunk: Buffer, _enc, done) {
      write(chunk);
      done();
    },
  });

type Bounded = <T>(step: Promise<T>) => Promise<T>;

/**
 * prepare → execute → collect, with cleanup (container removal) in every outcome. The engine ends every
 * run by its time limit; one still going `stuckGraceMs` after it was lost by its engine (restarted, or
 * a wedged shim that can neither kill the container nor report its end), and would wait forever: every
 * engine call of the run gives up then, as `sandbox_killed`, ours to retry.
 */
export async function runSandbox(docker: Docker, run: SandboxRun): Promise<SandboxOutcome> {
  const grace = run.limits.stuckGraceMs ?? STUCK_GRACE_MS;
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SandboxUnavailableError(`the sandbox had not ended ${grace} ms after its time limit: the engine lost it`, { problem: 'sandbox_killed' })),
      run.limits.timeoutMs + grace,
    );
  });
  stuck.catch(() => undefined); // seen by the steps it races; never an unhandled rejection
  try {
    return await runBounded(docker, run, (step) => Promise.race([step, stuck]));
  } finally {
    clearTimeout(timer);
  }
}

async function runBounded(docker: Docker, run: SandboxRun, bounded: Bounded): Promise<SandboxOutcome> {
  const nonce = randomBytes(24).toString('hex');
  const deadline = Date.now() + run.limits.timeoutMs;
  const watched = run.engine?.mark();
  let container: Docker.Container;
  try {
    const profile = await bounded(sandboxProfile(docker, run.image));
    const name = runContainerName(run.runId);
    // The servers the run's options ask for start with the container, before the submission is there.
    const warm = warmStartOf(run.files.run);
    if (run.pool) {
      container = await bounded(run.pool.take(run.image, profile, run.limits, warm));
      await bounded(container.rename({ name }));
    } else {
      container = await bounded(docker.createContainer({ ...containerSpec(run.image, profile, run.limits, run.scope, { [RUN_LABEL]: run.runId }, deadline, warm), name }));
    }
  } catch (err) {
    if (err instanceof SandboxUnavailableError) throw err;
    throw new SandboxUnavailableError(`cannot create a sandbox from ${run.image}: ${(err as Error).message}`, { cause: err });
  }
  const tests: HarnessTest[] = [];
  let result: ResultDocument | null = null;
  let timedOut = false;
  let outputExceeded = false;
  const kill = () => void container.kill().catch(() => undefined);
  const output = new HarnessOutput(
    nonce,
    { keepBytes: run.limits.outputBytes, maxBytes: run.limits.maxOutputBytes },
    (event) => {
      if (event.type === 'test') tests.push(event.test);
      else result ??= event.result;
      run.onEvent?.(event);
    },
    () => {
      outputExceeded = true;
      kill();
    },
  );
  try {
    const stream = (await bounded(container.attach({ stream: true, hijack: true, stdin: true, stdout: true, stderr: true }))) as Duplex;
    const drained = new Promise<void>((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    docker.modem.demuxStream(stream, sink((c) => output.writeStdout(c)), sink((c) => output.writeStderr(c)));
    // A warm container is already running, blocked on its input; a fresh one starts only once attached.
    if (!run.pool) await bounded(container.start());
    const timer = setTimeout(() => {
      timedOut = true;
      // Only a kill the engine carried out is the time limit: a container the engine had already
      // stopped (a restart) was killed from outside.
      container.kill().catch(() => {
        timedOut = false;
      });
    }, run.limits.timeoutMs);
    run.signal?.addEventListener('abort', kill, { once: true });
    try {
      stream.write(`${nonce}\n`);
      // The run may exit (or be killed) before reading all its input: that is its outcome, not ours.
      inputArchive(run.files).pipe(stream);
      const exit = (await bounded(container.wait())) as { StatusCode: number };
      await Promise.race([drained, new Promise((r) => setTimeout(r, STREAM_DRAIN_MS))]);
      output.end();
      const state = (await bounded(container.inspect())).State;
      // A signal we did not send, from the engine (stop, restart, removal), is not the candidate's doing.
      const ours = timedOut || outputExceeded || run.signal?.aborted || state.OOMKilled;
      if (!ours && run.engine && watched && (await run.engine.killedOutside(container.id, watched, exit.StatusCode > 128))) {
        throw new SandboxUnavailableError(`the sandbox was killed from outside (exit code ${exit.StatusCode})`, { problem: 'sandbox_killed' });
      }
      // Only the harness holds the nonce, so only it can say its own service failed: never the candidate's.
      const first = result as ResultDocument | null;
      if (first?.status === 'error' && first.errorKind === 'infrastructure') {
        throw new SandboxUnavailableError(`the sandbox's service failed: ${first.message ?? 'no reason given'}`, { problem: 'service_failed' });
      }
      return {
        exitCode: exit.StatusCode,
        timedOut,
        outputExceeded,
        oomKilled: state.OOMKilled,
        tests,
        result,
        resultsReported: output.resultsReported,
        log: output.logText(),
        logTruncated: output.logTruncated,
      };
    } finally {
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', kill);
      stream.destroy();
    }
  } catch (err) {
    if (err instanceof SandboxUnavailableError) throw err;
    throw new SandboxUnavailableError(`sandbox run failed: ${(err as Error).message}`, { cause: err });
  } finally {
    await within(container.remove({ force: true, v: true }).catch(() => undefined), REMOVE_WAIT_MS, () => undefined);
  }
}
