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

# A page's extraction may take at most this share of its request's budget: the steps,
# which the service is for, keep the rest and whatever extraction leaves.
EXTRACTION_SHARE = 0.5
# A page of fewer characters than this is extracted whole, whatever the clock: its cost is
# bounded by its size (under a second on one idle core, a few seconds on a loaded one), and a
# scraper gets the same article from it under any load. Only bigger pages (about 1 in 8 of
# WCXB's) are polled against their share, so a huge or hostile page cannot hold a worker.
POLLED_PAGE_CHARS = 500_000
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

class Spent(Exception):
    """The budget ran out inside work that answers all or nothing (the chrome step reads the whole page)."""


def polled(items, budget: Budget):
    """`items`, raising Spent once `budget` is past its deadline (polled every EVERY items).

    >>> list(polled("ab", Budget(None)))
    ['a', 'b']
    >>> list(polled("ab", Budget(0.0)))
    Traceback (most recent call last):
    ...
    service.budget.Spent
    """
    for i, item in enumerate(items):
        if budget.every(i):
            raise Spent
        yield item


class Stages:
    """Optional stages of one piece of work, each run only while `budget` has time left.

    A stage found past the deadline is not run: its `default` stands for it
    and its name is kept in `skipped`, for the response to say (`spent_report`).
    The stages that must run (what holds the result) are called directly.

    >>> stages = Stages(Budget(0.0)); stages.run("vote", lambda: "b", "a"), stages.skipped
    ('a', ['vote'])
    >>> Stages(Budget(None)).run("vote", lambda: "b", "a")
    'b'
    """

    def __init__(self, budget: Budget):
        self.budget = budget
        self.skipped: list[str] = []

    def run(self, name: str, work, default):
        if self.budget.expired():
            self.skipped.append(name)
            return default
        return work()


# What a response says of work cut short by its budget (the pipeline's steps, a page's extraction).
SPENT_MESSAGE = ("these steps did not finish (time budget or cap on their work); "
                 "the text they had not reached is returned untouched")


def spent_report(clock: Budget, seconds: float | None, steps: list) -> dict:
    """The `incomplete` block of work that `clock` cut short: why, the budget, the steps that stopped or did not run.

    >>> spent_report(Budget(0.0), 0.0, ["extract"])["reason"], spent_report(Budget(5.0), 5.0, ["spelling"])["reason"]
    ('time_budget', 'cost_cap')
    """
    return {"reason": "time_budget" if clock.deadline is not None and clock.expired() else "cost_cap",
            "budget_ms": None if seconds is None else round(seconds * 1000), "steps": steps,
            "message": SPENT_MESSAGE}


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
