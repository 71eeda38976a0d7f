"""Evidence that a lower-case unknown word is an identifier, not a slip:
`identifier_evidence`. The spelling step then only suggests its correction
(step.score_piece), so that an editor still sees it. In a manual's prose that names files
and commands often (guard.in_software_prose) every kind below is read; in any other text
only the kinds that show the writer naming the word itself (`named_evidence`: the last
three below, glossed, set after a naming noun, part of a name), which a slip does not get
by chance: a user manual of an image editor or of an accounting program names its curves,
formats and libraries as a command's manual does (bench/NOTES.md, prose43). A list of two
unknown words ("the skeds and folos") is read in a manual's prose only: in news it is
jargon or two slips.

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
- a joined form the web writes ("howto", "inplace": wordfreq has seen it) whose split
  makes a bigram the lexicon argues against ("this how to", "for in place"): a term
  written joined on purpose. A slip ("coupleof", "inthe") is unseen or fits its words.
- a joined form before a noun that sets a name (guard.NAMING_NOUNS: "build_ext inplace
  mode"), the split's last word making no listed bigram with it ("place mode"): what
  step.names_a_thing reads for a slip, read for a missing space at any share.
- a common word with a vowelless abbreviation run on ("whichdb", "userdb": db), when
  the correction is the word alone. Not when it only changes the abbreviation: "closefd"
  -> "closed" is the shape of "servend" -> "served", a slip.
- two common content words of a dictionary run together, each JOINED_PART_MIN letters
  or more ("marksets": mark + sets), whose correction is one letter off ("markets"): a
  term written joined, a compound the dictionary lacks ("refcount" is not read so: "ref"
  is too short a part). Not when the correction doubles or
  undoubles a letter ("usefull" -> "useful": use + full is the slip's own shape).
- the word set alone in emphasis ("*wss*"): Markdown's and reStructuredText's way to
  set a term (the scoring allowance is left as it was: this is read on a correction).
- brackets right after it that spell it out ("ctime (change time)"): a name glossed.
- right after a noun that sets a name, ending the phrase ("the file expout, and"), the
  correction no listed bigram with the noun ("the command lnie." is "command line").
- the text writes the word elsewhere as a part of a name: a slug or a code identifier
  ("the guality test suite" beside "gcc-arm-disable-guality-tests").
Measured on documentation prose (bench/NOTES.md, "Identifiers in technical text" and
"False corrections on clean documentation, round 3").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import ENGLISH_FUNCTION_WORDS, KNOWN_ZIPF, in_curated_lexicon
from ...guards import has_code_mark, is_emphasised_alone
from .guard import MAX_SHORT, NAMING_NOUNS, Piece, in_software_prose, is_slug, unlisted_naming_noun
from .morphology import two_word_split
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
# A split is against its context when the lexicon reads one of its bigrams with the words
# beside it as rarer than chance (rank.Lexicon.lift below this).
AGAINST_LIFT = 1.0
# An abbreviation run onto a word: ABBREVIATION_LETTERS letters without a vowel that a
# dictionary knows ("db", "fd", "buf"), after a common word of at least
# ABBREVIATED_WORD_MIN letters (dictionary, Zipf ABBREVIATED_WORD_ZIPF).
ABBREVIATION_LETTERS = (2, 3)
ABBREVIATED_WORD_MIN = 4
ABBREVIATED_WORD_ZIPF = 3.0
_VOWELS = frozenset("aeiouy")
# Each word a joined term is read as made of ("mark" + "sets"): JOINED_PART_MIN letters
# or more and common (Zipf JOINED_PART_ZIPF). Shorter or rarer parts ("con" + "flits",
# "contain" + "ming", "fore" + "wards") cut most slips in two: the dictionaries hold
# thousands of short words and names.
JOINED_PART_MIN = 4
JOINED_PART_ZIPF = 4.0
# A name's parts: what joins them in a slug or an identifier.
_NAME_JOINERS = "-_"


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

    Outside a manual's prose only `named_evidence` is read:

    >>> t = "By default, ctime (change time) is used; the joined endtime too."
    >>> doc = Document.scan(t)
    >>> why("ctime", "crime", False), why("endtime", "end time", True)
    ('spelt out in the brackets after it', None)
    """
    if not piece.text.islower():
        return None
    if not in_software_prose(doc):
        return named_evidence(piece, lower, replacement, doc, lex)
    if split and runs_terms_together(replacement):
        return "two terms run together"
    if split and joined_on_purpose(piece, lower, replacement, lex):
        return "a joined form the web writes, its split against the words beside it"
    if split and (noun := unlisted_naming_noun(doc.text, piece.end, replacement.split()[-1], lex)) is not None:
        return f"joined before '{noun}', a noun that sets a name, and the split no listed bigram with it"
    if not split and runs_on_abbreviation(lower, replacement, lex):
        return "a word with an abbreviation run on"
    if not split and (parts := joined_words(lower, replacement, lex)) is not None:
        return f"'{parts[0]}' and '{parts[1]}' written joined"
    if is_emphasised_alone(doc.text, piece.start, piece.end):
        return "set alone in emphasis"
    if listed_beside_identifier(doc, piece, lex):
        return "listed beside an identifier"
    return named_evidence(piece, lower, replacement, doc, lex)


