# An exception raised several frames deep shows every frame in the traceback.
def parse(record):
    key, value = record.split('=')
    return key, int(value)

def load(records):
    result = {}
    for r in records:
        k, v = parse(r)
        result[k] = v
    return result

def main():
    print(load(['a=1', 'b=2']))
    print(load(['c=3', 'd=four']))

main()
