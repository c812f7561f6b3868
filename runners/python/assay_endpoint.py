"""One process's end of the boundary: the objects it lends the other side, and the calls between them.

Every thread gets a connection of its own (a socketpair whose other end is passed over the control
socket), served by a thread of its own on the other side: calls from several threads run
concurrently over there, and no thread ever hands a message to another. A call waits on its
connection for the reply, serving meanwhile the calls the other side makes back on it (a callback
calling the solution again), in the same thread, so re-entrant calls cannot deadlock.

Towards a peer it does not trust, an endpoint lends only what it handed over, and serves only what
assay_serving allows.
"""
import itertools
import socket
import threading
import types
import weakref

import assay_codec
import assay_exceptions
import assay_wire
from assay_proxies import Handle, RecordHandle
from assay_serving import execute, serves
from assay_wire import PeerGone, ProtocolError

MAX_CONNECTIONS = 64


class Endpoint:
    def __init__(self, control, *, trusts_peer, served=None, shares_locations=False, peer="the other process", commands=None):
        """`control`: a SOCK_SEQPACKET socket to the peer; `served`: the top-level modules the peer may
        import (None: any); `commands`: extra operations the peer may ask for by name, each
        fn(endpoint, name, args)."""
        self.trusts_peer = trusts_peer
        self.served = None if served is None else frozenset(served)
        self.shares_locations = shares_locations
        self.peer = peer
        self._control = control
        self.commands = commands or {}
        self._control_lock = threading.Lock()
        self._lock = threading.Lock()
        self._exports = {}
        self._export_ids = {}
        self._ids = itertools.count(1)
        self._proxies = weakref.WeakValueDictionary()
        self._type_ids = {}
        self._methods = {}
        self._exception_classes = {}
        self._local = threading.local()
        self._held = {}
        self._held_changed = threading.Condition()
        self._connections = 0
        self.closed = threading.Event()
        threading.Thread(target=self._accept, name="assay-accept", daemon=True).start()

    # What this side lends.

    def export(self, obj):
        if isinstance(obj, types.ModuleType) and not self.trusts_peer and not serves(self, obj.__name__):
            raise TypeError(f"the module {obj.__name__} cannot cross the boundary")
        with self._lock:
            eid = self._export_ids.get(id(obj))
            if eid is None:
                eid = next(self._ids)
                # Held for the whole run: the other side may use it again at any time.
                self._exports[eid] = obj
                self._export_ids[id(obj)] = eid
            return eid

    def exported(self, eid):
        try:
            return self._exports[eid]
        except (KeyError, TypeError):
            raise ProtocolError(f"no such object lent: {eid!r}") from None

    # What this side holds of the other's.

    def type_id(self, cls):
        with self._lock:
            return self._type_ids.setdefault(cls, len(self._type_ids) + 1)

    def proxy(self, eid, type_id, make=Handle, *extra):
        if type(eid) is not int or (type_id is not None and type(type_id) is not int):
            raise ProtocolError("a malformed handle")
        with self._lock:
            held = self._proxies.get(eid)
            if held is None or type(held) is not make:
                held = self._proxies[eid] = make(self, eid, type_id, *extra)
            return held

    def record(self, eid, type_id, cls, names, snapshot):
        values = None if snapshot is None else assay_codec.decode_fields(self, names, snapshot)
        return self.proxy(eid, type_id, RecordHandle, cls, names, values)

    def methods(self, handle):
        """The names of the plain methods of a handle's class, asked of its owner once per class."""
        known = self._methods.get(handle._type)
        if known is None:
            names = self.request("methods", handle._id) if handle._type is not None else []
            known = frozenset(n for n in names if type(n) is str) if type(names) is list else frozenset()
            self._methods[handle._type] = known
        return known

    def exception_class(self, eid, module, qualname, bases):
        with self._lock:
            cls = self._exception_classes.get(eid)
        if cls is None:
            cls = assay_exceptions.synthetic_class(self.proxy(eid, None), module, qualname, bases)
            with self._lock:
                cls = self._exception_classes.setdefault(eid, cls)
        return cls

    def own_proxy_id(self, value):
        """The peer's id of `value` when it stands for one of the peer's objects, else None."""
        if type(value) is Handle or type(value) is RecordHandle:
            return value._id if value._endpoint is self else None
        ref = None
        if isinstance(value, type):
            ref = value.__dict__.get("_assay_ref")
        elif isinstance(value, BaseException):
            ref = value.__dict__.get("_assay_instance")
        return ref._id if type(ref) is Handle and ref._endpoint is self else None

    # Calls to the other side.

    def request(self, op, h=None, name=None, args=(), kwargs=None):
        conn = self._connection()
        message = {"op": op, "a": assay_codec.encode(self, list(args))}
        if h is not None:
            message["h"] = h
        if name is not None:
            message["n"] = name
        if kwargs:
            message["k"] = assay_codec.encode(self, kwargs)
        try:
            conn.send(message)
            return self._await_reply(conn)
        except ProtocolError as err:
            self._drop(conn)
            if isinstance(err, PeerGone):
                raise PeerGone(f"{self.peer} is gone: {err}") from None
            raise

    def _await_reply(self, conn):
        while True:
            message = conn.recv()
            if type(message) is not dict:
                raise ProtocolError("a message that is not an object")
            if "op" in message:
                self._serve_one(conn, message)
            elif "ok" in message:
                return assay_codec.decode(self, message["ok"])
            elif "err" in message:
                exc = assay_codec.decode(self, message["err"])
                if not isinstance(exc, BaseException):
                    raise ProtocolError("an error that is not an exception")
                raise exc
            else:
                raise ProtocolError("a message that is neither a call nor a reply")

    def _connection(self):
        serving = getattr(self._local, "serving", None)
        if serving:
            return serving[-1]
        conn = getattr(self._local, "own", None)
        if conn is None:
            mine, theirs = socket.socketpair()
            try:
                self._send_control(b"c", theirs.fileno())
            except OSError as err:
                mine.close()
                raise PeerGone(f"{self.peer} is gone: {err}") from None
            finally:
                theirs.close()
            conn = self._local.own = assay_wire.Connection(mine)
        return conn

    def _drop(self, conn):
        if getattr(self._local, "own", None) is conn:
            self._local.own = None
        conn.close()

    # Calls from the other side.

    def _accept(self):
        while True:
            try:
                data, fds, _flags, _address = socket.recv_fds(self._control, 64, 1)
            except OSError:
                break
            if not data and not fds:
                break
            for fd in fds:
                self._accept_fd(data, fd)
        self.closed.set()

    def _accept_fd(self, data, fd):
        with self._lock:
            room = self._connections < MAX_CONNECTIONS
        if data == b"c" and room:
            try:
                conn = assay_wire.Connection(socket.socket(fileno=fd))
            except OSError:
                return
            with self._lock:
                self._connections += 1
            threading.Thread(target=self._serve, args=(conn,), name="assay-serve", daemon=True).start()
        elif data.startswith(b"p") and self.trusts_peer:
            with self._held_changed:
                self._held[data[1:].decode()] = fd
                self._held_changed.notify_all()
        else:
            socket.close(fd)

    def _serve(self, conn):
        try:
            while True:
                message = conn.recv()
                if type(message) is not dict or "op" not in message:
                    break
                self._serve_one(conn, message)
        except (ProtocolError, OSError):
            pass
        finally:
            conn.close()
            with self._lock:
                self._connections -= 1

    def _serve_one(self, conn, message):
        serving = self._local.__dict__.setdefault("serving", [])
        serving.append(conn)
        try:
            try:
                reply = {"ok": assay_codec.encode(self, execute(self, message))}
            except BaseException as exc:  # noqa: BLE001 - whatever it raised, the caller gets it back
                reply = {"err": self._encode_error(exc)}
            conn.send(reply)
        finally:
            serving.pop()

    def _encode_error(self, exc):
        try:
            return assay_exceptions.encode_exception(self, exc)
        except Exception as err:  # noqa: BLE001 - an exception that cannot be encoded still fails the call
            text = f"{type(exc).__name__}: {exc!s:.500} (and it could not cross the boundary: {err})"
            return {"#": "E", "c": {"#": "xb", "v": "RuntimeError"}, "a": [text], "m": text, "w": None, "i": None}

    # File descriptors for child processes (docs/runner-contract.md, tests that test the candidate's tests).

    def _send_control(self, kind, fd):
        with self._control_lock:
            socket.send_fds(self._control, [kind], [fd])

    def lend_fd(self, key, fd):
        self._send_control(b"p" + key.encode(), fd)

    def take_fd(self, key, timeout_s=5.0):
        with self._held_changed:
            if not self._held_changed.wait_for(lambda: key in self._held, timeout_s):
                raise TimeoutError("a connection for the child process never arrived")
            return self._held.pop(key)
