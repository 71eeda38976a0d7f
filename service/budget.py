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

import threading
import time
from contextlib import contextmanager

# Loops over words or sites poll the clock once per this many items (a few
# hundred microseconds of work at most between polls).
EVERY = 64


class Budget:
    """A deadline on the monotonic clock, or none (`seconds` None: unlimited).

    `hit` turns true the first time a poll finds the time spent: the pipeline
    reads it after each step to know whether that step stopped early.
    """

    def __init__(self, seconds: float | None, clock=time.monotonic, max_changes: int | None = None):
        self.seconds = seconds
        self.clock = clock
        self.deadline = None if seconds is None else clock() + seconds
        self.max_changes = max_changes
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

    def full(self, changes: int) -> bool:
        """True (and the step capped) once a step has made `max_changes` changes.

        >>> b = Budget(1.0, max_changes=2); b.full(1), b.full(2), b.capped
        (False, True, True)
        """
        if self.max_changes is None or changes < self.max_changes:
            return False
        self.note_cap()
        return True

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


# thread id -> monotonic start of the cleaning work it is doing now. The
# worker (service.worker) ends its process when the oldest is past gunicorn's
# timeout: the hard deadline behind the budget, for work that does not poll.
_work: dict = {}


@contextmanager
def watch():
    """Mark the calling thread as doing cleaning work (nested calls keep the outer start).

    >>> with watch():
    ...     oldest_work() is not None
    True
    >>> oldest_work() is None
    True
    """
    me = threading.get_ident()
    if me in _work:
        yield
        return
    _work[me] = time.monotonic()
    try:
        yield
    finally:
        _work.pop(me, None)


def oldest_work() -> float | None:
    """The start of the longest-running cleaning work in this process, or None."""
    return min(_work.values(), default=None)
