import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuplicateKeyError } from '../../src/errors/DuplicateKeyError.js';
import type { Store } from '../../src/platform/store.js';
import { openTestStore } from '../support/testStore.js';

// The identity repositories' contract, on every adapter.

const A = 'org-a';
const B = 'org-b';
const t0 = new Date('2026-02-01T00:00:00.000Z');
const later = (s: number) => new Date(t0.getTime() + s * 1000);

describe.each(['sqlite', 'postgres'] as const)('identity repositories on %s', (kind) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(kind));
    await store.organisations.create({ id: A, slug: 'a', name: 'A' }, t0);
    await store.organisations.create({ id: B, slug: 'b', name: 'B' }, t0);
  });
  afterAll(async () => {
    await close();
  });

  it('keeps organisations with unique slugs', async () => {
    expect(await store.organisations.get(A)).toEqual({ id: A, slug: 'a', name: 'A', createdAt: t0 });
    expect(await store.organisations.get('nope')).toBeUndefined();
    await expect(store.organisations.create({ id: 'c', slug: 'a', name: 'again' }, t0)).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('keeps members per organisation, unique by email, found for sign-in by email alone', async () => {
    const m = { id: 'm1', email: 'ann@a.test', name: 'Ann', role: 'admin' as const, passwordHash: 'h1' };
    await store.members.insert(A, m, t0);
    await expect(store.members.insert(B, { ...m, id: 'm2' }, t0)).rejects.toBeInstanceOf(DuplicateKeyError);
    await store.members.insert(A, { id: 'm3', email: 'bob@a.test', name: 'Bob', role: 'interviewer', passwordHash: 'h3' }, later(1));
    expect(await store.members.get(A, 'm1')).toEqual({ id: 'm1', email: 'ann@a.test', name: 'Ann', role: 'admin', createdAt: t0 });
    expect(await store.members.get(B, 'm1')).toBeUndefined();
    expect((await store.members.list(A)).map((x) => x.id)).toEqual(['m1', 'm3']);
    expect(await store.members.list(B)).toEqual([]);
    expect(await store.members.findForSignIn('ann@a.test')).toEqual({ ownerId: A, member: expect.objectContaining({ id: 'm1' }), passwordHash: 'h1' });
    expect(await store.members.setRole(B, 'm3', 'owner')).toBe(false);
    expect(await store.members.setRole(A, 'm3', 'owner')).toBe(true);
    expect((await store.members.get(A, 'm3'))!.role).toBe('owner');
    expect(await store.members.delete(B, 'm3')).toBe(false);
    expect(await store.members.delete(A, 'm3')).toBe(true);
    expect(await store.members.get(A, 'm3')).toBeUndefined();
  });

  it('keeps sessions by token hash, and drops them with their member', async () => {
    await store.members.insert(A, { id: 's-member', email: 's@a.test', name: 'S', role: 'interviewer', passwordHash: 'h' }, t0);
    await store.sessions.create('hash-1', { ownerId: A, memberId: 's-member', expiresAt: later(60) }, t0);
    expect(await store.sessions.find('hash-1')).toEqual({ ownerId: A, memberId: 's-member', expiresAt: later(60) });
    await store.sessions.delete('hash-1');
    expect(await store.sessions.find('hash-1')).toBeUndefined();
    await store.sessions.create('hash-2', { ownerId: A, memberId: 's-member', expiresAt: later(60) }, t0);
    await store.members.delete(A, 's-member');
    expect(await store.sessions.find('hash-2')).toBeUndefined();
  });

  it('keeps API keys per organisation, by unique prefix, revocable by their owner only', async () => {
    const key = { id: 'k1', name: 'ATS', prefix: 'abcdefabcdef', secretHash: 'sh', scopes: ['results:read' as const], createdBy: 'm1' };
    await store.apiKeys.insert(A, key, t0);
    await expect(store.apiKeys.insert(B, { ...key, id: 'k2' }, t0)).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await store.apiKeys.findByPrefix('abcdefabcdef')).toEqual({
      ownerId: A,
      secretHash: 'sh',
      key: { id: 'k1', name: 'ATS', prefix: 'abcdefabcdef', scopes: ['results:read'], createdBy: 'm1', createdAt: t0, lastUsedAt: null, revokedAt: null },
    });
    await store.apiKeys.touch('k1', later(5));
    expect(await store.apiKeys.revoke(B, 'k1', later(6))).toBe(false);
    expect(await store.apiKeys.revoke(A, 'k1', later(6))).toBe(true);
    expect(await store.apiKeys.list(A)).toEqual([expect.objectContaining({ id: 'k1', lastUsedAt: later(5), revokedAt: later(6) })]);
    expect(await store.apiKeys.list(B)).toEqual([]);
  });

  it('keeps each organisation\'s audit log apart, newest first', async () => {
    for (const [i, owner] of [[1, A], [2, B], [3, A]] as const) {
      await store.audit.append(owner, { id: `e${i}`, at: later(i), actor: 'member:m1', action: 'api_key.created', target: `api-key:k${i}`, details: i === 3 ? { n: 3 } : null });
    }
    expect(await store.audit.list(A, 10)).toEqual([
      { id: 'e3', at: later(3), actor: 'member:m1', action: 'api_key.created', target: 'api-key:k3', details: { n: 3 } },
      { id: 'e1', at: later(1), actor: 'member:m1', action: 'api_key.created', target: 'api-key:k1', details: null },
    ]);
    expect((await store.audit.list(A, 1)).map((e) => e.id)).toEqual(['e3']);
    expect((await store.audit.list(B, 10)).map((e) => e.id)).toEqual(['e2']);
  });
});
