import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/repoRoot.js';
import { startTestService, type TestService } from '../support/testService.js';

// Similarity on the real pipeline: candidates submit through the API, Docker grades, the recorder's
// outbox event queues the comparison, and the staff see the flag and the pairs; the candidates never do.

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ env: { CHALLENGES_DIR: path.join(repoRoot, 'test/fixtures/challenges'), WEBHOOK_DISPATCH_INTERVAL_MS: '100' } });
});
afterAll(async () => svc.close());

const original = `def _digits(n):
    out = []
    while n > 0:
        out.append(n % 10)
        n //= 10
    return out


def checksum(values):
    total = 0
    for i, v in enumerate(values):
        if i % 2 == 0:
            total += v * 3
        else:
            total += v
    return total % 10


def add(a, b):
    result = a + b
    if result != a + b:
        raise ArithmeticError("overflow")
    return result
`;
// The same program with names changed, its functions reordered and comments added.
const copied = `def add(x, y):
    # sum both
    s = x + y
    if s != x + y:
        raise ArithmeticError("overflow")
    return s


def weighted(xs):
    # alternate weights
    acc = 0
    for k, w in enumerate(xs):
        if k % 2 == 0:
            acc += w * 3
        else:
            acc += w
    return acc % 10


def split_digits(m):
    ds = []
    while m > 0:
        ds.append(m % 10)
        m //= 10
    return ds
`;
const distinct = `import operator


def add(a, b):
    return operator.add(a, b)
`;

const staff = (method: 'GET' | 'POST', url: string, payload?: object) => svc.inject({ method, url, payload });
const as = (token: string) => (method: 'GET' | 'POST', url: string, payload?: object) => svc.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function candidateSubmits(assessmentId: string, name: string, content: string) {
  const inv = await staff('POST', `/v1/assessments/${assessmentId}/invitations`, { candidate: { name, email: `${name}@example.com` } });
  expect(inv.statusCode, inv.body).toBe(201);
  const candidate = as(inv.json().token);
  expect((await candidate('POST', '/v1/candidate/start')).statusCode).toBe(200);
  const sub = await candidate('POST', '/v1/candidate/submissions', { challenge: 'sum-python', files: [{ path: 'calc.py', content }] });
  expect(sub.statusCode, sub.body).toBe(202);
  const scored = await until('the score', async () => {
    const s = (await candidate('GET', `/v1/candidate/submissions/${sub.json().id}`)).json();
    return s.status === 'completed' ? s : undefined;
  });
  return { invitationId: inv.json().invitation.id as string, submissionId: sub.json().id as string, candidate };
}

describe('similarity between candidates\' final submissions', () => {
  it('flags a near-identical pair for the staff, with its fragments, and shows the candidates nothing', async () => {
    const a = await staff('POST', '/v1/assessments', { name: 'Sums', timeLimitMinutes: 30, maxSubmissions: 2, resultVisibility: 'tests', challenges: [{ slug: 'sum-python' }] });
    expect(a.statusCode, a.body).toBe(201);
    const ada = await candidateSubmits(a.json().id, 'ada', original);
    const bob = await candidateSubmits(a.json().id, 'bob', copied);
    const cy = await candidateSubmits(a.json().id, 'cy', distinct);

    const pairsOf = async (invitationId: string) => (await staff('GET', `/v1/invitations/${invitationId}/similarity`)).json();
    // Cy's submission was recorded last: once its comparisons are stored, every pair is.
    const ofCy = await until('cy\'s comparisons', async () => {
      const body = await pairsOf(cy.invitationId);
      return body.items.length === 2 ? body : undefined;
    });
    expect(ofCy.items.every((p: { flagged: boolean }) => !p.flagged)).toBe(true);

    const ofBob = await pairsOf(bob.invitationId);
    const [top] = ofBob.items;
    expect(top).toMatchObject({ challenge: 'sum-python', language: 'python', flagged: true, left: { submissionId: bob.submissionId, invitationId: bob.invitationId }, right: { submissionId: ada.submissionId, invitationId: ada.invitationId } });
    expect(top.similarity).toBeGreaterThanOrEqual(ofBob.threshold);
    expect(top.fragments.length).toBeGreaterThan(0);
    expect(top.fragments[0]).toMatchObject({ kgrams: top.longestFragment, left: { path: 'calc.py' }, right: { path: 'calc.py' } });
    const bySubmission = (await staff('GET', `/v1/submissions/${ada.submissionId}/similarity`)).json();
    expect(bySubmission.items[0]).toMatchObject({ left: { submissionId: ada.submissionId }, right: { submissionId: bob.submissionId }, similarity: top.similarity });

    const invitations = (await staff('GET', `/v1/assessments/${a.json().id}/invitations`)).json().items;
    expect(Object.fromEntries(invitations.map((i: { id: string; similarityFlagged: boolean }) => [i.id, i.similarityFlagged]))).toEqual({ [ada.invitationId]: true, [bob.invitationId]: true, [cy.invitationId]: false });
    expect((await staff('GET', `/v1/invitations/${ada.invitationId}`)).json().similarityFlagged).toBe(true);
    expect((await staff('GET', `/v1/invitations/${ada.invitationId}/result`)).json().similarityFlagged).toBe(true);

    // The candidates: their own routes say nothing of it, and the staff's refuse them.
    for (const path of ['/v1/candidate', '/v1/candidate/result', `/v1/candidate/submissions/${bob.submissionId}`]) {
      const res = await bob.candidate('GET', path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body.toLowerCase(), path).not.toContain('similar');
    }
    for (const path of [`/v1/invitations/${bob.invitationId}/similarity`, `/v1/submissions/${bob.submissionId}/similarity`, `/v1/invitations/${bob.invitationId}`]) {
      expect((await bob.candidate('GET', path)).statusCode, path).toBe(403);
    }
  });

  it('answers 404 for an invitation or submission of no one', async () => {
    for (const path of ['/v1/invitations/nope/similarity', '/v1/submissions/nope/similarity']) {
      const res = await staff('GET', path);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
