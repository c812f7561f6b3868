import { randomBytes } from 'node:crypto';
import { newSecret } from '../tenancy/secrets.js';

/** `assay_<prefix>_<secret>`: the prefix is shown in listings to recognise a key; the secret never again. */
const TOKEN = /^assay_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function newApiKeyToken(): { token: string; prefix: string; secret: string } {
  const prefix = randomBytes(8).toString('hex').slice(0, 12);
  const secret = newSecret();
  return { token: `assay_${prefix}_${secret}`, prefix, secret };
}

export function parseApiKeyToken(token: string): { prefix: string; secret: string } | null {
  const m = TOKEN.exec(token);
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}
