"""Evidence in the written shape of an unknown word and its place that its correction
would be wrong: `shape_evidence`. The spelling step then only suggests the correction
(step.score_piece), at any share of the posterior: an editor still sees it.

- a drop cap split off: a capital letter alone before the word, and the correction
  is that letter and the word ("R efuse" -> "refuse" would write "R refuse"): the
  page set the word's first letter apart, the word is whole;
- a name before a head that makes an adjective of a name ("sprintf-style", "Unix-like",
  "GPU-based", "POSIX-compatible"): the part before the hyphen names a thing;
- the American spelling of a word that doubles its "l" before a suffix in British use
  ("cancelation", "labeled", "traveling"): a variant the web writes (wordfreq has seen
  it, VARIANT_MIN_ZIPF), not a slip;
- a letter drawn out on purpose ("boringgg", "sooo"): the correction takes two or more
  letters out of one run; a slip adds one ("paddding").

A rule's fix of a common misspelling (rules/spelling.yaml) is only suggested where the
writer marks the word ("(sic)", "(sp?)") or, in technical text, where a contraction's
fix would land inside a label joined by hyphens ("dont-land", a tracker's label): `fix_held`.
"""
from __future__ import annotations

import re

from ...guards import marked_by_writer
from .guard import Piece

# A letter written this many times in a row, two or more of them over the correction's,
# is stretched on purpose ("boringgg", "sooo"): a slip of the fingers adds one.
STRETCH_RUN = 3
_RUN = re.compile(r"([a-z])\1{%d,}" % (STRETCH_RUN - 1))
# Heads of compounds whose first part is a name: "-style", "-like", "-based", ...
NAME_HEADS = frozenset({"style", "like", "based", "compatible", "specific", "powered", "enabled", "aware",
                        "friendly", "flavored", "flavoured"})
# An American "l" where British doubles it, before these endings.
_SINGLE_L = re.compile(r"l(?=(?:ation|ations|ed|ing|er|ers|or|ors)$)")
VARIANT_MIN_ZIPF = 2.0
# Why a correction of a word the writer marks (guards.marked_by_writer) is only suggested.
WRITERS_MARK = "the writer marks it '(sic)' or '(sp?)'"


def split_drop_cap(text: str, piece: Piece, correction: str) -> bool:
    """True when a capital letter stands alone right before the word and the correction
    is that letter and the word ("R efuse" -> "refuse").

    >>> t = "two more R s are added, R efuse, and R ot."
    >>> split_drop_cap(t, Piece("efuse", 26, 31, "", "", False), "refuse")
    True
    >>> split_drop_cap("We R efuse", Piece("efuse", 5, 10, "", "", False), "effuse")
    False
    """
    at = piece.start
    if at < 2 or text[at - 1] != " " or not text[at - 2].isupper() or (at > 2 and not text[at - 3].isspace()):
        return False
    return correction.lower() == text[at - 2].lower() + piece.text.lower()


def names_before_head(text: str, piece: Piece) -> bool:
    """True when the word is joined by a hyphen to a head of NAME_HEADS ("sprintf-style").

    >>> t = "from a sprintf-style format; a lovley-like thing"
    >>> names_before_head(t, Piece("sprintf", 7, 14, "", "style", False))
    True
    """
    return text[piece.end:piece.end + 1] == "-" and piece.right in NAME_HEADS


def american_variant(lower: str, correction: str, lex) -> bool:
    """True when the word is the correction with a doubled "l" before a suffix written
    single, and wordfreq has seen it (VARIANT_MIN_ZIPF).

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries())
    >>> american_variant("cancelation", "cancellation", lex), american_variant("acurately", "accurately", lex)
    (True, False)
    """
    if len(correction) != len(lower) + 1 or "ll" not in correction or lex.zipf(lower) < VARIANT_MIN_ZIPF:
        return False
    for m in _SINGLE_L.finditer(lower):
        if lower[:m.start()] + "l" + lower[m.start():] == correction and m.start() > 0 and lower[m.start() - 1] != "l":
            return True
    return False


def stretched(lower: str, correction: str) -> bool:
    """True when the correction only takes two or more letters out of a run of one letter
    (STRETCH_RUN): the writer drew the word out ("boringgg" -> "boring"), as a slip would not.

    >>> stretched("boringgg", "boring"), stretched("sooooo", "so"), stretched("paddding", "padding")
    (True, True, False)
    """
    if len(lower) - len(correction) < 2:
        return False
    for keep in (1, 2):
        if _RUN.sub(lambda m: m.group(1) * keep, lower) == correction:
            return True
    return False


def shape_evidence(text: str, piece: Piece, lower: str, correction: str, lex) -> str | None:
    """Why the correction would be wrong by the word's shape (module docstring), or None."""
    if split_drop_cap(text, piece, correction):
        return "a drop cap set apart from the rest of the word"
    if names_before_head(text, piece):
        return f"a name before '-{piece.right}'"
    if american_variant(lower, correction, lex):
        return "the American spelling of the word"
    if stretched(lower, correction):
        return "a letter drawn out on purpose"
    return None


def fix_held(text: str, piece: Piece, correction: str, technical: bool) -> str | None:
    """Why a rule's fix of the word is only suggested (module docstring), or None.

    >>> p = Piece("dont", 4, 8, "and", "land", False)
    >>> fix_held("and dont-land them", p, "don't", True), fix_held("and dont-land them", p, "don't", False)
    ('a label joined by hyphens in technical text', None)
    >>> fix_held("It dont (sic) work", Piece("dont", 3, 7, "it", "", False), "don't", False)
    "the writer marks it '(sic)' or '(sp?)'"
    """
    if marked_by_writer(text, piece.end):
        return WRITERS_MARK
    hyphened = text[piece.end:piece.end + 1] == "-" or text[piece.start - 1:piece.start] == "-"
    if technical and "'" in correction and hyphened:
        return "a label joined by hyphens in technical text"
    return None
