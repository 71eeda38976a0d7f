"""What no step may edit: code, URLs, e-mail addresses, identifiers, a request's
names and the words of the request's and the deployment's dictionaries.

One place for each guard, so that steps agree on what they must leave alone:

  code and data   `protected_spans` (inline and fenced code), `looks_like_code`
                  (a word whose chunk holds anything but letters and joiners:
                  snake_case, os.path, x86, 10km), `is_glued` (a word touching
                  a URL, path or identifier character), `is_quoted_alone`,
                  `is_bracketed_alone`
  technical text  `is_technical`: a text whose chunks often carry a mark of code
                  (`has_code_mark`), where the word steps weigh changes so
  links           `may_hold_links`, `touches_link` (URL, e-mail, #tag, @handle)
  names           `name_words`: the words of a request's `names`
  dictionaries    `dictionary_words` and `drop_dictionary_changes`: the words
                  of a request's `dictionary` and of the deployment's
                  rules/dictionary.yaml, never corrected by a step that
                  corrects words
  every step that corrects words: `drop_guarded_changes` (code spans and
                  dictionary words), which the pipeline applies to each

The steps differ in how much of a word's surroundings they read (spelling
reads a word's whole chunk, context only the characters touching a token),
so each uses the guards that fit what it edits; none defines its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import fold_apostrophes
from .scan import tokens_between
from .tokens import WORD, tokenize  # noqa: F401 - tokenize: doctests

# ---------------------------------------------------------------- code and data

# A fenced block, or an inline code span as CommonMark reads one: a run of backticks closed by
# a run of the same length ("``pip check``", reStructuredText's literals too). Pairing single
# backticks instead reads the prose between two ``literals`` as code (and the literals as prose).
_CODE_SPAN = re.compile(r"```.*?```|(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)", re.DOTALL)
# characters that glue a word to a URL, path, handle or identifier
_GLUE = set("/\\@_=#<>{}[]|~$%^&*+")
# Punctuation that may surround a word in prose; anything else inside a
# word's chunk marks code or data.
OPENERS = "\"'“‘«([{*"
CLOSERS = "\"'”’»)]}*.,;:!?…"
_PLAIN_CHUNK = re.compile(r"^[A-Za-z\u00C0-\u024F'’\-—–]*$")
_QUOTE_PAIRS = {'"': '"', "'": "'", "`": "`", "‘": "’", "“": "”", "«": "»"}
_BRACKET_PAIRS = {"(": ")", "[": "]"}
_EMPHASIS_PAIRS = {"*": "*"}


def protected_spans(text: str) -> list:
    """Spans never edited: inline and fenced code.

    >>> protected_spans("use `their` here")
    [(4, 11)]
    >>> protected_spans("run ``pip chek`` to find anyt problem with ``pip list``")
    [(4, 16), (43, 55)]
    """
    if "`" not in text:
        return []
    return [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]


def inside_any(start: int, end: int, spans) -> bool:
    """True when [start, end) overlaps one of the spans (a SpanSet; None: there are none)."""
    return spans is not None and spans.overlaps(start, end)


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
    return text[a:b].lstrip(OPENERS).rstrip(CLOSERS)


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


def is_glued(text: str, tok) -> bool:
    """True for a word touching a URL/path/identifier character, a dot-joined
    domain, or a word called as a function ("write(2)").

    It reads the token's chunk only (the characters either side and one more
    past a dot), so a caller may answer it once per chunk.

    >>> t = tokenize("see their.com now")[1]; is_glued("see their.com now", t)
    True
    >>> t = tokenize("calls write(2) twice")[1]; is_glued("calls write(2) twice", t)
    True
    """
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    if before in _GLUE or after in _GLUE or after == "(":
        return True  # "(" right after a word: a call or a manual page, write(2), read()
    if after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum():
        return True
    return before == "." and tok.start >= 2 and text[tok.start - 2].isalnum()


def is_quoted_alone(text: str, start: int, end: int) -> bool:
    """True when quotes enclose just this word: a mention ('nobin', "foreach").

    >>> is_quoted_alone('set "nobin" here', 5, 10), is_quoted_alone('a "big deal"', 3, 6)
    (True, False)
    """
    return _enclosed_alone(text, start, end, _QUOTE_PAIRS)


def is_bracketed_alone(text: str, start: int, end: int) -> bool:
    """True when brackets enclose just this word: "(hackerjs)" after a change log's entry,
    a link label "[alloc]", a term glossed "(ie)". Brackets round one word hold a name,
    an abbreviation or a gloss far more often than a slip.

    >>> t = "fix docs (hackerjs) and [alloc]: see (this one)"
    >>> is_bracketed_alone(t, 10, 18), is_bracketed_alone(t, 25, 30), is_bracketed_alone(t, 38, 42)
    (True, True, False)
    """
    return _enclosed_alone(text, start, end, _BRACKET_PAIRS)


def is_emphasised_alone(text: str, start: int, end: int) -> bool:
    """True when emphasis marks enclose just this word ("*wss*", "**fd**"): Markdown and
    reStructuredText set a term so, as quotes mention one.

    >>> is_emphasised_alone("for *wss*, the", 5, 8), is_emphasised_alone("a *big deal*", 3, 6)
    (True, False)
    """
    return _enclosed_alone(text, start, end, _EMPHASIS_PAIRS)


def _enclosed_alone(text: str, start: int, end: int, pairs: dict) -> bool:
    """True when an opener of `pairs` stands right before [start, end) and its closer right after."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return bool(before) and pairs.get(before) == after


