"""What one side does for the other's requests (assay_endpoint), and what a peer it does not trust may reach:
no names starting with "_" (but __name__ and __qualname__), no modules but those it serves, no imports
but of those.
"""
import importlib
import operator
import types

import assay_codec
from assay_wire import ProtocolError

# Operations on a lent object, by name: (function of the object and the call's arguments).
OPERATIONS = {
    "len": len,
    "iter": iter,
    "next": next,
    "getitem": operator.getitem,
    "setitem": operator.setitem,
    "delitem": operator.delitem,
    "contains": operator.contains,
    "repr": repr,
    "str": str,
    "enter": lambda target: type(target).__enter__(target),
    "exit": lambda target, *info: type(target).__exit__(target, *info),
    "isinstance": lambda target, obj: isinstance(obj, target),
    "issubclass": lambda target, cls: issubclass(cls, target),
    "fields": lambda target: [getattr(target, name) for name in _field_names(target)],
}
ALWAYS_READABLE = {"__name__", "__qualname__"}


def execute(ep, message):
    """What a request from the peer asks for, within what the peer may reach."""
    op, name = message.get("op"), message.get("n")
    args = assay_codec.decode(ep, message.get("a", []))
    kwargs = assay_codec.decode(ep, message["k"]) if "k" in message else {}
    if type(args) is not list or type(kwargs) is not dict or not all(type(k) is str for k in kwargs):
        raise ProtocolError("malformed arguments")
    if "h" not in message:
        if op == "import":
            return _import(ep, name)
        if op in ep.commands:
            return ep.commands[op](ep, name, args)
        raise ProtocolError(f"an unknown command {op!r}")
    target = ep.exported(message["h"])
    if op in ("getattr", "setattr", "delattr"):
        _check_name(ep, name)
        return {"getattr": getattr, "setattr": setattr, "delattr": delattr}[op](target, name, *args[:1])
    if op == "call":
        return target(*args, **kwargs)
    if op == "callmethod":
        _check_name(ep, name)
        return getattr(target, name)(*args, **kwargs)
    if op == "methods":
        return _method_names(ep, type(target))
    if op not in OPERATIONS:
        raise ProtocolError(f"an unknown operation {op!r}")
    return OPERATIONS[op](target, *args)


def _field_names(record):
    import dataclasses  # loaded already: the record is a dataclass instance

    return [f.name for f in dataclasses.fields(record)]


def _method_names(ep, cls):
    """The plain methods of a class (what lets `handle.method(…)` be one request)."""
    names = {n for klass in cls.__mro__ for n, v in vars(klass).items() if isinstance(v, types.FunctionType)}
    return sorted(n for n in names if ep.trusts_peer or not n.startswith("_"))


def _check_name(ep, name):
    if type(name) is not str:
        raise ProtocolError("an attribute name that is not a string")
    if name.startswith("_") and not ep.trusts_peer and name not in ALWAYS_READABLE:
        raise AttributeError(f"{name!r} cannot be reached across the boundary")


def _import(ep, name):
    if type(name) is not str or not serves(ep, name):
        raise ModuleNotFoundError(f"No module named {name!r}", name=str(name))
    module = importlib.import_module(name)
    return [module, hasattr(module, "__path__")]


def serves(ep, name):
    return ep.served is None or name.partition(".")[0] in ep.served
