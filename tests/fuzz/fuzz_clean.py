"""Coverage-guided fuzzing of `service.clean` with atheris.

Run for a bounded time (the corpus of found inputs is kept beside this file):

    .venv/bin/python tests/fuzz/fuzz_clean.py /tmp/fuzz-new tests/fuzz/corpus \
        -max_total_time=300 -rss_limit_mb=4096 -max_len=4096 -timeout=20
    # keep the corpus small: merge, then keep <= 200 inputs covering every edge
    .venv/bin/python tests/fuzz/fuzz_clean.py -merge=1 -merge_control_file=/tmp/mcf \
        /tmp/merged tests/fuzz/corpus /tmp/fuzz-new
    .venv/bin/python tests/fuzz/prune_corpus.py /tmp/mcf tests/fuzz/corpus --max 200

Inputs are UTF-8 with bad bytes replaced, exactly as tests/test_properties.py replays
the corpus. A crash leaves its input in ./crash-* (or -artifact_prefix=DIR/).

Each input must clean without an exception, with edits that rebuild the output
from the original exactly, cleaning must be deterministic, and the line opcodes
of the unified diff (built from the edits) must map the input to the output.
"""
from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from invariant import assert_line_opcodes  # noqa: E402  (tests/invariant.py)

with atheris.instrument_imports():
    import service
    from service.diff import edited_opcodes
    from service.edits import apply_edits

service.default_resources()  # load once, outside the measured inputs
MAX_BYTES = 4096


def test_one_input(data: bytes) -> None:
    # Decoded as tests/test_properties.py replays the corpus: UTF-8, bad bytes replaced,
    # so the seeds (real hostile text) mean what they say and every find replays the same.
    text = data[:MAX_BYTES].decode("utf-8", errors="replace")
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
    # the unified diff is built from the edits: its line opcodes must map text to output
    a, b = text.splitlines(keepends=True), result.text.splitlines(keepends=True)
    codes = edited_opcodes(text, result.text, a, b, result.edits)
    if codes is not None:
        assert_line_opcodes(a, b, codes)


if __name__ == "__main__":
    # libFuzzer runs argv[0] again through the shell for -merge=1 and -fork jobs; the file
    # is not executable on its own, so argv[0] becomes this interpreter and this file.
    import shlex
    argv0 = f"{shlex.quote(sys.executable)} {shlex.quote(os.path.abspath(__file__))}"
    atheris.Setup([argv0] + sys.argv[1:], test_one_input)
    atheris.Fuzz()
