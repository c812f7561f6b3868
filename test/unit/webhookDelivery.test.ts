import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { isPublicAddress } from '../../src/webhooks/destinationPolicy.js';
import { nextDelayMs, retryAfterMs } from '../../src/webhooks/retrySchedule.js';
import { newSigningSecret, signedHeaders } from '../../src/webhooks/signing.js';

// The pure parts of webhook delivery: which addresses are refused, the retry schedule, the signature.

describe('destination policy', () => {
  it('refuses loopback, private, link-local, metadata and mapped addresses', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a9fe:a9fe']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
  it('lets public addresses through', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) expect(isPublicAddress(a), a).toBe(true);
  });
  it('refuses what is not an address at all', () => expect(isPublicAddress('localhost')).toBe(false));
});

describe('retry schedule', () => {
  const settings = { retryScheduleMs: [0, 5000, 300_000], retryJitter: 0.1 };
  it('follows the schedule with up to the jitter added, and ends with it', () => {
    expect(nextDelayMs(settings, 1, null, () => 0)).toBe(5000);
    expect(nextDelayMs(settings, 1, null, () => 1)).toBe(5500);
    expect(nextDelayMs(settings, 2, null, () => 0.5)).toBe(315_000);
    expect(nextDelayMs(settings, 3, null)).toBeNull();
  });
  it('waits as long as Retry-After asks, up to the longest delay of the schedule', () => {
    expect(nextDelayMs(settings, 1, 60_000, () => 0)).toBe(60_000);
    expect(nextDelayMs(settings, 1, 1000, () => 0)).toBe(5000);
    expect(nextDelayMs(settings, 1, 86_400_000, () => 0)).toBe(300_000);
  });
  it('reads Retry-After as seconds or as a date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});

describe('signing', () => {
  it('makes Standard Webhooks headers any receiver library verifies, with each secret in use', () => {
    const [a, b] = [newSigningSecret(), newSigningSecret()];
    expect(a).toMatch(/^whsec_/);
    const body = JSON.stringify({ type: 'invitation.created', timestamp: '2026-01-01T00:00:00.000Z', data: {} });
    const headers = signedHeaders('msg_1', new Date(), body, [a, b]);
    expect(headers['webhook-id']).toBe('msg_1');
    expect(new Webhook(a).verify(body, headers)).toMatchObject({ type: 'invitation.created' });
    expect(new Webhook(b).verify(body, headers)).toMatchObject({ type: 'invitation.created' });
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow();
    expect(() => new Webhook(a).verify(body.replace('created', 'started'), headers)).toThrow();
  });
});
