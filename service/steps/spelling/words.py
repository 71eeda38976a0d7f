"""The words of a text for the `spelling` step, found without a Python loop over them.

A 5 KB article has about 800 words and fewer than ten that no dictionary
lists. Building a (word, start, end) tuple for every word cost more than
everything else the step does, and even one regex pass over the text costs
more than the rest (the word pattern's Unicode classes are slow), so
`Document.unlisted` works on the lowered text with str and set methods, all
in C:

1. split it at white space (no word spans white space: the fact
   service.scan rests on, tested in tests/test_scan.py) and drop the chunks
   that symspellpy lists: a listed chunk is one word, and a listed one;
2. run the word pattern only over the few chunks left ("said,", "“we",
   "goverment") to get the distinct words that are not listed;
3. find where those few stand with str.find, keeping the hits where the
   word pattern starts a match of just that length (`_word_at`).

Neighbours (for context), counts (for the "repeated" guard) and capitalised
uses (`written_capitalised`) are read the same way around the few words
that need them. The step reads no tokens, so service.scan's token cache
has nothing to give it; and where it does read every word (the index of a
text with many unknown words, texts with İ or Σ) one regex pass in C is
cheaper than a walk over cached chunks in Python.

Lowering the whole text gives exactly each word lowered, at the same
offsets, when `str.lower` maps every character to one character of the same
class for the word pattern: true of every code point except "İ" (U+0130,
which lowers to two) and "Σ" (whose lower case depends on its neighbours).
`tests/test_spelling.py` checks this over all of Unicode. Texts with either
character take the plain path: every word with its offsets, as before.

>>> doc = Document.scan("The goverment said: the goverment-run fund.")
>>> doc.unlisted({"the": 1, "said": 1, "run": 1, "fund": 1}, frozenset(), frozenset())
[('goverment', 4, 13), ('goverment-run', 24, 37)]
>>> doc.neighbours(4, 13), doc.neighbours(24, 37), doc.count("the"), doc.count("run")
((('The', 0, 3), ('said', 14, 18)), (('the', 20, 23), ('fund', 38, 42)), 2, 0)
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import Counter
from functools import cached_property
from itertools import compress
from operator import itemgetter

from ...lexicon import apostrophe_style
from ...tokens import WORD, sentence_start

_WORD = re.compile(WORD)
_LETTER = re.compile(r"[^\W\d_]")  # the word pattern's letters
_JOINERS = "'’-"                    # and what may join two of them
_GAP = " \t"                        # what may stand between a word and its context word
# Characters for which lowering the text is not lowering each word (see above).
_LOWER_UNSAFE = ("\u0130", "\u03a3")
# doc.count() on the plain path answers from the word list this many times, then
# builds a Counter: a few questions are cheaper than one Counter.
_COUNT_QUERIES = 6
_irregular: dict = {}
_last: tuple = ("", None)  # (text, Document) of the last Document.scan (see there)
_lock = threading.Lock()


# A text searched for more distinct words than this is indexed once instead
# (an article searches for a handful).
_SEARCHES_BEFORE_INDEX = 64


def irregular_keys(listed) -> frozenset:
    """The listed keys that are not exactly one word of the pattern (none in symspellpy's list).

    Built once per dictionary (cached by identity, 25 ms): `unlisted` may
    take a listed chunk for one word only when it is one.
    """
    with _lock:
        hit = _irregular.get(id(listed))
        if hit is None or hit[0] is not listed:
            hit = _irregular[id(listed)] = (listed, frozenset(k for k in listed if not _WORD.fullmatch(k)))
        return hit[1]


def _is_letter(text: str, i: int) -> bool:
    """True when text[i] exists and is a letter of the word pattern (ASCII without the regex)."""
    if not 0 <= i < len(text):
        return False
    c = text[i]
    return c.isalpha() if c.isascii() else _LETTER.match(c) is not None


class Document:
    """What the guards need to know about the whole text, computed on first use.

    Most texts have only a handful of unlisted words, so counts,
    capitalised forms and neighbours are read only where a guard asks.

    >>> d = Document("Ask Huawei", [("Ask", 0, 3), ("Huawei", 4, 10)])
    >>> d.count("huawei"), d.neighbours(4, 10)
    (1, (('Ask', 0, 3), None))
    """

    def __init__(self, text: str, words: list | None = None):
        self.text = text
        self._low: str | None = None  # the lowered text, when lowering it is exact (see above)
        self._starts: dict = {}       # lowered word -> where it stands as a whole word
        self._index: dict | None = None  # every lowered word -> its starts, once asked for many
        self._queries = 0
        self._words_of: tuple | None = None  # (listed, irregular, _unlisted_words' answer)
        if words is not None:
            self.words = words  # fills the cached property: the plain path

    @classmethod
    def scan(cls, text: str) -> "Document":
        """A Document that reads `text` lowered all at once where that is exact.

        The Document of the last text scanned is given again for the same text:
        the names step reads the text for typos of name words just before the
        spelling step reads it whole (most pages: unchanged in between), and
        everything a Document holds is a function of its text alone.
        """
        global _last
        last = _last
        if last[0] == text:
            return last[1]
        doc = cls(text)
        low = text.lower()
        if len(low) == len(text) and not any(map(text.__contains__, _LOWER_UNSAFE)):
            doc._low = low
        _last = (text, doc)  # one tuple: a thread reads the old pair or the new one
        return doc

    @cached_property
    def words(self) -> list:
        """(word, start, end) for every word of the text, as written."""
        return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(self.text)]

    @cached_property
    def lowered(self) -> str:
        """The whole text lowered (its offsets are the text's only when the lengths match)."""
        return self._low if self._low is not None else self.text.lower()

    @cached_property
    def lows(self) -> list:
        """Every word of the text, lowered, in order."""
        # map() keeps the loop in C: a generator expression cost twice as much
        return list(map(str.lower, [w for w, _, _ in self.words]))

    @cached_property
    def _word_starts(self) -> list:
        return [start for _, start, _ in self.words]

    def unlisted(self, listed, also: frozenset, irregular: frozenset, only=None) -> list[tuple]:
        """(word, start, end) of the words whose lowered form `listed` lacks or `also` holds, in order.

        `irregular`: listed keys that are not exactly one word (irregular_keys);
        `only(lowered)`, when given, keeps those words it accepts (before they
        are looked for in the text: most of the cost).
        """
        if self._low is None:
            lows = self.lows
            seen = set(lows)
            odd = seen.difference(listed)
            odd.update(seen.intersection(also))
            if only is not None:
                odd = set(filter(only, odd))
            return [self.words[k] for k in compress(range(len(lows)), map(odd.__contains__, lows))]
        chunks, rest, found, odd = self._unlisted_words(listed, irregular)
        odd = set(odd)
        odd.update(found.intersection(also))
        odd.update((chunks - rest).intersection(also))  # listed words that a rule fixes all the same
        if only is not None:
            odd = set(filter(only, odd))
        text, spans = self.text, []
        if len(odd) > _SEARCHES_BEFORE_INDEX:
            self._build_index()
        for w in odd:
            spans += [(text[s:s + len(w)], s, s + len(w)) for s in self.starts(w)]
        spans.sort(key=itemgetter(1))
        return spans

    def _unlisted_words(self, listed, irregular: frozenset) -> tuple:
        """(chunks, chunks with punctuation or unlisted, their words, those unlisted)
        of the lowered text, kept for the next call with the same lists (never
        mutated: `unlisted` copies what it changes)."""
        kept = self._words_of
        if kept is not None and kept[0] is listed and kept[1] is irregular:
            return kept[2]
        chunks = set(self._low.split())
        rest = chunks.difference(listed)       # chunks with punctuation, and unlisted words
        rest.update(chunks.intersection(irregular))
        found = set(_WORD.findall(" ".join(rest)))
        words = (chunks, rest, found, found.difference(listed))
        self._words_of = (listed, irregular, words)
        return words

    def starts(self, lower: str) -> list[int]:
        """Where the lowered text has `lower` as a whole word (fast path only)."""
        if self._index is None and len(self._starts) >= _SEARCHES_BEFORE_INDEX:
            self._build_index()
        if self._index is not None:
            return self._index.get(lower, [])
        hit = self._starts.get(lower)
        if hit is None:
            low, hit, n = self._low, [], len(lower)
            p = low.find(lower) if lower else -1
            while p >= 0:
                if self._word_at(p, n):
                    hit.append(p)
                p = low.find(lower, p + 1)
            self._starts[lower] = hit
        return hit

    def _build_index(self) -> None:
        """Every word's starts from one scan of the lowered text: a search of
        the whole text per word was quadratic in a text of many distinct
        unknown words (1.7 MB: ~50 s in spelling)."""
        index: dict = {}
        for m in _WORD.finditer(self._low):
            index.setdefault(m.group(), []).append(m.start())
        self._index = index

    def _word_at(self, p: int, n: int) -> bool:
        """True when the word pattern's scan of the text finds a word of n characters at p.

        A scan starts a word at p unless p continues the word before it: a
        letter before p, or a joiner between a letter and p ("co-operate").
        """
        low = self._low
        if p > 0 and (_is_letter(low, p - 1) or (low[p - 1] in _JOINERS and _is_letter(low, p - 2))):
            return False
        m = _WORD.match(low, p)
        return m is not None and m.end() == p + n

    def neighbours(self, start: int, end: int) -> tuple:
        """The words just before and after the word at start..end, as (word, start, end).

        None where there is no word, or where anything but spaces and tabs
        separates it: such a neighbour gives no context. (A run of them is
        one space once the whitespace step has run: the same context.)
        """
        if self._low is None:
            i = bisect_left(self._word_starts, start)
            words = self.words
            return (words[i - 1] if i > 0 else None), (words[i + 1] if i + 1 < len(words) else None)
        low, text = self._low, self.text
        left = right = None
        a = start
        while a > 0 and low[a - 1] in _GAP:
            a -= 1
        if a < start and _is_letter(low, a - 1):  # spaces or tabs after a letter
            left = self._word_ending(a)
        b = end
        while b < len(low) and low[b] in _GAP:
            b += 1
        if b > end and _is_letter(low, b):
            m = _WORD.match(low, b)
            right = (text[m.start():m.end()], m.start(), m.end())
        return left, right

    def _word_ending(self, end: int) -> tuple:
        """The word that ends at `end` (a letter stands before it), read backwards.

        Going back, a word takes letters, and joiners with a letter on each
        side: the word pattern is its own mirror image, so matching it on
        the reversed text before `end` gives exactly the word that the
        forward scan found. A window of 64 characters holds nearly every
        word; longer ones are walked back character by character.
        """
        low = self._low
        window = low[max(0, end - 64):end][::-1]
        n = _WORD.match(window).end()
        if n == len(window) and end > len(window):  # the window cut the word: walk back
            s = end - 1
            while s > 0 and (_is_letter(low, s - 1) or (low[s - 1] in _JOINERS and _is_letter(low, s - 2))):
                s -= 1
            n = end - s
        return self.text[end - n:end], end - n, end

    def places(self, lower: str) -> list[int]:
        """Where the words that lower to `lower` start, on either path.

        >>> Document.scan("Chage, and chage.").places("chage"), Document("Chage, chage.", None).places("chage")
        ([0, 11], [0, 7])
        """
        if self._low is not None:
            return self.starts(lower)
        return [s for w, s, _ in self.words if w.lower() == lower]

    def count(self, lower: str) -> int:
        """How many words of the text lower to `lower`."""
        if self._low is not None:
            return len(self.starts(lower))
        self._queries += 1
        if self._queries <= _COUNT_QUERIES:
            return self.lows.count(lower)
        return self.counts[lower]

    @cached_property
    def counts(self) -> Counter:
        """Lowercase word -> occurrences in the text."""
        return Counter(self.lows)

    @cached_property
    def capitalised(self) -> frozenset:
        """Lowercase forms of the words written capitalised mid-sentence."""
        return frozenset(w.lower() for w, start, _ in self.words
                         if w[:1].isupper() and not sentence_start(self.text, start))

    def written_capitalised(self, lower: str) -> bool:
        """`lower in self.capitalised`, reading only where `lower` stands: the
        set needs every word of the text (a regex pass and a tuple a word),
        and a text asks about a handful.

        >>> d = Document.scan("Rose said the rose was a Rose.")
        >>> d.written_capitalised("rose"), d.written_capitalised("said")
        (True, False)
        """
        if self._low is None:
            return lower in self.capitalised
        text = self.text
        return any(text[s].isupper() and not sentence_start(text, s) for s in self.starts(lower))

    @cached_property
    def _line_feeds(self) -> list:
        return [m.start() for m in re.finditer("\n", self.text)]

    def line_of(self, pos: int) -> tuple:
        r"""(start, end) of the line holding `pos`, without its line feed: a
        bisection, where a search for the line feeds around every unknown word
        was quadratic on a long line.

        >>> Document("ab\ncd\nef").line_of(4)
        (3, 5)
        """
        feeds = self._line_feeds
        i = bisect_left(feeds, pos)
        return (feeds[i - 1] + 1 if i > 0 else 0), (feeds[i] if i < len(feeds) else len(self.text))

    def tabular_line(self, line: tuple, test) -> bool:
        """test(text, line[0], line) once per line (spelling.guard.in_tabular_line)."""
        memo = self.__dict__.setdefault("_tabular", {})
        found = memo.get(line)
        if found is None:
            found = memo[line] = test(self.text, line[0], line)
        return found

    @cached_property
    def apostrophe(self) -> str:
        """The apostrophe the text mostly uses (lexicon.apostrophe_style), read once."""
        return apostrophe_style(self.text)
