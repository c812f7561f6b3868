import type Docker from 'dockerode';
import { RUN_LABEL, SANDBOX_LABEL } from '../src/sandbox/containerSpec.js';
import { BASELINE_LABEL } from './dockerRunArgs.js';

/** Containers of this benchmark still on the engine: the baseline's, and Assay's sandboxes of `runIds`. */
export async function leftoverContainers(docker: Docker, runIds: string[]): Promise<number> {
  const ours = new Set(runIds);
  const baseline = await docker.listContainers({ all: true, filters: { label: [`${BASELINE_LABEL}=1`] } });
  const sandboxes = await docker.listContainers({ all: true, filters: { label: [SANDBOX_LABEL] } });
  return baseline.length + sandboxes.filter((c) => ours.has(c.Labels[RUN_LABEL] ?? '')).length;
}
