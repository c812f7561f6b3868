import type Docker from 'dockerode';
import { containerSpec, POOL_LABEL } from './containerSpec.js';
import type { SandboxLimits } from './limits.js';
import type { SandboxProfile } from './sandboxProfile.js';
import { warmStartKey, type WarmStart } from './warmStart.js';

export interface WarmPoolOptions {
  /** Started containers kept ready per image, limits and servers started while waiting. */
  size: number;
  /** An idle container older than this is replaced: a dead worker's pool must expire too. */
  maxIdleMs: number;
  /** Names this pool's containers (the worker's instance id). */
  owner: string;
  /** Whose sandboxes they are (containerSpec.ts). */
  scope: string;
  /** Told of each take: a warm container (hit) or one started on demand (miss). */
  onTake?: (hit: boolean) => void;
}

interface Warm {
  container: Docker.Container;
  createdAt: number;
}

/** What one key of the pool keeps warm, and how to make more of it. */
interface Kind {
  image: string;
  profile: SandboxProfile;
  limits: SandboxLimits;
  warm: WarmStart | undefined;
  ready: Warm[];
}

/** Distinct images × limits × servers kept warm at once; the least recently used beyond it go cold. */
const MAX_KEYS = 8;

/**
 * CPU weight of a warm container while it loads its harness and waits (Docker's default is 1024):
 * warming must only use CPU that no run wants, or it would slow, and so skew, the runs' timings.
 */
const IDLE_CPU_SHARES = 2;
const RUN_CPU_SHARES = 1024;

/**
 * Containers created and started ahead of need, each blocked reading its input, so a run skips
 * Docker's create and start (the largest part of our overhead). They are never reused: a run
 * takes one and it is removed afterwards like any other. Their deadline label covers their idle
 * time and one run, so if the worker dies its pool is reaped like any expired sandbox.
 */
export class WarmPool {
  private readonly kinds = new Map<string, Kind>();
  private readonly filling = new Map<string, number>();
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly docker: Docker,
    private readonly opts: WarmPoolOptions,
    private readonly onError: (err: unknown) => void,
  ) {
    this.sweeper = setInterval(() => this.retireStale(), Math.max(1000, opts.maxIdleMs / 2));
    this.sweeper.unref();
  }

  /**
   * A started container waiting for its input, with `warm`'s servers started (or starting): a warm one if
   * ready, else one started now.
   */
  async take(image: string, profile: SandboxProfile, limits: SandboxLimits, warm?: WarmStart): Promise<Docker.Container> {
    const key = `${image} ${limits.memoryMb} ${limits.pids} ${limits.cpus} ${limits.scratchMb} ${limits.timeoutMs} ${warmStartKey(warm)}`;
    const kind = this.kinds.get(key) ?? { image, profile, limits, warm, ready: [] };
    // Re-insert to mark the key most recently used.
    this.kinds.delete(key);
    this.kinds.set(key, kind);
    let ready: Warm | undefined;
    while ((ready = kind.ready.shift()) && this.isStale(ready)) this.discard(ready);
    this.fill(key, kind);
    this.forgetLeastRecentKeys();
    this.opts.onTake?.(ready !== undefined);
    if (!ready) return (await this.start(kind, RUN_CPU_SHARES)).container;
    await ready.container.update({ CpuShares: RUN_CPU_SHARES });
    return ready.container;
  }

  /** Started containers waiting for a run, over every image and limits. */
  get readyCount(): number {
    let n = 0;
    for (const kind of this.kinds.values()) n += kind.ready.length;
    return n;
  }

  /** Drops every idle container (the engine restarted under them) and starts new ones. */
  refill(): void {
    for (const [key, kind] of this.kinds) {
      kind.ready.splice(0).forEach((w) => this.discard(w));
      this.fill(key, kind);
    }
  }

  /** Removes every idle container and stops filling; runs in progress keep theirs. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    await Promise.allSettled([...this.pending]);
    for (const kind of this.kinds.values()) kind.ready.splice(0).forEach((w) => this.discard(w));
    await Promise.allSettled([...this.pending]);
  }

  private fill(key: string, kind: Kind): void {
    const missing = this.opts.size - kind.ready.length - (this.filling.get(key) ?? 0);
    for (let i = 0; i < missing && !this.closed; i++) {
      this.filling.set(key, (this.filling.get(key) ?? 0) + 1);
      this.track(
        this.start(kind, IDLE_CPU_SHARES)
          .then((warm) => (this.closed || this.kinds.get(key) !== kind ? this.discard(warm) : kind.ready.push(warm)))
          .catch(this.onError)
          .finally(() => this.filling.set(key, (this.filling.get(key) ?? 1) - 1)),
      );
    }
  }

  private async start(kind: Kind, cpuShares: number): Promise<Warm> {
    const createdAt = Date.now();
    const deadline = createdAt + this.opts.maxIdleMs + kind.limits.timeoutMs;
    const spec = containerSpec(kind.image, kind.profile, kind.limits, this.opts.scope, { [POOL_LABEL]: this.opts.owner }, deadline, kind.warm);
    const container = await this.docker.createContainer({ ...spec, HostConfig: { ...spec.HostConfig, CpuShares: cpuShares } });
    try {
      await container.start();
    } catch (err) {
      await container.remove({ force: true }).catch(() => undefined);
      throw err;
    }
    return { container, createdAt };
  }

  private isStale(warm: Warm): boolean {
    return Date.now() - warm.createdAt > this.opts.maxIdleMs;
  }

  /** Replaces containers that waited too long, so the pool stays warm through quiet spells. */
  private retireStale(): void {
    for (const [key, kind] of this.kinds) {
      const stale = kind.ready.filter((w) => this.isStale(w));
      if (stale.length === 0) continue;
      kind.ready = kind.ready.filter((w) => !stale.includes(w));
      stale.forEach((w) => this.discard(w));
      this.fill(key, kind);
    }
  }

  private forgetLeastRecentKeys(): void {
    for (const key of [...this.kinds.keys()].slice(0, Math.max(0, this.kinds.size - MAX_KEYS))) {
      this.kinds.get(key)!.ready.splice(0).forEach((w) => this.discard(w));
      this.kinds.delete(key);
    }
  }

  private discard(warm: Warm): void {
    this.track(warm.container.remove({ force: true, v: true }).catch(() => undefined));
  }

  private track(p: Promise<unknown>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}
