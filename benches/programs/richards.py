# richards: Martin Richards' operating-system scheduler simulation, written in
# an object-oriented style. Six tasks (idle, worker, two handlers, two devices)
# exchange packets through a priority scheduler. Each simulation must end with
# queue_count == 23246 and hold_count == 9297 (the reference values).
import sys

ID_IDLE = 0
ID_WORKER = 1
ID_HANDLER_A = 2
ID_HANDLER_B = 3
ID_DEVICE_A = 4
ID_DEVICE_B = 5
TASK_COUNT = 6

KIND_DEVICE = 0
KIND_WORK = 1

BUFFER_SIZE = 3  # each packet carries BUFFER_SIZE + 1 data items
IDLE_ITERATIONS = 10000
EXPECTED_QUEUE_COUNT = 23246
EXPECTED_HOLD_COUNT = 9297

ALPHABET = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Packet:
    def __init__(self, link, dest, kind):
        self.link = link
        self.dest = dest
        self.kind = kind
        self.datum = 0
        self.data = [0] * (BUFFER_SIZE + 1)

    def append_to(self, queue):
        """Append self at the end of the linked queue `queue`; return the head."""
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue

    def __repr__(self):
        return "Packet(dest=%d, kind=%d, datum=%d)" % (self.dest, self.kind, self.datum)


class Task:
    """A task control block. Its state is three flags: a packet is pending,
    the task is waiting for a packet, and the task is held."""

    def __init__(self, sched, ident, priority, queue, waiting):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = waiting
        self.held = False
        self.next = sched.task_list
        sched.task_list = self
        sched.tasks[ident] = self

    @property
    def runnable(self):
        if self.held:
            return False
        return self.packet_pending or not self.waiting

    @property
    def waiting_with_packet(self):
        return self.packet_pending and self.waiting and not self.held

    def take_packet(self):
        pkt = self.queue
        self.queue = pkt.link
        self.packet_pending = self.queue is not None
        self.waiting = False
        return pkt

    def add_packet(self, pkt, current):
        """Deliver pkt to this task; return the task that should run next."""
        if self.queue is None:
            self.queue = pkt
            self.packet_pending = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return current

    def run(self, pkt):
        raise NotImplementedError("Task.run")


class IdleTask(Task):
    def __init__(self, sched, ident, priority, queue, count):
        super().__init__(sched, ident, priority, queue, False)
        self.seed = 1
        self.count = count

    def run(self, pkt):
        s = self.sched
        self.count -= 1
        if self.count == 0:
            return s.hold_self()
        if self.seed & 1 == 0:
            self.seed = (self.seed >> 1) & 0x7FFF
            return s.release(ID_DEVICE_A)
        self.seed = ((self.seed >> 1) & 0x7FFF) ^ 0xD008
        return s.release(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, True)
        self.destination = ID_HANDLER_A
        self.letter = 0

    def run(self, pkt):
        s = self.sched
        if pkt is None:
            return s.wait()
        if self.destination == ID_HANDLER_A:
            self.destination = ID_HANDLER_B
        else:
            self.destination = ID_HANDLER_A
        pkt.dest = self.destination
        pkt.datum = 0
        data = pkt.data
        for i in range(BUFFER_SIZE + 1):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = ord(ALPHABET[self.letter])
        return s.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, True)
        self.work_queue = None
        self.device_queue = None

    def run(self, pkt):
        s = self.sched
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_queue = pkt.append_to(self.work_queue)
            else:
                self.device_queue = pkt.append_to(self.device_queue)
        work = self.work_queue
        if work is not None:
            count = work.datum
            if count > BUFFER_SIZE:
                self.work_queue = work.link
                return s.queue_packet(work)
            dev = self.device_queue
            if dev is not None:
                self.device_queue = dev.link
                dev.datum = work.data[count]
                work.datum = count + 1
                return s.queue_packet(dev)
        return s.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, True)
        self.pending = None

    def run(self, pkt):
        s = self.sched
        if pkt is None:
            if self.pending is None:
                return s.wait()
            p = self.pending
            self.pending = None
            return s.queue_packet(p)
        self.pending = pkt
        s.output_sum = (s.output_sum * 7 + pkt.datum) % 1000003
        return s.hold_self()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * TASK_COUNT
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.output_sum = 0

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.next

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue_packet(self, pkt):
        t = self.tasks[pkt.dest]
        self.queue_count += 1
        pkt.link = None
        pkt.dest = self.current.ident
        return t.add_packet(pkt, self.current)

    def schedule(self):
        t = self.task_list
        while t is not None:
            pkt = None
            if t.waiting_with_packet:
                pkt = t.take_packet()
            if t.runnable:
                self.current = t
                t = t.run(pkt)
            else:
                t = t.next


def simulate():
    s = Scheduler()
    IdleTask(s, ID_IDLE, 0, None, IDLE_ITERATIONS)

    q = Packet(None, ID_IDLE, KIND_WORK)
    q = Packet(q, ID_IDLE, KIND_WORK)
    WorkerTask(s, ID_WORKER, 1000, q)

    q = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_A, KIND_DEVICE)
    HandlerTask(s, ID_HANDLER_A, 2000, q)

    q = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    q = Packet(q, ID_DEVICE_B, KIND_DEVICE)
    HandlerTask(s, ID_HANDLER_B, 3000, q)

    DeviceTask(s, ID_DEVICE_A, 4000, None)
    DeviceTask(s, ID_DEVICE_B, 5000, None)

    s.schedule()
    return s


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    total_queue = 0
    total_hold = 0
    out = 0
    for _ in range(iterations):
        s = simulate()
        if s.queue_count != EXPECTED_QUEUE_COUNT or s.hold_count != EXPECTED_HOLD_COUNT:
            print(f"richards: wrong result queue={s.queue_count} hold={s.hold_count}")
            sys.exit(1)
        total_queue += s.queue_count
        total_hold += s.hold_count
        out = (out * 31 + s.output_sum) % 1000000007
    print(f"richards x{iterations}: queue={total_queue} hold={total_hold}")
    print(f"checksum: {total_queue} {total_hold} {out}")


main()
