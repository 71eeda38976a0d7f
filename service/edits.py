"""The edit model: every change Copydesk makes is an `Edit` of the ORIGINAL text.

Steps work on the text as the previous steps left it and report `Change`s in
that text's own offsets. `EditLog` maps each step's changes back to the
original, so that the final list of edits is sorted, non-overlapping and
applying it to the original gives the output exactly. Where a later step
changes text an earlier step produced (a typo inside repaired mojibake), the
two become one edit that records both rules: an editor can still see why, and
the invariant holds.

>>> log = EditLog("teh cat")
>>> log.apply_step("spelling", [Change(0, 3, "the", "spelling.symspell", "typo", 0.9)])
>>> log.text
'the cat'
>>> [(e.start, e.end, e.replacement) for e in log.edits()]
[(0, 3, 'the')]
"""
from __future__ import annotations

import bisect
from operator import itemgetter
from dataclasses import dataclass
from typing import Iterable, Sequence

# An edit of lower confidence is returned as a suggestion, not applied (the
# default of Options.min_confidence; steps that weigh a match against what
# would be applied read it here).
DEFAULT_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Change:
    """One change a step proposes, in offsets of the text the step was given."""

    start: int
    end: int
    replacement: str
    rule: str
    message: str
    confidence: float = 1.0


@dataclass(frozen=True)
class Edit:
    """One change of the original text (code-point offsets into the original)."""

    id: str
    start: int
    end: int
    original: str
    replacement: str
    step: str
    rule: str
    message: str
    confidence: float

    def to_dict(self) -> dict:
        """The edit as JSON: its fields in order (dataclasses.asdict's answer, without
        its deep copy of every value: a response may hold thousands of edits).

        >>> Edit("e1", 0, 3, "teh", "the", "spelling", "r", "m", 0.9).to_dict()["replacement"]
        'the'
        """
        return {"id": self.id, "start": self.start, "end": self.end, "original": self.original,
                "replacement": self.replacement, "step": self.step, "rule": self.rule,
                "message": self.message, "confidence": self.confidence}

    def numbered(self, id: str) -> "Edit":
        """The same edit with another id (dataclasses.replace, without its generic walk of the fields)."""
        return Edit(id, self.start, self.end, self.original, self.replacement, self.step, self.rule,
                    self.message, self.confidence)


class EditConflict(ValueError):
    """Edits that overlap, are out of range, or do not match the text."""


def apply_edits(text: str, edits: Iterable) -> str:
    """Apply non-overlapping edits (anything with start, end, replacement) to text.

    >>> apply_edits("abc", [Change(1, 2, "X", "r", "m")])
    'aXc'
    """
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out, pos = [], 0
    for e in ordered:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise EditConflict(f"edit [{e.start}, {e.end}) overlaps another or lies outside the text")
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    """True when two spans cannot be kept as separate edits.

    Proper overlap, or a zero-width span strictly inside the other one; two
    zero-width spans at the same point also collide (their order would be
    ambiguous).
    """
    if a0 < b1 and b0 < a1:
        return True
    if a0 == a1 and b0 < a0 < b1:
        return True
    if b0 == b1 and a0 < b0 < a1:
        return True
    return a0 == a1 == b0 == b1


_SPAN_AND_KIND = itemgetter(0, 1, 2)


@dataclass
class _Piece:
    """An edit being built: original span, its span in the current text, provenance."""

    ostart: int
    oend: int
    cstart: int
    cend: int
    replacement: str
    steps: tuple
    rules: tuple
    messages: tuple
    confidence: float


def _merge_insertions(pieces: list[_Piece]) -> list[_Piece]:
    """Sort pieces in original order; join insertions at one original point.

    Two insertions at the same point of the original would have no defined
    order as separate edits; in the current text they are adjacent, so they
    join in their current order.
    """
    ordered = sorted(pieces, key=lambda p: (p.ostart, p.oend, p.cstart, p.cend))
    out: list[_Piece] = []
    for p in ordered:
        q = out[-1] if out else None
        if q and q.ostart == q.oend == p.ostart == p.oend:
            out[-1] = _Piece(q.ostart, q.oend, q.cstart, p.cend, q.replacement + p.replacement,
                             q.steps + p.steps, q.rules + p.rules, q.messages + p.messages,
                             min(q.confidence, p.confidence))
        else:
            out.append(p)
    return out


