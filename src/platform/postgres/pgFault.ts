import { driverCode } from '../driverCode.js';
import type { StoreFault } from '../storeFaults.js';

/** Node's socket errors when no server listens or it went away mid-query. */
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * PostgreSQL's SQLSTATEs that mean the server, not the request: 53100 disk_full (it could not extend
 * a file); 57P01-57P03 (shutting down, crashed, not yet accepting connections) and class 08
 * (connection exceptions), as during a restart.
 */
export function pgFault(err: unknown): StoreFault | undefined {
  const code = driverCode(err);
  if (code === undefined) return undefined;
  if (code === '53100') return 'full';
  if (SOCKET_ERRORS.has(code) || ['57P01', '57P02', '57P03'].includes(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'unreachable';
  return undefined;
}
