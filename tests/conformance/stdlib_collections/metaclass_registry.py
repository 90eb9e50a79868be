# Metaclasses as real programs use them: a registry filled by the metaclass's __new__,
# __init__ seeing the class namespace, a singleton through __call__ and super(), methods
# of the metaclass called on its classes, and the metaclass inherited by subclasses.
class PluginMeta(type):
    registry = {}

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.registry[ns.get("key", name.lower())] = cls
        return cls

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.methods = sorted(k for k, v in ns.items() if callable(v))

    def create(cls, *args):
        return cls(*args)

class Plugin(metaclass=PluginMeta):
    def run(self):
        return "base"

class Csv(Plugin):
    key = "csv"
    def run(self):
        return "csv!"
    def parse(self, text):
        return text.split(",")

class Json(Plugin):
    def run(self):
        return "json!"

print(sorted(PluginMeta.registry), type(Csv).__name__, type(Json) is PluginMeta)
print(Csv.methods, Json.methods, Plugin.methods)
for key in sorted(PluginMeta.registry):
    inst = PluginMeta.registry[key].create()
    print(key, inst.run(), isinstance(inst, Plugin))
print(Csv.create().parse("a,b"))

class Singleton(type):
    instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in Singleton.instances:
            Singleton.instances[cls] = super().__call__(*args, **kwargs)
        return Singleton.instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, name="default"):
        self.name = name

a = Config("first")
b = Config("second")
print(a is b, a.name, b.name, len(Singleton.instances))

Dynamic = PluginMeta("Dynamic", (Plugin,), {"run": lambda self: "dyn"})
print(Dynamic().run(), "dynamic" in PluginMeta.registry, Dynamic.methods)
try:
    class Broken(Plugin, metaclass=Singleton):
        pass
except TypeError as e:
    print(type(e).__name__, e)
