"""Heap queue algorithm (a.k.a. priority queue).

The primitives come from _heapq (written in Rust); merge, nsmallest and nlargest are
here, with the tie-breaking of CPython's heapq so results match it exactly.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'heappushpop',
           'heappush_max', 'heappop_max', 'heapify_max', 'heapreplace_max',
           'heappushpop_max', 'nlargest', 'nsmallest', 'merge']

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    heappush_max, heappop_max, heapify_max, heapreplace_max,
                    heappushpop_max)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted output (a generator)."""
    if reverse:
        make_heap, pop, replace, direction = heapify_max, heappop_max, heapreplace_max, -1
    else:
        make_heap, pop, replace, direction = heapify, heappop, heapreplace, 1
    if key is None:
        key = _identity
    # Entries are [key, order, value, next]; order breaks ties by input position.
    heap = []
    for order, iterable in enumerate(iterables):
        it = iter(iterable)
        step = it.__next__
        try:
            value = step()
        except StopIteration:
            continue
        heap.append([key(value), order * direction, value, step])
    make_heap(heap)
    while len(heap) > 1:
        entry = heap[0]
        yield entry[2]
        try:
            value = entry[3]()
        except StopIteration:
            pop(heap)
        else:
            entry[0] = key(value)
            entry[2] = value
            replace(heap, entry)
    if heap:
        _, _, value, step = heap[0]
        yield value
        while True:
            try:
                value = step()
            except StopIteration:
                return
            yield value


def _identity(x):
    return x


def _extreme(n, iterable, key, largest):
    """nlargest/nsmallest: a bounded heap of (key, order, value) entries."""
    if n == 1:
        sentinel = object()
        pick = max if largest else min
        result = pick(iter(iterable), default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    keyf = _identity if key is None else key
    step = -1 if largest else 1
    it = iter(iterable)
    # Orders 0, 1, 2... (or 0, -1, -2... for largest) keep equal keys stable.
    result = [(keyf(elem), i, elem) for i, elem in zip(range(0, n * step, step), it)]
    if not result:
        return result
    if largest:
        make_heap, replace = heapify, heapreplace
    else:
        make_heap, replace = heapify_max, heapreplace_max
    make_heap(result)
    top = result[0][0]
    order = n * step
    for elem in it:
        k = keyf(elem)
        if (top < k) if largest else (k < top):
            replace(result, (k, order, elem))
            top = result[0][0]
            order += step
    result.sort(reverse=largest)
    return [entry[2] for entry in result]


def nsmallest(n, iterable, key=None):
    """The n smallest elements: sorted(iterable, key=key)[:n]."""
    return _extreme(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest elements: sorted(iterable, key=key, reverse=True)[:n]."""
    return _extreme(n, iterable, key, True)
