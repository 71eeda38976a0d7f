"""The text as the `names` step reads it: as the later steps will leave it.

The names step runs before `spelling` and `whitespace`. A name it cannot
match as written, but can once they have done their work, is matched by the
second clean: "Dr.  S.J.  Shankar" only after the double spaces are gone,
"new yoork" only once "yoork" is "york". So the step reads a `Reading` of
the text in which

  - each run of spaces and tabs that the whitespace step makes one space
    (`whitespace.blank_runs`) is one space, and
  - each typo of a word of a lower-case name form ("yoork", "trupm") that the
    spelling step would correct to that word is corrected (`name_typos`),

and maps its changes back to the original's offsets (`Reading.restore`): a
change over a replaced span takes it along ("new yoork" -> "New York" in one
edit). Nothing else is read differently, and a text without such spans is
read as it is.

>>> r = read_as("Dr.  S.J. Shankar", [(3, 5, " ")])
>>> r.text, r.to_original(4, 16)
('Dr. S.J. Shankar', (5, 17))
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ...edits import Change
from .. import spelling
from ..whitespace import blank_runs

# A word of a name form shorter than this is not looked for behind a typo:
# too many words are one slip from "de" or "bin".
MIN_TYPO_WORD = 4
_HYPHEN_PARTS = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class Reading:
    """A text as read, and where each of its replaced spans stands in the original."""

    text: str
    original: str
    spans: tuple = ()     # (read start, read end, original start, original end), in order
    shifts: tuple = ()    # original length minus read length, summed up to and with each span
    ends: tuple = ()      # each span's read end (for bisect)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of text[start:end]; a replaced span it touches comes whole.

        >>> r = read_as("new yoork", [(4, 9, "york")])
        >>> r.to_original(0, 8), r.to_original(0, 3)
        ((0, 9), (0, 3))
        """
        return self._map(start, False), self._map(end, True)

    def _map(self, pos: int, is_end: bool) -> int:
        i = bisect.bisect_right(self.ends, pos)  # spans before i end at or before pos
        if i < len(self.spans) and self.spans[i][0] < pos:  # inside span i
            return self.spans[i][3] if is_end else self.spans[i][2]
        return pos + (self.shifts[i - 1] if i else 0)

    def restore(self, change: Change) -> Change:
        """A change of the read text as a change of the original text.

        The message quotes what the original says ("'new yoork' is the name ...").
        """
        if not self.spans:
            return change
        start, end = self.to_original(change.start, change.end)
        said, read = self.original[start:end], self.text[change.start:change.end]
        if said == read:
            return replace(change, start=start, end=end)
        return replace(change, start=start, end=end, message=change.message.replace(f"'{read}'", f"'{said}'", 1))


def read_as(text: str, replaced: list) -> Reading:
    """A Reading with each (start, end, replacement) of `text` replaced (sorted, not overlapping)."""
    if not replaced:
        return Reading(text, text)
    out, spans, shifts, pos, shift = [], [], [], 0, 0
    for start, end, rep in replaced:
        out.append(text[pos:start])
        at = start - shift
        spans.append((at, at + len(rep), start, end))
        shift += (end - start) - len(rep)
        shifts.append(shift)
        out.append(rep)
        pos = end
    out.append(text[pos:])
    return Reading("".join(out), text, tuple(spans), tuple(shifts), tuple(s[1] for s in spans))


def reading_of(text: str, gazetteers, resources, spell: bool, floor: float = 0.0) -> Reading:
    """The text with blank runs as one space and, when `spell`, typos of name
    words corrected (those the spelling step makes: at or above `floor`, the
    pipeline's min_confidence)."""
    runs = [(s, e, " ") for s, e in blank_runs(text)]
    # the typos are found in the text as written: a run of blanks is the same gap to the spelling
    # step's neighbours as one space, and the spelling step, given this text when the names step
    # changes nothing, reuses its words (spelling.words.Document.scan keeps the last text's)
    typos = [c for c in name_typos(text, gazetteers, resources) if c.confidence >= floor] if (
        spell and resources is not None) else []
    return read_as(text, sorted(runs + [(c.start, c.end, c.replacement) for c in typos]))


def name_typos(text: str, gazetteers, resources) -> list[Change]:
    """The spelling step's corrections of words one slip from a word of a lower-case
    name form, where it corrects them to that word ("yoork" -> "york").

    >>> from service.resources import dictionaries
    >>> from .step import compile_rules
    >>> g = compile_rules([{"id": "p", "canonical": "New York", "kind": "place", "case_fix": True}])
    >>> [c.replacement for c in name_typos("She moved to new yoork.", [g], dictionaries())]
    ['york']
    """
    near = slips_of(tuple(gazetteers))
    if not near:
        return []
    words = name_words(tuple(gazetteers))
    return spelling.corrections(text, resources, only=lambda w: could_slip(w, near), to=words)


@lru_cache(maxsize=256)
def name_words(gazetteers: tuple) -> frozenset:
    """The words of every lower-case name form, and the lower-case parts of
    hyphenated names ("myung" of "Jae-myung": the spelling step checks it
    as a word), once per list of gazetteers.

    >>> from .step import compile_rules
    >>> sorted(name_words((compile_rules([{"id": "p", "canonical": "Lee Jae-myung", "kind": "person"}]),)))
    ['jae-myung', 'myung']
    """
    words = {w for g in gazetteers for pairs in g.case_forms.values() for ws, _ in pairs for w in ws}
    words.update(w for g in gazetteers for surface in g.exact for w in _HYPHEN_PARTS.split(surface) if w.islower())
    return frozenset(w for w in words if len(w) >= MIN_TYPO_WORD and w.replace("-", "").isalpha())


@lru_cache(maxsize=256)
def slips_of(gazetteers: tuple) -> frozenset:
    """Each name word and the word with one letter deleted: a word one slip
    away (a letter wrong, added, dropped or two swapped) shares one of them."""
    return frozenset(d for w in name_words(gazetteers) for d in _deletes(w))


def _deletes(word: str) -> set:
    """The word and every form of it with one letter deleted.

    >>> sorted(_deletes("york"))
    ['ork', 'yok', 'yor', 'york', 'yrk']
    """
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


# Words of texts seen (unlisted words: names, numbers, typos) whose answer is kept:
# the same few recur from page to page, and each costs a set look-up per deleted letter.
SLIP_MEMO = 65536


@lru_cache(maxsize=SLIP_MEMO)
def could_slip(word: str, near: frozenset) -> bool:
    """True when `word`, or a part of it between hyphens, may be one slip from
    a name word (`slips_of`).

    >>> near = frozenset(_deletes("york"))
    >>> could_slip("yoork", near), could_slip("yrok", near), could_slip("yolks", near), could_slip("ja-yorkk", near)
    (True, True, False, True)
    """
    return any(len(part) + 1 >= MIN_TYPO_WORD and any(d in near for d in _deletes(part))
               for part in word.split("-"))
