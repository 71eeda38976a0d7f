"""Where the `context` step looks: the tokens it scores, found without tokenizing the whole text.

Only about one token in six matters to the step (a confusion-set word, a
join's word, a capitalised word + s that may be a possessive), and of the
rest it reads only the neighbours of those. Tokenizing a whole 5 KB article
(~860 tokens) cost more than everything else the step did, and in the
pipeline `tokenize`'s cache cannot help: the spelling step changes the text
of most articles just before this step runs.

The tokens of a text are those of its whitespace-separated chunks, chunk by
chunk (service.scan), and a token's neighbours are in its own chunk or are
the last token of the chunk before and the first of the chunk after. So
`find_sites`:

  1. cuts the text with str.split() (C speed, no regex over the text);
  2. skips each chunk already known to hold nothing of interest ("the",
     "said,", "2023."): one set look-up, the only Python work most chunks get;
  3. reads a chunk never seen before through service.scan's token cache, and
     caches what it holds;
  4. locates in the text only the chunks that hold a scored token (str.find
     onwards from the previous one) and reads their neighbouring chunks.

The sites are exactly what the token list of the whole text gives
(tests/test_scan.py checks them against `tokenize`).

>>> tables = ScanTables(frozenset({"their", "there"}), possessive=False)
>>> [(s.tok.text, s.tok.start, s.left, s.right) for s in find_sites("Over (their) cat, their dog.", tables)]
[('their', 6, None, None), ('their', 18, None, 'dog')]

Where a capitalised word may be edited (`may_edit_casing`) is here too; the
guards every step shares (code, links, names) are service.guards.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ...guards import is_glued
from ...scan import chunk_tokens, locate
from ...tokens import Token, sentence_start, tokenize  # noqa: F401 - doctests
from . import model as context_model

_new = tuple.__new__  # builds a NamedTuple without its __new__: see service.tokens.tokenize


class Site(NamedTuple):
    """A token the step scores, with what it reads around it.

    A tuple, like Token: an article has a hundred or more of them.
    """

    tok: Token            # offsets in the text
    left: str | None      # the word before, as the scorer reads it (see `neighbour`), or None
    right: str | None     # the word after, likewise
    before: str | None    # text of the previous token; None at the start of the text
    after: Token | None   # the next token (offsets in the text); None at the end
    glued: bool           # touches a URL, path or identifier character (see `is_glued`)


class Chunk(NamedTuple):
    """What one whitespace-free chunk holds (offsets in the chunk)."""

    tokens: tuple  # tokenize(chunk), from service.scan's cache
    hits: tuple    # (index, glued) of each token of interest


class ScanTables:
    """The words a rule set scores, and `find_sites`' chunk caches for it.

    Built once per rule set (CompiledRules.__post_init__). The caches are
    mutable on an otherwise read-only object: set and dict operations are
    atomic under the GIL, and a full cache is replaced, not cleared, so a call
    that took a reference keeps a consistent view.
    """

    # Distinct chunks remembered before a cache starts afresh: news vocabulary
    # fits, and the working set refills within a few articles. Measured: ~170
    # bytes a plain word (set entry and string), ~600 a cached chunk with its
    # tokens: at most ~9 + ~12 MB a worker.
    PLAIN_SIZE = 50_000
    CHUNKS_SIZE = 20_000

    def __init__(self, words: frozenset, possessive: bool):
        self.words = words            # token texts of interest, as written
        self.possessive = possessive  # also a capitalised word + s ("Chinas")
        self.plain: set = set()       # chunks with no token of interest
        self.chunks: dict = {}        # chunk -> Chunk, for all but plain one-word chunks

    def wanted(self, word: str) -> bool:
        """True for a word token the step scores.

        >>> t = ScanTables(frozenset({"then"}), possessive=True)
        >>> t.wanted("then"), t.wanted("Chinas"), t.wanted("China"), t.wanted("USAs")
        (True, True, False, False)
        """
        if word in self.words:
            return True
        # the cheap test first (see context.possessive_changes for the rest)
        return (self.possessive and word[-1] == "s" and word[0].isupper() and len(word) >= 4
                and word[1:].islower())

    def chunk(self, text: str) -> Chunk:
        """What the chunk `text` holds, from the cache or tokenized now."""
        found = self.chunks.get(text)
        if found is not None:
            return found
        tokens = chunk_tokens(text)
        hits = tuple((k, is_glued(text, t)) for k, t in enumerate(tokens)
                     if t.kind == "word" and self.wanted(t.text))
        found = Chunk(tokens, hits)
        if not hits:
            if len(self.plain) >= self.PLAIN_SIZE:
                self.plain = set()
            self.plain.add(text)
            if text.isalpha():
                return found  # as a neighbour, find_sites reads it without a look-up
        if len(self.chunks) >= self.CHUNKS_SIZE:
            self.chunks = {}
        self.chunks[text] = found
        return found


def find_sites(text: str, tables: ScanTables) -> list:
    """Every token of `text` that `tables` wants, in order, with its neighbours (see the module doc).

    The common cases are written out here rather than in helpers: this loop
    runs for every scored token of every article.
    """
    chunks = text.split()
    plain = tables.plain  # one view for the whole call (see ScanTables)
    todo = [i for i, c in enumerate(chunks) if c not in plain]
    sites: list = []
    # locals: looked up ~200 times per article
    append, cached, chunk_info, new, token, site = sites.append, tables.chunks, tables.chunk, _new, Token, Site
    size = len(text)
    pos, last = 0, len(chunks) - 1
    next_i = next_start = -1  # chunk i + 1's start, when reading it as a neighbour found it
    for i in todo:
        c = chunks[i]
        info = cached.get(c) or chunk_info(c)
        if not info.hits:
            continue
        if i == next_i:
            p = next_start  # "of the two countries": scored words often come in a row
        else:
            p = text.find(c, pos)
            e = p + len(c)
            if not ((p == 0 or text[p - 1].isspace()) and (e == size or text[e].isspace())):
                p = locate(text, c, p + 1)  # found inside a longer chunk first
        pos = p + len(c)
        tokens = info.tokens
        final = len(tokens) - 1
        for k, glued in info.hits:
            t = tokens[k]
            end = p + t.end
            tok = new(token, (t.text, p + t.start, end, "word"))
            # a neighbour inside the chunk is never a word: two word tokens
            # are always apart (by a space, or by the token between them)
            if k:
                before, left = tokens[k - 1].text, None
            elif i:
                pc = chunks[i - 1]
                if pc.isalpha() and p > len(pc) and text.startswith(pc, p - 1 - len(pc)):
                    # a word and one whitespace character (text[p - 1], as p starts
                    # a chunk): most neighbours
                    before, left = pc, pc.lower()
                else:
                    before, left = _last_before(text, pc, p, tables)
            else:
                before = left = None
            if k < final:
                n = tokens[k + 1]
                after, right = new(token, (n.text, p + n.start, p + n.end, n.kind)), None
            elif i < last:
                nc = chunks[i + 1]
                if nc.isalpha() and text.startswith(nc, end + 1):
                    # one whitespace character (text[end], as `end` ends a chunk) and a word
                    after, right = new(token, (nc, end + 1, end + 1 + len(nc), "word")), nc.lower()
                else:
                    after, right = _first_after(text, nc, end, tables)
                # a chunk's first token starts it (some token matches any non-space)
                next_i, next_start = i + 1, after.start
            else:
                after = right = None
            append(new(site, (tok, left, right, before, after, glued)))
    return sites


def _last_before(text: str, chunk: str, start: int, tables: ScanTables) -> tuple:
    """(text of the last token of `chunk`, the left neighbour word or None).

    `chunk` is the one before the chunk that begins at `start`.
    """
    size = len(chunk)
    if start > size and text[start - 1] == " " and text.startswith(chunk, start - 1 - size):
        newlines = 0  # one space between: the common case, no search
    else:
        # the last occurrence that ends before `start` is the chunk itself: a
        # later one would overlap the whitespace in between
        end = text.rfind(chunk, 0, start) + size
        newlines = text.count("\n", end, start)
    if chunk.isalpha():
        return chunk, (chunk.lower() if newlines <= 1 else None)
    t = tables.chunk(chunk).tokens[-1]
    return t.text, (neighbour(t.text, -1) if t.kind == "word" and newlines <= 1 else None)


def _first_after(text: str, chunk: str, end: int, tables: ScanTables) -> tuple:
    """(the first token of `chunk` with offsets in the text, the right neighbour word or None).

    `chunk` is the one after the chunk that ends at `end`.
    """
    if text[end] == " " and text.startswith(chunk, end + 1):
        start, newlines = end + 1, 0
    else:
        start = text.find(chunk, end)  # cannot start inside the whitespace before it
        newlines = text.count("\n", end, start)
    if chunk.isalpha():
        tok = _new(Token, (chunk, start, start + len(chunk), "word"))
        return tok, (chunk.lower() if newlines <= 1 else None)
    f = tables.chunk(chunk).tokens[0]
    tok = _new(Token, (f.text, start + f.start, start + f.end, f.kind))
    return tok, (neighbour(f.text, +1) if f.kind == "word" and newlines <= 1 else None)


# "that" contracted: a pronoun, read as no right neighbour (see `neighbour`).
_PRONOUN_THAT = "that's"


def neighbour(word: str, step: int) -> str | None:
    """A neighbouring word as the scorer reads it: lower-case, and a contraction
    stands for the expansion word that touches the scored one.

    A neighbour more than a line away, or behind punctuation, is None (see
    `find_sites`): the scorer then backs off (unigram on the left, no evidence
    on the right).

    A hyphenated compound is read by its part that touches the scored word:
    the bigram list has no compounds, and "more cost-effective than" is
    evidence for "than" through "effective" ("pathogen-fighting" through
    "pathogen"); a part that is no plain word ("COVID-19") gives None.

    >>> neighbour("Don't", -1), neighbour("Don't", +1), neighbour("The", +1)
    ('not', 'do', 'the')
    >>> neighbour("cost-effective", -1), neighbour("Cost-effective", +1), neighbour("COVID-19", -1)
    ('effective', 'cost', None)

    "that's" on the right is None: "that" contracted with "is" or "has" is a pronoun
    ("everything new that's on"), never the conjunction that most of the list's "knew
    that", "said that" count ("everything knew that's" would read as "knew that").

    >>> neighbour("that's", +1), neighbour("That’s", +1), neighbour("that's", -1)
    (None, None, 'is')
    """
    word = word.lower()
    if step > 0 and word.replace("’", "'") == _PRONOUN_THAT:
        return None
    if "-" in word:
        parts = word.split("-")
        word = parts[-1] if step < 0 else parts[0]
        if not word.replace("'", "").replace("’", "").isalpha():
            return None
    if "'" not in word and "’" not in word:
        return word
    chain = context_model.expand_word(word.replace("’", "'"))[0]
    return chain[-1] if step < 0 else chain[0]


# ---------------------------------------------------------------- casing
# (what no step edits, code, links and names, is service.guards)

_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def may_edit_casing(text: str, tok: Token) -> bool:
    """Lower-case words anywhere; a capitalised word only where a sentence starts.

    >>> may_edit_casing("Their cat", tokenize("Their cat")[0])
    True
    >>> may_edit_casing("we met Will there", tokenize("we met Will there")[2])
    False
    """
    word = tok.text
    if word.islower():
        return True
    if word[0].isupper() and word[1:].islower() or len(word) == 1:
        return word[0].isupper() and sentence_start(text, tok.start) and not opens_title_case(text, tok.end)
    return False


def opens_title_case(text: str, end: int) -> bool:
    """The word after `end` is capitalised too (not "I"): a heading or a button label
    ("Buy The Orange Box"), where the bigram model reads nothing of the sense.

    >>> opens_title_case("Buy The Orange Box", 3), opens_title_case("Their cat", 5), opens_title_case("Then I left", 4)
    (True, False, False)
    """
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1)[0].isupper() and m.group(1) != "I"
