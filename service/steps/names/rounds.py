"""What one round of the names step found in each run, so that the next round
re-reads only the runs that the round's fixes touched (`step.settle_names`).

The step matches the text again once its fixes are applied ("mauro Vieeira"
-> "mauro Vieira", then a lower-case form). On a long document the second round
read every run again to find the few that the fixes complete. A run's matches
depend on:

  - its parts, and the text from REACH characters before it (`title_before`, the
    sentence start a given name is checked against) to just after it;
  - whether a title or role stands around it (`title_before`, `role_in`);
  - the document facts that the by-ear tiers read (`FactReads`): the mentions of
    an entry (`WindowContext.seen`), whether a surname belongs to someone else
    (`others`), whether the text names people the gazetteer does not know (`unlisted`).

So a run of the next round with the same parts, flags and facts read, on text
no fix touched, has the same matches and the same share of the facts: they are
taken from the round before, shifted (`Shift`), not computed again. Only what a
change is made of is decided afresh (`change_of`: the text's house style may
have changed). The same changes as reading every run again
(tests/test_names_rounds.py compares them).

>>> s = Shift([(4, 8, 4)])          # "the Mody spoke" -> "the Modi spoke"
>>> s.untouched(0, 3), s.untouched(0, 4), s.old_of(10)
(True, False, 10)
>>> Shift([(0, 3, 5)]).new_of(10), Shift([(0, 3, 5)]).new_of(2)
(12, None)
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .match import Match

# Characters before a run that its reading may look at: `title_before` reads 40;
# `sentence_start` steps back over spaces and quotes first (`reach_back`).
REACH = 40
_BEFORE_SENTENCE = " \t\"'“‘(["  # the characters tokens.sentence_start steps over


def reach_back(text: str, start: int) -> int:
    """The first offset that reading a run starting at `start` may look at.

    >>> reach_back("x" * 50 + "Mody", 50), reach_back('said.' + ' ' * 45 + '"Mody', 51)
    (10, 4)
    """
    i = start - 1
    while i >= 0 and text[i] in _BEFORE_SENTENCE:
        i -= 1
    return max(0, min(start - REACH, i))


class FactReads:
    """The document facts read while one run is matched: ("seen", entry id),
    ("others", surname key), ("unlisted",). `current` is the set of the run being
    matched (None: nothing recorded)."""

    def __init__(self):
        self.current: set | None = None

    def note(self, fact: tuple) -> None:
        if self.current is not None:
            self.current.add(fact)


class SeenFacts(dict):
    """`WindowContext.seen` (entry id -> {start: key}) that notes which entries are read."""

    def __init__(self, seen: dict, reads: FactReads):
        super().__init__(seen)
        self.reads = reads

    def get(self, entry_id, default=None):
        self.reads.note(("seen", entry_id))
        return dict.get(self, entry_id, default)


class OtherFacts(frozenset):
    """`WindowContext.others` (surnames of other people) that notes the keys asked about."""

    def __new__(cls, keys, reads: FactReads):
        made = super().__new__(cls, keys)
        made.reads = reads
        return made

    def __contains__(self, key) -> bool:
        self.reads.note(("others", key))
        return frozenset.__contains__(self, key)


def noting_unlisted(unlisted, reads: FactReads):
    """`unlisted()` that notes it was asked."""
    def asked() -> bool:
        reads.note(("unlisted",))
        return unlisted()
    return asked


@dataclass
class RunRecord:
    """One run as a round read it: what decides its matches, and what it found."""

    parts: tuple
    flags: tuple                 # (title before it, role after it)
    facts: list                  # its share of `seen`: (entry id, start, key), in order
    others: list                 # its share of `others`: surname keys
    matches: list = field(default_factory=list)  # match_segment's matches, in order
    reads: set = field(default_factory=set)      # the facts its by-ear tiers read

    def moved_to(self, parts: tuple) -> "RunRecord | None":
        """This record for the same run at `parts` (the new round's, equal to ours
        but for an offset), or None when they are not the same parts."""
        delta = parts[0].start - self.parts[0].start
        if len(parts) != len(self.parts) or not all(
                a.text == b.text and a.key == b.key and a.initial == b.initial
                and a.start + delta == b.start and a.end + delta == b.end for a, b in zip(self.parts, parts)):
            return None
        if not delta:
            return self
        return RunRecord(parts, self.flags, [(e, s + delta, k) for e, s, k in self.facts], self.others,
                         [shift_match(m, delta) for m in self.matches], self.reads)


def shift_match(m: Match, delta: int) -> Match:
    """A match `delta` characters further on (dataclasses.replace cost ~5x)."""
    return Match(m.start + delta, m.end + delta, m.replacement, m.rule, m.confidence, m.entry_id, m.variant)


@dataclass
class Round:
    """One round of matching: its runs by their first part's start, and the facts."""

    records: dict
    seen: dict
    others: frozenset
    unlisted: object   # the round's `unlisted` (a cached function) or None

    def next_round(self, changes) -> "Earlier":
        """What the next round may take from this one, once `changes` (offsets of
        this round's text) are applied."""
        return Earlier(self, Shift([(c.start, c.end, len(c.replacement)) for c in changes]))


