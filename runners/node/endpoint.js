// One side of the boundary (docs/runner-contract.md, "The Node boundary"): calls into the other
// process's objects through handles, and serves the other side's calls into its own.
//
// Calls are synchronous, as the tests' calls into a solution are: a request blocks its caller until the
// reply, and serves, while it waits, whatever the peer asks meanwhile (a callback into this side runs
// nested in the waiting call, as it would in one process). Between calls the event loop runs: a promise
// crosses as a promise that the peer settles later, so async code on both sides keeps its concurrency.
import { receiveMessageOnPort, MessageChannel, Worker } from 'node:worker_threads';
import { decode, encode, encodeError } from './codec.js';
import { ProtocolError, writeFrame } from './wire.js';
import { remoteFunction, remoteObject } from './remoteHandles.js';
import { servedKey } from './servedKeys.js';
import { isDecidingKey } from './decidingKeys.js';

export class PeerGone extends Error {}

export class Endpoint {
  #fd;
  #port;
  #signal = new Int32Array(new SharedArrayBuffer(4));
  #nextCall = 1;
  #replies = new Map();
  #closed = null;
  // What this side lent the peer, by id, and the ids of what it lent.
  #exports = new Map();
  #exportIds = new WeakMap();
  #nextExport = 1;
  // The peer's objects as stand-ins here, by their id, and the other way round.
  #stubs = new Map();
  #stubIds = new WeakMap();
  #promiseEntries = new WeakMap();
  #pendingPromises = new Map();
  #earlySettles = new Map();
  #commands;
  #guarded;
  #keepAlive;

