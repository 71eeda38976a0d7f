"""A request's time budget: the pipeline and the long loops of its steps poll it.

What a step had not reached when the budget ran out is returned untouched
(its changes so far are kept: they are non-overlapping and final), the steps
after it are not run, and the result says which steps are incomplete. A poll
costs one clock read; loops poll every `EVERY` items.

>>> b = Budget(None); b.expired(), b.hit
(False, False)
>>> b = Budget(0.0); b.expired(), b.hit
(True, True)
"""
from __future__ import annotations

import time

# Loops over words or sites poll the clock once per this many items (a few
# hundred microseconds of work at most between polls).
EVERY = 64


class Budget:
    """A deadline on the monotonic clock, or none (`seconds` None: unlimited).

    `hit` turns true the first time a poll finds the time spent: the pipeline
    reads it after each step to know whether that step stopped early.
    """

    def __init__(self, seconds: float | None, clock=time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.deadline = None if seconds is None else clock() + seconds
        self.hit = False
        self.capped = False

    def expired(self) -> bool:
        if self.deadline is None or self.clock() < self.deadline:
            return False
        self.hit = True
        return True

    def note_cap(self) -> None:
        """A step stopped at a cap on its work (not the clock): it is reported incomplete too."""
        self.hit = True
        self.capped = True

    def every(self, i: int) -> bool:
        """expired(), polled only on every EVERY-th item of a loop.

        >>> b = Budget(0.0); b.every(1), b.every(EVERY)
        (False, True)
        """
        return i % EVERY == 0 and self.expired()


class _Unlimited(Budget):
    """The budget of a call that set none: shared, so it records nothing."""

    def note_cap(self) -> None:
        pass


UNLIMITED = _Unlimited(None)
