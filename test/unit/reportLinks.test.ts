import { describe, expect, it } from 'vitest';
import { signReportToken, verifyReportToken } from '../../src/invitations/reportLinks.js';

const now = new Date('2026-05-01T12:00:00Z');
const claim = { ownerId: 'org-1', invitationId: 'inv-1', expiresAt: new Date('2026-05-02T12:00:00Z') };

describe('report link tokens', () => {
  it('carry their claim, signed', () => {
    expect(verifyReportToken('key', signReportToken('key', claim), now)).toEqual(claim);
  });

  it('are refused when expired, signed with another key, or altered anywhere', () => {
    const token = signReportToken('key', claim);
    expect(verifyReportToken('key', token, claim.expiresAt)).toBeNull();
    expect(verifyReportToken('other key', token, now)).toBeNull();
    const [payload, sig] = token.split('.') as [string, string];
    const longer = Buffer.from(JSON.stringify({ o: 'org-1', i: 'inv-1', e: Date.parse('2030-01-01') })).toString('base64url');
    const otherOrg = Buffer.from(JSON.stringify({ o: 'org-2', i: 'inv-1', e: claim.expiresAt.getTime() })).toString('base64url');
    for (const bad of [`${longer}.${sig}`, `${otherOrg}.${sig}`, `${payload}.${sig.slice(0, -1)}A`, payload, `${token}.x`, '', '..']) {
      expect(verifyReportToken('key', bad, now), bad).toBeNull();
    }
  });
});
