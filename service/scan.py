"""The shared sparse scanner: a text read chunk by chunk, each chunk tokenized once.

No token spans whitespace (no pattern of service.tokens matches a space,
and str.split() cuts at exactly the characters the tokenizer's \\s takes),
and the tokenizer is in the same state after any whitespace. So the tokens
of a text are the tokens of its whitespace-separated chunks, chunk by
chunk, offset by where each chunk stands (tests/test_scan.py checks this
against `tokenize` on generated text). The same holds for the word pattern
(`WORD`) that the spelling step reads.

Steps that need a few tokens read only the chunks that can hold them:
names the runs of capitals, context its confusion words and their
neighbours, spelling the words no dictionary lists. Chunks repeat across
texts ("the", "said,", "2023."), and in the pipeline a step's edits change
the text but few of its chunks, so a chunk's tokens are cached here once for
every step (a whole text's tokens, `tokenize`'s cache, are lost as soon as
an earlier step edits one word).

>>> [(t.text, t.start) for t in tokens_between("Over (their) cat.", 5, 17)]
[('(', 5), ('their', 6), (')', 11), ('cat', 13), ('.', 16)]
>>> chunk_words("e-mail:x@y.io")
(('e-mail', 0, 6), ('x', 7, 8), ('y', 9, 10), ('io', 11, 13))
"""
from __future__ import annotations

import re

from .tokens import WORD, Token, scan_tokens, token_pattern

_new = tuple.__new__  # builds a NamedTuple without its __new__: see service.tokens.scan_tokens
_WORD = re.compile(WORD)

# Distinct chunks remembered before a cache starts afresh: news vocabulary
# fits, and the working set refills within a few articles (~600 bytes a
# chunk with its tokens: at most ~12 MB a worker for each cache).
CHUNKS_SIZE = 20_000
_tokens: dict = {}  # chunk -> its tokens (offsets in the chunk)
_words: dict = {}   # chunk -> its WORD matches (word, start, end)


def chunk_tokens(chunk: str) -> tuple:
    """tokenize(chunk) for a whitespace-free chunk (or a run of whole chunks),
    from a process-wide cache bounded in entries.

    The cache is a dict replaced when full, never cleared in place: dict
    operations are atomic under the GIL, so threads share it safely.

    >>> [(t.text, t.kind) for t in chunk_tokens("(it’s,2024)")]
    [('(', 'other'), ('it’s', 'word'), (',', 'other'), ('2024', 'num'), (')', 'other')]
    """
    global _tokens
    found = _tokens.get(chunk)
    if found is None:
        if chunk.isalpha():
            # letters only: exactly one word token (service.tokens.WORD)
            found = (_new(Token, (chunk, 0, len(chunk), "word")),)
        else:
            found = tuple(scan_tokens(chunk, pattern=token_pattern(chunk)))
        if len(_tokens) >= CHUNKS_SIZE:
            _tokens = {}
        _tokens[chunk] = found
    return found


def chunk_words(chunk: str) -> tuple:
    """The word pattern's matches in a whitespace-free chunk, as (word, start, end), cached.

    Words, unlike word tokens, are also read inside URLs and numbers ("5th").
    """
    global _words
    found = _words.get(chunk)
    if found is None:
        if chunk.isalpha():
            found = ((chunk, 0, len(chunk)),)
        else:
            found = tuple((m.group(), m.start(), m.end()) for m in _WORD.finditer(chunk))
        if len(_words) >= CHUNKS_SIZE:
            _words = {}
        _words[chunk] = found
    return found


def chunks_between(text: str, start: int = 0, end: int | None = None) -> list:
    """(chunk, where it starts) of each chunk of text[start:end]; start and end
    must not cut a chunk (they are the text's ends or next to whitespace).

    >>> chunks_between("  a bb\\nc ", 1)
    [('a', 2), ('bb', 4), ('c', 7)]
    """
    out, pos = [], start
    find, append = text.find, out.append
    for chunk in (text[start:end] if start or end is not None else text).split():
        # everything between pos and the chunk is whitespace, where no chunk starts
        pos = find(chunk, pos)
        append((chunk, pos))
        pos += len(chunk)
    return out


def tokens_between(text: str, start: int = 0, end: int | None = None) -> list:
    """The tokens of text[start:end] (offsets in `text`), as `tokenize` finds
    them in the whole text; start and end must not cut a chunk.

    (`chunks_between` written out: the names step calls this for every run of
    capitals.)
    """
    out: list = []
    pos, find, new, token, cached = start, text.find, _new, Token, _tokens
    for chunk in (text[start:end] if start or end is not None else text).split():
        pos = find(chunk, pos)
        tokens = cached.get(chunk) or chunk_tokens(chunk)
        if pos:
            out += [new(token, (t.text, pos + t.start, pos + t.end, t.kind)) for t in tokens]
        else:
            out += tokens
        pos += len(chunk)
    return out


def words_between(text: str, start: int = 0, end: int | None = None) -> list:
    """(word, start, end) of each word pattern match in text[start:end], as a
    scan of the whole text finds them; start and end must not cut a chunk.

    >>> words_between("Don't stop—5th try.")
    [("Don't", 0, 5), ('stop', 6, 10), ('th', 12, 14), ('try', 15, 18)]
    """
    out: list = []
    for chunk, p in chunks_between(text, start, end):
        if p:
            out += [(w, p + s, p + e) for w, s, e in chunk_words(chunk)]
        else:
            out += chunk_words(chunk)
    return out


def chunk_start(text: str, pos: int) -> int:
    """Start of the whitespace-delimited chunk holding `pos`.

    >>> chunk_start("ab cd", 4), chunk_start("ab cd", 3), chunk_start("ab cd", 0)
    (3, 3, 0)
    """
    while pos and not text[pos - 1].isspace():
        pos -= 1
    return pos


def locate(text: str, chunk: str, pos: int) -> int:
    """Where `chunk` starts as a whole chunk, at or after `pos`.

    For chunks read in order from the end of the last one located: an equal
    chunk in between would have been located first, so the first whole-chunk
    match is the one.

    >>> locate("to into to", "to", 1)
    8
    """
    n, size = len(text), len(chunk)
    p = text.find(chunk, pos)
    while p >= 0:
        e = p + size
        if (p == 0 or text[p - 1].isspace()) and (e == n or text[e].isspace()):
            return p
        p = text.find(chunk, p + 1)
    raise ValueError(f"chunk {chunk!r} not found after {pos}")  # not reached: the chunk is there


def clear_caches() -> None:
    """Forget every cached chunk (tests of the caches' bounds)."""
    global _tokens, _words
    _tokens, _words = {}, {}
