// Stand-ins for the peer's functions and objects: every use is a request to the peer, and every answer
// is data rebuilt here. A stand-in's symbol-keyed properties (Symbol.toPrimitive, util.inspect.custom,
// Symbol.hasInstance…) are this side's own, so no trick of the peer's runs here.

export function remoteFunction(ep, id, name, isErrorClass) {
  const local = function (...args) {
    return new.target ? ep.request('new', { h: id, a: ep.encodeArgs(args) }) : ep.request('call', { h: id, t: ep.encodeArgs([this])[0], a: ep.encodeArgs(args) });
  };
  Object.defineProperty(local, 'name', { value: name });
  // Errors the peer throws are rebuilt with this prototype, so `instanceof` the stand-in works here.
  local.prototype = Object.create(isErrorClass ? Error.prototype : Object.prototype);
  return new Proxy(local, {
    get: (target, key) => (typeof key === 'symbol' || key in target ? Reflect.get(target, key) : ep.hides(key) ? undefined : ep.request('get', { h: id, k: key })),
    set: (target, key, value) => setRemote(ep, id, key, value),
    has: (target, key) => key in target || (typeof key === 'string' && !ep.hides(key) && ep.request('has', { h: id, k: key })),
  });
}

export function remoteObject(ep, id) {
  return new Proxy({}, {
    get: (target, key) => (typeof key === 'symbol' || ep.hides(key) ? undefined : ep.request('get', { h: id, k: key })),
    set: (target, key, value) => setRemote(ep, id, key, value),
    has: (target, key) => typeof key === 'string' && !ep.hides(key) && ep.request('has', { h: id, k: key }),
    deleteProperty: () => false,
    defineProperty: () => false,
    ownKeys: () => keys(ep.request('keys', { h: id })).filter((key) => !ep.hides(key)),
    getOwnPropertyDescriptor: (target, key) => {
      if (typeof key === 'symbol' || ep.hides(key)) return undefined;
      const found = ep.request('own', { h: id, k: key });
      return found.length === 1 ? { value: found[0], writable: true, enumerable: true, configurable: true } : undefined;
    },
  });
}

function setRemote(ep, id, key, value) {
  if (typeof key === 'symbol') return false;
  ep.request('set', { h: id, k: key, v: ep.encodeArgs([value])[0] });
  return true;
}

function keys(list) {
  if (!Array.isArray(list) || !list.every((key) => typeof key === 'string') || new Set(list).size !== list.length) {
    throw new TypeError('the other process answered a malformed list of property names');
  }
  return list;
}
