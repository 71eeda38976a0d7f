"""Why a scored correction is only suggested: `suggestion_reason`, the first piece of
evidence, in this order, that the word may be written on purpose (step.score_piece then
lowers its confidence to step.SUGGESTED_CONFIDENCE, so that an editor still sees it and
the text keeps the word):
- the writer's own mark after it ("(sp?)", "[sic]": guards.marked_by_writer);
- its shape against the correction (shape.py: a drop cap, a name before "-style", ...);
- a capital away from a slip of the fingers, or before a word its correction never comes
  before (named.unlike_its_correction): perhaps a name;
- a lower-case word of the curated lexicon of software's vocabulary (spelling.yaml's
  `terms`: "manpage", "refcount", "parens"), or one with a regular ending ("addrs"), at
  any share: a term, which the general dictionaries lack, as often as a slip;
- evidence of an identifier (identifiers.py: in a manual's prose every kind, elsewhere
  the writer naming it), or in technical text "re" before a short everyday verb
  (morphology.redoes_a_verb: "Readd the check");
- a missing space in an item of a list of names (named.in_run_of_names: "patch,
  wontfix, moreinfo, l10n, a11y"), at any share: labels are written joined;
- capitalised words nearby whose initials are its letters: an abbreviation the text
  spells out (named.spelt_out_beside);
- in technical text, another correction nearly as likely (RIVAL_RATIO): the writer's
  word is unsure;
- a term the web writes, that the text writes with its plural too
  (morphology.written_with_its_plural: "bool ... bools");
- the text writes it so more than once: perhaps a term;
- below JARGON_FIRE_SHARE only: evidence in the text that it names a thing (named.py),
  a verb form of a term the web writes (morphology.inflects_a_term), a noun made
  regularly from a listed word (morphology.derived_noun: "portation"), a noun after it
  that sets a name (guard.names_a_thing), or jargon's shape in technical text
  (`looks_like_jargon`).

>>> from service.steps import context_for
>>> from service.steps.spelling.step import run
>>> [c.confidence for c in run("The parcel was deliverd (sp?) late.", context_for("spelling"))]
[0.45]
"""
from __future__ import annotations

from ...guards import marked_by_writer
from .guard import Piece, in_technical_text, names_a_thing
from .identifiers import identifier_evidence
from .morphology import (INFLECTIONS, derived_noun, inflects_a_term, is_compound, redoes_a_verb,
                         written_with_its_plural)
from .named import in_run_of_names, name_evidence, spelt_out_beside, unlike_its_correction
from .channel import is_finger_slip
from .shape import WRITERS_MARK, shape_evidence
from .words import Document

# In technical text (guard.in_technical_text) a lower-case unknown word of at
# most this many letters, a closed compound of two common words or one letter
# before a common word (morphology.is_compound) looks like jargon: an identifier, an
# abbreviation, a term ("libm", "semver", "manpage", "tlength") as often as a
# slip. Its
# correction is made only when it takes JARGON_FIRE_SHARE of the posterior (a
# slip of a very common word: "wiht" 0.98); below, it is suggested (at
# SUGGESTED_CONFIDENCE), so that an editor still sees it. Measured on
# Node.js/Valgrind/pip documentation: the jargon corrections took 0.74-0.96;
# the slips found there are mostly longer words ("guranteed", "machinary",
# "compield"), which this does not touch.
JARGON_MAX_LENGTH = 6
JARGON_FIRE_SHARE = 0.97
# In technical text, where an unknown word is as often a term as a slip, the best
# correction must also take this many times the posterior of the next one (another word,
# or a split), or which word the writer meant is a guess: only suggested ("ambigious":
# "ambitious" and "ambiguous" are each a neighbouring key away). Not in other text, where
# the likelier of two readings of a slip is mostly right ("inmate chcks": "checks", not
# "chicks").
RIVAL_RATIO = 4.0


