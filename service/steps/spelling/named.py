"""Evidence in the text around an unknown word that it names a thing (a product, a
site, a tool) rather than misspells a word: `name_evidence`. The spelling step then
only suggests its correction (step.score_piece), so that an editor still sees it.

The evidence is the text's, not a list of names:
- the document's own addresses: a URL or an e-mail address holds the word as one of
  its parts ("rting ( https://www.rtings.com/ )", "[parisc-linux]" beside
  parisc-linux@...): a site's or a project's name;
- a run of names: the word is an item of a list whose other items are names (written
  capitalised mid-sentence, in mixed case or with a dot: "tools like Frame.io, Media
  Silo, and iconik"), or of a list of link labels (" | " between the items);
- a label: the word is the only word of its line, among numbers and punctuation
  ("40. Groq - 5.9", a ranked list's entry);
- an abbreviation the text spells out beside it: its letters are the initials of a
  run of capitalised words nearby ("itr (my Internet Talk Radio browser)");
- a letter before a name of the text: the word is one letter, then a word the text
  writes as a name, capitalised mid-sentence ("dgit" beside "Git"; "gawk", "xterm" are
  named so), and the correction is not that name (a doubled or stray first letter,
  "ggit", is a slip of it). The text is read only where that name stands
  (Document.written_capitalised), not word by word.
A capitalised word at a sentence's start whose correction would make no listed
bigram with the next word ("Rewst hosts the event": "rest hosts") is another weak
case: `unlike_its_correction`.
"""
from __future__ import annotations

import re

from ...guards import may_hold_links
from ...lexicon import ENGLISH_FUNCTION_WORDS
from ...tokens import scan_tokens, sentence_start
from .guard import Piece
from .words import Document

# An address's part holds the word when it starts with it and adds at most
# ADDRESS_EXTRA letters ("rtings" for "rting"); words shorter than ADDRESS_MIN_LENGTH
# are parts of too many addresses by chance.
ADDRESS_MIN_LENGTH = 4
ADDRESS_EXTRA = 2
_ADDRESS_PART = re.compile(r"[a-z0-9]+")
# A clause's bounds inside a line: sentence punctuation followed by a blank, or a
# bracket, colon or semicolon. A list's separators: a comma (with "and"/"or"), "&",
# " and ", " or ", " / " and " | " (the last one marks link labels).
_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[:;()\[\]]")
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|\s\|\s|\s/\s|\s&\s|\s(?:and|or)\s)\s*")
_LETTER = re.compile(r"[^\W\d_]")


def address_parts(doc: Document) -> frozenset:
    """The letter-and-digit parts of the document's URLs and e-mail addresses (read once).

    >>> sorted(address_parts(Document("See https://www.rtings.com/ or mail a-b@c.org.")))
    ['a', 'b', 'c', 'com', 'https', 'org', 'rtings', 'www']
    """
    memo = doc.__dict__
    if "_address_parts" not in memo:
        text = doc.text
        parts = set()
        if may_hold_links(text):
            for t in scan_tokens(text):
                if t.kind in ("url", "email"):
                    parts.update(_ADDRESS_PART.findall(t.text.lower()))
        memo["_address_parts"] = frozenset(parts)
    return memo["_address_parts"]


def in_address(doc: Document, lower: str) -> bool:
    """True when one of the document's addresses holds the word as a part (see ADDRESS_EXTRA).

    >>> doc = Document("I like rting ( https://www.rtings.com/ ) a lot.")
    >>> in_address(doc, "rting"), in_address(doc, "rtings"), in_address(doc, "tings")
    (True, True, False)
    """
    if len(lower) < ADDRESS_MIN_LENGTH:
        return False
    return any(p.startswith(lower) and len(p) - len(lower) <= ADDRESS_EXTRA for p in address_parts(doc))


def _clause(text: str, line: tuple, start: int, end: int) -> tuple:
    """(start, end) of the clause of the line around [start, end) (see _CLAUSE_END)."""
    a, b = line
    left = a
    for m in _CLAUSE_END.finditer(text, a, start):
        left = m.end()
    m = _CLAUSE_END.search(text, end, b)
    return left, (m.start() if m else b)


