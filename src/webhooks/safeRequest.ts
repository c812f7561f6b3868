import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPublicAddress } from './destinationPolicy.js';
import { RefusedDestinationError } from './RefusedDestinationError.js';

export interface SafeRequestOptions {
  method: 'POST' | 'PATCH';
  headers: Record<string, string>;
  body: string;
  connectTimeoutMs: number;
  timeoutMs: number;
  /** Let loopback and private addresses through (development, tests). */
  allowPrivate: boolean;
}

export interface SafeResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The first bytes of the body; the rest is not read. */
  body: string;
}

const BODY_BYTES = 1024;

/**
 * Resolves the host and refuses it unless every address is public. The connection then uses exactly
 * the addresses checked here, so a DNS answer that changes between check and connect cannot slip by.
 */
const guardedLookup = (allowPrivate: boolean): LookupFunction => (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 4);
    const bad = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
    if (bad) return callback(new RefusedDestinationError(`${hostname} resolves to ${bad.address}, which webhooks may not reach`), '', 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * One HTTP request to a receiver: destination checked after DNS, a connect timeout and an overall
 * one, no redirects followed (a 3xx is just a response), only the first bytes of the body read.
 */
export function safeRequest(url: string, opts: SafeRequestOptions): Promise<SafeResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return reject(new RefusedDestinationError(`${target.protocol} URLs are not called`));
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    // A literal address is never looked up, so it is checked here.
    if (isIP(host) && !opts.allowPrivate && !isPublicAddress(host)) return reject(new RefusedDestinationError(`${host} is an address webhooks may not reach`));
    const lib = target.protocol === 'https:' ? https : http;
    const req = lib.request(target, { method: opts.method, headers: { ...opts.headers, 'content-length': Buffer.byteLength(opts.body) }, lookup: guardedLookup(opts.allowPrivate), agent: false });
    const fail = (err: Error) => req.destroy(err);
    const overall = setTimeout(() => fail(new Error(`no response within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    const connecting = setTimeout(() => fail(new Error(`no connection within ${opts.connectTimeoutMs} ms`)), opts.connectTimeoutMs);
    req.on('socket', (socket) => socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connecting)));
    req.on('error', (err) => {
      clearTimeout(overall);
      clearTimeout(connecting);
      reject(err);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        clearTimeout(overall);
        clearTimeout(connecting);
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).subarray(0, BODY_BYTES).toString('utf8') });
        res.destroy();
      };
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= BODY_BYTES) done();
      });
      res.on('end', done);
      res.on('error', (err) => req.destroy(err));
    });
    req.end(opts.body);
  });
}