# A writer's own mark right after a word: "(sic)" or "[sic]" says the word is quoted as
# it was written, error and all; "(sp?)" says the writer doubts its spelling. Either way
# the word is the writer's call to make: a correction is at most a suggestion.
_WRITERS_MARK = re.compile(r"[ \t]*[(\[](?:sic|sp\??)[)\]]", re.IGNORECASE)


def marked_by_writer(text: str, end: int) -> bool:
    """True when "(sic)", "[sic]" or "(sp?)" follows the word ending at `end`.

    >>> t = "it kind of snuk (sp?) up on me; the teh [sic] page; a (spare) one"
    >>> marked_by_writer(t, 15), marked_by_writer(t, 39), marked_by_writer(t, 54)
    (True, True, False)
    """
    return _WRITERS_MARK.match(text, end) is not None


# ---------------------------------------------------------------- technical text

# A text is technical (API documentation, release notes, a manual) when at
# least this share of its white-space chunks carry a mark of code: a
# backtick, snake_case, a dotted or camelCase identifier, "->", "()", braces,
# "=", 0x..., a --flag, a path, letters run into digits (x86). Measured: the
# development news pages at most 0.045, most under 0.002; Node.js API pages
# 0.10-0.23, Valgrind release notes 0.03-0.09. In such a text a short
# lower-case unknown word is as often an identifier or an abbreviation
# ("mmap", "libm", "repz", "semver") as a slip, and common words are terms in
# senses general prose lacks ("the write end of the pipe"): the spelling and
# context steps weigh their changes so.
TECHNICAL_SHARE = 0.03
# Text whose share is above any news page measured (0.045): the context step's
# technical odds (context/score.TECHNICAL_ODDS) reach every common word of a text,
# not a few unknown ones, so they wait for text no news page writes.
CODE_DENSE_SHARE = 0.05
# ... and holds at least this many marked chunks: in a sentence sent alone one mark is a
# share of 0.05 ("The G7 leaders ..." of twenty words), which says nothing of the text.
CODE_DENSE_MARKS = 3
_CODE_MARK = re.compile(r"`|\w_\w|[A-Za-z0-9]\.[a-z][A-Za-z]|->|::|\(\)|[{}=<>\\]|\b0x[0-9a-fA-F]"
                        r"|^--?[a-z]|/[a-z]+/|[a-z]{2,}[A-Z]|[A-Za-z]\d")


# Punctuation no mark of _CODE_MARK takes at a chunk's edge: "." only between a letter or digit
# and letters, the others never (not ":" of "::", "-" of "--flag", "(" of "()", "/", "`").
_MARKLESS = ".,;!?\"'“”‘’"


def has_code_mark(chunk: str) -> bool:
    """True when a white-space chunk carries a mark of code (see TECHNICAL_SHARE).

    >>> has_code_mark("_freeze_importlib"), has_code_mark("`fd`"), has_code_mark("mtime")
    (True, True, False)
    """
    return _CODE_MARK.search(chunk) is not None


