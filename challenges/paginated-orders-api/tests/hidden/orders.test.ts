import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOrdersHandler, type Order, type OrderStatus, type HttpResponse } from '../solution/orders.ts';

type Handler = ReturnType<typeof createOrdersHandler>;

const STATUSES: OrderStatus[] = ['pending', 'paid', 'shipped', 'cancelled'];
const BASE = Date.UTC(2024, 0, 1);

function makeOrder(n: number, minutes = n, status: OrderStatus = STATUSES[n % 4]): Order {
  return {
    id: `ord_${String(n).padStart(4, '0')}`,
    customerId: `cus_${n % 7}`,
    status,
    totalCents: 1000 + n * 37,
    createdAt: new Date(BASE + minutes * 60_000).toISOString(),
  };
}

function setup(orders: Order[]): { handle: Handler; orders: Order[] } {
  const rows = [...orders];
  return { handle: createOrdersHandler({ all: () => rows }), orders: rows };
}

function get(handle: Handler, path: string, query: Record<string, string> = {}): HttpResponse {
  return handle({ method: 'GET', path, query, headers: {}, body: undefined });
}

function follow(handle: Handler, next: string): HttpResponse {
  assert.match(next, /^\/orders\?/);
  const url = new URL(next, 'http://localhost');
  return get(handle, url.pathname, Object.fromEntries(url.searchParams));
}

interface Page {
  data: Order[];
  next: string | null;
}

function page(res: HttpResponse): Page {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.headers['content-type'], 'application/json');
  return res.body as Page;
}

/** Every page from the first, following `next` links; fails on an empty page or a runaway loop. */
function allPages(handle: Handler, query: Record<string, string>, between: (pageIndex: number) => void = () => {}): Page[] {
  const pages = [page(get(handle, '/orders', query))];
  while (pages[pages.length - 1].next !== null) {
    assert.ok(pages.length < 200, 'too many pages');
    between(pages.length);
    pages.push(page(follow(handle, pages[pages.length - 1].next as string)));
  }
  for (const p of pages) assert.ok(p.data.length > 0, 'a page came back empty');
  return pages;
}

const newestFirst = (a: Order, b: Order): number =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;

const ids = (orders: Order[]): string[] => orders.map((o) => o.id);

function assertProblem(res: HttpResponse, status: number): Record<string, unknown> {
  assert.equal(res.status, status);
  assert.equal(res.headers['content-type'], 'application/problem+json');
  const body = res.body as Record<string, unknown>;
  assert.equal(typeof body.type, 'string');
  assert.equal(typeof body.title, 'string');
  assert.ok((body.title as string).length > 0);
  assert.equal(body.status, status);
  assert.equal(typeof body.detail, 'string');
  return body;
}

