# Traceback through methods, a lambda and a recursive call.
class Processor:
    def __init__(self, data):
        self.data = data

    def run(self):
        return self.step(len(self.data))

    def step(self, n):
        if n == 0:
            return self.finish()
        return self.step(n - 1)

    def finish(self):
        transform = lambda v: v['missing']
        return transform({'present': 1})

print('start')
Processor([1, 2]).run()