def _looks_named(text: str, word: str, at: int) -> bool:
    """True when a list item's word nearest the checked word is written as a name:
    capitalised away from a sentence's start, in mixed case, or with a dot or a digit
    inside ("Frame.io", "Silo", "GPT4")."""
    if not word or not _LETTER.search(word):
        return False
    inner = word[1:]
    if any(c.isupper() for c in inner) or re.search(r"\w[.\d]\w", word):
        return True
    return word[0].isupper() and not sentence_start(text, at)


def in_run_of_names(doc: Document, piece: Piece) -> bool:
    """True when the word is an item of a list of names or of link labels (module docstring).

    >>> t = "It works with tools like Frame.io, Media Silo, and iconik. Reduce, reuse, recyle."
    >>> doc = Document(t)
    >>> [in_run_of_names(doc, Piece(w, t.find(w), t.find(w) + len(w), "", "", False)) for w in ("iconik", "recyle")]
    [True, False]
    >>> t = "a bag ( baggu | madetrade | amazon )"
    >>> in_run_of_names(Document(t), Piece("baggu", 8, 13, "", "", False))
    True
    """
    text = doc.text
    a, b = _clause(text, doc.line_of(piece.start), piece.start, piece.end)
    clause = text[a:b]
    seps = list(_SEPARATOR.finditer(clause))
    if not seps:
        return False
    # the items, with their offsets in the text
    items, pos = [], 0
    for m in seps:
        items.append((a + pos, clause[pos:m.start()]))
        pos = m.end()
    items.append((a + pos, clause[pos:]))
    mine = [i for i, (s, item) in enumerate(items) if s <= piece.start and piece.end <= s + len(item)]
    if not mine or items[mine[0]][1].strip() != piece.text:
        return False  # the word is not a list item of its own
    if any(m.group().strip() == "|" for m in seps):
        return True  # link labels
    i = mine[0]
    for j, (s, item) in enumerate(items):
        words = item.split()
        if j == i or not words:
            continue
        # the sibling's word nearest the checked word
        word = words[-1] if j < i else words[0]
        at = s + (item.rfind(word) if j < i else item.find(word))
        if _looks_named(text, word, at):
            return True
    return False


def labels_its_line(doc: Document, piece: Piece) -> bool:
    """True when the word is its line's only word, among numbers and punctuation: a
    ranked or numbered list's entry ("40. Groq - 5.9").

    >>> t = "39. Afforai - 6.2" + chr(10) + "40. Groq - 5.9"
    >>> labels_its_line(Document(t), Piece("Groq", 22, 26, "", "", True))
    True
    >>> t = "Hwoever, we left."
    >>> labels_its_line(Document(t), Piece("Hwoever", 0, 7, "", "", True))
    False
    """
    a, b = doc.line_of(piece.start)
    text = doc.text
    return not (_LETTER.search(text, a, piece.start) or _LETTER.search(text, piece.end, b))


# An abbreviation of ABBREVIATION_LETTERS letters is spelt out within ABBREVIATION_REACH
# characters either side, by capitalised words in a row ("of", "and", "for", "the", "&"
# may stand between them, and count no letter).
ABBREVIATION_LETTERS = (3, 6)
ABBREVIATION_REACH = 120
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_INITIALS_SKIP = frozenset({"of", "and", "for", "the", "&"})


