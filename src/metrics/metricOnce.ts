import type { Metric, Registry } from 'prom-client';

/**
 * A registry's metric of this name, made on first use: several workers (or a worker and the API)
 * in one process share their process's registry, and a name may be registered only once.
 */
export function metricOnce<M extends Metric>(registry: Registry, name: string, make: () => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? make();
}
