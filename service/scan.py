"""The shared sparse scanner: a text read chunk by chunk, each chunk tokenized once.

No token spans whitespace (no pattern of service.tokens matches a space,
and str.split() cuts at exactly the characters the tokenizer's \\s takes),
and the tokenizer is in the same state after any whitespace. So the tokens
of a text are the tokens of its whitespace-separated chunks, chunk by
chunk, offset by where each chunk stands (tests/test_scan.py checks this
against `tokenize` on generated text). The same holds for the word pattern
(`WORD`) that the spelling step reads with set operations on the chunks.

Steps that need a few tokens read only the chunks that can hold them:
names the runs of capitals, context its confusion words and their
neighbours. Chunks repeat across
texts ("the", "said,", "2023."), and in the pipeline a step's edits change
the text but few of its chunks, so a chunk's tokens are cached here once for
every step (a whole text's tokens, `tokenize`'s cache, are lost as soon as
an earlier step edits one word).

>>> [(t.text, t.start) for t in tokens_between("Over (their) cat.", 5, 17)]
[('(', 5), ('their', 6), (')', 11), ('cat', 13), ('.', 16)]
"""
from __future__ import annotations

from .tokens import Token, scan_tokens, token_pattern

_new = tuple.__new__  # builds a NamedTuple without its __new__: see service.tokens.scan_tokens

# Distinct chunks remembered before a cache starts afresh: news vocabulary
# fits, and the working set refills within a few articles (~600 bytes a
# chunk with its tokens: at most ~12 MB a worker).
CHUNKS_SIZE = 20_000
_tokens: dict = {}  # chunk -> its tokens (offsets in the chunk)


def chunk_tokens(chunk: str) -> tuple:
    """tokenize(chunk) for a whitespace-free chunk,
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


def tokens_between(text: str, start: int = 0, end: int | None = None) -> list:
    """The tokens of text[start:end] (offsets in `text`), as `tokenize` finds
    them in the whole text; start and end must not cut a chunk (they are the
    text's ends or next to whitespace).

    Each chunk is found with str.find from the end of the one before: the
    text between is whitespace, where no chunk can start.
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
