# Uncaught AttributeError on a class object.
class Config:
    debug = False
print(Config.debug)
Config.verbose