def code_share(text: str) -> float:
    """The share of the text's white-space chunks that carry a mark of code (see TECHNICAL_SHARE).

    >>> code_share("Call `fs.open()` with flags_mask set."), code_share("The minister said so.")
    (0.4, 0.0)
    """
    marked, chunks = count_code_marks(text)
    return marked / max(1, chunks)


# (text, its count_code_marks) of the last text counted: the spelling step asks once of
# its text, the context step two to four times of its own (the prior odds of each round of
# decisions, and of a change that rests on chance), so a page's texts are counted once each
_marks_last: tuple = ("", (0, 0))
# The chunks already read, across texts: (those without a mark, those with one). A page's
# spelling and context texts share nearly all their chunks, and pages share most of theirs
# ("the", "said,"), so a text's chunks are mostly looked up, not read. Bounded like the
# context step's chunk caches (context/scan.ScanTables): a full pair is replaced, not
# cleared, so a thread that took the old pair reads it whole (~100 bytes a chunk).
CHUNKS_KEPT = 50_000
_read_chunks: tuple = (set(), set())


def count_code_marks(text: str) -> tuple:
    """(chunks that carry a mark of code, all white-space chunks) of the text.

    >>> count_code_marks("Call `fs.open()` with flags_mask set.")
    (2, 5)
    """
    global _marks_last, _read_chunks
    last = _marks_last
    if last[0] == text:
        return last[1]
    chunks = text.split()
    plain, marks = _read_chunks
    new = set(chunks).difference(plain, marks)
    if new:
        if len(plain) + len(new) > CHUNKS_KEPT or len(marks) + len(new) > CHUNKS_KEPT:
            plain, marks = set(), set()
            _read_chunks = (plain, marks)
            new = set(chunks)
        # each new chunk searched once; a chunk of letters alone, lower-case or capitalised,
        # holds no mark (every one needs a character other than a letter, or an upper-case
        # letter after two lower-case ones), nor does one with no more than _MARKLESS around
        # such letters ("said,", "“Yes!”": no mark can take a character of it without a
        # letter or digit on its far side): most of them, without the regex
        found = {c for c in new if not ((w := c.strip(_MARKLESS)).isalpha() and (w.islower() or w.istitle()))
                 and _CODE_MARK.search(c)}
        marks.update(found)
        plain.update(new.difference(found))
    marked = sum(map(marks.__contains__, chunks)) if marks else 0
    _marks_last = (text, (marked, len(chunks)))  # one tuple: a thread reads the old pair or the new one
    return marked, len(chunks)


def is_code_dense(text: str) -> bool:
    """True when the text's code marks reach CODE_DENSE_SHARE, and are CODE_DENSE_MARKS at least.

    >>> is_code_dense("The G7 leaders met in Rome on Friday to agree on a plan for the war in the east.")
    False
    >>> is_code_dense("Call `fs.open()` with flags_mask set, then `fs.close()`.")
    True
    """
    marked, chunks = count_code_marks(text)
    return marked >= CODE_DENSE_MARKS and marked >= CODE_DENSE_SHARE * chunks


def is_technical(text: str, share: float = TECHNICAL_SHARE) -> bool:
    """True when the text is technical writing (code_share at `share` or more; a test
    that reaches every common word asks is_code_dense instead).

    >>> is_technical("Pass `opts.signal` to abort; see man 2 mmap."), is_technical("We met.")
    (True, False)
    """
    return code_share(text) >= share


# ---------------------------------------------------------------- links

def may_hold_links(text: str) -> bool:
    """False when `text` cannot hold a URL, e-mail or tag token (none of their marks).

    >>> may_hold_links("see www.x.com"), may_hold_links("plain words")
    (True, False)
    """
    return "@" in text or "#" in text or "http" in text or "www." in text


def touches_link(text: str, start: int, end: int, maybe: bool | None = None) -> bool:
    """True when [start, end) overlaps a URL, e-mail or hashtag/handle token.

    Such a token needs "http", "www.", "@" or "#" (the test service.tokens
    makes before it looks for them), so most texts need no tokenizing here;
    else only the chunks around [start, end) are tokenized (tokens never span
    whitespace), not the whole text. A caller testing many spans of one text
    passes `maybe` = may_hold_links(text), so the whole text is read once.

    >>> text = "see www.their.com or #then, then"
    >>> touches_link(text, 8, 13), touches_link(text, 22, 26), touches_link(text, 28, 32)
    (True, True, False)
    """
    if not (may_hold_links(text) if maybe is None else maybe):
        return False
    a, b = start, end
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return any(t.kind in ("url", "email", "tag") and t.start < end and start < t.end
               for t in tokens_between(text, a, b))