  /**
   * `commands`: the operations this side serves besides those on handles; `guarded`: the peer is the
   * candidate's code, so only what a test lent it is reachable (no constructors, no builtin prototypes).
   */
  constructor(fd, { commands = {}, guarded, peer, keepAlive = false, onClosed = () => {} }) {
    this.#fd = fd;
    this.#keepAlive = keepAlive;
    this.#commands = commands;
    this.#guarded = guarded;
    this.peer = peer;
    this.onClosed = onClosed;
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    const worker = new Worker(new URL('./frameReader.js', import.meta.url), {
      workerData: { fd, port: port2, signal: this.#signal.buffer },
      transferList: [port2],
    });
    worker.unref();
    port1.on('message', (message) => this.#dispatch(message));
    this.#holdLoop();
  }

  /**
   * Unless `keepAlive`, the connection keeps the event loop running only while a promise of the peer's
   * is pending here: the test runner ends its run when the loop has nothing left to do.
   */
  #holdLoop() {
    if (this.#keepAlive || this.#pendingPromises.size > 0) this.#port.ref();
    else this.#port.unref();
  }

  /** Calls `op` on the peer and waits for its answer; a promise answered stays pending here until the peer settles it. */
  request(op, fields = {}) {
    const q = this.#nextCall++;
    this.#send({ q, op, ...fields });
    const reply = this.#waitFor(() => this.#replies.get(q));
    this.#replies.delete(q);
    if (Object.hasOwn(reply, 'err')) throw decode(this, reply.err);
    return decode(this, reply.ok);
  }

  /** Like request, but also waits, blocking, for a promise answered to settle: for callers that cannot await. */
  requestSettled(op, fields) {
    const answer = this.request(op, fields);
    const entry = answer instanceof Promise ? this.#promiseEntries.get(answer) : undefined;
    if (!entry) return answer;
    const settled = this.#waitFor(() => entry.settled);
    if (Object.hasOwn(settled, 'err')) throw decode(this, settled.err);
    return decode(this, settled.ok);
  }

  encodeArgs(args) {
    return args.map((arg) => encode(this, arg));
  }

  isRemote(value) {
    return this.#stubIds.has(value);
  }

  /** A key that values of the peer never have here: on the tests' side, one a framework decides by (decidingKeys.js). */
  hides(key) {
    return this.#guarded && isDecidingKey(key);
  }

  // Used by the codec.
  peerId(value) {
    return this.#stubIds.get(value);
  }

  export(value) {
    let id = this.#exportIds.get(value);
    if (id === undefined) {
      id = this.#nextExport++;
      this.#exports.set(id, value);
      this.#exportIds.set(value, id);
    }
    return id;
  }

  exported(id) {
    if (!this.#exports.has(id)) throw new ProtocolError(`no object of this side has the handle ${id}`);
    return this.#exports.get(id);
  }

  exportPromise(promise) {
    const id = this.#nextExport++;
    promise.then(
      (value) => this.#settle(id, () => ({ ok: encode(this, value) })),
      (error) => this.#settle(id, () => ({ err: this.#encodeThrown(error) })),
    );
    return id;
  }

  remoteFunction(id, name, isErrorClass) {
    return this.#stub(id, () => remoteFunction(this, id, name, isErrorClass));
  }

  remoteObject(id) {
    return this.#stub(id, () => remoteObject(this, id));
  }

  remotePromise(id) {
    const entry = { settled: undefined };
    const promise = new Promise((resolve, reject) => Object.assign(entry, { resolve, reject }));
    // A rejection nobody awaits is the test's business, not an unhandled rejection of the runner's.
    promise.catch(() => {});
    this.#promiseEntries.set(promise, entry);
    this.#pendingPromises.set(id, entry);
    this.#holdLoop();
    const early = this.#earlySettles.get(id);
    if (early) {
      this.#earlySettles.delete(id);
      this.#pendingPromises.delete(id);
      this.#holdLoop();
      this.#settleHere(entry, early);
    }
    return promise;
  }

  #stub(id, make) {
    let stub = this.#stubs.get(id);
    if (!stub) {
      stub = make();
      this.#stubs.set(id, stub);
      this.#stubIds.set(stub, id);
    }
    return stub;
  }

  #send(message) {
    if (this.#closed) throw new PeerGone(`${this.peer} is gone: ${this.#closed}`);
    writeFrame(this.#fd, message);
  }

  #settle(id, answer) {
    let message;
    try {
      message = { p: id, ...answer() };
    } catch (err) {
      message = { p: id, err: this.#encodeThrown(err) };
    }
    if (!this.#closed) this.#send(message);
  }

  #waitFor(ready) {
    for (;;) {
      const got = ready();
      if (got !== undefined) return got;
      if (this.#closed) throw new PeerGone(`${this.peer} is gone: ${this.#closed}`);
      const seen = Atomics.load(this.#signal, 0);
      const message = receiveMessageOnPort(this.#port);
      if (message) this.#dispatch(message.message);
      else Atomics.wait(this.#signal, 0, seen);
    }
  }

  #dispatch(message) {
    if (message.closed !== undefined) return this.#close(message.closed);
    let frame;
    try {
      frame = JSON.parse(message.frame);
      if (frame === null || typeof frame !== 'object') throw new ProtocolError('a frame is not an object');
      if (Number.isSafeInteger(frame.r)) this.#replies.set(frame.r, frame);
      else if (Number.isSafeInteger(frame.p)) this.#settled(frame.p, frame);
      else if (Number.isSafeInteger(frame.q)) this.#serve(frame);
      else throw new ProtocolError('a frame is neither a request, a reply nor a settlement');
    } catch (err) {
      this.#close(`it broke the protocol: ${err.message}`);
    }
  }

  #settled(id, frame) {
    const entry = this.#pendingPromises.get(id);
    this.#pendingPromises.delete(id);
    this.#holdLoop();
    if (entry) this.#settleHere(entry, frame);
    else this.#earlySettles.set(id, frame);
  }

  #settleHere(entry, frame) {
    if (entry.settled) return;
    entry.settled = frame;
    try {
      if (Object.hasOwn(frame, 'err')) entry.reject(decode(this, frame.err));
      else entry.resolve(decode(this, frame.ok));
    } catch (err) {
      entry.reject(err);
    }
  }

  #serve(frame) {
    let reply;
    try {
      reply = { r: frame.q, ok: encode(this, this.#perform(frame)) };
    } catch (err) {
      reply = { r: frame.q, err: this.#encodeThrown(err) };
    }
    if (!this.#closed) this.#send(reply);
  }

  #encodeThrown(error) {
    try {
      return encode(this, error);
    } catch (err) {
      return encodeError(this, new TypeError(`a thrown value could not cross the boundary: ${err.message}`));
    }
  }

  #perform({ op, h, k, v, t, a }) {
    const command = Object.hasOwn(this.#commands, op) ? this.#commands[op] : null;
    if (command) return command(this, { h, k, v, a });
    const target = this.exported(h);
    const args = () => (Array.isArray(a) ? a.map((arg) => decode(this, arg)) : []);
    const key = () => {
      if (typeof k !== 'string') throw new ProtocolError('a property name must be a string');
      if (this.#guarded && !servedKey(target, k)) throw new TypeError(`${k} is not reachable from the solution`);
      return k;
    };
    switch (op) {
      case 'call':
        return Reflect.apply(callable(target), decode(this, t), args());
      case 'new':
        return Reflect.construct(callable(target), args());
      case 'get':
        return target[key()];
      case 'set':
        if (this.#guarded && typeof target === 'function') throw new TypeError('a function of the tests cannot be changed');
        target[key()] = decode(this, v);
        return undefined;
      case 'has':
        return typeof k === 'string' && (!this.#guarded || servedKey(target, k)) && k in target;
      case 'keys':
        return Object.keys(target);
      case 'own':
        return typeof k === 'string' && Object.hasOwn(target, k) && (!this.#guarded || servedKey(target, k)) ? [target[k]] : [];
    }
    throw new ProtocolError(`an unknown operation ${JSON.stringify(op)}`);
  }

  #close(why) {
    if (this.#closed) return;
    this.#closed = why;
    const gone = new PeerGone(`${this.peer} is gone: ${why}`);
    for (const entry of this.#pendingPromises.values()) if (!entry.settled) entry.reject(gone);
    this.#port.close();
    this.onClosed(why);
  }
}

function callable(target) {
  if (typeof target !== 'function') throw new TypeError('not a function');
  return target;
}
