"""A least-recently-used cache bounded in estimated bytes as well as in entries.

`functools.lru_cache(256)` bounds how many values it keeps, not how large they
are: 256 compiled name lists of a request's 1000 names could hold gigabytes.
Here each value is weighed when it is stored (`size_of`, an estimate), and the
oldest values are dropped until the total fits; a value larger than the whole
budget is returned but not kept.

>>> cache = SizedCache(max_bytes=10, max_entries=3)
>>> cache.get_or_build("a", lambda: "aaaa", len), cache.get_or_build("b", lambda: "bbbbbb", len)
('aaaa', 'bbbbbb')
>>> cache.get_or_build("c", lambda: "cc", len) and sorted(cache.keys())   # 12 bytes: "a" goes
['b', 'c']
>>> cache.get_or_build("huge", lambda: "x" * 50, len) and sorted(cache.keys())
['b', 'c']
>>> cache.total_bytes
8
"""
from __future__ import annotations

import threading
from collections import OrderedDict


class SizedCache:
    """get_or_build(key, build, size_of): the cached value, or build() stored with its weight."""

    def __init__(self, max_bytes: int, max_entries: int):
        self.max_bytes, self.max_entries = max_bytes, max_entries
        self._items: OrderedDict = OrderedDict()  # key -> (value, bytes)
        self._lock = threading.Lock()
        self.total_bytes = 0

    def keys(self) -> list:
        with self._lock:
            return list(self._items)

    def get_or_build(self, key, build, size_of):
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit[0]
        value = build()  # outside the lock: another thread may build the same; the last one stays
        size = size_of(value)
        if size > self.max_bytes:
            return value
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.total_bytes -= old[1]
            self._items[key] = (value, size)
            self.total_bytes += size
            while self._items and (self.total_bytes > self.max_bytes or len(self._items) > self.max_entries):
                _, (_, dropped) = self._items.popitem(last=False)
                self.total_bytes -= dropped
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.total_bytes = 0
