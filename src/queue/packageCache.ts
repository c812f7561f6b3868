import type { Redis } from 'ioredis';
import type { GradingPackage } from './submissionJob.js';

/** Versions are content hashes, so a stored package never changes; unused ones expire. */
const TTL_SECONDS = 14 * 24 * 3600;
/** Versions a worker keeps in memory. */
const MAX_CACHED = 64;

// Under the queue's own key space, so obliterating a queue (tests) removes its packages too.
const key = (queueName: string, version: string) => `bull:${queueName}:package:${version}`;

/** Makes a version's package fetchable by workers; cheap when it is there already. */
export async function publishPackage(redis: Redis, queueName: string, pkg: GradingPackage): Promise<void> {
  const k = key(queueName, pkg.version);
  // Refresh the expiry of a package that is there; write it only when it is not.
  if ((await redis.expire(k, TTL_SECONDS)) === 1) return;
  const { manifest, hiddenTests, version } = pkg;
  await redis.set(k, JSON.stringify({ manifest, hiddenTests, version }), 'EX', TTL_SECONDS);
}

/** A worker's view of published packages: fetched once per version, then kept in memory. */
export class PackageSource {
  private readonly cache = new Map<string, GradingPackage>();

  constructor(
    private readonly redis: Redis,
    private readonly queueName: string,
  ) {}

  async get(version: string): Promise<GradingPackage | undefined> {
    const hit = this.cache.get(version);
    if (hit) return hit;
    const raw = await this.redis.get(key(this.queueName, version));
    if (raw === null) return undefined;
    const pkg = JSON.parse(raw) as GradingPackage;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(version, pkg);
    return pkg;
  }
}
