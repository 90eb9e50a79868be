# ChainMap for layered lookups: command line over environment over defaults, nested
# scopes with new_child/parents, and writes going to the first mapping.
from collections import ChainMap

defaults = {"color": "red", "user": "guest", "debug": False}
env = {"user": "admin"}
cli = {"debug": True}
config = ChainMap(cli, env, defaults)
print(config["color"], config["user"], config["debug"], len(config), sorted(config))
print(config.get("missing", "n/a"), "user" in config, "x" in config)
config["color"] = "blue"
print(cli, defaults["color"], config.maps[0] is cli)
print(config)

scope = ChainMap({"x": 1})
inner = scope.new_child({"y": 2})
inner2 = inner.new_child(z=3)
inner2["x"] = 10
print(inner2["x"], inner2.parents["x"], inner2.parents.parents, dict(inner2))
print(len(inner2.maps), list(inner2.keys()), list(inner2.values()))
del inner2["x"]
print(inner2["x"])
try:
    del inner2["y"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    inner2["nope"]
except KeyError as e:
    print(type(e).__name__, e)
print(bool(ChainMap()), bool(ChainMap({}, {"a": 1})), ChainMap({}, {}).get("a"))
print(ChainMap({"a": 1}) | {"b": 2}, ChainMap.fromkeys("ab", 0))