def spelt_out_beside(doc: Document, piece: Piece, lower: str) -> str | None:
    """The capitalised words near the word whose initials are its letters, or None.

    >>> t = "Demo programs, like itr (my Internet Talk Radio browser), now run."
    >>> spelt_out_beside(Document(t), Piece("itr", 20, 23, "", "", False), "itr")
    'Internet Talk Radio'
    >>> t = "It is the reason we tried it."
    >>> spelt_out_beside(Document(t), Piece("tried", 20, 25, "", "", False), "itr") is None
    True
    """
    low, high = ABBREVIATION_LETTERS
    if not low <= len(lower) <= high or not lower.isalpha():
        return None
    text = doc.text
    a, b = max(0, piece.start - ABBREVIATION_REACH), min(len(text), piece.end + ABBREVIATION_REACH)
    if not capitals_within(text[a:b], lower):
        return None
    words = list(_WORD.finditer(text, a, b))
    for i, m in enumerate(words):
        if m.group()[0].lower() != lower[0] or not m.group()[0].isupper():
            continue
        got, j = 0, i
        while j < len(words) and got < len(lower):
            w = words[j].group()
            if w[0].isupper() and w[0].lower() == lower[got]:
                got += 1
            elif w.lower() not in _INITIALS_SKIP or got == 0:
                break
            j += 1
        if got == len(lower):
            return text[m.start():words[j - 1].end()]
    return None


# The capitals other than str.upper's that lower to an ASCII letter (tests/test_spelling.py
# checks every code point): the Kelvin sign.
_OTHER_CAPITALS = {"k": "\u212a"}


def capitals_within(reach: str, lower: str) -> bool:
    """False when `reach` lacks a capital for an ASCII letter of `lower`: no word of it can
    begin a spelt-out form (spelt_out_beside reads the words only when this holds: most
    windows lack one of the letters). A letter outside ASCII is not tested.

    >>> capitals_within("the Internet Talk Radio", "itr"), capitals_within("It is the reason", "itr")
    (True, False)
    >>> capitals_within("\u212aernel Build", "kb"), capitals_within("Éditions Tout", "ét")
    (True, True)
    """
    for ch in lower:
        if ch.isascii() and ch.upper() not in reach and (ch not in _OTHER_CAPITALS or _OTHER_CAPITALS[ch] not in reach):
            return False
    return True


# The name after the first letter has at least this many letters ("git", "awk", "sh" is too short).
NAME_AFTER_LETTER_MIN = 3


def letter_before_a_name(doc: Document, lower: str, correction: str) -> bool:
    """True when the word is one letter before a word the text writes as a name (module
    docstring), and the correction is not that name.

    >>> doc = Document("We keep the packaging in Git with git-buildpackage. An alternative is dgit.")
    >>> letter_before_a_name(doc, "dgit", "digit"), letter_before_a_name(doc, "ggit", "git")
    (True, False)
    >>> letter_before_a_name(Document("The Times said it. A sthe ran."), "sthe", "she")
    False
    """
    rest = lower[1:]
    if len(rest) < NAME_AFTER_LETTER_MIN or rest in ENGLISH_FUNCTION_WORDS or correction == rest:
        return False
    return doc.written_capitalised(rest)


def name_evidence(piece: Piece, lower: str, correction: str, doc: Document) -> str | None:
    """Why the word reads as a name (module docstring), or None; `correction` is the best one."""
    if in_address(doc, lower):
        return "one of the text's addresses holds it"
    if labels_its_line(doc, piece):
        return "the only word of its line, a label"
    if in_run_of_names(doc, piece):
        return "an item of a list of names"
    if piece.text.islower() and letter_before_a_name(doc, lower, correction):
        return f"a letter before '{lower[1:]}', a name the text writes"
    return None


def unlike_its_correction(piece: Piece, correction: str, lex) -> bool:
    """True for a capitalised word at a sentence's start whose correction makes no
    listed bigram with the word after it ("Rewst hosts" -> "rest hosts"); a word
    without a next word (punctuation between: "Hwoever,") is not.

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries())
    >>> p, q = Piece("Rewst", 0, 5, "", "hosts", True), Piece("Ohers", 0, 5, "", "may", True)
    >>> unlike_its_correction(p, "rest", lex), unlike_its_correction(q, "others", lex)
    (True, False)
    """
    if not (piece.at_sentence_start and piece.text[:1].isupper() and piece.right):
        return False
    return lex.bigram_frequency(correction, piece.right) == 0
