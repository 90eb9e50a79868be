# Uncaught KeyError with a string key from dict subscription.
config = {'host': 'localhost', 'port': 8080}
print(config['host'], config['port'])
print(config['user'])
