"""Evidence in technical text that a lower-case unknown word is an identifier, not a
slip: `identifier_evidence`. The spelling step then only suggests its correction
(step.score_piece), so that an editor still sees it; news text (not technical:
guard.in_technical_text) is never read so.

Identifiers are one or two letters from a common word as often as slips are, and
take the same posterior share (refcount -> recount 0.99, closefd -> closed 0.99), so
the evidence is the text around the word, read at any share:
- two content words run together ("endtime" -> "end time", "searchengine",
  "domainname"): the way identifiers are written. A missing space beside a function
  word ("upto", "coupleof", "inthe") is a slip, and still split.
- a list whose item across the separator from the word is code (a mark of code:
  snake_case, a dotted name, `backticks`, a call's "()") or another lower-case word
  English does not know ("stdwin, soundex, cml, cmpcache", "mtime and atime", "the
  pgen and _freeze_importlib executables"): a list of names of one kind. After its
  sibling, the word must end its item ("`runpy` and incorrently use" joins clauses).
Measured on documentation prose (bench/NOTES.md, "Identifiers in technical text").
"""
from __future__ import annotations

import re

from ...lexicon import ENGLISH_FUNCTION_WORDS, KNOWN_ZIPF, in_curated_lexicon
from ...guards import has_code_mark
from .guard import MAX_SHORT, Piece, in_technical_text
from .words import Document

# A list's separator between two items: a comma (with "and"/"or"/"&" after it), or
# " and ", " or ", " & ", " / " alone.
_SEPARATOR = r"(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&|/)\s+)"
_ITEM_AFTER = re.compile(_SEPARATOR + r"([^\s,;:]+)")
_ITEM_BEFORE = re.compile(r"([^\s,;:]+)" + _SEPARATOR + r"$")
# The word after the checked one, blanks only between (punctuation between: none).
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")
# How far back the item before the word is looked for.
_LOOK_BACK = 60
_EDGES = "\"'“”‘’()[]{}.!?*"


def identifier_evidence(piece: Piece, lower: str, replacement: str, split: bool, doc: Document, lex) -> str | None:
    """Why the lower-case word reads as an identifier in technical text (module
    docstring), or None; `replacement` is the best correction, `split` whether it
    splits the word in two.

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries()); t = "Call `os.stat()` for the endtime; mtime and atime. It waits upto `fd.n`."
    >>> doc = Document.scan(t)
    >>> def why(w, c, split):
    ...     return identifier_evidence(Piece(w, t.find(w), t.find(w) + len(w), "", "", False), w, c, split, doc, lex)
    >>> why("endtime", "end time", True), why("atime", "a time", True), why("upto", "up to", True)
    ('two terms run together', 'listed beside an identifier', None)
    """
    if not piece.text.islower() or not in_technical_text(doc):
        return None
    if split and runs_terms_together(replacement):
        return "two terms run together"
    if listed_beside_identifier(doc, piece, lex):
        return "listed beside an identifier"
    return None


def runs_terms_together(split: str) -> bool:
    """True when a split's two words are both content words ("end time"), not a
    function word beside another ("up to", "in the").

    >>> runs_terms_together("end time"), runs_terms_together("couple of"), runs_terms_together("a time")
    (True, False, False)
    """
    return not any(w in ENGLISH_FUNCTION_WORDS for w in split.split())


def listed_beside_identifier(doc: Document, piece: Piece, lex) -> bool:
    """True when the word stands at a list separator whose other side is an identifier
    (`looks_like_identifier`): "mtime and atime", "stdwin, soundex, cml".

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries()); t = "Run pgen and _freeze_importlib, or the compiel and link steps."
    >>> doc = Document.scan(t)
    >>> [listed_beside_identifier(doc, Piece(w, t.find(w), t.find(w) + len(w), "", "", False), lex)
    ...  for w in ("pgen", "compiel")]
    [True, False]
    """
    text = doc.text
    after = _ITEM_AFTER.match(text, piece.end)
    if after is not None and looks_like_identifier(after.group(1), lex):
        return True
    before = _ITEM_BEFORE.search(text, max(0, piece.start - _LOOK_BACK), piece.start)
    return before is not None and looks_like_identifier(before.group(1), lex) and _ends_item(text, piece.end)


def _ends_item(text: str, end: int) -> bool:
    """True when what follows the word ends its list item: punctuation, the line's end or
    a function word ("jpic.", "atime on"). After a content word the word opens a clause
    ("`runpy` and incorrently use": that "and" joins two clauses, not two names).

    >>> _ends_item("jpic.", 4), _ends_item("atime on it", 5), _ends_item("incorrently use it", 11)
    (True, True, False)
    """
    m = _WORD_AFTER.match(text, end)
    return m is None or m.group(1).lower() in ENGLISH_FUNCTION_WORDS


def looks_like_identifier(chunk: str, lex) -> bool:
    """True for a chunk with a mark of code, or a lower-case word of three letters or
    more that English does not know (no dictionary, rare in wordfreq, not curated).

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries())
    >>> [looks_like_identifier(c, lex) for c in ("_freeze_importlib", "mtime", "`fd`", "apples", "Paris", "12")]
    [True, True, True, False, False, False]
    """
    if has_code_mark(chunk):
        return True
    word = chunk.strip(_EDGES)
    return (len(word) > MAX_SHORT and word.isalpha() and word.islower() and not lex.in_dictionary(word)
            and lex.zipf(word) < KNOWN_ZIPF and not in_curated_lexicon(word))