# ---------------------------------------------------------------- names

_NAME_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")


def name_words(options) -> frozenset:
    """Lower-case words of the request's names (canonical forms and aliases): no
    step takes them for a misspelling or a confusion.

    >>> from service.options import Options
    >>> sorted(name_words(Options.from_mapping(names=[{"canonical": "Xi Jinping", "aliases": ["Xi Jin Ping"]}])))
    ['jin', 'jinping', 'ping', 'xi']
    """
    names = getattr(options, "names", ()) or ()
    return _name_words(tuple(names)) if names else frozenset()


@lru_cache(maxsize=64)
def _name_words(names: tuple) -> frozenset:
    out = set()
    for entry in names:
        for name in (entry.canonical, *entry.aliases):
            out.update(w.lower() for w in _NAME_WORD.findall(name))
    return frozenset(out)


# ---------------------------------------------------------------- dictionaries

def fold_word(word: str) -> str:
    """A dictionary word as the guards compare it: lower case, straight apostrophes.

    >>> fold_word("Lede’s")
    "lede's"
    """
    return fold_apostrophes(word.lower())


@lru_cache(maxsize=64)
def dictionary_words(request: tuple, deployment: frozenset = frozenset()) -> frozenset:
    """The words no step corrects: a request's `dictionary` and the deployment's
    (rules/dictionary.yaml, already folded), folded (`fold_word`).

    >>> sorted(dictionary_words(("Lede", "graf"), frozenset({"dek"})))
    ['dek', 'graf', 'lede']
    """
    if not request:
        return deployment
    return deployment | frozenset(fold_word(w) for w in request)


_WORD_RE = re.compile(WORD)


def guarded_words_at(text: str, start: int, end: int, words: frozenset) -> bool:
    """True when [start, end) overlaps a word of `text` that `words` holds, as a
    whole ("e-bike") or as one of its hyphenated parts ("lede" in "lede-writing").

    >>> guarded_words_at("bury the lede now", 9, 13, frozenset({"lede"}))
    True
    >>> guarded_words_at("the lede-writing desk", 5, 7, frozenset({"lede"}))
    True
    >>> guarded_words_at("bury the lead now", 9, 13, frozenset({"lede"}))
    False
    """
    a, b = start, max(end, start + 1)
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    for m in _WORD_RE.finditer(text, a, b):
        if m.start() >= max(end, start + 1) or m.end() <= start:
            continue
        word = fold_word(m.group(0))
        if word in words:
            return True
        pos = m.start()
        for part in word.split("-"):
            if part in words and pos < max(end, start + 1) and start < pos + len(part):
                return True
            pos += len(part) + 1
    return False


def drop_guarded_changes(text: str, changes: list, words: frozenset) -> list:
    """The changes of a step that corrects words, without those touching inline or
    fenced code (`protected_spans`) or a dictionary word (`drop_dictionary_changes`):
    the pipeline applies it to every such step, so no step can forget it.

    >>> from service.edits import Change
    >>> text = "use `buf` and the lede"
    >>> [c.replacement for c in drop_guarded_changes(text, [Change(5, 8, "but", "r", "m"),
    ...     Change(18, 22, "lead", "r", "m"), Change(0, 3, "Use", "r", "m")], frozenset({"lede"}))]
    ['Use']
    """
    if not changes:
        return changes
    if "`" in text:
        spans = protected_spans(text)
        changes = [c for c in changes if not any(a < max(c.end, c.start + 1) and c.start < b for a, b in spans)]
    return drop_dictionary_changes(text, changes, words)


def drop_dictionary_changes(text: str, changes: list, words: frozenset) -> list:
    """The changes that leave every dictionary word of `text` as written.

    >>> from service.edits import Change
    >>> keep = Change(0, 4, "Bury", "r", "m"); lede = Change(9, 13, "lead", "r", "m")
    >>> drop_dictionary_changes("bury the lede", [keep, lede], frozenset({"lede"})) == [keep]
    True
    """
    if not words or not changes:
        return changes
    return [c for c in changes if not guarded_words_at(text, c.start, c.end, words)]
