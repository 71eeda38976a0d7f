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
