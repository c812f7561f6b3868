import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  headers: IncomingHttpHeaders;
  path: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  /** Whether one of the secrets the receiver knew then verified it, with the standardwebhooks library. */
  verified: boolean;
  at: number;
}

/** What the receiver answers a request with; `delayMs` holds the answer back, `hang` never answers. */
export interface Reply {
  status?: number;
  headers?: Record<string, string | undefined>;
  body?: string;
  delayMs?: number;
  hang?: boolean;
}

/**
 * A platform's webhook receiver on 127.0.0.1: verifies every request's signature with the
 * `standardwebhooks` library against the secrets it knows, records it, answers as told. `port`: a
 * given one, to come back where a receiver that went down was.
 */
export async function startReceiver(secrets: string[] = [], port = 0) {
  const received: Received[] = [];
  const state = { secrets, reply: (_r: Received): Reply => ({ status: 204 }) };
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const verified = state.secrets.some((s) => {
        try {
          new Webhook(s).verify(raw, req.headers as Record<string, string>);
          return true;
        } catch {
          return false;
        }
      });
      const r: Received = { id: String(req.headers['webhook-id']), headers: req.headers, path: req.url ?? '/', body: raw ? JSON.parse(raw) : null, verified, at: Date.now() };
      received.push(r);
      const reply = state.reply(r);
      if (reply.hang) {
        hanging.add(() => res.destroy());
        return;
      }
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 204, Object.fromEntries(Object.entries(reply.headers ?? {}).filter(([, v]) => v !== undefined)) as Record<string, string>);
        res.end(reply.body);
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}/hooks`,
    port: bound,
    received,
    state,
    /** What a receiver deduplicating on webhook-id keeps: each event once, the first verified copy. */
    unique: () => {
      const seen = new Map<string, Received>();
      for (const r of received) if (r.verified && !seen.has(r.id)) seen.set(r.id, r);
      return [...seen.values()];
    },
    ofType: (type: string) => received.filter((r) => r.body?.type === type),
    async close() {
      for (const end of hanging) end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
