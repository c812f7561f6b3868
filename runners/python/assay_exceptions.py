"""Exceptions across the boundary: rebuilt by the receiver as the same type, so that `except ValueError`
and `pytest.raises(KeyConflict)` work on the other side, with their messages.

A builtin or standard-library exception type crosses by name and is the receiver's own type. An
exception class of the sender's own code crosses as a class the receiver makes once per class, with
the same name and the rebuilt bases (so `issubclass(KeyConflict, InventoryError)` holds); its
instances keep a handle to the original for any attribute beyond the message.
"""
import builtins
import sys

import assay_codec
from assay_wire import ProtocolError

TAGS = {"xb", "xs", "x", "E"}
# These would stop the receiver itself (a test run, a serving thread) rather than fail one call.
STOPPING = (KeyboardInterrupt, SystemExit, GeneratorExit)
WORK = "/work/"


class RemoteError(Exception):
    """An exception of a type the receiver cannot rebuild, by its name and message."""


def encode_class(ep, cls):
    own = ep.own_proxy_id(cls)
    if own is not None:
        return {"#": "y", "v": own}
    name, module = cls.__name__, str(cls.__module__)
    if getattr(builtins, name, None) is cls:
        return {"#": "xb", "v": name}
    if module.partition(".")[0] in sys.stdlib_module_names:
        return {"#": "xs", "m": module, "q": cls.__qualname__}
    bases = [encode_class(ep, b) for b in cls.__bases__ if issubclass(b, BaseException)]
    return {"#": "x", "v": ep.export(cls), "m": module, "q": str(cls.__qualname__), "b": bases}


def encode_exception(ep, exc):
    try:
        args = assay_codec.encode(ep, list(exc.args))
    except Exception:  # noqa: BLE001 - arguments that are not data travel as the message alone
        args = [str(exc)]
    where = _where(exc) if ep.shares_locations else None
    instance = None if _rebuilt_by_name(exc) else ep.export(exc)
    return {"#": "E", "c": encode_class(ep, type(exc)), "a": args, "m": _text(exc), "w": where, "i": instance}


def decode(ep, data, depth):
    tag = data["#"]
    if tag == "xb":
        return _builtin(data.get("v"))
    if tag == "xs":
        return _standard(data.get("m"), data.get("q"))
    if tag == "x":
        return ep.exception_class(data.get("v"), _short(data.get("m")), _short(data.get("q")),
                                  [_exception_class(assay_codec.decode(ep, b, depth + 1)) for b in assay_codec._list(data.get("b"))])
    cls = _exception_class(assay_codec.decode(ep, data.get("c"), depth + 1))
    args = assay_codec.decode(ep, data.get("a"), depth + 1)
    message = data.get("m")
    if type(args) is not list or type(message) is not str:
        raise ProtocolError("a malformed exception")
    exc = _instantiate(cls, args, message)
    if data.get("i") is not None:
        exc.__dict__["_assay_instance"] = ep.proxy(data["i"], None)
    if type(data.get("w")) is str:
        exc.assay_where = data["w"]
    return exc


def synthetic_class(ref, module, qualname, bases):
    """The receiver's stand-in for an exception class of the sender's code."""
    namespace = {"__module__": module, "__qualname__": qualname, "_assay_ref": ref,
                 "__str__": _remote_str, "__getattr__": _remote_attribute}
    name = qualname.rpartition(".")[2] or "RemoteException"
    try:
        return type(name, tuple(bases) or (Exception,), namespace)
    except TypeError:  # bases whose layouts conflict (say ValueError and KeyError): the first one wins
        return type(name, (bases[0],), namespace)


def _remote_str(self):
    message = self.__dict__.get("_assay_message")
    return message if message is not None else Exception.__str__(self)


def _remote_attribute(self, name):
    instance = self.__dict__.get("_assay_instance")
    if instance is None or name.startswith("__"):
        raise AttributeError(name)
    return getattr(instance, name)


def _instantiate(cls, args, message):
    try:
        exc = cls(*args)
    except Exception:  # noqa: BLE001 - a type whose constructor wants other arguments keeps the message
        try:
            exc = cls(message)
        except Exception:  # noqa: BLE001
            return RemoteError(f"{cls.__name__}: {message}")
    if "_assay_ref" in vars(type(exc)):
        exc.__dict__["_assay_message"] = message
    return exc


def _builtin(name):
    cls = getattr(builtins, name, None) if type(name) is str else None
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        raise ProtocolError(f"{name!r} is not a builtin exception")
    return RemoteError if issubclass(cls, STOPPING) else cls


def _standard(module, qualname):
    """A standard-library exception type, if its module is loaded here already (importing one may have effects)."""
    target = sys.modules.get(module) if type(module) is str else None
    for part in (qualname.split(".") if type(qualname) is str and target is not None else []):
        target = None if part.startswith("_") else getattr(target, part, None)
    if isinstance(target, type) and issubclass(target, Exception):
        return target
    return RemoteError


def _exception_class(cls):
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        raise ProtocolError("not an exception class")
    return RemoteError if issubclass(cls, STOPPING) else cls


def _rebuilt_by_name(exc):
    cls = type(exc)
    return getattr(builtins, cls.__name__, None) is cls or str(cls.__module__).partition(".")[0] in sys.stdlib_module_names


def _short(text):
    if type(text) is not str or not 0 < len(text) <= 200:
        raise ProtocolError("a malformed class name")
    return text


def _text(exc):
    try:
        return str(exc)[:4096]
    except Exception:  # noqa: BLE001 - a __str__ that fails still leaves the type
        return ""


def _where(exc):
    """'File "solution/x.py", line N, in f' of the last frame in /work, for the candidate's messages."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(WORK)]
    if not frames:
        return None
    last = frames[-1]
    return f'File "{last.filename[len(WORK):]}", line {last.lineno}, in {last.name}'
