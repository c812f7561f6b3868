import type Docker from 'dockerode';
import { RUN_LABEL } from '../src/sandbox/containerSpec.js';

/** The Docker Engine calls the worker makes per run, in order (src/sandbox/runSandbox.ts, containerReaper.ts). */
export const ENGINE_CALLS = ['list', 'create', 'attach', 'start', 'wait', 'inspect', 'remove'] as const;
export type EngineCall = (typeof ENGINE_CALLS)[number];

export interface Span {
  start: number;
  end: number;
}

/** When each engine call of one run began and ended (`performance.now()`). */
export type RunTrace = Partial<Record<EngineCall, Span>>;

export interface PhaseProbe {
  trace(runId: string): RunTrace | undefined;
  /** Every run the probe saw a container or a lookup for. */
  runIds(): string[];
  /** Whether the worker has started a run of this id (a submission of this benchmark). */
  knows(runId: string): boolean;
  uninstall(): void;
}

type AnyFn = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Times the worker's Docker Engine calls without touching src/: wraps the methods of the worker's
 * dockerode client and of its Container prototype, and files each call under the run it belongs to.
 */
export function installPhaseProbe(docker: Docker): PhaseProbe {
  const traces = new Map<string, RunTrace>();
  const runOfContainer = new Map<string, string>();
  const restore: (() => void)[] = [];

  const record = (runId: string | undefined, call: EngineCall, start: number) => {
    if (runId === undefined) return;
    const trace = traces.get(runId) ?? {};
    trace[call] ??= { start, end: performance.now() };
    traces.set(runId, trace);
  };
  const wrap = (target: Record<string, unknown>, method: string, attribute: (self: unknown, args: unknown[], value: unknown) => [string | undefined, EngineCall]) => {
    const original = target[method] as AnyFn;
    const own = Object.prototype.hasOwnProperty.call(target, method);
    target[method] = function (this: unknown, ...args: unknown[]) {
      const start = performance.now();
      const value = original.apply(this, args);
      if (value instanceof Promise) {
        return value.then((resolved) => {
          record(...attribute(this, args, resolved), start);
          return resolved;
        });
      }
      return value;
    };
    restore.push(() => {
      if (own) target[method] = original;
      else delete target[method];
    });
  };

  const runFromFilters = (args: unknown[]) => {
    const labels = (args[0] as { filters?: { label?: string[] } } | undefined)?.filters?.label ?? [];
    return labels.find((l) => l.startsWith(`${RUN_LABEL}=`))?.slice(RUN_LABEL.length + 1);
  };
  const client = docker as unknown as Record<string, unknown>;
  wrap(client, 'listContainers', (_self, args) => [runFromFilters(args), 'list']);
  wrap(client, 'createContainer', (_self, args, container) => {
    const runId = (args[0] as { Labels?: Record<string, string> }).Labels?.[RUN_LABEL];
    if (runId !== undefined) runOfContainer.set((container as { id: string }).id, runId);
    return [runId, 'create'];
  });
  const containerPrototype = Object.getPrototypeOf(docker.getContainer('probe')) as Record<string, unknown>;
  for (const call of ['attach', 'start', 'wait', 'inspect', 'remove'] as const) {
    wrap(containerPrototype, call, (self) => [runOfContainer.get((self as { id: string }).id), call]);
  }
  return {
    trace: (runId) => traces.get(runId),
    runIds: () => [...traces.keys()],
    knows: (runId) => traces.has(runId),
    uninstall: () => restore.reverse().forEach((undo) => undo()),
  };
}
