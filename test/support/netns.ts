import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** A test host: a network namespace of its own, reached only over the veth links the test makes. */
export interface TestHost {
  name: string;
  /** `ip netns exec <name>`: the prefix that runs a command on this host. */
  exec: string[];
}

/**
 * Two hosts made for one test and nothing else: `redis` and `worker`, with one link from this
 * (root) namespace to `redis` and one from `worker` to `redis`. `worker` has no route to this
 * namespace at all. Traffic only ever goes to the addresses on these links.
 */
export function makeTestNetwork() {
  const tag = randomBytes(3).toString('hex');
  const net = randomInt(1, 250);
  const host = (role: string): TestHost => ({ name: `assay-${role}-${tag}`, exec: ['ip', 'netns', 'exec', `assay-${role}-${tag}`] });
  const redis = host('redis');
  const worker = host('worker');
  const addr = { rootSide: `10.213.${net}.1`, redisForRoot: `10.213.${net}.2`, workerSide: `10.213.${net}.5`, redisForWorker: `10.213.${net}.6` };
  const link = (a: string, aNs: string | null, aAddr: string, b: string, bNs: string, bAddr: string) => {
    ip('link', 'add', a, 'type', 'veth', 'peer', 'name', b);
    if (aNs) ip('link', 'set', a, 'netns', aNs);
    ip('link', 'set', b, 'netns', bNs);
    const inA = aNs ? ['-n', aNs] : [];
    ip(...inA, 'addr', 'add', `${aAddr}/30`, 'dev', a);
    ip(...inA, 'link', 'set', a, 'up');
    ip('-n', bNs, 'addr', 'add', `${bAddr}/30`, 'dev', b);
    ip('-n', bNs, 'link', 'set', b, 'up');
  };
  try {
    for (const h of [redis, worker]) {
      ip('netns', 'add', h.name);
      ip('-n', h.name, 'link', 'set', 'lo', 'up');
    }
    link(`ar${tag}`, null, addr.rootSide, `ra${tag}`, redis.name, addr.redisForRoot);
    link(`aw${tag}`, worker.name, addr.workerSide, `rw${tag}`, redis.name, addr.redisForWorker);
  } catch (err) {
    removeTestNetwork([redis, worker]);
    throw err;
  }
  return { redis, worker, addr, remove: () => removeTestNetwork([redis, worker]) };
}

/** Deleting a namespace deletes its ends of the links, and with them the peers here. */
function removeTestNetwork(hosts: TestHost[]): void {
  for (const h of hosts) {
    try {
      ip('netns', 'delete', h.name);
    } catch {
      // never made
    }
  }
}