def named_evidence(piece: Piece, lower: str, replacement: str, doc: Document, lex) -> str | None:
    """Why the text around the lower-case word shows its writer naming it (glossed in the
    brackets after it, set after a noun that sets a name, written elsewhere as a part of
    a name), or None: read in any text (module docstring).

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> t = "Ported the widgets to the library pixman, and the fonts to cairo and pango_cairo."
    >>> p = Piece("pixman", t.find("pixman"), t.find("pixman") + 6, "library", "and", False)
    >>> named_evidence(p, "pixman", "pitman", Document.scan(t), lexicon_for(dictionaries()))
    "named after 'library', a noun that sets a name"
    """
    if glossed_after(piece, lower, doc.text):
        return "spelt out in the brackets after it"
    if named_after_noun(piece, doc.text) and lex.bigram_frequency(piece.left, replacement.split()[0]) == 0:
        return f"named after '{piece.left}', a noun that sets a name"
    if part_of_a_name(doc, lower):
        return "a part of a name elsewhere in the text"
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


def joined_on_purpose(piece: Piece, lower: str, split: str, lex) -> bool:
    """True when wordfreq has seen the joined form and the split makes a bigram with a
    word beside it that the lexicon reads as rarer than chance (AGAINST_LIFT).

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries())
    >>> joined_on_purpose(Piece("howto", 0, 5, "this", "", False), "howto", "how to", lex)
    True
    >>> joined_on_purpose(Piece("coupleof", 0, 8, "a", "other", False), "coupleof", "couple of", lex)
    False
    """
    if lex.zipf(lower) <= 0:
        return False
    first, last = split.split()[0], split.split()[-1]
    return (bool(piece.left) and lex.lift(piece.left, first) < AGAINST_LIFT) or \
        (bool(piece.right) and lex.lift(last, piece.right) < AGAINST_LIFT)


def runs_on_abbreviation(lower: str, correction: str, lex) -> bool:
    """True when the word is a common word and a vowelless abbreviation a dictionary
    knows (ABBREVIATION_LETTERS), and the correction is that word alone: "whichdb" ->
    "which". A slip that lost a vowel ("childrn") gets its letters back; one that
    added a letter ("servend" -> "served") keeps the word's last letters.

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries())
    >>> runs_on_abbreviation("whichdb", "which", lex), runs_on_abbreviation("userdb", "user", lex)
    (True, True)
    >>> runs_on_abbreviation("servend", "served", lex), runs_on_abbreviation("childrn", "children", lex)
    (False, False)
    """
    n = len(lower) - len(correction)
    if n not in ABBREVIATION_LETTERS or not lower.startswith(correction):
        return False
    chunk = lower[-n:]
    return (len(correction) >= ABBREVIATED_WORD_MIN and not _VOWELS.intersection(chunk)
            and lex.in_dictionary(correction) and lex.zipf(correction) >= ABBREVIATED_WORD_ZIPF
            and (in_curated_lexicon(chunk) or lex.zipf(chunk) >= KNOWN_ZIPF))


def joined_words(lower: str, correction: str, lex) -> tuple | None:
    """The two common content words of a dictionary the word is made of, each JOINED_PART_MIN
    letters or more ("marksets": mark + sets; morphology.two_word_split), when its correction
    neither doubles nor undoubles a letter ("usefull" -> "useful" is a slip of use + full); or None.

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries())
    >>> joined_words("marksets", "markets", lex), joined_words("usefull", "useful", lex)
    (('mark', 'sets'), None)
    >>> joined_words("conflits", "conflicts", lex), joined_words("forewards", "forwards", lex)
    (None, None)
    """
    if _undoubled(lower) == _undoubled(correction):
        return None
    return two_word_split(lex, lower, JOINED_PART_MIN, JOINED_PART_ZIPF, ENGLISH_FUNCTION_WORDS)


