# The fixed part of every generated program: a sys.monitoring tool (two tool ids) whose
# callbacks log events and, driven by an LCG in the program (so every tier makes the
# same decisions), toggle instrumentation: set_events, set_local_events, DISABLE,
# restart_events, register_callback swaps, free_tool_id/use_tool_id.
import sys
mon = sys.monitoring
E = mon.events
TOOLS = [3, 4]
LOG = []
COUNTS = {}
TRACE = []
_S = [0]
LOCAL_POOL = [E.PY_START, E.PY_RESUME, E.PY_RETURN, E.PY_YIELD, E.CALL, E.LINE, E.INSTRUCTION, E.JUMP, E.BRANCH_LEFT, E.BRANCH_RIGHT, E.STOP_ITERATION]
GLOBAL_POOL = LOCAL_POOL + [E.RAISE, E.EXCEPTION_HANDLED, E.PY_UNWIND, E.PY_THROW, E.RERAISE, E.C_RETURN | E.C_RAISE | E.CALL]
NAMES = {E.PY_START: "PY_START", E.PY_RESUME: "PY_RESUME", E.PY_RETURN: "PY_RETURN", E.PY_YIELD: "PY_YIELD", E.CALL: "CALL", E.LINE: "LINE", E.INSTRUCTION: "INSTRUCTION", E.JUMP: "JUMP", E.BRANCH_LEFT: "BRANCH_LEFT", E.BRANCH_RIGHT: "BRANCH_RIGHT", E.STOP_ITERATION: "STOP_ITERATION", E.RAISE: "RAISE", E.EXCEPTION_HANDLED: "EXCEPTION_HANDLED", E.PY_UNWIND: "PY_UNWIND", E.PY_THROW: "PY_THROW", E.RERAISE: "RERAISE", E.C_RETURN: "C_RETURN", E.C_RAISE: "C_RAISE"}
FUNCS = []


def _rnd(n):
    _S[0] = (_S[0] * 1103515245 + 12345) % 2147483648
    return (_S[0] >> 8) % n


def _v(x):
    if x is None or type(x) in (int, float, str, bool):
        return x
    return getattr(x, "__name__", type(x).__name__)


def _mask(pool):
    m = 0
    for e in pool:
        if _rnd(4) == 0:
            m |= e
    return m


def _rec(tag, name, code, rest):
    COUNTS[name] = COUNTS.get(name, 0) + 1
    if len(LOG) < LOG_CAP:
        LOG.append((tag, name, code.co_name) + tuple([_v(x) for x in rest]))


def _act(local):
    r = _rnd(ACT_ODDS)
    if r > 8:
        return None
    t = TOOLS[_rnd(2)]
    try:
        if r == 0:
            mon.set_events(t, _mask(GLOBAL_POOL))
        elif r == 1 and FUNCS:
            mon.set_local_events(t, FUNCS[_rnd(len(FUNCS))].__code__, _mask(LOCAL_POOL))
        elif r == 2 and local:
            return mon.DISABLE
        elif r == 3:
            mon.restart_events()
        elif r == 4:
            ev = GLOBAL_POOL[_rnd(len(GLOBAL_POOL) - 1)]
            k = _rnd(3)
            mon.register_callback(t, ev, None if k == 0 else _make(NAMES[ev], ev in LOCAL_POOL, "alt" if k == 1 else "cb"))
        elif r == 5:
            mon.free_tool_id(t)
            _setup(t)
        elif r == 6:
            mon.set_events(t, 0)
        elif r == 7 and FUNCS:
            mon.set_local_events(t, FUNCS[_rnd(len(FUNCS))].__code__, 0)
        elif r == 8 and local:
            return mon.DISABLE
    except ValueError as e:
        _rec("err", str(e), _act.__code__, ())
    return None


class _Act:
    # Toggles from special methods: compiled code must notice a change made there
    # as it notices one made in a call.
    def __add__(self, other):
        _act(False)
        return other

    def __neg__(self):
        _act(False)
        return 0

    def __lt__(self, other):
        _act(False)
        return _rnd(2) == 0

    def __bool__(self):
        _act(False)
        return _rnd(2) == 0

    def __iter__(self):
        _act(False)
        return iter(range(_rnd(3)))


ACT = _Act()


def _make(name, local, tag):
    def cb(code, *rest):
        _rec(tag, name, code, rest)
        return _act(local)
    return cb


def _setup(t):
    if mon.get_tool(t) is None:
        mon.use_tool_id(t, "fuzz")
    for ev in NAMES:
        mon.register_callback(t, ev, _make(NAMES[ev], ev in LOCAL_POOL, "cb"))


def _report():
    for t in TOOLS:
        if mon.get_tool(t) is not None:
            mon.free_tool_id(t)
    for entry in LOG:
        print(entry)
    print(sorted(COUNTS.items()))
    print(len(TRACE), TRACE[:100])
