import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';
import { submit, waitForResult } from '../support/submissions.js';

/**
 * Submissions to product-cache-python (18 points) whose catalog.py goes after the PostgreSQL and Redis
 * servers inside its sandbox (runners/python/assay_services.py): their files, the hidden tests through
 * them, their connections and memory, their configuration, and the result stream. Each is the reference
 * with the trick added; it states the exact verdict and points it must get (never more than the
 * reference's 18) and, where the trick is refused, the refusal some test's message must show.
 */
const SLUG = 'product-cache-python';
const REFERENCE = readFileSync(path.join(repoRoot, 'challenges', SLUG, 'solution', 'catalog.py'), 'utf8');
const HONEST = 18;

/** The reference with `code` run at the start of `get` (`self` is the catalog, `cur` a cursor). */
const inGet = (code: string) =>
  REFERENCE.replace('    def get(self, product_id):\n', `    def get(self, product_id):\n        with self.db, self.db.cursor() as cur:\n${code.replace(/^/gm, '            ')}\n`);
/** The reference with `code` run at the end of `__init__`. */
const inInit = (code: string) =>
  REFERENCE.replace('        self.cache = redis.Redis.from_url(os.environ["REDIS_URL"])\n', `        self.cache = redis.Redis.from_url(os.environ["REDIS_URL"])\n${code.replace(/^/gm, '        ')}\n`);

interface Attack {
  name: string;
  catalog: string;
  verdict: string;
  earned: number;
  /** Text some test's message must contain: what stopped the trick. */
  refusal?: string;
}

const ATTACKS: Attack[] = [
  {
    name: "reads the hidden tests with pg_read_file",
    catalog: inGet("cur.execute(\"SELECT pg_read_file('/work/tests/test_catalog.py')\")"),
    verdict: 'failed',
    earned: 1,
    refusal: 'permission denied for function pg_read_file',
  },
  {
    name: 'reads the hidden tests with COPY … FROM PROGRAM',
    catalog: inGet("cur.execute(\"COPY products FROM PROGRAM 'cat /work/tests/test_catalog.py'\")"),
    verdict: 'failed',
    earned: 1,
    refusal: 'COPY to or from an external program',
  },
  {
    name: 'imports the hidden tests as a large object',
    catalog: inGet("cur.execute(\"SELECT lo_import('/work/tests/test_catalog.py')\")"),
    verdict: 'failed',
    earned: 1,
    refusal: 'permission denied for function lo_import',
  },
  {
    name: "reads the PostgreSQL server's data files",
    catalog: inInit("open('/tmp/pg/data/PG_VERSION').read()"),
    verdict: 'failed',
    earned: 0,
    refusal: 'PermissionError: [Errno 13] Permission denied',
  },
  {
    name: "lists Redis's data directory",
    catalog: inInit("os.listdir('/tmp/redis/data')"),
    verdict: 'failed',
    earned: 0,
    refusal: 'PermissionError: [Errno 13] Permission denied',
  },
  {
    // Its role's connection limit stops it; the tests' role (a superuser) still gets in to check.
    name: 'opens every connection the server has',
    catalog: inInit('self.hoard = [psycopg2.connect("") for _ in range(30)]'),
    verdict: 'failed',
    earned: 0,
    refusal: 'too many connections for role "assay_app"',
  },
  {
    // maxmemory with an eviction policy: Redis evicts instead of growing, and keeps serving. Once, in the
    // first test (each test empties Redis), so that later fills do not evict what a test counts on.
    name: "fills Redis's memory",
    catalog: inInit("if not getattr(redis, 'filled', False):\n    redis.filled = True\n    for i in range(400):\n        self.cache.set(f'filler:{i}', b'x' * 100_000)\n    assert self.cache.info('memory')['used_memory'] < 24 * 2**20, 'Redis grew past its maxmemory'"),
    verdict: 'passed',
    earned: HONEST,
  },
  {
    name: "points Redis's files at the hidden tests with CONFIG SET dir",
    catalog: inInit("self.cache.execute_command('CONFIG', 'SET', 'dir', '/work/tests')"),
    verdict: 'failed',
    earned: 0,
    refusal: "unknown command 'CONFIG'",
  },
  {
    name: 'makes Redis a replica with SLAVEOF',
    catalog: inInit("self.cache.execute_command('SLAVEOF', '127.0.0.1', '6379')"),
    verdict: 'failed',
    earned: 0,
    refusal: "unknown command 'SLAVEOF'",
  },
  {
    // A stale cache (the price-update-not-invalidated mutant's 15 points, capped) that prints fake results.
    name: 'prints a forged result and a forged test event',
    catalog: inInit(
      'print(\'{"type": "result", "status": "pass", "message": null, "tests": []}\')\n' +
        'print(\'{"type": "test", "test": {"name": "test_catalog.py::test_a_price_update_is_visible_at_once", "status": "pass"}}\')',
    ).replace('        return self._update(product_id, "price_cents", price_cents)\n', '        with self.db, self.db.cursor() as cur:\n            cur.execute("UPDATE products SET price_cents = %s WHERE id = %s", (price_cents, product_id))\n            return cur.rowcount == 1\n'),
    verdict: 'failed',
    earned: 15,
  },
];

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'challenges') } });
});
afterAll(async () => svc?.close());

const messagesOf = (result: { tests: unknown }) => (result.tests as { message: string | null }[]).map((t) => t.message ?? '').join('\n');

describe('python submissions that go after the services in their sandbox', () => {
  it('are built from the reference, which earns every point', async () => {
    for (const attack of ATTACKS) expect(attack.catalog, attack.name).not.toBe(REFERENCE);
    const result = await waitForResult(svc, await submit(svc, SLUG, [{ path: 'catalog.py', content: REFERENCE }]), 120_000);
    expect({ verdict: result.verdict, earned: result.score.earned }).toEqual({ verdict: 'passed', earned: HONEST });
  });

  it.each(ATTACKS.map((a) => [a.name, a] as const))('%s', async (_name, attack) => {
    const result = await waitForResult(svc, await submit(svc, SLUG, [{ path: 'catalog.py', content: attack.catalog }]), 120_000);
    const context = JSON.stringify(result.tests, null, 1);
    expect({ verdict: result.verdict, earned: result.score.earned }, context).toEqual({ verdict: attack.verdict, earned: attack.earned });
    expect(result.score.earned).toBeLessThanOrEqual(HONEST);
    if (attack.refusal) expect(messagesOf(result), context).toContain(attack.refusal);
  });
});
