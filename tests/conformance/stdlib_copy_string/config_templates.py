# Configuration defaults copied and overridden per environment, rendered with
# string.Template.
import copy
import string

DEFAULTS = {
    "name": "service",
    "ports": [80, 443],
    "db": {"host": "localhost", "pool": {"min": 1, "max": 5}},
}


def make_env(**overrides):
    cfg = copy.deepcopy(DEFAULTS)
    for dotted, value in overrides.items():
        *path, last = dotted.split("__")
        node = cfg
        for key in path:
            node = node[key]
        node[last] = value
    return cfg


prod = make_env(db__host="db.internal", db__pool__max=50, name="api")
dev = make_env()
dev["ports"].append(8080)
print(prod)
print(dev)
print(DEFAULTS["ports"], DEFAULTS["db"]["pool"], prod["db"] is DEFAULTS["db"])

shallow = copy.copy(DEFAULTS)
shallow["ports"].append(9999)
print(DEFAULTS["ports"], shallow is DEFAULTS)
DEFAULTS["ports"].pop()

tmpl = string.Template("""[$name]
host = ${host}
pool = $min..$max
cost = $$0""")
for env in (prod, dev):
    values = {"name": env["name"], "host": env["db"]["host"]}
    values.update(env["db"]["pool"])
    print(tmpl.substitute(values))
print(tmpl.safe_substitute(name="partial"))
print(string.capwords(" ".join(sorted(prod))), tmpl.get_identifiers())
try:
    tmpl.substitute(name="x")
except KeyError as e:
    print("missing key", e)
