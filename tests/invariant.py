"""The edit invariant as a plain helper, for tests that check API or library results.

A copy of tests/test_edits.py's checker (test modules do not import each other):
edits are sorted, non-overlapping spans of the original, each quotes the original
exactly, and applying them to the original gives the output exactly.
"""
from __future__ import annotations

from service.edits import Change, apply_edits


def as_changes(edits) -> list:
    """API edits (dicts) or library edits, as objects `apply_edits` takes."""
    return [Change(e["start"], e["end"], e["replacement"], e.get("rule", ""), "") if isinstance(e, dict) else e
            for e in edits]


def assert_invariant(original: str, edits, output: str) -> None:
    """Fail (naming the first bad edit) unless `edits` rebuild `output` from `original`."""
    prev_end, prev_zero_at, ids = 0, None, []
    for e in edits:
        start, end, orig, rep = ((e["start"], e["end"], e["original"], e["replacement"]) if isinstance(e, dict)
                                 else (e.start, e.end, e.original, e.replacement))
        ids.append(e["id"] if isinstance(e, dict) else e.id)
        assert 0 <= start <= end <= len(original), f"edit {start}:{end} outside the original"
        assert start >= prev_end, f"edits overlap or are unsorted at {start}"
        assert not (start == end and prev_zero_at == start), f"two insertions at {start}"
        assert original[start:end] == orig, f"edit {start}:{end} quotes {orig!r}, not the original"
        assert orig != rep, f"edit {start}:{end} changes nothing"
        prev_end = end
        prev_zero_at = start if start == end else None
    assert apply_edits(original, as_changes(edits)) == output, "edits do not rebuild the output"
    assert len(set(ids)) == len(ids), "edit ids are not unique"


def assert_line_opcodes(a: list, b: list, codes: list) -> None:
    """Fail unless difflib-style `codes` take the lines `a` to `b`: contiguous, complete,
    and every "equal" run really equal (service.diff.edited_opcodes' contract)."""
    i = j = 0
    rebuilt = []
    for tag, i1, i2, j1, j2 in codes:
        assert (i1, j1) == (i, j), f"opcode {tag} {i1}:{i2} {j1}:{j2} does not follow {i}, {j}"
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2], f"equal {i1}:{i2} {j1}:{j2} is not equal"
        rebuilt += b[j1:j2]
        i, j = i2, j2
    assert (i, j) == (len(a), len(b)) and rebuilt == b, "the opcodes do not cover both texts"
