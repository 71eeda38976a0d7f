"""What the `spelling` step never touches, word by word: the pieces of a token
it checks, and why a piece is left as written (`guard_reason`).

The guards every step shares (code, URLs, request names, dictionaries) are in
service.guards; those here are the spelling step's own: words too short,
without vowels, capitalised mid-sentence, repeated, alone on their line or in a
table line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...edits import SpanSet
from ...guards import CLOSERS, OPENERS, is_quoted_alone, is_technical, looks_like_code
from ...lexicon import KNOWN_ZIPF
from ...tokens import Token, is_acronym
from ..whitespace import blank_runs
from .words import Document

# Tokens of this length or less are never corrected: too many readings.
MAX_SHORT = 2
# A token the document uses this many times may be intentional (a term, a
# coinage): a lower-case one is only suggested (step.SUGGESTED_CONFIDENCE),
# a capitalised one left alone.
REPEATED = 2
REPEATED_REASON = "repeated in the document"
_LATIN_WORD = re.compile(r"^[A-Za-z]+(?:['’\-][A-Za-z]+)*$")
# A word ending in an apostrophe and letters ("China’s", "don't"); a joiner inside a word.
_CONTRACTION_END = re.compile(r"['’]([A-Za-z]+)$")
_JOINER = re.compile(r"['’\-]")
# suffixes after which the stem is a word of its own: possessive 's and the
# contractions of have, will, are, would/had ("n't" and "'m" are not: "don", "I")
_STEM_SUFFIXES = frozenset({"s", "ve", "ll", "re", "d"})


@dataclass(frozen=True)
class Piece:
    """A word to check: a whole token, a hyphenated part, or a possessive stem."""

    text: str
    start: int
    end: int
    left: str      # lowercase neighbouring words, "" when none (punctuation, line break)
    right: str
    at_sentence_start: bool


def split_pieces(tok: Token, left: str, right: str, at_start: bool) -> list[Piece]:
    """The checkable parts of a word token.

    Hyphenated compounds are checked part by part; a possessive "China’s"
    and a contraction whose stem is a word of its own ("would've", "they'll",
    "we're", "I'd") by the stem; others ("don't", "I'm") are left whole.

    >>> [p.text for p in split_pieces(Token("well-knwon", 0, 10, "word"), "", "", False)]
    ['well', 'knwon']
    >>> [p.text for p in split_pieces(Token("goverment’s", 0, 11, "word"), "", "", False)]
    ['goverment']
    >>> [p.text for p in split_pieces(Token("wouod've", 0, 8, "word"), "", "", False)]
    ['wouod']
    """
    text = tok.text
    m = _CONTRACTION_END.search(text)
    if m:
        if m.group(1).lower() not in _STEM_SUFFIXES or _JOINER.search(text, 0, m.start()):
            return [Piece(text, tok.start, tok.end, left, right, at_start)]  # contraction: whole
        text = text[:m.start()]
    parts = text.split("-")
    pieces, pos = [], tok.start
    for i, part in enumerate(parts):
        lft = parts[i - 1].lower() if i else left
        rgt = parts[i + 1].lower() if i + 1 < len(parts) else right
        pieces.append(Piece(part, pos, pos + len(part), lft, rgt, at_start and i == 0))
        pos += len(part) + 1
    return pieces


def alone_on_line(text: str, start: int, end: int, line: tuple | None = None) -> bool:
    """True when the word is its line's only content: a list item, a handle, a label.

    `line`: the line's (start, end), when the caller knows it (Document.line_of).

    >>> alone_on_line("Authors:|seanj|xtreak|".replace("|", chr(10)), 9, 14), alone_on_line("a seanj b", 2, 7)
    (True, False)
    """
    a, b = line or line_bounds(text, start)
    return only_chars(text, a, start, OPENERS + " \t-•", from_end=True) and \
        only_chars(text, end, b, CLOSERS + " \t", from_end=False)


def line_bounds(text: str, pos: int) -> tuple:
    r"""(start, end) of the line holding `pos`, without its line feed.

    >>> line_bounds("ab\ncd\nef", 4)
    (3, 5)
    """
    b = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if b < 0 else b


def only_chars(text: str, a: int, b: int, chars: str, from_end: bool) -> bool:
    """True when text[a:b] holds only `chars`: read first near the word
    (`from_end`: b's side), where prose has a letter, so a long line costs
    a few characters per word, not its length.

    >>> only_chars("x  (word", 1, 4, " (", True), only_chars("a" * 100 + " (", 0, 102, " (", True)
    (True, False)
    """
    near = text[max(a, b - 32):b] if from_end else text[a:min(b, a + 32)]
    if near.strip(chars):
        return False
    return b - a <= 32 or not text[a:b].strip(chars)


def in_tabular_line(text: str, pos: int, line: tuple | None = None) -> bool:
    r"""True when the word's line holds a tab: a table, a listing or code, not prose.

    A tab in a run of blanks that the whitespace step makes one space ("a \t
    b") is only a space: the second pass would no longer see it.

    >>> in_tabular_line("apt\tmawk\t1.3", 4), in_tabular_line("a line\nof prose", 9)
    (True, False)
    >>> in_tabular_line("the minister \tsaid", 4)
    False
    """
    a, b = line or line_bounds(text, pos)
    stripped = text[a:b].strip()
    if "\t" not in stripped:
        return False
    blanks = SpanSet(blank_runs(stripped))
    return any(not blanks.overlaps(i, i + 1) for i, c in enumerate(stripped) if c == "\t")


def is_slug(word: str) -> bool:
    """A chain of four or more hyphenated parts is a slug or an identifier, not prose.

    >>> is_slug("a-public-ipport-combination"), is_slug("state-of-the-art"), is_slug("well-known")
    (True, True, False)
    """
    return word.count("-") >= 3


def lacks_vowels(word: str) -> bool:
    """True for a short token without a vowel (tty, pkg, mgmt): maybe an abbreviation.

    >>> lacks_vowels("tty"), lacks_vowels("pkgs"), lacks_vowels("chcks"), lacks_vowels("thre")
    (True, True, False, False)
    """
    return len(word) <= 4 and not any(c in "aeiouAEIOU" for c in word)


def in_technical_text(doc: Document) -> bool:
    """True when the document is technical writing (guards.is_technical, read once per document).

    >>> in_technical_text(Document("Pass `opts.signal` to abort; see man 2 mmap.")), in_technical_text(Document("We met."))
    (True, False)
    """
    memo = doc.__dict__
    if "_technical" not in memo:
        memo["_technical"] = is_technical(doc.text)
    return memo["_technical"]


def in_software_prose(doc: Document) -> bool:
    """True when the document is technical writing (`in_technical_text`) or a manual's prose that
    names its software's artefacts often (`names_artefacts_often`: its code left out, as HTML
    paragraphs without their <code> are), read once per document. Only the evidence that a word
    is a name (identifiers.identifier_evidence) reads it; what technical text alone changes (a
    short word's correction only suggested, suggest.looks_like_jargon) cost 59 of 2008 synthetic
    slips' repairs when read so.

    >>> in_software_prose(Document("Run the cp command on a file, then the mv command on the files."))
    True
    >>> in_technical_text(Document("Run the cp command on a file, then the mv command on the files."))
    False
    """
    memo = doc.__dict__
    if "_software" not in memo:
        memo["_software"] = in_technical_text(doc) or names_artefacts_often(doc.text)
    return memo["_software"]


# Nouns that set a name before them in running text: "the passwd file", "the chage
# command". A lower-case unknown word before one of them (blanks only between), whose
# correction makes no listed bigram with the noun ("passed file"; "a smal package" ->
# "small package" is listed, so corrected), reads as the name of a program, a file or
# an identifier that nothing marks as code as often as a slip: its correction is only
# suggested (step.names_a_thing). Software artefacts only: "module", "tool", "driver",
# "field" name other things too ("the ascent module"); "mode" names an editor's or a
# program's mode ("emacs' todoo mode"). bench/NOTES.md, "Names that nothing marks as
# code" and "False corrections on clean documentation, round 3".
NAMING_NOUNS = frozenset({
    "command", "commands", "subcommand", "program", "programs", "utility", "utilities", "daemon",
    "binary", "binaries", "executable", "file", "files", "package", "packages", "library", "libraries",
    "function", "functions", "syscall", "option", "options", "flag", "flags", "variable", "variables",
    "macro", "script", "plugin", "directive", "manpage", "mode",
})
# NAMING_NOUNS that name nothing outside software as often: not "package", "option", "mode"
# (a car's), "program" (a broadcast's), "library", "binary", "utility", "flag".
ARTEFACT_NOUNS = NAMING_NOUNS - frozenset({
    "package", "packages", "option", "options", "mode", "program", "programs", "library", "libraries",
    "binary", "binaries", "utility", "utilities", "flag", "flags"})
# A text of at least ARTEFACT_NOUNS_MIN of ARTEFACT_NOUNS, ARTEFACT_NOUNS_PER_1000 or more per 1000
# words, is a manual's prose: it talks about commands, files, functions and variables, and its
# lower-case unknown words are as often their names as slips ("usually either umount or ...", "the
# ctime (change time)"). Measured on 20-paragraph documents (bench/NOTES.md, vocab41): Debian
# documentation packages (clean_prose tune5) 88% at 5 or more, 41% with marks of code
# (guards.TECHNICAL_SHARE); the development news pages' tune articles max 0.9; WCXB's tune
# articles 4% at 5 or more, its documentation pages 44%. With every NAMING_NOUN, a car review
# ("package", "option", "mode") read as a manual.
ARTEFACT_NOUNS_PER_1000 = 5.0
ARTEFACT_NOUNS_MIN = 3
_ARTEFACT_NOUN = re.compile(r"\b(?:" + "|".join(sorted(ARTEFACT_NOUNS)) + r")\b", re.IGNORECASE)


def names_artefacts_often(text: str) -> bool:
    """True when the text names software artefacts often (ARTEFACT_NOUNS_PER_1000 of ARTEFACT_NOUNS).

    >>> names_artefacts_often("The cp command copies a file. Its options and the mv command's differ; "
    ...                       "both read the file named last.")
    True
    >>> names_artefacts_often("The minister said the program would file its report."), names_artefacts_often("a file")
    (False, False)
    >>> names_artefacts_often("The sport package adds a drive mode option and a tow package.")
    False
    """
    bound = artefact_nouns_at_most(text)
    if bound < ARTEFACT_NOUNS_MIN:
        return False  # most texts end here, without the regex over the whole text
    words = len(text.split())
    if 1000 * bound < ARTEFACT_NOUNS_PER_1000 * words:
        return False
    nouns = len(_ARTEFACT_NOUN.findall(text))
    return nouns >= ARTEFACT_NOUNS_MIN and 1000 * nouns >= ARTEFACT_NOUNS_PER_1000 * words


# Each of ARTEFACT_NOUNS holds one of these ("subcommand" and "files" hold "command" and "file").
_ARTEFACT_STEMS = tuple(sorted(n for n in ARTEFACT_NOUNS if not any(m != n and m in n for m in ARTEFACT_NOUNS)))
# The non-ASCII letters re.IGNORECASE matches for an ASCII one (for "i", "s" and "k"); str.lower
# does not make them the ASCII letter.
_FOLDED_BY_RE = "\u0130\u0131\u017f\u212a"


def artefact_nouns_at_most(text: str) -> int:
    """At least as many as _ARTEFACT_NOUN finds in `text`: the stems' occurrences in the lower-cased
    text (each match holds one, and str.count counts as many as any disjoint choice), or
    the regex's own count when the text holds a letter only the regex folds.

    >>> t = "Subcommands and FILES: the profile's file."
    >>> artefact_nouns_at_most(t), len(_ARTEFACT_NOUN.findall(t))
    (4, 2)
    >>> artefact_nouns_at_most("the \u017fcript"), len(_ARTEFACT_NOUN.findall("the \u017fcript"))
    (1, 1)
    """
    if any(c in text for c in _FOLDED_BY_RE):
        return len(_ARTEFACT_NOUN.findall(text))
    low = text.lower()
    return sum(map(low.count, _ARTEFACT_STEMS))


# The word may head a hyphen-joined name before the noun ("the manpages-de package",
# "the manpages-LANG packages"): its parts after the word, then blanks, then the noun.
_NEXT_WORD = re.compile(r"((?:-[A-Za-z0-9][A-Za-z0-9.+]*)*)[ \t]+([a-z]+)\b")


def naming_noun_after(text: str, end: int) -> str | None:
    """The noun of NAMING_NOUNS that follows the word ending at `end` (blanks only, or
    the rest of a hyphen-joined name the word heads), if any.

    >>> t = "The chage command and the passwd file; the manpages-de package."
    >>> naming_noun_after(t, 9), naming_noun_after(t, 32), naming_noun_after("a chage now", 7)
    ('command', 'file', None)
    >>> naming_noun_after(t, 51)
    'package'
    """
    m = _NEXT_WORD.match(text, end)
    return m.group(2) if m is not None and m.group(2) in NAMING_NOUNS else None


def unlisted_naming_noun(text: str, end: int, word: str, lex) -> str | None:
    """The noun that sets a name after the word ending at `end` (naming_noun_after), when
    `word` (the word's correction, or its split's last word) makes no listed bigram with it,
    nor, when the word heads a hyphen-joined name, with the name's next part ("comand-line
    program": "command line" is listed, so corrected).

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries()); t = "The chage command sets a smzll package."
    >>> unlisted_naming_noun(t, 9, "change", lex), unlisted_naming_noun(t, 30, "small", lex)
    ('command', None)
    >>> t = "Install the manpages-de package or the comand-line program."
    >>> unlisted_naming_noun(t, 20, "manages", lex), unlisted_naming_noun(t, 45, "command", lex)
    ('package', None)
    """
    noun = naming_noun_after(text, end)
    if noun is None or lex.bigram_frequency(word, noun) != 0:
        return None
    joined = _NEXT_WORD.match(text, end).group(1)
    if joined and lex.bigram_frequency(word, joined[1:].split("-")[0].lower()) != 0:
        return None
    return noun


def written_as_code(doc: Document, lower: str) -> bool:
    """True when the document writes the word, somewhere, as code: a manual page
    "passwd(5)", a path "/etc/passwd", `chage` in backticks. A name is the same name in
    the prose around it.

    >>> written_as_code(Document.scan("Edit /etc/passwd; the passwd file."), "passwd")
    True
    >>> written_as_code(Document.scan("The pasword and the pasword."), "pasword")
    False
    """
    text = doc.text
    return any(looks_like_code(text, s, s + len(lower)) or text[s + len(lower):s + len(lower) + 1] == "("
               or text[s - 1:s] == "`" for s in doc.places(lower))


def names_a_thing(piece: Piece, lower: str, correction: str, doc: Document, lex) -> bool:
    """True for a lower-case word that reads as a name nothing marks as code: a daemon's
    name (`is_daemon_name`), or a word before a noun that sets a name
    (guard.NAMING_NOUNS: "the chage command") and the
    correction does not make a listed bigram with that noun ("change command" is not
    listed; "a smzll package" -> "small package" is, so it is corrected). The caller
    asks only below suggest.JARGON_FIRE_SHARE: a slip as clear as "a rare extenral program"
    (0.99) is corrected, for "external program" is not listed either.

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries()); t = "The chage command sets a smzll package."
    >>> doc = Document.scan(t)
    >>> [names_a_thing(Piece(w, t.find(w), t.find(w) + len(w), "", "", False), w, c, doc, lex)
    ...  for w, c in (("chage", "change"), ("smzll", "small"))]
    [True, False]
    """
    if not piece.text.islower():
        return False
    if is_daemon_name(lower, correction, lex):
        return True
    return unlisted_naming_noun(doc.text, piece.end, correction, lex) is not None


def is_daemon_name(lower: str, correction: str, lex) -> bool:
    """True for a known word of three letters or more with a "d" run on ("systemd",
    "httpd"): the way Unix names a daemon. English adds "d" only after an "e", so
    the word is no form of its stem; a slip of a past form ("playd" -> "played")
    is one when the correction is that form.

    >>> from service.resources import dictionaries
    >>> from service.steps.spelling.rank import lexicon_for
    >>> lex = lexicon_for(dictionaries())
    >>> is_daemon_name("systemd", "systems", lex), is_daemon_name("httpd", "https", lex)
    (True, True)
    >>> is_daemon_name("playd", "played", lex), is_daemon_name("thed", "the", lex)
    (False, False)
    """
    stem = lower[:-1]
    if not lower.endswith("d") or len(stem) < 3 or stem.endswith(("e", "d")):
        return False
    if not (lex.in_dictionary(stem) or lex.zipf(stem) >= KNOWN_ZIPF):  # "http" is common, not listed
        return False
    return correction not in (stem, stem + "ed", stem + stem[-1] + "ed")


# Quotes round a mention (guards' pairs; "`" is code already).
_MENTION_QUOTES = {'"': '"', "'": "'", "‘": "’", "“": "”"}
# How far a quote that holds code may stand from the word, either side: an option, a command
# and its argument ("‘lset-filter url:tex’"), not a sentence quoted.
QUOTED_CODE_REACH = 40


def quoted_mention(text: str, start: int, end: int) -> bool:
    """True when quotes enclose the word as a mention that guards.is_quoted_alone does not see:
    the word with a hyphen after it (a prefix named: "‘dont-’"), or with the stop inside the
    quotes ("“perself.”"), or a quote of at most QUOTED_CODE_REACH characters either side of the
    word with a chunk of code in it ("‘lset-filter url:tex’": a command quoted).

    >>> t = "prefix it with ‘lset-’; use ‘lset-filter url:tex’; and “perself.” The ‘bigg deal’."
    >>> [quoted_mention(t, t.find(w, a), t.find(w, a) + len(w)) for w, a in
    ...  (("lset", 0), ("lset", 25), ("perself", 0), ("bigg", 0))]
    [True, True, True, False]
    """
    opener = text[start - 1:start] if start > 0 else ""
    close = _MENTION_QUOTES.get(opener)
    if close is not None:
        at = end + (text[end:end + 1] == "-")
        at += text[at:at + 1] in (".", ",", ";", ":", "!", "?")
        if at > end and text[at:at + 1] == close:
            return True
    # the line's ends within reach only: a long line is not read for every word
    lo = max(0, start - QUOTED_CODE_REACH)
    a = text.rfind("\n", lo, start) + 1 or lo
    b = text.find("\n", end, end + QUOTED_CODE_REACH)
    b = end + QUOTED_CODE_REACH if b < 0 else b
    left = text[a:start]
    if not any(map(left.__contains__, _MENTION_QUOTES)):
        return False  # no quote opens before the word within reach: most words, without the loop
    for i in range(len(left) - 1, -1, -1):
        close = _MENTION_QUOTES.get(left[i])
        if close is None or (i and not left[i - 1].isspace() and left[i - 1] not in "(["):
            continue
        if close in left[i + 1:]:
            return False
        j = text.find(close, end, b)
        if j < 0:
            return False
        inside = text[start - (len(left) - i) + 1:j]
        return any(looks_like_code(inside, m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+", inside))
    return False


def is_mentioned(text: str, start: int, end: int) -> bool:
    """True when quotes mark the word as mentioned, not used: alone inside them
    (guards.is_quoted_alone) or as `quoted_mention` reads. The one quote test of the
    step's guard and of its listed fixes.

    >>> is_mentioned('set "nobin" here', 5, 10), is_mentioned("use ‘lset-’ first", 5, 9), is_mentioned("a nobin", 2, 7)
    (True, True, False)
    """
    return is_quoted_alone(text, start, end) or quoted_mention(text, start, end)


def cut_short(text: str, end: int) -> bool:
    """True when an ellipsis follows the word at once: a teaser cut mid-word
    ("our long-life drink concep ...") shows a fragment, not a slip.

    >>> cut_short("a high-tech strateg...", 19), cut_short("drink concep ...", 12), cut_short("plan. Then", 4)
    (True, True, False)
    """
    rest = text[end:end + 4].lstrip(" ")
    return rest.startswith("...") or rest.startswith("…")


def dropped_g(text: str, end: int, lower: str) -> bool:
    """True for an -in word with an apostrophe for its g ("cancellin’", "nothin'"): a
    spoken form written on purpose; the split pieces stop before the apostrophe.

    >>> dropped_g("get cancellin’ now", 13, "cancellin"), dropped_g("keep tryin' it", 10, "tryin")
    (True, True)
    >>> dropped_g("get cancellin now", 13, "cancellin"), dropped_g("the speling' rule", 11, "speling")
    (False, False)
    """
    return lower.endswith("in") and text[end:end + 1] in ("'", "’")


ABBREVIATION_REASON = "abbreviation"


def guard_reason(piece: Piece, doc: Document, vowels_optional: bool = False) -> str | None:
    """Why this piece must not be touched, or None when it may be checked.

    `vowels_optional`: a token without vowels is no abbreviation (the caller knows it to be
    a slip of a common word: rank.slips_from_commonest, rank.hides_a_vowel); the other
    guards still hold.

    >>> doc = Document("Ask Huawei", [])
    >>> guard_reason(Piece("Huawei", 4, 10, "", "", False), doc)
    'proper noun'
    """
    text = doc.text
    word, lower = piece.text, piece.text.lower()
    if len(word) <= MAX_SHORT:
        return "short"
    if lacks_vowels(word) and not vowels_optional:
        return ABBREVIATION_REASON
    if not _LATIN_WORD.match(word):
        return "not plain Latin letters"
    if is_acronym(word):
        return "acronym or mixed case"
    if word[0].isupper():
        if not piece.at_sentence_start:
            return "proper noun"
        if doc.written_capitalised(lower):
            return "name used capitalised elsewhere"
    if looks_like_code(text, piece.start, piece.end):
        return "code or unit"
    if is_mentioned(text, piece.start, piece.end):
        return "quoted mention"
    if cut_short(text, piece.end):
        return "cut short by an ellipsis"
    if dropped_g(text, piece.end, lower):
        return "a dropped g (nothin')"
    line = doc.line_of(piece.start)
    if alone_on_line(text, piece.start, piece.end, line):
        return "alone on its line"
    if doc.tabular_line(line, in_tabular_line):
        return "table or code line"
    if doc.count(lower) >= REPEATED:
        return REPEATED_REASON
    return None
