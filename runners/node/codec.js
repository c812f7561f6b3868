// The strict encoding of values crossing the boundary (docs/runner-contract.md, "The Node boundary").
// Data crosses as itself, rebuilt by the receiver from JSON it parsed itself: null, undefined, booleans,
// numbers (NaN, ±Infinity and -0 tagged), bigints, strings, arrays, plain objects, Date, Map, Set and
// errors. Only an object whose prototype is exactly the builtin one is data: anything else (a class
// instance, a Proxy's target aside) stays where it lives and crosses as a handle; a function crosses as
// a handle too; a native promise as a promise the receiver settles when the sender's does.
import { types } from 'node:util';
import { ProtocolError } from './wire.js';

const MAX_DEPTH = 100;
const BUILTIN_ERRORS = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };
const NUMBERS = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };
const { getPrototypeOf } = Object;

export function encode(ep, value, depth = 0) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : { '#': 'n', v: String(Object.is(value, -0) ? '-0' : value) };
    case 'undefined':
      return { '#': 'u' };
    case 'bigint':
      return { '#': 'bi', v: value.toString() };
    case 'symbol':
      throw new TypeError('a symbol cannot cross the boundary');
  }
  if (value === null) return null;
  if (depth > MAX_DEPTH) throw new RangeError('a value nested too deeply to cross the boundary');
  depth += 1;
  const own = ep.peerId(value);
  if (own !== undefined) return { '#': 'y', v: own };
  if (typeof value === 'function') return { '#': 'fn', v: ep.export(value), n: String(value.name ?? ''), e: isErrorClass(value) };
  if (types.isProxy(value)) return { '#': 'h', v: ep.export(value) };
  const proto = getPrototypeOf(value);
  if (proto === Array.prototype) return Array.from(value, (item) => encode(ep, item, depth));
  if (proto === Object.prototype || proto === null) {
    return { '#': 'o', v: Object.keys(value).map((key) => [key, encode(ep, value[key], depth)]) };
  }
  if (proto === Date.prototype) return { '#': 'date', v: encode(ep, Date.prototype.getTime.call(value), depth) };
  if (proto === Map.prototype) return { '#': 'map', v: [...value].map(([k, v]) => [encode(ep, k, depth), encode(ep, v, depth)]) };
  if (proto === Set.prototype) return { '#': 'set', v: [...value].map((v) => encode(ep, v, depth)) };
  if (types.isNativeError(value) || value instanceof Error) return encodeError(ep, value, depth);
  if (types.isPromise(value)) return { '#': 'pr', v: ep.exportPromise(value) };
  return { '#': 'h', v: ep.export(value) };
}

export function decode(ep, data, depth = 0) {
  if (data === null || typeof data === 'string' || typeof data === 'boolean') return data;
  if (typeof data === 'number') return data;
  if (depth > MAX_DEPTH) throw new ProtocolError('a value nested too deeply');
  depth += 1;
  if (Array.isArray(data)) return data.map((item) => decode(ep, item, depth));
  if (typeof data !== 'object') throw new ProtocolError('not an encoded value');
  const v = data.v;
  switch (data['#']) {
    case 'u':
      return undefined;
    case 'n':
      if (!Object.hasOwn(NUMBERS, v)) throw new ProtocolError('a malformed number');
      return NUMBERS[v];
    case 'bi':
      if (typeof v !== 'string' || !/^-?\d{1,10000}$/.test(v)) throw new ProtocolError('a malformed bigint');
      return BigInt(v);
    case 'o': {
      const object = {};
      for (const [key, item] of pairs(v)) {
        if (typeof key !== 'string') throw new ProtocolError('an object key must be a string');
        if (ep.hides(key)) continue;
        // defineProperty: a key "__proto__" is a property like any other, never the prototype.
        Object.defineProperty(object, key, { value: decode(ep, item, depth), writable: true, enumerable: true, configurable: true });
      }
      return object;
    }
    case 'date':
      return new Date(decode(ep, v, depth));
    case 'map':
      return new Map(pairs(v).map(([k, item]) => [decode(ep, k, depth), decode(ep, item, depth)]));
    case 'set':
      return new Set(list(v).map((item) => decode(ep, item, depth)));
    case 'E':
      return decodeError(ep, data, depth);
    case 'y':
      return ep.exported(id(v));
    case 'fn':
      return ep.remoteFunction(id(v), text(data.n), data.e === true);
    case 'h':
      return ep.remoteObject(id(v));
    case 'pr':
      return ep.remotePromise(id(v));
  }
  throw new ProtocolError(`an unknown value tag ${JSON.stringify(data['#'])}`);
}

/** An error as data: its class (a builtin by name, else the sender's class as a handle), name, message, code and stack. */
export function encodeError(ep, error, depth = 0) {
  const ctor = getPrototypeOf(error)?.constructor;
  const builtin = Object.entries(BUILTIN_ERRORS).find(([, cls]) => cls === ctor)?.[0];
  const field = (name) => {
    try {
      const value = error[name];
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    '#': 'E',
    b: builtin ?? null,
    c: builtin || typeof ctor !== 'function' ? null : encode(ep, ctor, depth + 1),
    name: field('name') ?? 'Error',
    message: field('message') ?? '',
    code: field('code') ?? null,
    stack: field('stack') ?? null,
  };
}

function decodeError(ep, data, depth) {
  const base = typeof data.b === 'string' && Object.hasOwn(BUILTIN_ERRORS, data.b) ? BUILTIN_ERRORS[data.b] : Error;
  const error = new base(text(data.message));
  if (data.c !== null && data.c !== undefined) {
    const cls = decode(ep, data.c, depth);
    if (typeof cls === 'function' && typeof cls.prototype === 'object') Object.setPrototypeOf(error, cls.prototype);
  }
  Object.defineProperty(error, 'name', { value: text(data.name), writable: true, configurable: true });
  if (data.code !== null) error.code = text(data.code);
  Object.defineProperty(error, 'stack', { value: data.stack === null ? `${error.name}: ${error.message}` : text(data.stack), writable: true, configurable: true });
  return error;
}

function isErrorClass(fn) {
  try {
    return typeof fn.prototype === 'object' && fn.prototype instanceof Error;
  } catch {
    return false;
  }
}

function list(v) {
  if (!Array.isArray(v)) throw new ProtocolError('expected a list');
  return v;
}

function pairs(v) {
  return list(v).map((pair) => {
    if (!Array.isArray(pair) || pair.length !== 2) throw new ProtocolError('expected a key and a value');
    return pair;
  });
}

function id(v) {
  if (!Number.isSafeInteger(v) || v < 1) throw new ProtocolError('a malformed handle');
  return v;
}

function text(v) {
  if (typeof v !== 'string') throw new ProtocolError('expected a string');
  return v;
}
