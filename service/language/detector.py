"""langdetect's Detector with its inner loops written for CPython: the same answers, bit for bit.

On error-dense scraped pages the fast path for clear English
(language.clearly_english) fails on about half the texts (typos and
mojibake lower the share of dictionary words), and langdetect then cost
more than any step but one: per sample, Python loops per character to
append the text and cut n-grams, and per trial a Python loop over its 55
languages for each n-gram drawn. Here

  - `append` collapses runs of spaces with a regex, as its loop did;
  - `_extract_ngrams` normalises the text with one str.translate (a table
    filled from NGram.normalize, a pure function of the character) and
    cuts n-grams word by word, NGram's state starting afresh after each
    space; a word's n-grams are cached, as words repeat;
  - `_detect_block` updates and normalises the probabilities as numpy
    arrays (one row per n-gram drawn, kept: `_rows`), the five updates between two
    normalisations in one pass: the same float operations in the same order
    (a *= b + c per language and n-gram; the sum a running sum, left to
    right, as the built-in sum), the same draws from the same seeded Random.

tests/test_hot_loops.py compares the appended text, the n-grams and every
probability with langdetect's own Detector on generated and corpus samples.
"""
from __future__ import annotations

import re

import numpy
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_SPACES = re.compile(" {2,}")


class _NormalTable(dict):
    """NGram.normalize as a str.translate table, filled as characters are met
    (normalize is a pure function of the character: a binary search of
    Unicode blocks each time)."""

    def __missing__(self, code: int) -> str:
        if len(self) >= _TABLE_SIZE:
            self.clear()  # bounded: a text of every script refills what it needs
        found = self[code] = NGram.normalize(chr(code))
        return found


_TABLE_SIZE = 1 << 16
_NORMAL_TABLE = _NormalTable()
_GRAMS: dict = {}  # (word, space after it) -> its grams, for one n-gram map
_GRAMS_SIZE = 50_000
_grams_for = None  # the word_lang_prob_map _GRAMS was filled for


def _word_grams(word: str, spaced: bool, known: dict) -> tuple:
    """The grams NGram yields for a word (no space in it) read after a space,
    and for the space after it when `spaced`: Detector._extract_ngrams' loop
    with NGram.add_char written in.

    >>> _word_grams("Le", True, {"L", "e", "Le", " L", "e ", "Le "})
    ('L', ' L', 'e', 'Le', 'e ', 'Le ')
    >>> _word_grams("NATOx", False, {"x", "Ox", "TOx", "N", " N"})
    ('N', ' N', 'x', 'Ox', 'TOx')
    """
    global _GRAMS, _grams_for
    if known is not _grams_for:
        _GRAMS, _grams_for = {}, known
    found = _GRAMS.get((word, spaced))
    if found is not None:
        return found
    out: list = []
    grams, capital, last = " ", False, " "
    for ch in word:
        if last == " ":
            grams, capital = " ", False
        elif len(grams) >= 3:  # NGram.N_GRAM
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        last = ch
        if capital:
            continue
        if ch in known:
            out.append(ch)
        if len(grams) >= 2:
            if grams[-2:] in known:
                out.append(grams[-2:])
            if len(grams) >= 3 and grams in known:
                out.append(grams)
    if spaced:  # the space after the word: no 1-gram, and never a capital word
        grams = (grams[1:] if len(grams) >= 3 else grams) + " "
        if grams[-2:] in known:
            out.append(grams[-2:])
        if len(grams) >= 3 and grams in known:
            out.append(grams)
    found = tuple(out)
    if len(_GRAMS) >= _GRAMS_SIZE:
        _GRAMS = {}
    _GRAMS[(word, spaced)] = found
    return found


_running_sum = numpy.add.accumulate
# Rows kept before the cache starts afresh: ~550 bytes each (55 languages), at most ~11 MB a worker.
_ROWS_SIZE = 20_000


class _Rows(dict):
    """n-gram -> its row of language probabilities as a float array, built when first drawn
    (a sample holds ~2,600 n-grams, its seven trials draw ~300 of them), for one n-gram map."""

    def __init__(self, known: dict):
        super().__init__()
        self.known = known

    def __missing__(self, gram: str):
        row = self[gram] = numpy.array(self.known[gram], dtype=float)
        return row


_ROWS = _Rows({})


def _rows(known: dict) -> _Rows:
    """The rows kept for `known` (afresh for another map, or when full)."""
    global _ROWS
    if _ROWS.known is not known or len(_ROWS) >= _ROWS_SIZE:
        _ROWS = _Rows(known)
    return _ROWS


class FastDetector(Detector):
    """Detector(factory) with `append`, `_extract_ngrams` and `_detect_block` in fewer Python steps."""

    def append(self, text: str) -> None:
        """Detector.append: URLs and e-mail addresses out, Vietnamese marks
        normalised, the first max_text_length characters with each run of
        spaces as one."""
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[:self.max_text_length])

    def _extract_ngrams(self) -> list:
        """NGram.add_char's 1- to 3-grams for each character of the text, word by word.

        NGram's state starts afresh after every space (normalised): the
        grams of a text are those of its words (with the space after each
        but the last) in order, and a word's are cached (`_word_grams`).
        """
        known = self.word_lang_prob_map
        words = self.text.translate(_NORMAL_TABLE).split(" ")
        last = len(words) - 1
        result: list = []
        for n, word in enumerate(words):
            if word:
                result += _word_grams(word, n < last, known)
        return result

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        known = self.word_lang_prob_map
        rows = _rows(known)
        self.langprob = [0.0] * len(self.langlist)
        rng = self.random
        rng.seed(self.seed)
        choice, limit, threshold = rng.choice, self.ITERATION_LIMIT, self.CONV_THRESHOLD
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + rng.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            w = alpha / self.BASE_FREQ
            # Detector's loop updates with one n-gram per iteration i and
            # normalises when i % 5 == 0: after the first update, then after
            # every fifth. Five updates are one pass here, each element
            # multiplied in the same order: ((p * (w + a)) * (w + b)) ...
            # numpy arrays: each element's float operations as in the list version
            # (IEEE doubles, same order); the sum is a running sum, left to right,
            # as the built-in sum of Detector._normalize_prob
            prob = numpy.array(prob) * (w + rows[choice(ngrams)])
            i = 0
            while True:
                total = _running_sum(prob)[-1]  # Detector._normalize_prob
                if total == 0.0:
                    raise ZeroDivisionError("float division by zero")  # as the list version
                prob = prob / total
                maxp = prob.max()
                if (maxp if maxp > 0.0 else 0.0) > threshold or i >= limit:
                    break
                # langdetect's choice(ngrams), each drawn n-gram's row built when first drawn
                r1, r2, r3 = rows[choice(ngrams)], rows[choice(ngrams)], rows[choice(ngrams)]
                r4, r5 = rows[choice(ngrams)], rows[choice(ngrams)]
                prob = prob * (w + r1) * (w + r2) * (w + r3) * (w + r4) * (w + r5)
                i += 5
            n = self.n_trial
            self.langprob = [lp + p / n for lp, p in zip(self.langprob, prob.tolist())]
