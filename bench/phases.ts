import type { RunTrace } from './phaseProbe.js';
import type { RunSample } from './runSample.js';

/** Where one Assay submission's time went, in the order it was spent (ms). */
export const PHASES = [
  'HTTP submit → worker starts it (insert, enqueue, pickup)',
  'stale-container check (list)',
  'create',
  'attach',
  'start',
  'in sandbox: tests\' own run time',
  'in sandbox: runner start-up and grading boundary',
  'collect (drain, inspect)',
  'remove',
  'score → client (record, publish, SSE)',
] as const;

export type Phase = (typeof PHASES)[number];

/** The phases of one traced run, or undefined when an engine call is missing from its trace. */
export function phasesOf(sample: RunSample, trace: RunTrace | undefined): Record<Phase, number> | undefined {
  const m = sample.marks;
  const { list, create, attach, start, wait, inspect, remove } = trace ?? {};
  if (!m || !list || !create || !attach || !start || !wait || !inspect || !remove) return undefined;
  const inSandbox = wait.end - start.end;
  return {
    'HTTP submit → worker starts it (insert, enqueue, pickup)': list.start - m.sent,
    'stale-container check (list)': list.end - list.start,
    create: create.end - create.start,
    attach: attach.end - attach.start,
    start: start.end - start.start,
    'in sandbox: tests\' own run time': sample.testsMs,
    'in sandbox: runner start-up and grading boundary': inSandbox - sample.testsMs,
    'collect (drain, inspect)': inspect.end - wait.end,
    remove: remove.end - remove.start,
    'score → client (record, publish, SSE)': m.done - remove.end,
  };
}
