"""Bounded cost (issues 16 and 19): every step linear in its input, a time budget per
request inside the pipeline, cost per unknown word bounded, and a worker model that
neither a runaway request nor slow clients can pin.

Ceilings are generous (a busy 2-core CI machine must not make them flaky) and far
below what the old quadratic paths took, so they still fail those.
"""
from __future__ import annotations

import time

import pytest

from service import clean
from service.pipeline import default_resources


@pytest.fixture(scope="module")
def resources():
    return default_resources()


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


# --- row 1: no backtracking pattern, no quadratic windows in `unicode` -------------------------

@pytest.mark.parametrize("text", [
    "\u200b" * 90_000 + "x",        # spacer-line pattern backtracked: ~50 s
    "\u200c" * 192_000,             # one window search per character: 20-32 s
    "a" + "\u0301" * 600_000,       # 600k combining marks: 69 s
    "\u00e9a" * 100_000,            # many matches, no space
], ids=["zwsp", "zwnj", "combining", "no-spaces"])
def test_unicode_step_is_linear_on_long_invisible_runs(resources, text):
    result, elapsed = timed(clean, text, steps=["unicode"], resources=resources)
    assert elapsed < 8.0, f"unicode took {elapsed:.1f}s on {len(text)} characters"


def test_zero_width_flood_cleans_through_every_step_in_seconds(resources):
    text = "\u200b" * 90_000 + "x"
    result, elapsed = timed(clean, text, resources=resources)
    assert "\u200b" not in result.text
    assert elapsed < 5.0, f"{elapsed:.1f}s"
