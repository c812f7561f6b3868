import type Docker from 'dockerode';
import { SandboxUnavailableError } from './SandboxUnavailableError.js';
import { DEADLINE_LABEL, runContainerName, SANDBOX_LABEL } from './containerSpec.js';

async function removeWhere(docker: Docker, filters: Record<string, string[]>, keep: (c: Docker.ContainerInfo) => boolean): Promise<number> {
  const found = await docker.listContainers({ all: true, filters }).catch((err: Error) => {
    throw new SandboxUnavailableError(`cannot reach the Docker engine: ${err.message}`, { cause: err });
  });
  const doomed = found.filter((c) => !keep(c));
  await Promise.all(doomed.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  return doomed.length;
}

/** Removes what an earlier attempt at this run left behind (its worker died before its cleanup ran). */
export function removeRunContainers(docker: Docker, runId: string): Promise<number> {
  return removeWhere(docker, { name: [`^/${runContainerName(runId)}$`] }, () => false);
}

/** Removes the scope's sandboxes past their deadline plus `graceMs`, whichever of its workers made them. */
export function removeExpiredContainers(docker: Docker, scope: string, graceMs: number, now = Date.now()): Promise<number> {
  return removeWhere(docker, { label: [`${SANDBOX_LABEL}=${scope}`] }, (c) => Number(c.Labels[DEADLINE_LABEL] ?? 0) + graceMs > now);
}
