# deque as a FIFO work queue and a round-robin scheduler (rotate), with appendleft
# for urgent jobs and popleft until empty.
from collections import deque

jobs = deque()
for name in ["compile", "test", "package"]:
    jobs.append(name)
jobs.appendleft("fetch")
print(jobs, len(jobs))
done = []
while jobs:
    done.append(jobs.popleft())
print(done, jobs, bool(jobs))

# Round-robin: each task needs some time slices; the head runs one slice then goes back.
tasks = deque([["a", 3], ["b", 1], ["c", 2]])
order = []
while tasks:
    task = tasks[0]
    task[1] -= 1
    order.append(task[0])
    if task[1] == 0:
        tasks.popleft()
    else:
        tasks.rotate(-1)
print("".join(order))

# A stack from the other end, and extend/extendleft.
stack = deque("xyz")
stack.extend("12")
stack.extendleft("ab")
print(stack, stack.pop(), stack.popleft(), stack)
stack.rotate(2)
print(stack, stack[0], stack[-1], list(reversed(stack)))
stack.rotate(-5)
print(stack)