def _undoubled(word: str) -> str:
    """The word with each run of one letter written once: "usefull" -> "useful"."""
    return re.sub(r"(.)\1+", r"\1", word)


def named_after_noun(piece: Piece, text: str) -> bool:
    """True when the word stands right after a noun that sets a name (guard.NAMING_NOUNS, blanks
    only between) and a comma, a stop or a closing bracket ends it: "the previously created file
    expout, and ...", "run the command mksnap." The name is the noun phrase's last word; a slip
    there ("the file contaned the data") goes on to a verb's object. The caller also asks that
    the correction make no listed bigram with the noun ("the command lnie." -> "command line").

    >>> t = "Compare it with the file dumpout, then run the command mksnap; the file contaned it."
    >>> [named_after_noun(Piece(w, t.find(w), t.find(w) + len(w), l, "", False), t)
    ...  for w, l in (("dumpout", "file"), ("mksnap", "command"), ("contaned", "file"))]
    [True, True, False]
    """
    return piece.left in NAMING_NOUNS and text[piece.end:piece.end + 1] in _PHRASE_ENDS


def glossed_after(piece: Piece, lower: str, text: str) -> bool:
    """True when brackets right after the word spell it out: the word is made of the start of
    each of their words in turn, function words optional ("ctime (change time)", "rcvbuf
    (receive buffer)"): a name glossed, as a slip is not.

    >>> t = "the ctime (change time) and the rcvbuf (receive buffer) of the tmie (the time)"
    >>> [glossed_after(Piece(w, t.find(w), t.find(w) + len(w), "", "", False), w, t)
    ...  for w in ("ctime", "rcvbuf", "tmie")]
    [True, True, False]
    """
    m = _GLOSS.match(text, piece.end)
    if m is None:
        return False
    words = m.group(1).lower().split()
    return len(words) > 1 and _spells_out(lower, tuple(words))


@lru_cache(maxsize=4096)
def _spells_out(letters: str, words: tuple) -> bool:
    """True when `letters` is the start of each of `words` in turn (a function word may be left out).
    Cached: each (rest of the letters, rest of the words) is read once, so the cost stays the
    word's length times the gloss's words.

    >>> _spells_out("ctime", ("change", "time")), _spells_out("rcvbuf", ("receive", "buffer"))
    (True, True)
    """
    if not words:
        return not letters
    first, rest = words[0], words[1:]
    if first in ENGLISH_FUNCTION_WORDS and _spells_out(letters, rest):
        return True
    # the word's letters taken from `first`: its start, one letter or more, then its other letters
    # in order (a vowel or two left out: "rcv" of "receive")
    for n in range(1, len(letters) + 1):
        if _in_order(letters[:n], first) and _spells_out(letters[n:], rest):
            return True
    return False


def _in_order(part: str, word: str) -> bool:
    """True when `part` starts `word` and its other letters are in `word`, in order: "rcv" of "receive"."""
    if not part or part[0] != word[0]:
        return False
    it = iter(word[1:])
    return all(c in it for c in part[1:])


# Brackets right after a word, of a few words of letters: its gloss (glossed_after).
_GLOSS = re.compile(r"[ \t]?\(([A-Za-z]+(?:[ \t]+[A-Za-z]+){1,4})\)")
# What ends a noun phrase right after its last word (named_after_noun).
_PHRASE_ENDS = frozenset(",.;:)")


def part_of_a_name(doc: Document, lower: str) -> bool:
    """True when the text writes the word, somewhere, as a part of a slug (guard.is_slug)
    or of a code identifier ("disable-guality-tests", "build_guality"), joined by a hyphen
    or an underscore.

    >>> part_of_a_name(Document("Run gcc-arm-disable-guality-tests; the guality suite."), "guality")
    True
    >>> part_of_a_name(Document("A well-knwon and knwon fact."), "knwon")
    False
    """
    text, low = doc.text, doc.lowered
    if len(low) != len(text):
        return False  # a letter whose lower case is longer ("İ"): offsets would not match
    at = low.find(lower)
    while at >= 0:
        end = at + len(lower)
        before, after = low[at - 1:at], low[end:end + 1]
        if (before in _NAME_JOINERS and before) or (after in _NAME_JOINERS and after):
            if not (before.isalpha() or after.isalpha()):
                a = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
                b = min(i for i in (text.find(" ", end), text.find("\n", end), len(text)) if i >= 0)
                chunk = text[a:b].strip(_EDGES + ",;:")
                if is_slug(chunk) or has_code_mark(chunk):
                    return True
        at = low.find(lower, at + 1)
    return False
