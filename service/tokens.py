"""Tokens with offsets, shared by the steps that read words.

A token is a run of letters with inner apostrophes or hyphens ("don't",
"Indo-Pacific"), a number, or one other non-space character. URLs, e-mail
addresses, hashtags and @handles are single tokens of their own kind, so no
step edits them as words.

>>> [t.text for t in tokenize("Don't go to https://x.io, OK?")][:3]
["Don't", 'go', 'to']
"""
from __future__ import annotations

import re
from functools import lru_cache
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


def token_pattern(text: str) -> re.Pattern:
    """The cheapest pattern that finds exactly `tokenize`'s tokens in `text`.

    For steps that scan only parts of a text (a chunk between whitespace, a
    run of capitalised words): no token spans whitespace, and the scanner is
    in the same state after any whitespace, so `token_pattern(text)` over a
    whitespace-delimited part gives the same tokens as tokenizing it all.
    """
    return _pattern_for(text)


def scan_tokens(text: str, start: int = 0, end: int | None = None,
                pattern: re.Pattern | None = None) -> list:
    """The tokens of text[start:end] (offsets in `text`), uncached.

    >>> [(t.text, t.start) for t in scan_tokens("a b's c", 2, 5)]
    [("b's", 2)]
    """
    # tuple.__new__ over a list comprehension: Token._make and a generator
    # expression cost ~15% more, and tokens are made by the thousand
    new = tuple.__new__
    pattern = pattern or _pattern_for(text)
    return [new(Token, (m.group(), m.start(), m.end(), m.lastgroup))
            for m in pattern.finditer(text, start, len(text) if end is None else end)]


@lru_cache(maxsize=16)
def tokenize(text: str) -> tuple[Token, ...]:
    """All tokens of `text`, in order, with code-point offsets.

    Cached: a step that reads a text twice (or a test) shares one tokenization.
    """
    return tuple(scan_tokens(text))


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
