import { ApiError, type Problem } from './problem';

/**
 * How a request proves who is calling: a member's session cookie (sent by the browser) plus its
 * CSRF token on unsafe methods, or a candidate's invitation token as a Bearer header. The token
 * never goes into a URL.
 */
export type Credentials = { kind: 'session'; csrf: () => string | null } | { kind: 'candidate'; token: string };

export function headersFor(credentials: Credentials, method: string): Record<string, string> {
  if (credentials.kind === 'candidate') return { authorization: `Bearer ${credentials.token}` };
  const csrf = credentials.csrf();
  return method === 'GET' || !csrf ? {} : { 'x-csrf-token': csrf };
}

async function failure(res: Response): Promise<ApiError> {
  const retry = res.headers.get('retry-after');
  let problem: Problem = { type: 'about:blank', title: res.statusText || 'Request failed', status: res.status };
  try {
    problem = { ...problem, ...((await res.json()) as Problem) };
  } catch {
    // Not a problem+json body (a proxy's page): the status says enough.
  }
  return new ApiError(problem, retry ? Number(retry) : null);
}

export interface Client {
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** The raw response of a streaming GET (Server-Sent Events), after its status was checked. */
  stream(path: string, signal: AbortSignal): Promise<Response>;
  text(path: string): Promise<string>;
}

export function client(credentials: Credentials): Client {
  async function call(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { ...headersFor(credentials, method) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', signal });
    if (!res.ok) throw await failure(res);
    return res;
  }
  return {
    get: async <T,>(path: string) => (await (await call('GET', path)).json()) as T,
    send: async <T,>(method: string, path: string, body?: unknown) => {
      const res = await call(method, path, body);
      return (res.status === 204 ? null : await res.json()) as T;
    },
    stream: (path, signal) => call('GET', path, undefined, signal),
    text: async (path) => (await call('GET', path)).text(),
  };
}
