import type { RunOptions } from './inputArchive.js';

/**
 * The servers a sandbox starts before its submission arrives (docs/sandbox.md, "Warm containers"): the sql
 * runner's engine (`postgres`, `mariadb`) or the python and http runners' `services`, with the manifest's settings.
 * Part of the warm pool's key, so a waiting container of a postgres challenge has its server up while one of
 * a SQLite challenge starts nothing and pays nothing.
 */
export interface WarmStart {
  servers: string[];
  settings: Record<string, string>;
}

/**
 * Size of /tmp, where the servers keep their data, in a sandbox that runs one: room for a seed of about
 * half a million narrow rows and the case's copy of it (docs/sandbox.md). A tmpfs's pages are charged to the
 * container's memory, so it is spent out of the run's `limits.memoryMb`, never beside it.
 */
export const SERVER_SCRATCH_MB = 256;

/** The harness every image runs (sandboxes/base/entry), given what to start as its one argument. */
const HARNESS = '/opt/assay/runner/run';

/** What the run's options ask a server for; undefined when nothing (SQLite, no services). */
export function warmStartOf(run: RunOptions | undefined): WarmStart | undefined {
  const servers = [...(run?.engine && run.engine !== 'sqlite' ? [run.engine] : []), ...(run?.services ?? [])];
  return servers.length > 0 ? { servers, settings: run?.engineSettings ?? {} } : undefined;
}

export const warmStartKey = (warm: WarmStart | undefined): string => (warm ? JSON.stringify(warm) : '');

/**
 * The container's command: the worker writes it from the manifest, the harness reads it as root before the
 * submission exists, so nothing of the candidate's can choose what starts or how.
 */
export const warmCommand = (warm: WarmStart): string[] => [HARNESS, '--warm', JSON.stringify(warm)];