class Shift:
    """Where the text of one round stands in the next: the fixes applied, as
    (start, end, replacement length) in the old offsets, not overlapping."""

    def __init__(self, fixes):
        fixes = sorted(fixes)
        self.old_starts = [s for s, _, _ in fixes]
        self.old_ends = [e for _, e, _ in fixes]
        self.deltas = [0]                  # shift after the first k fixes
        self.new_starts, self.new_ends = [], []
        for s, e, n in fixes:
            self.new_starts.append(s + self.deltas[-1])
            self.new_ends.append(s + self.deltas[-1] + n)
            self.deltas.append(self.deltas[-1] + n - (e - s))

    def untouched(self, lo: int, hi: int) -> bool:
        """No fix's new text meets [lo, hi] (new offsets, both ends included)."""
        k = bisect.bisect_left(self.new_ends, lo)
        return k == len(self.new_starts) or self.new_starts[k] > hi

    def old_of(self, pos: int) -> int:
        """The old offset of a new one outside every fix."""
        return pos - self.deltas[bisect.bisect_left(self.new_ends, pos)]

    def new_of(self, pos: int) -> int | None:
        """The new offset of an old one; None inside (or at the edge of) a fix."""
        k = bisect.bisect_left(self.old_ends, pos)
        if k < len(self.old_starts) and self.old_starts[k] <= pos:
            return None
        return pos + self.deltas[k]


class Earlier:
    """The round before, as the next one reads it (see the module doc)."""

    def __init__(self, before: Round, shift: Shift):
        self.before, self.shift = before, shift
        self._same_mentions: dict = {}

    def record_for(self, text: str, parts: tuple, flags: tuple) -> RunRecord | None:
        """The earlier record of the run `parts` of the new `text`, shifted to it, when
        no fix touched the text it reads and it has the same parts and flags."""
        start = parts[0].start
        if not self.shift.untouched(reach_back(text, start), parts[-1].end + 1):
            return None
        old = self.shift.old_of(start)
        record = self.before.records.get(old)
        if record is None or record.flags != flags:
            return None
        return record.moved_to(parts)

    def same_reads(self, record: RunRecord, seen: dict, others: frozenset, unlisted) -> bool:
        """The facts the record's run read have the same values in the new round."""
        for fact in record.reads:
            kind = fact[0]
            if kind == "seen":
                if not self.same_mentions(fact[1], seen):
                    return False
            elif kind == "others":
                asked = frozenset.__contains__  # not noted: this is no run's reading
                if asked(self.before.others, fact[1]) != asked(others, fact[1]):
                    return False
            elif self.before.unlisted() != unlisted():
                return False
        return True

    def same_mentions(self, entry_id: str, seen: dict) -> bool:
        """The entry's mentions, shifted, are the new round's."""
        if entry_id not in self._same_mentions:
            old = dict.get(self.before.seen, entry_id, {})
            moved = {self.shift.new_of(s): k for s, k in old.items()}
            self._same_mentions[entry_id] = None not in moved and moved == dict.get(seen, entry_id, {})
        return self._same_mentions[entry_id]
