"""The strict encoding of values crossing the boundary (docs/runner-contract.md, "The Python boundary").

Only values of these exact types cross as data, rebuilt by the receiver from JSON it parsed itself:
None, bool, int, float, str, bytes, list, tuple, dict, set, frozenset, Decimal, date, time, datetime
(with a fixed offset or a named zone), timedelta. A subclass of any of them is not data: its __eq__
could answer anything. Dataclass instances cross as records (compared by class and fields, by the
receiver); exceptions and exception classes are rebuilt (assay_exceptions). Everything else stays
where it lives and crosses as a handle, whose every use is a request back to its owner.
"""
import binascii
import sys
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, DecimalException

import assay_exceptions
from assay_wire import ProtocolError

MAX_DEPTH = 100
SCALARS = (type(None), bool, int, float, str)


def encode(ep, value, depth=0):
    kind = type(value)
    if kind in SCALARS:
        return value
    if depth > MAX_DEPTH:
        raise ValueError("a value nested too deeply to cross the boundary")
    depth += 1
    if kind is list:
        return [encode(ep, v, depth) for v in value]
    if kind is tuple or kind is set or kind is frozenset:
        return {"#": TAG_OF[kind], "v": [encode(ep, v, depth) for v in value]}
    if kind is dict:
        return {"#": "d", "v": [[encode(ep, k, depth), encode(ep, v, depth)] for k, v in value.items()]}
    if kind is bytes:
        return {"#": "b", "v": binascii.b2a_base64(value, newline=False).decode()}
    if kind is Decimal:
        return {"#": "D", "v": str(value)}
    if kind is timedelta:
        return {"#": "td", "v": [value.days, value.seconds, value.microseconds]}
    if kind is date:
        return {"#": "da", "v": [value.year, value.month, value.day]}
    if (kind is datetime or kind is time) and _zone(value.tzinfo) is not _OTHER:
        return _encode_clock(value, kind)
    own = ep.own_proxy_id(value)
    if own is not None:
        return {"#": "y", "v": own}
    if isinstance(value, BaseException):
        return assay_exceptions.encode_exception(ep, value)
    if isinstance(value, type) and issubclass(value, BaseException):
        return assay_exceptions.encode_class(ep, value)
    # A dataclass instance (dataclasses is then loaded already: the solution's process imports it only then).
    if hasattr(type(value), "__dataclass_fields__") and not isinstance(value, type):
        return _encode_record(ep, value, depth)
    return {"#": "h", "v": ep.export(value), "t": ep.type_id(type(value))}


def decode(ep, data, depth=0):
    if type(data) in SCALARS:
        return data
    if depth > MAX_DEPTH:
        raise ProtocolError("a value nested too deeply")
    depth += 1
    if type(data) is list:
        return [decode(ep, v, depth) for v in data]
    if type(data) is not dict:
        raise ProtocolError("not an encoded value")
    tag, v = data.get("#"), data.get("v")
    try:
        if tag in KIND_OF:
            return KIND_OF[tag](decode(ep, item, depth) for item in _list(v))
        if tag == "d":
            return {decode(ep, k, depth): decode(ep, val, depth) for k, val in (_pair(p) for p in _list(v))}
        if tag in SIMPLE:
            return SIMPLE[tag](v)
        if tag == "dt" or tag == "ti":
            return _decode_clock(tag, _list(v), data.get("z"))
    except (TypeError, ValueError, OverflowError, DecimalException) as err:
        raise ProtocolError(f"a malformed {tag!r} value: {err}") from None
    if tag == "y":
        return ep.exported(v)
    if tag == "h":
        return ep.proxy(v, data.get("t"))
    if tag == "r":
        return ep.record(v, data.get("t"), decode(ep, data.get("c"), depth), _names(data.get("f")), data.get("s"))
    if tag in assay_exceptions.TAGS:
        return assay_exceptions.decode(ep, data, depth)
    raise ProtocolError(f"an unknown value tag {tag!r}")


def decode_fields(ep, names, values, depth=0):
    """A record's field values, by name, from their encoded list."""
    values = _list(values)
    if len(values) != len(names):
        raise ProtocolError("a record's fields and values differ in number")
    return dict(zip(names, (decode(ep, v, depth + 1) for v in values)))


def _encode_record(ep, value, depth):
    import dataclasses

    names = [f.name for f in dataclasses.fields(value)]
    # Only a frozen record's fields can be copied once; a mutable one's are read from it when compared.
    frozen = type(value).__dataclass_params__.frozen
    snapshot = [encode(ep, getattr(value, n), depth) for n in names] if frozen else None
    return {"#": "r", "v": ep.export(value), "t": ep.type_id(type(value)), "c": encode(ep, type(value), depth),
            "f": names, "s": snapshot}


_OTHER = object()


def _zone(tz):
    """A tzinfo as data: null, a fixed offset [days, seconds, µs, name], or a zone key; else _OTHER."""
    if tz is None:
        return None
    if type(tz) is timezone:
        offset = tz.utcoffset(None)
        name = tz.tzname(None)
        return {"o": [offset.days, offset.seconds, offset.microseconds], "n": None if tz is timezone.utc else name}
    zoneinfo = sys.modules.get("zoneinfo")  # no ZoneInfo exists unless something loaded it
    if zoneinfo is not None and type(tz) is zoneinfo.ZoneInfo and tz.key is not None:
        return {"k": tz.key}
    return _OTHER


def _encode_clock(value, kind):
    fields = [value.hour, value.minute, value.second, value.microsecond, value.fold]
    if kind is datetime:
        fields = [value.year, value.month, value.day] + fields
    return {"#": "dt" if kind is datetime else "ti", "v": fields, "z": _zone(value.tzinfo)}


def _decode_zone(z):
    if z is None:
        return None
    if type(z) is dict and "o" in z:
        offset = timedelta(*_ints(z["o"], 3))
        return timezone.utc if offset == timedelta(0) and z.get("n") is None else (
            timezone(offset) if z.get("n") is None else timezone(offset, _str(z["n"])))
    if type(z) is dict and "k" in z:
        from zoneinfo import ZoneInfo

        return ZoneInfo(_str(z["k"]))
    raise ValueError("not a time zone")


def _decode_clock(tag, v, z):
    fields = _ints(v, 8 if tag == "dt" else 5)
    *moment, fold = fields
    return (datetime if tag == "dt" else time)(*moment, tzinfo=_decode_zone(z), fold=fold)


def _list(v):
    if type(v) is not list:
        raise ProtocolError("expected a list")
    return v


def _pair(p):
    if type(p) is not list or len(p) != 2:
        raise ProtocolError("expected a key and a value")
    return p


def _names(v):
    names = _list(v)
    if not all(type(n) is str for n in names):
        raise ProtocolError("field names must be strings")
    return names


def _ints(v, count):
    if type(v) is not list or len(v) != count or not all(type(i) is int for i in v):
        raise ValueError(f"expected {count} integers")
    return v


def _str(v):
    if type(v) is not str:
        raise ValueError("expected a string")
    return v


TAG_OF = {tuple: "t", set: "s", frozenset: "f"}
KIND_OF = {"t": tuple, "s": set, "f": frozenset}
SIMPLE = {
    "b": lambda v: binascii.a2b_base64(_str(v).encode("ascii"), strict_mode=True),
    "D": lambda v: Decimal(_str(v)),
    "td": lambda v: timedelta(*_ints(v, 3)),
    "da": lambda v: date(*_ints(v, 3)),
}
