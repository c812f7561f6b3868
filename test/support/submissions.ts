import { expect } from 'vitest';
import { runContainerName } from '../../src/sandbox/containerSpec.js';
import type { TestService } from './testService.js';

export interface File {
  path: string;
  content: string;
}

export async function submit(svc: TestService, challenge: string, files: File[], headers: Record<string, string> = {}): Promise<string> {
  const res = await svc.inject({ method: 'POST', url: '/v1/submissions', headers, payload: { challenge, files } });
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}

/** Polls the API until the submission is completed or failed. */
export async function waitForResult(svc: TestService, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const body = (await svc.inject({ method: 'GET', url: `/v1/submissions/${id}` })).json();
    if (body.status === 'completed' || body.status === 'failed') return body;
    if (Date.now() > until) throw new Error(`submission ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForStatus(svc: TestService, id: string, status: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while ((await svc.inject({ method: 'GET', url: `/v1/submissions/${id}` })).json().status !== status) {
    if (Date.now() > until) throw new Error(`submission ${id} never became ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sandbox containers of one run still on the engine. */
export async function containersOf(svc: TestService, id: string): Promise<number> {
  const list = await svc.rt.docker.listContainers({ all: true, filters: { name: [`^/${runContainerName(id)}$`] } });
  return list.length;
}
