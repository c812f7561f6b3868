import type Docker from 'dockerode';
import { POOL_LABEL, SANDBOX_LABEL } from '../../src/sandbox/containerSpec.js';
import type { TestService } from './testService.js';

/** The service's warm containers that no run has taken yet, inspected. */
export async function idleWarmContainers(svc: TestService): Promise<Docker.ContainerInspectInfo[]> {
  const list = await svc.rt.docker.listContainers({ all: true, filters: { label: [POOL_LABEL, `${SANDBOX_LABEL}=${svc.rt.config.queueName}`] } });
  const idle = list.filter((c) => c.Names.every((n) => !n.startsWith('/assay-run-')));
  // The pool may retire one between the listing and its inspection.
  const inspected = await Promise.all(idle.map((c) => svc.rt.docker.getContainer(c.Id).inspect().catch(() => null)));
  return inspected.filter((c) => c !== null);
}

/** Reads until ok() holds or `ms` have passed; returns the last reading either way. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}
