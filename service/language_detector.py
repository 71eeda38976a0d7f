"""langdetect's Detector with its two inner loops written for CPython: the same answers, bit for bit.

On error-dense scraped pages the fast path for clear English
(language.clearly_english) fails on about half the texts (typos and
mojibake lower the share of dictionary words), and langdetect then cost
more than any step but one: per sample, a Python loop per character to cut
n-grams, and per trial a Python loop over its 55 languages for each n-gram
drawn. Here

  - `_extract_ngrams` keeps NGram's state machine, with each character's
    normalisation looked up in a dict (NGram.normalize is a pure function
    of the character: a binary search of Unicode blocks each time);
  - `_detect_block` updates and normalises the probabilities with list
    comprehensions, the five updates between two normalisations in one
    pass: the same float operations in the same order (a *= b + c per
    language and n-gram; the sum with the built-in sum, left to right), the
    same draws from the same seeded Random.

tests/test_hot_loops.py compares every probability with langdetect's own
Detector on generated and benchmark-like samples.
"""
from __future__ import annotations

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

_NORMAL: dict = {}        # character -> NGram.normalize(character)
_NORMAL_SIZE = 1 << 16    # distinct characters remembered (the cache starts afresh past it)


def _normal(ch: str) -> str:
    global _NORMAL
    found = _NORMAL.get(ch)
    if found is None:
        found = NGram.normalize(ch)
        if len(_NORMAL) >= _NORMAL_SIZE:
            _NORMAL = {}
        _NORMAL[ch] = found
    return found


class FastDetector(Detector):
    """Detector(factory) with `_extract_ngrams` and `_detect_block` in fewer Python steps."""

    def _extract_ngrams(self) -> list:
        """NGram.add_char and the 1- to 3-grams it yields, for each character of the text."""
        known = self.word_lang_prob_map
        result: list = []
        append = result.append
        normal, get = _normal, _NORMAL.get
        grams, capitalword = " ", False
        for ch in self.text:
            ch = get(ch) or normal(ch)
            last = grams[-1]
            if last == " ":
                grams, capitalword = " ", False
                if ch == " ":
                    continue
            elif len(grams) >= 3:  # NGram.N_GRAM
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capitalword = True
            else:
                capitalword = False
            if capitalword:
                continue
            # grams[-n:] for n = 1, 2, 3 while grams is that long; " " alone is no gram
            size = len(grams)
            w = grams[-1]
            if w != " " and w in known:
                append(w)
            if size >= 2:
                w = grams[-2:]
                if w in known:
                    append(w)
                if size >= 3 and grams in known:
                    append(grams)
        return result

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        known = self.word_lang_prob_map
        # choice() draws an index: drawing from the rows draws the same rows as from the n-grams
        rows = [known[g] for g in ngrams]
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
            prob = [p * (w + a) for p, a in zip(prob, choice(rows))]
            i = 0
            while True:
                total = sum(prob)  # Detector._normalize_prob
                prob = [p / total for p in prob]
                maxp = max(prob)
                if (maxp if maxp > 0.0 else 0.0) > threshold or i >= limit:
                    break
                r1, r2, r3, r4, r5 = choice(rows), choice(rows), choice(rows), choice(rows), choice(rows)
                prob = [p * (w + a) * (w + b) * (w + c) * (w + d) * (w + e)
                        for p, a, b, c, d, e in zip(prob, r1, r2, r3, r4, r5)]
                i += 5
            n = self.n_trial
            self.langprob = [lp + p / n for lp, p in zip(self.langprob, prob)]
