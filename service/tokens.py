"""Tokens with offsets, shared by the steps that read words.

A token is a run of letters with inner apostrophes or hyphens ("don't",
"Indo-Pacific"), a number, or one other non-space character. URLs, e-mail
addresses, hashtags and @handles are single tokens of their own kind, so no
step edits them as words.

>>> [t.text for t in tokenize("Don't go to https://x.io, OK?")][:3]
["Don't", 'go', 'to']
"""
from __future__ import annotations

import bisect
import re
import threading
from typing import NamedTuple

WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_TOKEN = re.compile(rf"(?P<url>(?:https?://|www\.)\S+)|(?P<email>[\w.+-]+@[\w-]+\.[\w.-]+)"
                    rf"|(?P<tag>[#@]\w+)|(?P<word>{WORD})|(?P<num>\d[\d.,:/]*\w*)|(?P<other>\S)")
# _TOKEN without the url, email and tag alternatives, which cannot match in a
# text without "http", "www.", "@" or "#" (most articles): trying them at
# every token is half the cost of tokenizing, for the same tokens.
_PLAIN_TOKEN = re.compile(rf"(?P<word>{WORD})|(?P<num>\d[\d.,:/]*\w*)|(?P<other>\S)")


def _pattern_for(text: str) -> re.Pattern:
    """The cheapest pattern that finds exactly _TOKEN's tokens in `text`."""
    if "@" in text or "#" in text or "http" in text or "www." in text:
        return _TOKEN
    return _PLAIN_TOKEN


class Token(NamedTuple):
    """One token; a tuple, because articles have thousands and a frozen
    dataclass costs several times more to build."""

    text: str
    start: int
    end: int
    kind: str  # word, num, url, email, tag, other

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.kind == "word"


_CACHE_SIZE = 16
_cache: dict[str, tuple] = {}  # text -> tokens, oldest first
_cache_lock = threading.Lock()


def _remember(text: str, tokens: tuple) -> None:
    with _cache_lock:
        _cache[text] = tokens
        while len(_cache) > _CACHE_SIZE:
            del _cache[next(iter(_cache))]


def _scan(text: str, start: int = 0, end: int | None = None, pattern: re.Pattern | None = None) -> list:
    # tuple.__new__ over a list comprehension: Token._make and a generator
    # expression cost ~15% more, and every step that reads words tokenizes
    new = tuple.__new__
    pattern = pattern or _pattern_for(text)
    return [new(Token, (m.group(), m.start(), m.end(), m.lastgroup))
            for m in pattern.finditer(text, start, len(text) if end is None else end)]


def tokenize(text: str) -> tuple[Token, ...]:
    """All tokens of `text`, in order, with code-point offsets.

    Cached: consecutive steps usually see the same text (most steps change
    nothing), and tokens are immutable, so they can share one tokenization;
    when a step changes the text, `carry_tokens` derives the new text's
    tokens from the old ones.
    """
    hit = _cache.get(text)
    if hit is None:
        hit = tuple(_scan(text))
        _remember(text, hit)
    return hit


_SPACE = re.compile(r"\s")


def carry_tokens(old_text: str, new_text: str, changes) -> None:
    """Cache `new_text`'s tokens, derived from `old_text`'s cached ones.

    `changes` (start, end, replacement; sorted, not overlapping, in old_text
    offsets) turned old_text into new_text. No token spans whitespace, and
    the scanner is in the same state after any whitespace, so only the
    whitespace-delimited chunks a change touches are scanned again; the other
    tokens are kept and shifted. A step that fixes three words of an article
    then costs a few chunks instead of a whole tokenization (0.6 ms / 5 KB).

    >>> old = "two counties in to it"
    >>> _ = tokenize(old)
    >>> from service.edits import Change
    >>> new = "two countries into it"
    >>> carry_tokens(old, new, [Change(4, 12, "countries", "r", "m"), Change(15, 16, "", "r", "m")])
    >>> _cache[new] == tuple(_scan(new))
    True
    """
    old = _cache.get(old_text)
    if old is None or new_text in _cache:
        return
    chunks: list[list[int]] = []  # [old start, old end, shift at start, shift at end]
    shift = 0
    for c in changes:
        a = c.start
        while a > 0 and not old_text[a - 1].isspace():
            a -= 1
        m = _SPACE.search(old_text, c.end)
        b = m.start() if m else len(old_text)
        delta = len(c.replacement) - (c.end - c.start)
        if chunks and a <= chunks[-1][1]:  # the same chunk as the change before
            chunks[-1][1] = max(chunks[-1][1], b)
            chunks[-1][3] += delta
        else:
            chunks.append([a, b, shift, shift + delta])
        shift += delta
    starts = [t.start for t in old]
    new = tuple.__new__
    out: list = []
    kept = 0  # old tokens before this index are in `out`
    for a, b, before, after in chunks:
        first = bisect.bisect_left(starts, a)
        out.extend([new(Token, (t.text, t.start + before, t.end + before, t.kind)) for t in old[kept:first]]
                   if before else old[kept:first])
        # a change may bring in "@", "#" or "http": scan with the full pattern
        out.extend(_scan(new_text, a + before, b + after, _TOKEN))
        kept = bisect.bisect_left(starts, b)
    out.extend([new(Token, (t.text, t.start + shift, t.end + shift, t.kind)) for t in old[kept:]]
               if shift else old[kept:])
    _remember(new_text, tuple(out))


def is_acronym(word: str) -> bool:
    """LTE, 5G-style and mixed-case brand words are not dictionary words.

    >>> is_acronym("LTE"), is_acronym("iPhone"), is_acronym("Lte")
    (True, True, False)
    """
    if len(word) >= 2 and word.isupper():
        return True
    return any(c.isupper() for c in word[1:])


def sentence_start(text: str, pos: int) -> bool:
    """True when `pos` begins a sentence (after . ! ? : a newline, or at 0)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'“‘([":
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r"