function invalidParamNames(res: HttpResponse): string[] {
  const body = assertProblem(res, 400);
  assert.ok(Array.isArray(body.invalidParams), 'invalidParams must be an array');
  const params = body.invalidParams as { name: unknown; reason: unknown }[];
  for (const p of params) assert.equal(typeof p.reason, 'string');
  return params.map((p) => p.name as string).sort();
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('GET /orders', () => {
  test('returns the newest orders first with a default limit of 20', () => {
    const shuffled = range(1, 26).map((n) => makeOrder((n * 11) % 25 + 1));
    const { handle } = setup(shuffled);
    const first = page(get(handle, '/orders'));
    const expected = [...shuffled].sort(newestFirst);
    assert.deepEqual(first.data, expected.slice(0, 20));
    assert.equal(typeof first.next, 'string');
    assert.deepEqual(page(follow(handle, first.next as string)), { data: expected.slice(20), next: null });
  });

  test('follows next links through every order exactly once', () => {
    const { handle, orders } = setup(range(1, 48).map((n) => makeOrder(n)));
    const expected = ids([...orders].sort(newestFirst));
    for (const limit of [1, 3, 7, 47, 100]) {
      const pages = allPages(handle, { limit: String(limit) });
      assert.equal(pages.length, Math.ceil(47 / limit), `limit=${limit}`);
      assert.deepEqual(ids(pages.flatMap((p) => p.data)), expected, `limit=${limit}`);
    }
    const exact = setup(range(1, 7).map((n) => makeOrder(n)));
    const pages = allPages(exact.handle, { limit: '3' });
    assert.equal(pages.length, 2);
    assert.equal(pages[1].next, null);
  });

  test('keeps pages consistent when orders are inserted between requests', () => {
    const { handle, orders } = setup(range(1, 31).map((n) => makeOrder(n)));
    const expected = ids([...orders].sort(newestFirst));
    let extra = 1000;
    const pages = allPages(handle, { limit: '4' }, () => {
      // New orders arrive between page requests: they are newer than everything already listed.
      orders.push(makeOrder(extra, extra), makeOrder(extra + 1, extra + 1));
      extra += 2;
    });
    const seen = ids(pages.flatMap((p) => p.data));
    assert.equal(new Set(seen).size, seen.length, 'an order was listed twice');
    assert.deepEqual(seen, expected);
  });

  test('breaks createdAt ties by id without skipping orders at page boundaries', () => {
    const sameInstant = range(1, 10).map((n) => makeOrder(n, 50));
    const others = [makeOrder(20, 10), makeOrder(21, 60), makeOrder(22, 5)];
    const { handle, orders } = setup([...sameInstant.slice(4), ...others, ...sameInstant.slice(0, 4)]);
    const expected = ids([...orders].sort(newestFirst));
    assert.deepEqual(expected.slice(0, 3), ['ord_0021', 'ord_0009', 'ord_0008']);
    for (const limit of [2, 4, 5]) {
      const seen = ids(allPages(handle, { limit: String(limit) }).flatMap((p) => p.data));
      assert.deepEqual(seen, expected, `limit=${limit}`);
    }
  });

  test('filters by status and keeps the filter in next links', () => {
    const { handle, orders } = setup(range(1, 41).map((n) => makeOrder(n)));
    for (const status of STATUSES) {
      const expected = ids(orders.filter((o) => o.status === status).sort(newestFirst));
      const pages = allPages(handle, { status, limit: '3' });
      assert.deepEqual(ids(pages.flatMap((p) => p.data)), expected, status);
    }
    const none = setup(range(1, 5).map((n) => makeOrder(n, n, 'paid')));
    assert.deepEqual(page(get(none.handle, '/orders', { status: 'shipped' })), { data: [], next: null });
  });

  test('validates limit as an integer from 1 to 100', () => {
    const { handle } = setup(range(1, 121).map((n) => makeOrder(n)));
    assert.equal(page(get(handle, '/orders', { limit: '1' })).data.length, 1);
    assert.equal(page(get(handle, '/orders', { limit: '100' })).data.length, 100);
    for (const bad of ['0', '101', '-1', '2.5', '10abc', 'abc', '', ' 5', '1e2']) {
      assert.deepEqual(invalidParamNames(get(handle, '/orders', { limit: bad })), ['limit'], `limit=${JSON.stringify(bad)}`);
    }
  });

  test('rejects an unknown status or a malformed cursor with a problem', () => {
    const { handle } = setup(range(1, 10).map((n) => makeOrder(n)));
    for (const status of ['PAID', 'refunded', '']) {
      assert.deepEqual(invalidParamNames(get(handle, '/orders', { status })), ['status'], `status=${status}`);
    }
    for (const cursor of ['garbage!!', 'eyJ4IjoxfQ', '', 'bnVsbA']) {
      assert.deepEqual(invalidParamNames(get(handle, '/orders', { cursor })), ['cursor'], `cursor=${cursor}`);
    }
  });

  test('lists every invalid parameter in one problem', () => {
    const { handle } = setup(range(1, 10).map((n) => makeOrder(n)));
    const res = get(handle, '/orders', { limit: '0', status: 'lost', cursor: '%%%' });
    assert.deepEqual(invalidParamNames(res), ['cursor', 'limit', 'status']);
  });
});

describe('GET /orders/:id', () => {
  test('returns the order', () => {
    const { handle, orders } = setup(range(1, 6).map((n) => makeOrder(n)));
    const res = get(handle, '/orders/ord_0003');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.deepEqual(res.body, orders[2]);
  });

  test('returns a 404 problem for an unknown id', () => {
    const { handle } = setup(range(1, 6).map((n) => makeOrder(n)));
    assertProblem(get(handle, '/orders/ord_9999'), 404);
    assertProblem(get(handle, '/orders/ORD_0001'), 404);
  });
});

describe('routing', () => {
  test('returns a 404 problem for unknown paths', () => {
    const { handle } = setup([makeOrder(1)]);
    for (const path of ['/', '/order', '/ordersx', '/orders/ord_0001/items', '/customers']) {
      assertProblem(get(handle, path), 404);
    }
    assertProblem(handle({ method: 'POST', path: '/nowhere', query: {}, headers: {}, body: {} }), 404);
  });

  test('returns 405 with an Allow header for other methods', () => {
    const { handle } = setup([makeOrder(1)]);
    for (const [method, path] of [['POST', '/orders'], ['DELETE', '/orders/ord_0001'], ['PUT', '/orders/ord_0001'], ['PATCH', '/orders']]) {
      const res = handle({ method, path, query: {}, headers: { 'content-type': 'application/json' }, body: { status: 'paid' } });
      assertProblem(res, 405);
      assert.equal(res.headers.allow, 'GET', `${method} ${path}`);
    }
  });
});
