"""Review: apply an editor's choice of edits (accept some, reject others) to a text.

The edits come back from a client (the preview page, a CMS) after a round
trip, so nothing about them is trusted: each one is checked against the text
before any is applied, and any doubt is an error rather than a guess. A
wrong text returned silently would be worse than no text.

>>> edits = [{"id": "e1", "start": 0, "end": 3, "original": "teh", "replacement": "the"},
...          {"id": "e2", "start": 3, "end": 5, "original": "  ", "replacement": " "}]
>>> apply_choice("teh  cat", edits)
'the cat'
>>> apply_choice("teh  cat", edits, reject=["e1"])
'teh cat'
"""
from __future__ import annotations

from typing import Iterable, Mapping

from .edits import Edit, EditConflict, _overlaps, apply_edits

# Fields an edit must carry to be applied and checked; the others are informative.
REQUIRED_FIELDS = {"id": str, "start": int, "end": int, "original": str, "replacement": str}
OPTIONAL_FIELDS = {"step": str, "rule": str, "message": str, "confidence": (int, float)}


class InvalidEdits(EditConflict):
    """Edits that are malformed, out of range, overlapping, or share an id."""

    code = "invalid_edits"


class StaleEdit(EditConflict):
    """An edit whose `original` is not what the text holds at its span."""

    code = "stale_edit"


class UnknownEditIds(EditConflict):
    """accept/reject names ids that none of the edits has."""

    code = "unknown_edit"


def read_edit(value, index: int) -> Edit:
    """One edit from a mapping (JSON) or an `Edit`; raises InvalidEdits naming the field."""
    if isinstance(value, Edit):
        return value
    if not isinstance(value, Mapping):
        raise InvalidEdits(f"edits[{index}] must be an object")
    missing = [k for k in REQUIRED_FIELDS if k not in value]
    if missing:
        raise InvalidEdits(f"edits[{index}] lacks {', '.join(missing)}")
    unknown = sorted(set(value) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise InvalidEdits(f"edits[{index}] has unknown field(s) {', '.join(map(str, unknown))}")
    for key, kind in {**REQUIRED_FIELDS, **OPTIONAL_FIELDS}.items():
        # bool is an int in Python, but `true` is no offset or confidence
        if key in value and (not isinstance(value[key], kind) or isinstance(value[key], bool)):
            raise InvalidEdits(f"edits[{index}].{key} has the wrong type")
    return Edit(id=value["id"], start=value["start"], end=value["end"], original=value["original"],
                replacement=value["replacement"], step=value.get("step", ""), rule=value.get("rule", ""),
                message=value.get("message", ""), confidence=float(value.get("confidence", 1.0)))


def check_unique_ids(edits: list[Edit]) -> None:
    """Ids select edits, so two edits with one id would make a choice ambiguous."""
    seen: set[str] = set()
    for e in edits:
        if e.id in seen:
            raise InvalidEdits(f"edit id {e.id!r} is used twice")
        seen.add(e.id)


def check_spans(text: str, edits: list[Edit]) -> None:
    """Every span lies inside the text and no two collide (same rule as the edit log)."""
    for e in edits:
        if not 0 <= e.start <= e.end <= len(text):
            raise InvalidEdits(f"edit {e.id!r} [{e.start}, {e.end}) lies outside the text "
                               f"(length {len(text)})")
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for a, b in zip(ordered, ordered[1:]):
        if _overlaps(a.start, a.end, b.start, b.end):
            raise InvalidEdits(f"edits {a.id!r} and {b.id!r} overlap")


def check_originals(text: str, edits: list[Edit]) -> None:
    """Each edit's `original` is what the text holds there; otherwise the edits are stale."""
    for e in edits:
        if text[e.start:e.end] != e.original:
            raise StaleEdit(f"edit {e.id!r} expects {e.original!r} at [{e.start}, {e.end}) but the "
                            f"text has {text[e.start:e.end]!r}: the edits do not belong to this text")


def select_edits(edits: list[Edit], accept: Iterable[str] | None,
                 reject: Iterable[str] | None) -> list[Edit]:
    """The edits to apply: those accepted, or all but those rejected, or all."""
    if accept is not None and reject is not None:
        raise TypeError("give accept or reject, not both")
    chosen = accept if accept is not None else reject
    if chosen is None:
        return list(edits)
    chosen = set(chosen)
    if accept is not None:
        # an accepted id that no edit has: the caller expects a change that is not there
        unknown = sorted(chosen - {e.id for e in edits})
        if unknown:
            raise UnknownEditIds(f"no edit has the accepted id(s) {', '.join(map(repr, unknown))}")
        return [e for e in edits if e.id in chosen]
    # a rejected id that no edit has is not applied either way: nothing to refuse
    return [e for e in edits if e.id not in chosen]


def read_edits(text: str, edits: Iterable) -> list[Edit]:
    """Parse and check every edit against the text, sorted by position."""
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    parsed = [read_edit(value, i) for i, value in enumerate(edits)]
    check_unique_ids(parsed)
    check_spans(text, parsed)
    check_originals(text, parsed)
    return sorted(parsed, key=lambda e: (e.start, e.end))


def choose_edits(text: str, edits: Iterable, accept: Iterable[str] | None = None,
                 reject: Iterable[str] | None = None) -> list[Edit]:
    """The checked edits that the choice keeps, in text order."""
    return select_edits(read_edits(text, edits), accept, reject)


def apply_choice(text: str, edits: Iterable, accept: Iterable[str] | None = None,
                 reject: Iterable[str] | None = None) -> str:
    """`text` with the chosen edits applied (all of them when neither list is given).

    Every edit is checked, including rejected ones: an edit that does not fit
    the text means the list belongs to another text, and nothing is applied.
    Raises InvalidEdits, StaleEdit or UnknownEditIds (all EditConflict).
    """
    return apply_edits(text, choose_edits(text, edits, accept, reject))
