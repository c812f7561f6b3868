import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOrdersHandler, type Order, type HttpResponse } from '../solution/orders.ts';

const orders: Order[] = [
  { id: 'ord_1', customerId: 'cus_1', status: 'paid', totalCents: 2500, createdAt: '2024-01-01T10:00:00.000Z' },
  { id: 'ord_2', customerId: 'cus_2', status: 'pending', totalCents: 990, createdAt: '2024-01-02T10:00:00.000Z' },
  { id: 'ord_3', customerId: 'cus_1', status: 'shipped', totalCents: 12000, createdAt: '2024-01-03T10:00:00.000Z' },
];

const handle = createOrdersHandler({ all: () => orders });

const get = (path: string, query: Record<string, string> = {}): HttpResponse =>
  handle({ method: 'GET', path, query, headers: {}, body: undefined });

describe('GET /orders', () => {
  test('lists orders newest first, page by page', () => {
    const first = get('/orders', { limit: '2' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-type'], 'application/json');
    const body = first.body as { data: Order[]; next: string | null };
    assert.deepEqual(body.data.map((o) => o.id), ['ord_3', 'ord_2']);
    assert.equal(typeof body.next, 'string');

    const url = new URL(body.next as string, 'http://localhost');
    const second = get(url.pathname, Object.fromEntries(url.searchParams));
    assert.deepEqual(second.body, { data: [orders[0]], next: null });
  });

  test('rejects limit=0 with a problem naming the parameter', () => {
    const res = get('/orders', { limit: '0' });
    assert.equal(res.status, 400);
    assert.equal(res.headers['content-type'], 'application/problem+json');
    const body = res.body as { status: number; invalidParams: { name: string }[] };
    assert.equal(body.status, 400);
    assert.deepEqual(body.invalidParams.map((p) => p.name), ['limit']);
  });
});

describe('GET /orders/:id', () => {
  test('returns the order', () => {
    const res = get('/orders/ord_2');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/json');
    assert.deepEqual(res.body, orders[1]);
  });
});