class EditLog:
    """The original text, the current text, and the edits between them."""

    def __init__(self, original: str):
        self.original = original
        self.text = original
        self._pieces: list[_Piece] = []  # sorted by cstart, non-overlapping
        # the pieces' current ends, for bisecting: kept with the pieces (rebuilding
        # the list for each span mapped back made a text with many edits quadratic)
        self._ends: list[int] = []

    def _to_original(self, pos: int, prefer_end: bool, ends: list | None = None) -> int:
        """Map a current-text offset that lies outside every replaced span.

        At a deleted span (zero width in the current text) the offset could be
        before or after the deletion: a span's end maps before it, a start after.
        `ends` is the pieces' current ends (`_ends` unless the caller says).
        """
        if ends is None:
            ends = self._ends
        i = bisect.bisect_right(ends, pos) - 1
        if prefer_end:
            # step back over deletions that sit exactly at pos
            while i >= 0 and self._pieces[i].cstart == self._pieces[i].cend == pos:
                i -= 1
        if i < 0:
            return pos
        p = self._pieces[i]
        return p.oend + (pos - p.cend)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that a current-text span stands on
        (approximate inside text an earlier step replaced: for looking up where
        a change falls, not for building edits).

        >>> log = EditLog("ab cd"); log.apply_step("s", [Change(0, 2, "xyz", "r", "m")])
        >>> log.original_span(4, 6)
        (3, 5)
        """
        return self._to_original(start, False), self._to_original(end, True)

    def changed_spans(self) -> "SpanSet":
        """The spans of the current text that earlier steps changed.

        >>> log = EditLog("ab cd"); log.apply_step("s", [Change(0, 2, "xyz", "r", "m")])
        >>> log.changed_spans().overlaps(1, 2), log.changed_spans().overlaps(4, 5)
        (True, False)
        """
        return SpanSet((p.cstart, max(p.cend, p.cstart + 1)) for p in self._pieces)

    def apply_step(self, step: str, changes: Sequence[Change]) -> None:
        """Fold one step's changes (in current-text offsets) into the log."""
        changes = sorted(changes, key=lambda c: (c.start, c.end))
        text = self.text
        prev_end, prev_insert_at = -1, None
        for c in changes:
            if not (0 <= c.start <= c.end <= len(text)):
                raise EditConflict(f"{step}: change [{c.start}, {c.end}) outside the text")
            # two insertions at one point would have no defined order
            if c.start < prev_end or (c.start == c.end == prev_insert_at):
                raise EditConflict(f"{step}: changes overlap at {c.start}")
            prev_end = c.end
            prev_insert_at = c.start if c.start == c.end else None
        changes = [c for c in changes if text[c.start:c.end] != c.replacement]
        if not changes:
            return
        # Cluster old pieces and new changes whose current spans collide.
        # (start, end, is new, piece or change): an old piece sorts before a new change at one span
        items = [(p.cstart, p.cend, False, p) for p in self._pieces]
        items += [(c.start, c.end, True, c) for c in changes]
        items.sort(key=_SPAN_AND_KIND)
        clusters: list[list] = []
        for it in items:
            if clusters and any(_overlaps(it[0], it[1], o[0], o[1]) for o in clusters[-1]):
                clusters[-1].append(it)
            else:
                clusters.append([it])
        pieces: list[_Piece] = []
        ends = self._ends  # the old pieces: fixed until the rebuild below
        for cl in clusters:
            if len(cl) == 1:
                # most clusters: an old piece no change touches, or a change on text no
                # earlier step changed (the general case below gives just this)
                _, _, new, it = cl[0]
                if new:
                    ostart = self._to_original(it.start, False, ends)
                    oend = self._to_original(it.end, True, ends) if it.end > it.start else ostart
                    it = _Piece(ostart, oend, it.start, it.end, it.replacement, (step,), (it.rule,),
                                (it.message,), it.confidence)
                pieces.append(it)
                continue
            olds = [it[3] for it in cl if not it[2]]
            news = [it[3] for it in cl if it[2]]
            if not news:
                pieces.extend(olds)
                continue
            cstart = min(it[0] for it in cl)
            cend = max(it[1] for it in cl)
            ostart = min([p.ostart for p in olds] + [self._to_original(c.start, False, ends)
                                                       for c in news if c.start == cstart])
            oend = max([p.oend for p in olds] + [self._to_original(c.end, c.end > c.start, ends)
                                                   for c in news if c.end == cend])
            if not olds and len(news) == 1 and news[0].start == news[0].end:
                oend = ostart
            local = text[cstart:cend]
            replacement = apply_edits(local, [Change(c.start - cstart, c.end - cstart, c.replacement,
                                                     c.rule, c.message) for c in news])
            steps = sum((p.steps for p in olds), ()) + (step,) * len(news)
            rules = sum((p.rules for p in olds), ()) + tuple(c.rule for c in news)
            messages = sum((p.messages for p in olds), ()) + tuple(c.message for c in news)
            conf = min([p.confidence for p in olds] + [c.confidence for c in news])
            pieces.append(_Piece(ostart, oend, cstart, cend, replacement, steps, rules, messages, conf))
        pieces = _merge_insertions(pieces)
        # Recompute current offsets and the new text.
        out, pos_o, shift = [], 0, 0
        rebuilt: list[_Piece] = []
        for p in pieces:
            out.append(self.original[pos_o:p.ostart])
            cstart = p.ostart + shift
            out.append(p.replacement)
            shift += len(p.replacement) - (p.oend - p.ostart)
            pos_o = p.oend
            # a merged piece that now equals the original is no change at all
            if self.original[p.ostart:p.oend] != p.replacement:
                cend = cstart + len(p.replacement)
                if p.cstart != cstart or p.cend != cend:  # else kept as it is (pieces are never mutated)
                    p = _Piece(p.ostart, p.oend, cstart, cend, p.replacement, p.steps, p.rules, p.messages,
                               p.confidence)
                rebuilt.append(p)
        out.append(self.original[pos_o:])
        self.text = "".join(out)
        self._pieces = rebuilt
        self._ends = [p.cend for p in rebuilt]

    def edits(self) -> list[Edit]:
        """The edits of the original, sorted, with stable ids (e1, e2, ...)."""
        result = []
        for n, p in enumerate(self._pieces, 1):
            uniq = list(dict.fromkeys(p.steps))
            result.append(Edit(
                id=f"e{n}", start=p.ostart, end=p.oend,
                original=self.original[p.ostart:p.oend], replacement=p.replacement,
                step="+".join(uniq), rule="+".join(dict.fromkeys(p.rules)),
                message="; then ".join(dict.fromkeys(p.messages)),
                confidence=round(p.confidence, 3)))
        return result


class SpanSet:
    """Spans [start, end) of a text with a logarithmic overlap test.

    Steps skip a match that overlaps something already taken; testing each
    match against a list of every earlier span made texts with thousands of
    edits quadratic (60 KB of "a  " took 7 s). Overlapping spans are merged,
    so the stored ones are disjoint and sorted by start and by end.

    >>> t = SpanSet([(5, 8), (1, 2), (6, 9)])
    >>> t.overlaps(2, 5), t.overlaps(8, 10), t.overlaps(0, 2), t.overlaps(9, 12)
    (False, True, True, False)
    """

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Any(s < end and start < e): only the last span starting before
        `end` can reach past `start`, since the ones before it end earlier."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        # merge with the span before and the spans after that it overlaps
        if i > 0 and self._ends[i - 1] > start:
            i -= 1
            start = self._starts[i]
            end = max(end, self._ends[i])
        j = i
        while j < len(self._starts) and self._starts[j] < end:
            end = max(end, self._ends[j])
            j += 1
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

