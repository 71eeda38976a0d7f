"""Rate limiting per API key or client address: a token bucket per client, per worker.

Off by default; COPYDESK_RATE_LIMIT="100/minute" turns it on. Each gunicorn worker
keeps its own buckets (no shared storage), so with W workers a client may get up to
W times the rate in the worst case; it is a guard against one client flooding the
service, not an accounting tool. A refused request gets 429 with the JSON error shape
and Retry-After (whole seconds).

>>> parse_rate("100/minute")
(100, 60.0)
>>> limiter = RateLimiter(2, 60.0)
>>> [limiter.allow("a", now=0.0) for _ in range(3)], limiter.allow("b", now=0.0)
([0.0, 0.0, 30.0], 0.0)
>>> limiter.allow("a", now=30.0)
0.0
"""
from __future__ import annotations

import threading
from collections import OrderedDict

_PERIODS = {"second": 1.0, "minute": 60.0, "hour": 3600.0}
MAX_CLIENTS = 10_000  # buckets kept; the least recently seen client's is forgotten first


def parse_rate(raw: str) -> tuple[int, float]:
    """(requests, seconds) of "N/second|minute|hour"; ValueError if it is not that."""
    count, _, period = raw.strip().partition("/")
    seconds = _PERIODS.get(period.strip().lower())
    if not count.strip().isdigit() or seconds is None or int(count) < 1 or len(count.strip()) > 9:
        raise ValueError(f"expected N/second, N/minute or N/hour, got {raw!r}")
    return int(count), seconds


class RateLimiter:
    """allow(client) -> 0.0 if the request may go on, else the seconds until it may."""

    def __init__(self, count: int, seconds: float):
        self.capacity = float(count)
        self.per_second = count / seconds
        self._buckets: OrderedDict = OrderedDict()  # client -> (tokens, last time)
        self._lock = threading.Lock()

    def allow(self, client: str, now: float) -> float:
        with self._lock:
            tokens, last = self._buckets.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.per_second)
            wait = 0.0
            if tokens >= 1.0:
                tokens -= 1.0
            else:
                wait = (1.0 - tokens) / self.per_second
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
            return wait