def suggestion_reason(piece: Piece, unknown, best, share: float, doc: Document, lex,
                      rival: tuple = (0.0, ""), terms: frozenset = frozenset()) -> str | None:
    """Why the correction `best` (a rank hypothesis: kind, replacement) of the scored word
    (`unknown`: step.Unknown) taking `share` of the posterior, the next correction `rival`
    (rank.rival_reading: its share and replacement), is only suggested (module docstring),
    written for the edit's message before ", so only suggested"; or None. `terms`: the
    curated lexicon's words (step.SpellingRules.terms)."""
    lower, capital, split = unknown.lower, piece.text[0].isupper(), best.kind == "split"
    correction = best.replacement
    if marked_by_writer(doc.text, piece.end):
        return WRITERS_MARK
    if not split and (why := shape_evidence(doc.text, piece, lower, correction, lex)):
        return why
    if capital and not split and not is_finger_slip(lower, correction):
        return "capitalised, and more than a slip of the fingers from it: perhaps a name"
    if capital and share < JARGON_FIRE_SHARE and not split and unlike_its_correction(piece, correction, lex):
        return "capitalised, its correction never seen before the next word: perhaps a name"
    if piece.text.islower() and of_a_term(lower, terms):
        return "a term of software's vocabulary, in a curated lexicon: perhaps that term"
    if why := identifier_evidence(piece, lower, correction, split, doc, lex):
        return f"{why}: perhaps an identifier"
    if not split and (verb := redone_verb(piece, lower, doc, lex)):
        return f"in technical text, 're' before '{verb}': perhaps a verb made so"
    if split and piece.text.islower() and in_run_of_names(doc, piece):
        return "an item of a list of names, written joined as they are"
    if not split and (spelt := spelt_out_beside(doc, piece, lower)):
        return f"the initials of '{spelt}' beside it: perhaps its abbreviation"
    if rival[0] * RIVAL_RATIO > share and in_technical_text(doc):
        return f"in technical text, and '{rival[1]}' is nearly as likely"
    if not split and written_with_its_plural(lex, lower, doc.count):
        return "a term the text writes with its plural too"
    if unknown.repeated:
        return f"written so {doc.count(lower)} times: perhaps a term"
    if share >= JARGON_FIRE_SHARE or split:
        return None
    if why := name_evidence(piece, lower, correction, doc):
        return f"{why}: perhaps a name"
    if inflects_a_term(lex, lower):
        return "a verb form of a term the web writes: perhaps that term"
    if source := derived_noun(lex, lower):
        return f"a noun made regularly from '{source}': perhaps a rare word"
    if names_a_thing(piece, lower, correction, doc, lex):
        return "it may be the name of a program or a file"
    if looks_like_jargon(piece, lower, doc, lex):
        return "in technical text it may be a term or an identifier"
    return None


# Regular endings a term takes in prose ("addrs", "webhooked"), read by `of_a_term`: English's
# regular inflections (morphology.INFLECTIONS) and the -d of a stem ending in "e" ("cached").
TERM_ENDINGS = (*INFLECTIONS, "d")


def of_a_term(lower: str, terms: frozenset) -> bool:
    """True when the word is a term of the curated lexicon, or one with a regular ending.

    >>> of_a_term("addr", frozenset({"addr"})), of_a_term("addrs", frozenset({"addr"})), of_a_term("adds", frozenset())
    (True, True, False)
    """
    return lower in terms or any(lower.endswith(e) and lower[:-len(e)] in terms for e in TERM_ENDINGS)


def redone_verb(piece: Piece, lower: str, doc: Document, lex) -> str | None:
    """In technical text, the verb a word written lower case (or capitalised at a
    sentence's start) puts "re" before (morphology.redoes_a_verb), or None.

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries()); t = "Fixed a leak in `panel.c`. Readd the check."
    >>> piece = Piece("Readd", t.find("Readd"), t.find("Readd") + 5, "", "the", True)
    >>> redone_verb(piece, "readd", Document.scan(t), lex), redone_verb(piece, "readd", Document.scan("We met."), lex)
    ('add', None)
    """
    written = piece.text.islower() or (piece.at_sentence_start and piece.text[1:].islower())
    if not written or not in_technical_text(doc):
        return None
    return redoes_a_verb(lex, lower)


def looks_like_jargon(piece: Piece, lower: str, doc: Document, lex) -> bool:
    """True for a lower-case word in technical text that is short or a compound (JARGON_MAX_LENGTH).

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries()); t = "Call `fs.open()` via mmap; see the manpage of machinary."
    >>> doc = Document.scan(t)
    >>> [looks_like_jargon(Piece(w, t.find(w), t.find(w) + len(w), "", "", False), w, doc, lex)
    ...  for w in ("mmap", "manpage", "machinary")]
    [True, True, False]
    """
    if not piece.text.islower() or not in_technical_text(doc):
        return False
    return len(lower) <= JARGON_MAX_LENGTH or is_compound(lex, lower)
