// GET /orders and GET /orders/:id over an in-memory store. See the statement for the full contract.
// Node runs this file by stripping its types: use only erasable TypeScript (no enums, namespaces or
// parameter properties), and import other local files with their .ts extension.

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

export function createOrdersHandler(store: OrderStore): (req: HttpRequest) => HttpResponse {
  return (req) => {
    // TODO: route the request, validate the query, paginate with an opaque cursor.
    return {
      status: 501,
      headers: { 'content-type': 'application/problem+json' },
      body: { type: 'about:blank', title: 'Not Implemented', status: 501, detail: `${req.method} ${req.path}` },
    };
  };
}
