from __future__ import annotations
import __future__
print(__future__.annotations, __future__.__name__)
def f(x: int) -> list[int]:
    return [x]
print(f(3), f.__annotations__ if False else "")
