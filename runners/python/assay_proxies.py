"""What one side holds of the other side's objects: handles, records and modules.

A handle forwards attribute access, calls, iteration, len, indexing, `in`, `with` and repr to the
process that owns the object. What decides a test stays with the holder: a handle equals only itself,
hashes by identity, is always true, and has no order; a remote `with` block may not swallow a failed
assertion.
"""
import importlib.machinery
import types

# Dunder names worth asking the owner for; others (probes such as __fspath__ or __array__) are not there.
REMOTE_DUNDERS = {"__name__", "__qualname__", "__doc__", "__module__"}


class Handle:
    __slots__ = ("_endpoint", "_id", "_type", "__weakref__")

    def __init__(self, endpoint, eid, type_id):
        object.__setattr__(self, "_endpoint", endpoint)
        object.__setattr__(self, "_id", eid)
        # The owner's number for the object's class: what its methods are is asked once per class.
        object.__setattr__(self, "_type", type_id)

    def _ask(self, op, name=None, args=()):
        return self._endpoint.request(op, self._id, name, args)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__") and name not in REMOTE_DUNDERS:
            raise AttributeError(name)
        if name in self._endpoint.methods(self):
            return BoundMethod(self, name)
        return self._ask("getattr", name)

    def __setattr__(self, name, value):
        self._ask("setattr", name, (value,))

    def __delattr__(self, name):
        self._ask("delattr", name)

    def __call__(self, *args, **kwargs):
        return self._endpoint.request("call", self._id, None, args, kwargs)

    def __len__(self):
        return self._ask("len")

    def __iter__(self):
        return self._ask("iter")

    def __next__(self):
        return self._ask("next")

    def __getitem__(self, key):
        return self._ask("getitem", None, (key,))

    def __setitem__(self, key, value):
        self._ask("setitem", None, (key, value))

    def __delitem__(self, key):
        self._ask("delitem", None, (key,))

    def __contains__(self, item):
        return self._ask("contains", None, (item,)) is True

    def __enter__(self):
        return self._ask("enter")

    def __exit__(self, kind, exc, _traceback):
        swallowed = self._ask("exit", None, (kind, exc, None)) is True
        # The owner may suppress its own kind of error, never a failed check of the code holding it.
        return swallowed and (exc is None or (isinstance(exc, Exception) and not isinstance(exc, AssertionError)))

    def __instancecheck__(self, obj):
        return self._ask("isinstance", None, (obj,)) is True

    def __subclasscheck__(self, cls):
        return self._ask("issubclass", None, (cls,)) is True

    def __repr__(self):
        text = self._ask("repr")
        return text if type(text) is str else "<remote object>"

    def __str__(self):
        text = self._ask("str")
        return text if type(text) is str else "<remote object>"

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    __hash__ = object.__hash__

    def __bool__(self):
        return True

    def __reduce_ex__(self, _protocol):
        raise TypeError("a remote object cannot be pickled or copied")


class BoundMethod:
    """`handle.method`, known to be a method of the object's class: a call is one request, not two."""

    __slots__ = ("_handle", "_name")

    def __init__(self, handle, name):
        self._handle = handle
        self._name = name

    def __call__(self, *args, **kwargs):
        return self._handle._endpoint.request("callmethod", self._handle._id, self._name, args, kwargs)

    def __eq__(self, other):
        return type(other) is BoundMethod and other._handle is self._handle and other._name == self._name

    def __hash__(self):
        return hash((id(self._handle), self._name))

    def __repr__(self):
        return f"<remote method {self._name}>"


class RecordHandle(Handle):
    """A dataclass instance of the other side, equal to another of the same class with equal fields.

    A frozen one's fields come with it; a mutable one's are read afresh whenever compared or read.
    """

    __slots__ = ("_cls", "_names", "_snapshot")

    def __init__(self, endpoint, eid, type_id, cls, names, snapshot):
        super().__init__(endpoint, eid, type_id)
        for slot, value in (("_cls", cls), ("_names", names), ("_snapshot", snapshot)):
            object.__setattr__(self, slot, value)

    def _fields(self):
        if self._snapshot is not None:
            return self._snapshot
        values = self._ask("fields")
        return dict(zip(self._names, values)) if type(values) is list else {}

    def __getattr__(self, name):
        if self._snapshot is not None and name in self._snapshot:
            return self._snapshot[name]
        return super().__getattr__(name)

    def __eq__(self, other):
        if other is self:
            return True
        if type(other) is not RecordHandle or other._cls is not self._cls:
            return False
        return self._fields() == other._fields()

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        if self._snapshot is None:
            raise TypeError("a mutable record is unhashable")
        return hash((id(self._cls), tuple(self._snapshot.values())))

    def __repr__(self):
        if self._snapshot is None:
            return super().__repr__()
        name = self._cls.__qualname__ if isinstance(self._cls, Handle) else "record"
        return f"{name}({', '.join(f'{k}={v!r}' for k, v in self._snapshot.items())})"


class RemoteModule(types.ModuleType):
    """A module of the other side: its attributes are read from there."""

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__dict__["_assay_handle"], name)


class RemoteModules:
    """An import hook, last on sys.meta_path: `names` (and their submodules) are imported over there."""

    def __init__(self, endpoint, names):
        self._endpoint = endpoint
        self._names = frozenset(names)
        self._handles = {}

    def find_spec(self, fullname, path=None, target=None):
        if fullname.partition(".")[0] not in self._names:
            return None
        handle, is_package = self._endpoint.request("import", None, fullname)
        self._handles[fullname] = handle
        return importlib.machinery.ModuleSpec(fullname, self, is_package=is_package is True)

    def create_module(self, spec):
        module = RemoteModule(spec.name)
        module.__dict__["_assay_handle"] = self._handles.pop(spec.name)
        return module

    def exec_module(self, module):
        pass
