"""Step 'spelling': non-word typos, and never a change to correct text.

Only tokens that no dictionary knows are looked at (symspellpy's 82k words,
then wordfreq's broad English list). Before any lookup a token must pass the
guards: names, acronyms, code, units, words the document repeats, words the
rules protect, other scripts and lines in another language are never touched.
The candidates of what is left are ranked by a noisy channel (rank): a
correction is made only when it takes most of the posterior against keeping
the word.

Rules (rules/spelling.yaml) protect words that wordfreq lacks (tech and news
vocabulary) and fix common misspellings that wordfreq lists as words
("alot", "goverment").

>>> from service.edits import apply_edits
>>> from service.steps import context_for
>>> ctx = context_for("spelling")
>>> t = "The two countries signed an agreemnet on Huawei and LTE."
>>> apply_edits(t, run(t, ctx))
'The two countries signed an agreement on Huawei and LTE.'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

from ...budget import UNLIMITED
from ...edits import Change, SpanSet
from ...errors import RulesError
from ...tokens import Token, is_acronym, sentence_start
from .rank import (is_derivation, lexicon_for, posterior_share, respell_misspellings,
                            score_hypotheses)
from .words import Document, irregular_keys
from ..whitespace import blank_runs
from ..base import RuleSpec, Step

# Scoring an unknown word (candidates within two edits, each weighed by the
# channel model) costs 1-4 ms; a text of distinct unknown words paid that for
# every one (1.7 MB: 59 s, ~40x the benchmark's cost per MB). A document may
# score at most this many words, plus this many per 1,000 characters; the
# benchmark's documents score 0.6 per 1,000 on average and 9 at most (on 2 KB,
# under the base). Past the cap, unknown words are left as written (fixes
# listed in the rules still apply) and the step is reported incomplete.
SCORED_WORDS_BASE = 40
SCORED_WORDS_PER_1000 = 1


def prepare(dictionaries) -> None:
    """Build the lexicon (about a second) and the word index at start-up, not on the first request."""
    lexicon_for(dictionaries)
    irregular_keys(dictionaries.unigrams)
_WORD_PATTERN = r"^[a-z][a-z'’\-]*[a-z]$"
_PHRASE_PATTERN = r"^[a-z][a-z'’\- ]*[a-z]$"
RULE_SCHEMA = {
    "properties": {
        "protect": {"type": "array", "minItems": 1,
                    "items": {"type": "string", "pattern": r"^[^\s]+$"}},
        "misspelling": {"type": "string", "pattern": _WORD_PATTERN},
        "correction": {"type": "string", "pattern": _PHRASE_PATTERN},
        "fixes": {"type": "object", "minProperties": 1,
                  "propertyNames": {"pattern": _WORD_PATTERN},
                  "additionalProperties": {"type": "string", "pattern": _PHRASE_PATTERN}},
    },
    # exactly one of: a protected word list, one misspelling, a table of them
    "oneOf": [
        {"required": ["protect"]},
        {"required": ["misspelling", "correction"]},
        {"required": ["fixes"]},
    ],
    "dependentRequired": {"misspelling": ["correction"], "correction": ["misspelling"]},
}

# Tokens of this length or less are never corrected: too many readings.
MAX_SHORT = 2
# wordfreq frequency (zipf) at or above which a token is a word, not a typo.
KNOWN_ZIPF = 2.5
# A known word is split ("inthe" -> "in the") only when the two words are this
# many times more frequent as a bigram than the joined form is as a word.
KNOWN_SPLIT_RATIO = 300.0
# A token the document uses this many times is intentional.
REPEATED = 2
# A line whose lower-case words are mostly unknown to English (at least
# FOREIGN_MIN_WORDS of them, more than FOREIGN_SHARE not in the word list nor
# common in wordfreq) is in another language -- a Spanish quote, a translated
# paragraph of a page detected as English -- or not prose: left alone.
# Measured: lines of the development pages (typos injected or not) at most
# 0.2, one <script> tag 0.33; news sentences in Spanish, French, Italian,
# Portuguese and German 0.44-0.62 (their function words "de", "con", "se"
# are common in English lists too).
# A short line dense with typos reaches that share too ("The goverment met
# inthe capital to discuss the agreemnet": 3 of 8), so a line is foreign only
# when English function words are also rare in it (under FOREIGN_FUNCTION_SHARE
# of its lower-case words). The list leaves out words other languages share:
# "a", "in", "on", "an", "die", "was", "will", "he", "as".
FOREIGN_SHARE = 0.35
FOREIGN_MIN_WORDS = 5
FOREIGN_KNOWN_ZIPF = 3.0
FOREIGN_FUNCTION_SHARE = 0.1
FOREIGN_SAMPLE = 40  # words read from the line's start
_EDGE_PUNCTUATION = "\"'“”‘’«»„()[]{},.;:!?¿¡-–—…*"
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to is that for it with be by at this are from or have not but they his her has had "
    "which were their been would there who its said she we you".split())
# Share of the posterior the best correction needs before it is made.
FIRE_SHARE = 0.7
FIRE_SHARE_CAPITALISED = 0.9
# The confidence reported: the posterior share, capped.
MAX_CONFIDENCE = 0.99
FIXED_CONFIDENCE = 0.95

_LATIN_WORD = re.compile(r"^[A-Za-z]+(?:['’\-][A-Za-z]+)*$")
# Punctuation that may surround a word in prose; anything else inside a
# word's chunk marks code or data.
_OPENERS = "\"'“‘«([{*"
_CLOSERS = "\"'”’»)]}*.,;:!?…"
# A word ending in an apostrophe and letters ("China’s", "don't"); a joiner inside a word.
_CONTRACTION_END = re.compile(r"['’]([A-Za-z]+)$")
_JOINER = re.compile(r"['’\-]")
# suffixes after which the stem is a word of its own: possessive 's and the
# contractions of have, will, are, would/had ("n't" and "'m" are not: "don", "I")
_STEM_SUFFIXES = frozenset({"s", "ve", "ll", "re", "d"})
_PLAIN_CHUNK = re.compile(r"^[A-Za-z\u00C0-\u024F'’\-—–]*$")
_QUOTE_PAIRS = {'"': '"', "'": "'", "`": "`", "‘": "’", "“": "”", "«": "»"}


@dataclass(frozen=True)
class SpellingRules:
    """Compiled rules: protected words and explicit misspelling fixes (lowercase)."""

    protected: frozenset = frozenset()
    fixes: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    # the misspellings as a set, for run()'s set operations (derived from fixes)
    fix_words: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "fix_words", frozenset(self.fixes))


def compile_rules(entries: list) -> SpellingRules:
    """Protected words and misspelling -> (correction, rule id); bad data raises RulesError.

    >>> r = compile_rules([{"id": "p", "protect": ["Huawei"]},
    ...                    {"id": "m", "misspelling": "alot", "correction": "a lot"},
    ...                    {"id": "t", "fixes": {"thier": "their"}}])
    >>> sorted(r.protected), r.fixes["alot"], r.fixes["thier"]
    (['huawei'], ('a lot', 'm'), ('their', 't'))
    >>> compile_rules([{"id": "x", "fixes": {"teh": "the"}}, {"id": "y", "misspelling": "teh", "correction": "tea"}])
    Traceback (most recent call last):
    service.errors.RulesError: rule y: misspelling 'teh' is already fixed by rule x
    """
    protected: dict[str, str] = {}
    fixes: dict[str, tuple[str, str]] = {}
    for e in entries:
        for word in e.get("protect", ()):
            protected.setdefault(_fold(word.lower()), e["id"])
        table = dict(e.get("fixes", {}))
        if "misspelling" in e:
            table[e["misspelling"]] = e["correction"]
        for wrong, right in table.items():
            wrong, right = _fold(wrong), _fold(right)
            if wrong == right:
                raise RulesError(f"rule {e['id']}: misspelling and correction are the same word {wrong!r}")
            if wrong in fixes:
                raise RulesError(f"rule {e['id']}: misspelling {wrong!r} is already fixed by rule "
                                 f"{fixes[wrong][1]}")
            fixes[wrong] = (right, e["id"])
    for wrong, (_, rule_id) in fixes.items():
        if wrong in protected:
            raise RulesError(f"rule {rule_id}: misspelling {wrong!r} is protected by rule {protected[wrong]}")
    return SpellingRules(frozenset(protected), MappingProxyType(fixes))


_EMPTY_RULES = SpellingRules()


def _fold(word: str) -> str:
    """Typographic apostrophe to ASCII, so both spellings match.

    >>> _fold("it’s")
    "it's"
    """
    return word.replace("’", "'")


def match_casing(original: str, replacement: str) -> str:
    """Give the replacement the casing of the original (lower, Title or UPPER).

    >>> match_casing("Goverment", "government"), match_casing("TEH", "the"), match_casing("alot", "a lot")
    ('Government', 'THE', 'a lot')
    """
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def match_apostrophe(replacement: str, curly: bool) -> str:
    """Write the replacement's apostrophes the way the document does (’ or ').

    >>> match_apostrophe("you'd", True), match_apostrophe("you'd", False)
    ('you’d', "you'd")
    """
    return replacement.replace("'", "’") if curly else replacement


def prefers_curly(text: str, word: str = "") -> bool:
    """True when the word, or else the document, writes apostrophes as ’.

    >>> prefers_curly("It’s here", "dont"), prefers_curly("It's here, it’s", "youu’d")
    (True, True)
    """
    if "’" in word or "'" in word:
        return "’" in word
    return text.count("’") > text.count("'")


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


def enclosing_chunk(text: str, start: int, end: int) -> str:
    """The run of non-space characters around a span, without sentence punctuation.

    >>> enclosing_chunk('see ("os.path"), then', 7, 9)
    'os.path'
    """
    a, b = start, end
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return text[a:b].lstrip(_OPENERS).rstrip(_CLOSERS)


def looks_like_code(text: str, start: int, end: int) -> bool:
    """True when the word is part of code, a path, a number or a unit.

    Inside the word's chunk (its run of non-space characters, outer
    punctuation stripped) anything but letters, apostrophes and dashes means
    code or data: snake_case, os.path, -fno-lto, a1b2-cdef, x86, 10km.

    >>> looks_like_code("call os.path now", 8, 12), looks_like_code("a snake_case b", 2, 7)
    (True, True)
    >>> looks_like_code("the end. Next", 4, 7), looks_like_code("a well-known (and rare) word", 14, 17)
    (False, False)
    """
    chunk = enclosing_chunk(text, start, end)
    return chunk.startswith("-") or not _PLAIN_CHUNK.match(chunk)


def is_quoted_alone(text: str, start: int, end: int) -> bool:
    """True when quotes enclose just this word: a mention ('nobin', "foreach").

    >>> is_quoted_alone('set "nobin" here', 5, 10), is_quoted_alone('a "big deal"', 3, 6)
    (True, False)
    """
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(before) and _QUOTE_PAIRS.get(before) == after


def alone_on_line(text: str, start: int, end: int, line: tuple | None = None) -> bool:
    """True when the word is its line's only content: a list item, a handle, a label.

    `line`: the line's (start, end), when the caller knows it (Document.line_of).

    >>> alone_on_line("Authors:|seanj|xtreak|".replace("|", chr(10)), 9, 14), alone_on_line("a seanj b", 2, 7)
    (True, False)
    """
    a, b = line or line_bounds(text, start)
    return only_chars(text, a, start, _OPENERS + " \t-•", from_end=True) and \
        only_chars(text, end, b, _CLOSERS + " \t", from_end=False)


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


def guard_reason(piece: Piece, doc: Document, rules: SpellingRules) -> str | None:
    """Why this piece must not be touched, or None when it may be checked.

    >>> doc = Document("Ask Huawei", [])
    >>> guard_reason(Piece("Huawei", 4, 10, "", "", False), doc, _EMPTY_RULES)
    'proper noun'
    """
    text = doc.text
    word, lower = piece.text, piece.text.lower()
    if len(word) <= MAX_SHORT:
        return "short"
    if lacks_vowels(word):
        return "abbreviation"
    if not _LATIN_WORD.match(word):
        return "not plain Latin letters"
    if is_acronym(word):
        return "acronym or mixed case"
    if word[0].isupper():
        if not piece.at_sentence_start:
            return "proper noun"
        if doc.written_capitalised(lower):
            return "name used capitalised elsewhere"
    if _fold(lower) in rules.protected:
        return "protected"
    if looks_like_code(text, piece.start, piece.end):
        return "code or unit"
    if is_quoted_alone(text, piece.start, piece.end):
        return "quoted mention"
    line = doc.line_of(piece.start)
    if alone_on_line(text, piece.start, piece.end, line):
        return "alone on its line"
    if doc.tabular_line(line, in_tabular_line):
        return "table or code line"
    if doc.count(lower) >= REPEATED:
        return "repeated in the document"
    return None


def _context_word(word: tuple, neighbour: tuple | None, text: str) -> str:
    """The lowercase neighbouring word, if only spaces or tabs separate it from the word.

    `word` and `neighbour` are (word, start, end); punctuation, numbers or a
    line break in between mean no context, and so does no neighbour at all.
    A run of blanks is context like one space: the whitespace step makes it one.

    >>> _context_word(("cat", 4, 7), ("The", 0, 3), "The cat"), _context_word(("cat", 5, 8), ("The", 0, 3), "The, cat")
    ('the', '')
    """
    if neighbour is None:
        return ""
    a, b = (neighbour[2], word[1]) if neighbour[1] < word[1] else (word[2], neighbour[1])
    if text[a:b].strip(" \t"):
        return ""
    return _fold(neighbour[0].lower())


def run(text: str, ctx) -> list[Change]:
    """Changes that correct non-word typos (see the module docstring).

    Words are found with the shared tokenizer's word pattern; URLs, e-mail
    addresses, hashtags and code are recognised by the code guard on the
    few words that are not listed. Only the words that symspellpy's list
    lacks (or that a rule fixes) are looked at one by one: set operations
    in C find them (`Document.unlisted`), so the ~800 listed words of an
    article cost no Python-level work each.

    Two typos side by side ("takls witth") are each the other's context: a
    word is decided again with its neighbour as corrected, until nothing
    moves (`_settle`), so that both are fixed in this pass and a second
    pass, which reads the corrected neighbour, has nothing left to do.
    """
    if getattr(ctx, "resources", None) is None:
        raise ValueError("the spelling step needs the shared dictionaries (ctx.resources)")
    return corrections(text, ctx.resources, getattr(ctx, "rules", None), budget=getattr(ctx, "budget", UNLIMITED))


def corrections(text: str, resources, rules: SpellingRules | None = None, only=None,
                budget=UNLIMITED) -> list[Change]:
    """`run`'s changes, from the shared dictionaries and the step's rules.

    `only(lower)`, when given, picks the unlisted words to check (the names
    step asks about the few one slip from a name); the others stay as written.
    `budget`: the request's time budget (service.budget), polled as words are found.

    >>> from service.resources import dictionaries
    >>> [c.replacement for c in corrections("They will takls witth him.", dictionaries(), only=lambda w: w[0] == "w")]
    ['with']
    """
    rules = rules or _EMPTY_RULES
    doc = Document.scan(text)
    listed = resources.unigrams
    checks = []  # (word, start, end), its neighbours before and after
    for i, current in enumerate(doc.unlisted(listed, rules.fix_words, irregular_keys(listed), only)):
        if budget.every(i):
            break  # the time budget ran out: the words after this one are left as written
        word, start, end = current
        if len(word) <= MAX_SHORT or is_slug(word):
            continue
        checks.append((current,) + doc.neighbours(start, end))
    if not checks:
        return []
    lex = lexicon_for(resources)
    foreign: dict = {}  # line start -> is_foreign_line
    allowance = [scoring_allowance(len(text))]

    def decide(current: tuple, left: str, right: str) -> tuple:
        word, start, end = current
        found = []
        for piece in split_pieces(Token(word, start, end, "word"), left, right, sentence_start(text, start)):
            change = check_piece(piece, doc, lex, rules, allowance)
            # the language of the line last: only for a correction (most unlisted words get none)
            if change is not None and not _in_foreign_line(text, start, foreign, listed, lex):
                found.append(change)
        return tuple(found)

    changes = [c for found in _settle(text, checks, decide) for c in found]
    if allowance[0] < 0:
        budget.note_cap()
    return changes


# Rounds of re-deciding words next to a corrected word: a run of n typos in a
# row settles in n rounds; longer runs keep what the last round found.
MAX_ROUNDS = 4


def _settle(text: str, checks: list, decide) -> list[tuple]:
    """The changes of each checked word, each decided with its neighbours as corrected.

    `checks` holds (word, before, after) as `Document.neighbours` gives them;
    `decide(word, left, right)` the word's changes given its context words.
    The first round reads the neighbours as written; later rounds decide again
    only the words next to one whose changes moved.
    """
    at = {current[1]: i for i, (current, _, _) in enumerate(checks)}
    found: list[tuple] = [()] * len(checks)

    def context(i: int, neighbour: tuple | None, side: int) -> str:
        word = _context_word(checks[i][0], neighbour, text)
        j = at.get(neighbour[1]) if word else None
        if j is not None and found[j]:
            fixed = corrected_word(text, neighbour, found[j]).split()
            word = _fold(fixed[side].lower()) if fixed else ""
        return word

    pending = range(len(checks))
    for _ in range(MAX_ROUNDS):
        moved = []
        for i in pending:
            current, before, after = checks[i]
            new = decide(current, context(i, before, -1), context(i, after, 0))
            if new != found[i]:
                found[i] = new
                moved.append(i)
        pending = sorted({at[n[1]] for i in moved for n in checks[i][1:] if n is not None and n[1] in at})
        if not pending:
            break
    return found


def corrected_word(text: str, word: tuple, changes: tuple) -> str:
    """A (word, start, end) of `text` with the changes inside it applied.

    >>> corrected_word("a takls b", ("takls", 2, 7), (Change(2, 7, "talks", "r", "m"),))
    'talks'
    """
    _, start, end = word
    out, pos = [], start
    for c in sorted(changes, key=lambda c: c.start):
        out += [text[pos:c.start], c.replacement]
        pos = c.end
    out.append(text[pos:end])
    return "".join(out)


def scoring_allowance(length: int) -> int:
    """How many unknown words a text of `length` characters may score (see SCORED_WORDS_BASE).

    >>> scoring_allowance(0), scoring_allowance(1_000_000)
    (40, 1040)
    """
    return SCORED_WORDS_BASE + SCORED_WORDS_PER_1000 * length // 1000


def _in_foreign_line(text: str, pos: int, cache: dict, listed, lex) -> bool:
    """is_foreign_line for the line holding `pos`, cached by its start."""
    line_start = text.rfind("\n", 0, pos) + 1
    found = cache.get(line_start)
    if found is None:
        line_end = text.find("\n", pos)
        found = cache[line_start] = is_foreign_line(text, line_start, len(text) if line_end < 0 else line_end,
                                                    listed, lex)
    return found


def is_foreign_line(text: str, start: int, end: int, listed, lex) -> bool:
    """True when text[start:end] is not English prose (see FOREIGN_SHARE).

    >>> from service.resources import dictionaries
    >>> d = dictionaries(); lex = lexicon_for(d); es = "Los tipos de datos se logran con dos palabras clave."
    >>> is_foreign_line(es, 0, len(es), d.unigrams, lex)
    True
    >>> en = "The goverment met inthe capital to discuss the agreemnet."
    >>> is_foreign_line(en, 0, len(en), d.unigrams, lex)
    False
    """
    # a whitespace split with punctuation stripped: the tokenizer's words, for
    # lower-case letters-only words, at a fraction of its cost
    chunks = text[start:end].split(None, FOREIGN_SAMPLE)[:FOREIGN_SAMPLE]  # a paragraph's start tells
    words = [w for w in (c.strip(_EDGE_PUNCTUATION) for c in chunks) if w.isalpha() and w.islower()]
    if len(words) < FOREIGN_MIN_WORDS:
        return False
    # the cheap test first: English prose is full of function words
    if sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) >= FOREIGN_FUNCTION_SHARE * len(words):
        return False
    unknown = sum(1 for w in words if w not in listed and lex.zipf(w) < FOREIGN_KNOWN_ZIPF)
    return unknown > FOREIGN_SHARE * len(words)


def check_piece(piece: Piece, doc: Document, lex, rules: SpellingRules,
                allowance: list | None = None) -> Change | None:
    """The change for one word, or None when it is correct or must not be touched.

    `allowance`: a one-item list counting the words this document may still
    score; at 0 the word is left as written (and the count goes below 0).
    """
    lower = _fold(piece.text.lower())
    curly = prefers_curly(doc.text, piece.text) if "'" in lower else doc.curly
    fix = rules.fixes.get(lower)
    if fix is not None and not is_acronym(piece.text) and not looks_like_code(doc.text, piece.start, piece.end) \
            and not is_quoted_alone(doc.text, piece.start, piece.end):
        if piece.text[0].islower() or piece.at_sentence_start:
            right, rule_id = fix
            replacement = match_apostrophe(match_casing(piece.text, right), curly)
            return Change(piece.start, piece.end, replacement, rule_id,
                          f"'{piece.text}' is a common misspelling of '{replacement}'", FIXED_CONFIDENCE)
    if lex.in_dictionary(lower) or ("'" in lower and lex.zipf(lower) > 0):
        return None  # a listed word, or a contraction wordfreq has seen
    if guard_reason(piece, doc, rules) is not None:
        return None
    known = lex.zipf(lower) >= KNOWN_ZIPF
    capital = piece.text[0].isupper()
    if known and capital:
        return None
    # a regular derivation of a common word ("unresolve") is a word, not a typo
    if allowance is not None:
        allowance[0] -= 1
        if allowance[0] < 0:
            return None  # the document's scoring allowance is spent
    edits = not known and not is_derivation(lex, lower)
    hyps = respell_misspellings(score_hypotheses(lex, lower, piece.left, piece.right, capital, allow_edits=edits),
                                rules.fixes)
    best = hyps[0]
    if best.kind == "keep":
        return None
    share = posterior_share(hyps)
    if share < (FIRE_SHARE_CAPITALISED if capital else FIRE_SHARE):
        return None
    if known and best.kind == "split" and lex.bigram_frequency(*best.replacement.split()) < (
            KNOWN_SPLIT_RATIO * lex.frequency(lower)):
        return None
    replacement = match_apostrophe(match_casing(piece.text, best.replacement), curly)
    if best.kind == "split":
        message = f"'{piece.text}' is likely '{replacement}' with a missing space"
        rule = "spelling.split"
    else:
        message = f"'{piece.text}' is likely a typo for '{replacement}'"
        rule = "spelling.typo"
    return Change(piece.start, piece.end, replacement, rule, message, round(min(MAX_CONFIDENCE, share), 3))


STEP = Step(name="spelling", run=run,
            summary="non-word typos (SymSpell, guarded)",
            english_only=True, needs_dictionaries=True, prepare=prepare,
            rules=RuleSpec("spelling.yaml", RULE_SCHEMA, compile_rules))
