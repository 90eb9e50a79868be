"""Generic (shallow and deep) copying operations.

copy(x) makes a shallow copy, deepcopy(x) a deep one (sharing and cycles preserved
through the memo dict). Classes control copying with __copy__ and __deepcopy__, or with
__reduce_ex__/__reduce__, __getnewargs__, __getstate__ and __setstate__, as in CPython.
Instances without those are rebuilt the way object.__reduce_ex__(4) describes them:
cls.__new__(cls), then their __dict__ and __slots__ values (and the items of list and
dict subclasses).
"""

__all__ = ["Error", "copy", "deepcopy", "replace"]


class Error(Exception):
    pass


error = Error   # backward compatibility


def _f():
    pass


class _C:
    def _m(self):
        pass


_FunctionType = type(_f)
_MethodType = type(_C()._m)
_BuiltinFunctionType = type(len)

_copy_atomic_types = {type(None), int, float, bool, str, tuple, frozenset,
                      type, range, slice, property, _BuiltinFunctionType,
                      type(Ellipsis), type(NotImplemented), _FunctionType, super}
_copy_builtin_containers = {list, dict, set}


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _copy_atomic_types:
        return x
    if cls in _copy_builtin_containers:
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


_atomic_types = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
                 str, type, range, _BuiltinFunctionType, _FunctionType,
                 property}


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic_types:
        return x
    d = id(x)
    if memo is None:
        memo = {}
    else:
        y = memo.get(d, _nil)
        if y is not _nil:
            return y
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls, "deep")
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # A cycle through this tuple may already have made its copy.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    # The function bound to a copy of its instance (type(x)(func, obj) in CPython).
    return x.__func__.__get__(deepcopy(x.__self__, memo))


_deepcopy_dispatch = {list: _deepcopy_list, tuple: _deepcopy_tuple,
                      dict: _deepcopy_dict, _MethodType: _deepcopy_method}


def _keep_alive(x, memo):
    """Keeps x alive as long as the memo (memo entries are keyed by id)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduce(x, cls, kind):
    """x.__reduce_ex__(4): the class's own reduction, or object's."""
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    return _object_reduce(x, cls)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _slotnames(cls):
    """Names of the __slots__ of cls and its bases, private names mangled."""
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get("__slots__")
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                stripped = c.__name__.lstrip("_")
                if stripped:
                    name = "_%s%s" % (stripped, name)
            names.append(name)
    return names


def _object_reduce(x, cls):
    """What object.__reduce_ex__(4) gives for x."""
    if cls in (set, frozenset) or issubclass(cls, (set, frozenset)):
        state = getattr(x, "__dict__", None) or None
        return cls, (list(x),), state
    slots = _slotnames(cls)
    if not slots and not hasattr(x, "__dict__"):
        name = cls.__qualname__
        if cls.__module__ != "builtins":
            name = cls.__module__ + "." + name
        raise TypeError("cannot pickle %r object" % name)
    getnewargs = getattr(x, "__getnewargs__", None)
    args = (cls,) + tuple(getnewargs()) if getnewargs is not None else (cls,)
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        state = getstate()
    else:
        state = getattr(x, "__dict__", None) or None
        if slots:
            slotstate = {}
            for name in slots:
                try:
                    slotstate[name] = getattr(x, name)
                except AttributeError:
                    pass
            if slotstate:
                state = (state, slotstate)
        if not state:
            state = None
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, args, state, listitems, dictitems


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def replace(obj, /, **changes):
    """A new object replacing specified fields with new values (obj.__replace__)."""
    cls = obj.__class__
    func = getattr(cls, "__replace__", None)
    if func is None:
        raise TypeError(f"replace() does not support {cls.__name__} objects")
    return func(obj, **changes)
