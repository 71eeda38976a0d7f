"""Coverage-guided fuzzing of `service.clean` with atheris.

Run for a bounded time (the corpus of found inputs is kept beside this file):

    .venv/bin/python tests/fuzz/fuzz_clean.py tests/fuzz/corpus -max_total_time=60

Each input must clean without an exception, with edits that rebuild the output
from the original exactly, and cleaning must be deterministic.
"""
from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

with atheris.instrument_imports():
    import service
    from service.edits import apply_edits

service.default_resources()  # load once, outside the measured inputs


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    result = service.clean(text)
    if apply_edits(text, result.edits) != result.text:
        raise AssertionError(f"edits do not rebuild the output for {text!r}")
    previous = 0
    for e in result.edits:
        if e.start < previous or text[e.start:e.end] != e.original:
            raise AssertionError(f"bad edit {e} for {text!r}")
        previous = e.end
    if service.clean(text).text != result.text:
        raise AssertionError(f"not deterministic for {text!r}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
