// Mutant: validation returns as soon as it finds the first invalid parameter.

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled';

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  totalCents: number;
  /** ISO 8601 UTC, always `YYYY-MM-DDTHH:mm:ss.sssZ`, so strings sort chronologically. */
  createdAt: string;
}

export interface OrderStore {
  /** Every order, in no particular order. Orders may be added between calls. */
  all(): readonly Order[];
}

export interface HttpRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

const STATUSES: readonly string[] = ['pending', 'paid', 'shipped', 'cancelled'];
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

interface InvalidParam {
  name: string;
  reason: string;
}

/** The position after which the next page starts: the sort key of the last order returned. */
interface Cursor {
  createdAt: string;
  id: string;
}

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body,
});

const problem = (
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/problem+json', ...headers },
  body: { type: 'about:blank', title, status, detail, ...extra },
});

const encodeCursor = (c: Cursor): string => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');

function decodeCursor(raw: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    // not JSON: falls through to null
  }
  return null;
}

/** Newest first; orders created at the same instant by descending id, so the order is total and stable. */
function compareNewestFirst(a: Cursor, b: Cursor): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  if (a.id !== b.id) return a.id < b.id ? 1 : -1;
  return 0;
}

function listOrders(store: OrderStore, query: Record<string, string>): HttpResponse {
  const invalid: InvalidParam[] = [];

  let limit = DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    const n = /^[0-9]+$/.test(query.limit) ? Number(query.limit) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT) limit = n;
    else return problem(400, 'Invalid query parameters', `limit must be an integer from 1 to ${MAX_LIMIT}`, {
      invalidParams: [{ name: 'limit', reason: `must be an integer from 1 to ${MAX_LIMIT}` }],
    });
  }

  const status = query.status;
  if (status !== undefined && !STATUSES.includes(status)) {
    return problem(400, 'Invalid query parameters', `status must be one of ${STATUSES.join(', ')}`, {
      invalidParams: [{ name: 'status', reason: `must be one of ${STATUSES.join(', ')}` }],
    });
  }

  let after: Cursor | null = null;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor);
    if (after === null) invalid.push({ name: 'cursor', reason: 'is not a cursor returned by this API' });
  }

  if (invalid.length > 0) {
    return problem(400, 'Invalid query parameters', invalid.map((p) => `${p.name} ${p.reason}`).join('; '), {
      invalidParams: invalid,
    });
  }

  const matching = store
    .all()
    .filter((o) => status === undefined || o.status === status)
    .filter((o) => after === null || compareNewestFirst(o, after) > 0)
    .sort(compareNewestFirst);
  const data = matching.slice(0, limit);
  let next: string | null = null;
  if (matching.length > limit) {
    const last = data[data.length - 1];
    const params = new URLSearchParams({ limit: String(limit) });
    if (status !== undefined) params.set('status', status);
    params.set('cursor', encodeCursor(last));
    next = `/orders?${params.toString()}`;
  }
  return json(200, { data, next });
}

function getOrder(store: OrderStore, id: string): HttpResponse {
  const order = store.all().find((o) => o.id === id);
  if (order === undefined) return problem(404, 'Not Found', `There is no order ${id}.`);
  return json(200, order);
}

export function createOrdersHandler(store: OrderStore): (req: HttpRequest) => HttpResponse {
  return (req) => {
    const segments = req.path.split('/');
    // '/orders' → ['', 'orders']; '/orders/o1' → ['', 'orders', 'o1']
    const isList = req.path === '/orders';
    const isItem = segments.length === 3 && segments[0] === '' && segments[1] === 'orders' && segments[2] !== '';
    if (!isList && !isItem) return problem(404, 'Not Found', `There is no resource at ${req.path}.`);
    if (req.method !== 'GET') {
      return problem(405, 'Method Not Allowed', `${req.method} is not allowed on ${req.path}.`, {}, { allow: 'GET' });
    }
    return isList ? listOrders(store, req.query) : getOrder(store, segments[2]);
  };
}
