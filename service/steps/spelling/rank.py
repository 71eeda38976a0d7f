"""Ranking of spelling candidates for the `spelling` step: a small noisy channel.

A token that no dictionary knows is either a rare correct word (kept) or a typo
of a known word c. Each hypothesis gets a log score

    keep:        log P(token)                     (wordfreq, with a floor)
    candidate c: log P(c) + log P(token | c) + CONTEXT_WEIGHT * log(lift(left, c) * lift(c, right))
    split w1 w2: log P(w1 w2) + log P(missing space) + the same context terms

where P(token | c) comes from the kind of edit (keyboard neighbours, doubled
letters and swaps are the common slips) and lift(a, b) is how much more often
the bigram "a b" occurs than chance (symspellpy's bigram counts). The scores
become a posterior share over all hypotheses; the step fires only when a
correction takes most of it.

The channel, P(token | c), is `channel.py`.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.metadata import version as _pkg_version

from symspellpy import SymSpell, Verbosity

from ...lexicon import english_frequencies, in_curated_lexicon, word_frequency, zipf
from ...resources import load_cached
from .channel import LN10, OP_LOGP, PREFIXED_LETTER_LOGP, channel_logp, classify_edit, is_finger_slip
from .morphology import _is_derivation, joins_two_words


# The commonest words (Zipf 6: one in every thousand words written: the, and, for, can, has,
# will, this ...) are the words typed most, so mistyped most, and nobody builds an identifier or
# an abbreviation on them: a token one finger slip from one of them is that word mistyped, even
# with its first letter doubled ("tthe", "aand": the reading of a term built on the word is left
# out) or with no vowel left ("thd", "wjth": see guard.lacks_vowels). A letter in front that is
# no slip of the word's first key stays a possible term: "mtime", "utime" and "dtime" are
# identifiers built on "time", not "time" mistyped.
COMMONEST_ZIPF = 6.0
# A word this common with a vowel struck as a neighbouring key is mistyped, not abbreviated
# (`hides_a_vowel`); rarer ones are real abbreviations' neighbours: "pkg" pig 4.2, "ssd" sad 4.6.
VOWEL_SLIP_ZIPF = 5.0

# A token wordfreq has never seen (its list stops at zipf 1) gets this prior
# of being a correct rare word: zipf -1. Typos are mostly unseen; rare real
# words mostly are seen, if rarely, and then keep their own frequency.
UNSEEN_LOGP = -10.0 * LN10
# A token wordfreq has never seen but a curated dictionary accepts is a rare word
# or a rare form of one ("mummifies"): it keeps the prior of the rarest words
# wordfreq lists (Zipf 1), not the prior of a string nobody writes.
CURATED_UNSEEN_LOGP = -8.0 * LN10
UNSEEN_LONG = 7
UNSEEN_LENGTH_SLOPE = 0.2 * LN10
# A token the web has seen but a curated dictionary rejects is as often a common
# misspelling ("stanard", "recieve") as a new or rare word: its web frequency,
# which counts the misspellings, overstates its prior of being correct.
# Only lower-case tokens of UNCURATED_MIN_LENGTH letters or more are discounted:
# a capitalised one is more often a name, a short one an abbreviation or slang,
# a closed compound of two common words ("hardcode") a term, and one more at home
# in a major European language (FOREIGN_WORD_MARGIN above its English Zipf) a
# borrowed or quoted word ("terroir", "elotes").
UNCURATED_KEEP_DISCOUNT = 1.0 * LN10
UNCURATED_MIN_LENGTH = 5
UNCURATED_COMPOUND_PART = 4
FOREIGN_WORD_MARGIN = 1.0
FOREIGN_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl")
# Capitalised tokens that no dictionary knows are mostly names, not typos.
CAPITAL_KEEP_BONUS = math.log(30)
# Context is evidence, but bigram counts are sparse and correlated: damp them.
CONTEXT_WEIGHT = 0.75
LIFT_CAP = 100.0
# Never correct into words rarer than this (zipf): they are as likely as the typo.
MIN_CANDIDATE_ZIPF = 2.5
# At most this many candidates (most frequent first) are scored per token.
MAX_CANDIDATES = 25
# A split must be a frequent bigram (zipf): "in the" 6.9, "a lot" 5.5; compounds
# such as "lock file" (2.8) or "command line" (4.3) are often written joined.
MIN_SPLIT_ZIPF = 4.5
# Split parts: one-letter parts only "a"; other parts common words.
MIN_PART_ZIPF = 3.0
MIN_SHORT_PART_ZIPF = 5.0
# wordfreq words missing from symspellpy's dictionary (American spellings such
# as "favorite", newer words such as "blockchain") become candidates too.
EXTRA_MIN_ZIPF = 2.5

def slips_from_commonest(lex, typo: str, first_kept: bool = False) -> bool:
    """True when a lower-case `typo` is one finger slip from one of the commonest words (COMMONEST_ZIPF);
    with `first_kept`, only a slip that keeps the word's first letter (a letter put before the word,
    "nmake", is a term's shape too: FIRST_LETTER_LOGP, PREFIXED_LETTER_LOGP).

    >>> lex = lexicon_for(_test_dicts())
    >>> [slips_from_commonest(lex, w) for w in ("thd", "wjth", "pkg", "tty", "cmd")]
    [True, True, False, False, False]
    >>> [slips_from_commonest(lex, w, first_kept=True) for w in ("thhe", "wsa", "nmake", "hte")]
    [True, True, False, False]
    """
    return any(dist == 1 and lex.zipf(cand) >= COMMONEST_ZIPF and is_finger_slip(typo, cand)
               and (not first_kept or typo[0] == cand[0])
               for cand, dist in lex.candidates(typo))


def hides_a_vowel(lex, typo: str) -> bool:
    """True when a lower-case `typo` is a common word (VOWEL_SLIP_ZIPF) with a vowel struck as
    a neighbouring key, first letter kept ("kdy", "swt", "msny"): a slip, for abbreviations
    drop their vowels ("tst", "hlp", "mgmt").

    >>> lex = lexicon_for(_test_dicts())
    >>> [hides_a_vowel(lex, w) for w in ("kdy", "swt", "msny", "tst", "pkg", "thd")]
    [True, True, True, False, False, True]
    """
    for cand, dist in lex.candidates(typo):
        if dist != 1 or len(cand) != len(typo) or cand[0] != typo[0] or lex.zipf(cand) < VOWEL_SLIP_ZIPF:
            continue
        at = next(i for i, (a, b) in enumerate(zip(typo, cand)) if a != b)
        if cand[at] in "aeiou" and classify_edit(typo, cand) == "sub_adjacent":
            return True
    return False


@dataclass(frozen=True)
class Hypothesis:
    """One reading of a token: kept as is, a corrected word, or two words."""

    replacement: str      # lowercase; "" for keep
    kind: str             # keep, edit, split
    score: float          # natural-log score
    distance: int = 0


class Lexicon:
    """Word evidence for ranking: frequencies, candidates, bigram lift (read-only).

    Built once per Dictionaries; its caches are lru_caches (thread-safe).
    """

    def __init__(self, dicts):
        self.dicts = dicts
        self.freqs = english_frequencies()
        self.total = dicts.total
        bigram_total = sum(dicts.bigrams.values())
        # symspellpy's bigram counts come from a larger corpus than its
        # unigram counts: this converts between the two scales.
        self.bigram_scale = bigram_total / dicts.total
        # bigrams rarer than the smallest listed count were pruned away
        self.bigram_floor = min(dicts.bigrams.values()) if dicts.bigrams else 1
        # a pure function of the pinned dictionaries: cached on disk for start-up
        key = (f"spelling-extra-{_pkg_version('wordfreq')}-{_pkg_version('symspellpy')}"
               f"-{EXTRA_MIN_ZIPF}-{len(dicts.unigrams)}-{dicts.total}")
        self.extra = load_cached(key, lambda: _build_extra_index(self.freqs, dicts.unigrams, dicts.total))
        self.frequency = lru_cache(maxsize=65536)(self._frequency)
        self.candidates = lru_cache(maxsize=16384)(self._candidates)
        # pure functions of the words and these dictionaries: the same typo, name or
        # neighbour comes back in article after article
        self.lift = lru_cache(maxsize=65536)(self._lift)
        self.splits = lru_cache(maxsize=16384)(lambda word: tuple(_split_candidates(self, word)))
        self.derivation = lru_cache(maxsize=16384)(lambda word: _is_derivation(self, word))
        # a word's readings without their context (score_hypotheses adds the neighbours' lift)
        self.readings = lru_cache(maxsize=16384)(lambda word, capitalised, allow_edits: _readings(
            self, word, capitalised, allow_edits))

    def _frequency(self, word: str) -> float:
        """wordfreq's frequency of a lowercase word (0.0 when it lacks it)."""
        if word.isascii() and word.isalpha():
            return self.freqs.get(word, 0.0)
        return word_frequency(word)

    def zipf(self, word: str) -> float:
        """Zipf value (log10 per billion words) of a lowercase word; 0 when unknown."""
        f = self.frequency(word)
        return math.log10(f) + 9 if f > 0 else 0.0

    def in_dictionary(self, word: str) -> bool:
        """True when symspellpy's unigram dictionary lists the lowercase word."""
        return word in self.dicts.unigrams

    def _candidates(self, word: str) -> tuple:
        """(candidate, distance) pairs within edit distance 1, else 2 for longer words.

        Distance 2 is tried only when nothing is 1 away: a distance-1 reading is
        a thousand times likelier, and the distance-2 lookup costs 5x more.
        """
        found: dict[str, int] = {}
        for max_d in (1, 2):
            if max_d == 2 and (found or len(word) < 6):
                break
            for sym in (self.dicts.symspell, self.extra):
                for s in sym.lookup(word, Verbosity.ALL if max_d == 1 else Verbosity.CLOSEST, max_d):
                    if s.term != word and s.term not in found:
                        found[s.term] = s.distance
        ranked = sorted(found.items(), key=lambda kv: (kv[1], -self.frequency(kv[0]), kv[0]))
        return tuple((w, dist) for w, dist in ranked
                     if self.zipf(w) >= MIN_CANDIDATE_ZIPF)[:MAX_CANDIDATES]

    def _lift(self, w1: str, w2: str) -> float:
        """How much likelier the bigram "w1 w2" is than chance (1.0 = no evidence); `lift` caches it.

        A listed bigram gives observed / expected; an unlisted one whose
        expected count is above the pruning floor is evidence against.

        >>> lex = lexicon_for(_test_dicts())
        >>> lex.lift("a", "lot"), lex.lift("the", "of"), lex.lift("zzqx", "of")
        (100.0, 0.01, 1.0)
        """
        if not w1 or not w2 or w1 not in self.dicts.unigrams or w2 not in self.dicts.unigrams:
            return 1.0
        expected = self.bigram_scale * self.dicts.unigrams[w1] * self.dicts.unigrams[w2] / self.total
        observed = self.dicts.bigram(w1, w2)
        if observed:
            ratio = observed / expected
        else:
            ratio = min(1.0, self.bigram_floor / expected)
        return min(LIFT_CAP, max(1.0 / LIFT_CAP, ratio))

    def bigram_frequency(self, w1: str, w2: str) -> float:
        """Frequency of the two-word sequence on the unigram scale (0 when unlisted).

        >>> round(math.log10(lexicon_for(_test_dicts()).bigram_frequency("in", "the")) + 9, 1)
        6.9
        """
        return self.dicts.bigram(w1, w2) / (self.bigram_scale * self.total)


def _build_extra_index(freqs: dict, unigrams: dict, total: int) -> SymSpell:
    """A SymSpell index of common wordfreq words that symspellpy's list lacks.

    Contractions written without their apostrophe ("dont", "thats") are left
    out: they are misspellings themselves.
    """
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    floor = 10 ** (EXTRA_MIN_ZIPF - 9)
    for word, f in freqs.items():
        if f < floor or len(word) < 4 or not (word.isascii() and word.isalpha()) or word in unigrams:
            continue
        if _is_bare_contraction(word, f, freqs):
            continue
        sym.create_dictionary_entry(word, max(1, int(f * total)))
    return sym


def _is_bare_contraction(word: str, f: float, freqs: dict) -> bool:
    """True when the word with an apostrophe inserted is more frequent ("dont").

    >>> _is_bare_contraction("dont", 1e-5, {"don't": 1e-4})
    True
    """
    return any(freqs.get(word[:i] + "'" + word[i:], 0.0) > f for i in range(1, len(word)))


_lexicons: dict[int, tuple] = {}
_lock = threading.Lock()


def lexicon_for(dicts) -> Lexicon:
    """The Lexicon of a Dictionaries object, built on first use (thread-safe)."""
    with _lock:
        hit = _lexicons.get(id(dicts))
        if hit is None or hit[0] is not dicts:
            hit = (dicts, Lexicon(dicts))
            _lexicons[id(dicts)] = hit
        return hit[1]


def is_uncurated_spelling(lex: Lexicon, word: str) -> bool:
    """A lower-case token that the web has seen but no curated dictionary lists,
    long enough, no compound and not a word at home abroad: as likely a
    misspelling as a word.

    >>> lex = lexicon_for(_test_dicts())
    >>> [is_uncurated_spelling(lex, w) for w in ("stanard", "standard", "sont", "isk", "terroir")]
    [True, False, False, False, False]
    """
    if (len(word) < UNCURATED_MIN_LENGTH or in_curated_lexicon(word)
            or joins_two_words(lex, word, UNCURATED_COMPOUND_PART)):
        return False
    return not at_home_abroad(lex, word)


def at_home_abroad(lex: Lexicon, word: str) -> bool:
    """True when a lower-case word is commoner (by FOREIGN_WORD_MARGIN) in one of the
    FOREIGN_LANGUAGES than in English: a borrowed or quoted word ("terroir", "hier").

    >>> lex = lexicon_for(_test_dicts())
    >>> at_home_abroad(lex, "terroir"), at_home_abroad(lex, "hier"), at_home_abroad(lex, "wtih")
    (True, True, False)
    """
    home = lex.zipf(word) + FOREIGN_WORD_MARGIN
    # the small lists (Zipf 3 and up) only: the full ones would cost ~200 MB a worker
    return any(zipf(word, language, "small") >= home for language in FOREIGN_LANGUAGES)


def keep_logp(lex: Lexicon, word: str, written_lower: bool = True) -> float:
    """log prior that `word` is a correct word as written.

    Its wordfreq frequency when wordfreq has seen it (discounted for a lower-case
    `is_uncurated_spelling`); CURATED_UNSEEN_LOGP when only the curated dictionary
    knows it; otherwise UNSEEN_LOGP, lower for long tokens: a long string one slip
    from a known word is rarely another, unknown, word.

    >>> lex = lexicon_for(_test_dicts())
    >>> keep_logp(lex, "qzxv") == UNSEEN_LOGP, keep_logp(lex, "mummifies") == CURATED_UNSEEN_LOGP
    (True, True)
    """
    f = lex.frequency(word)
    if f > 0:
        if written_lower and is_uncurated_spelling(lex, word):
            return max(math.log(f) - UNCURATED_KEEP_DISCOUNT, UNSEEN_LOGP)
        return math.log(f)
    if in_curated_lexicon(word):
        return CURATED_UNSEEN_LOGP
    return UNSEEN_LOGP - UNSEEN_LENGTH_SLOPE * max(0, len(word) - UNSEEN_LONG)


def score_hypotheses(lex: Lexicon, word: str, left: str, right: str, capitalised: bool,
                     allow_edits: bool = True) -> list[Hypothesis]:
    """Every reading of a lowercase `word` between `left` and `right`, best first.

    >>> lex = lexicon_for(_test_dicts())
    >>> [score_hypotheses(lex, w, "the", "is", False)[0].replacement for w in ("umask", "mazk")]
    ['', 'mask']
    """
    cached = getattr(lex, "readings", None)
    keep_score, edits, splits = (cached(word, capitalised, allow_edits) if cached is not None
                                 else _readings(lex, word, capitalised, allow_edits))
    hyps = []
    for cand, base, dist, prefixed in edits:
        score = base + CONTEXT_WEIGHT * math.log(lex.lift(left, cand) * lex.lift(cand, right))
        if prefixed:
            keep_score = _log_add(keep_score, score)  # a term built on cand, as written
            score += PREFIXED_LETTER_LOGP
        hyps.append(Hypothesis(cand, "edit", score, dist))
    hyps.append(Hypothesis("", "keep", keep_score))
    for w1, w2, base in splits:
        score = base + CONTEXT_WEIGHT * math.log(lex.lift(left, w1) * lex.lift(w2, right))
        hyps.append(Hypothesis(f"{w1} {w2}", "split", score, 1))
    return best_first(hyps)


def _readings(lex: Lexicon, word: str, capitalised: bool, allow_edits: bool) -> tuple:
    """What score_hypotheses reads of `word` alone, a pure function of the word and the
    dictionaries (Lexicon.readings keeps it across documents: a typo comes back in
    article after article, and the names step's pass asks of the words the spelling step
    asks of next): (keep score before any prefixed candidate, ((candidate, score before
    context, distance, prefixed), ...), ((first, second, score before context), ...)).
    Each score before context is the sum score_hypotheses adds the context's term to, so
    the scores are the same floats as summed in one expression.

    >>> "mask" in [cand for cand, *_ in _readings(lexicon_for(_test_dicts()), "mazk", False, True)[1]]
    True
    """
    keep_score = (keep_logp(lex, word, written_lower=not capitalised)
                  + (CAPITAL_KEEP_BONUS if capitalised else 0.0))
    edits = []
    if allow_edits:
        for cand, dist in lex.candidates(word):
            # word minus a first letter ("umask" -> "mask"): a term built on cand, as written
            prefixed = word[1:] == cand and not (lex.zipf(cand) >= COMMONEST_ZIPF and is_finger_slip(word, cand))
            edits.append((cand, math.log(lex.frequency(cand)) + channel_logp(word, cand), dist, prefixed))
    splits = tuple((w1, w2, math.log(lex.bigram_frequency(w1, w2)) + OP_LOGP["space"])
                   for w1, w2 in split_candidates(lex, word))
    return keep_score, tuple(edits), splits


def split_candidates(lex: Lexicon, word: str) -> list[tuple[str, str]]:
    """Ways to cut `word` into two common words whose bigram is listed (cached per Lexicon).

    >>> split_candidates(lexicon_for(_test_dicts()), "inthe")
    [('in', 'the')]
    """
    cached = getattr(lex, "splits", None)
    return list(cached(word)) if cached is not None else _split_candidates(lex, word)


def _split_candidates(lex: Lexicon, word: str) -> list[tuple[str, str]]:
    out = []
    floor = 10 ** (MIN_SPLIT_ZIPF - 9)
    for i in range(1, len(word)):
        w1, w2 = word[:i], word[i:]
        if _good_part(lex, w1) and _good_part(lex, w2) and lex.bigram_frequency(w1, w2) >= floor:
            out.append((w1, w2))
    return out


def _good_part(lex: Lexicon, part: str) -> bool:
    """A part of a split must be a common word: "a", a very common two-letter word, or longer."""
    if len(part) == 1:
        return part == "a"
    if not lex.in_dictionary(part):
        return False
    return lex.zipf(part) >= (MIN_SHORT_PART_ZIPF if len(part) == 2 else MIN_PART_ZIPF)


def respell_misspellings(hyps: list[Hypothesis], fixes) -> list[Hypothesis]:
    """Candidates that a rule fixes are misspellings themselves: read them as the rule's correction.

    `fixes`: misspelling -> (correction, rule id), the spelling step's rules.

    "reccieved" is one slip from "recieved", which wordfreq lists but the
    rules fix to "received": the writer meant "received" and misspelt it
    twice. Correcting to the misspelling would leave the rule a second pass to
    do. The score stays the path's (the misspelling's frequency, the slip from
    it); two readings that end at the same word add up.

    >>> h = [Hypothesis("recieved", "edit", -1.0), Hypothesis("", "keep", -2.0), Hypothesis("received", "edit", -3.0)]
    >>> [(x.replacement, round(x.score, 2)) for x in respell_misspellings(h, {"recieved": ("received", "r")})]
    [('received', -0.87), ('', -2.0)]
    """
    if not fixes or not any(h.kind == "edit" and h.replacement in fixes for h in hyps):
        return hyps
    merged: dict = {}
    for h in hyps:
        if h.kind == "edit" and h.replacement in fixes:
            h = replace(h, replacement=fixes[h.replacement][0])
        key = (h.kind, h.replacement)
        seen = merged.get(key)
        merged[key] = h if seen is None else replace(seen, score=_log_add(seen.score, h.score))
    return best_first(merged.values())


def _log_add(a: float, b: float) -> float:
    """log(exp(a) + exp(b)), without overflow.

    >>> round(_log_add(0.0, 0.0), 4) == round(math.log(2), 4)
    True
    """
    top = max(a, b)
    return top + math.log1p(math.exp(-abs(a - b)))


def best_first(hyps) -> list[Hypothesis]:
    """`hyps` best first: by score, ties by replacement, so that the order (and the
    correction) never depends on the order the readings were found in."""
    return sorted(hyps, key=lambda h: (-h.score, h.replacement))


def posterior_share(hyps: list[Hypothesis]) -> float:
    """Share of the best hypothesis in the normalised posterior of all of them.

    >>> round(posterior_share([Hypothesis("a", "edit", 0.0), Hypothesis("", "keep", -math.log(3))]), 2)
    0.75
    """
    top = hyps[0].score
    return 1.0 / sum(math.exp(h.score - top) for h in hyps)


def rival_reading(hyps: list[Hypothesis]) -> tuple[float, str]:
    """(share of the posterior, replacement) of the likeliest correction other than the
    best one (another word, or a split); (0.0, "") when keeping the token is the only
    other reading.

    >>> hyps = [Hypothesis("ambitious", "edit", 0.0), Hypothesis("ambiguous", "edit", -1.0),
    ...         Hypothesis("", "keep", -6.0)]
    >>> share, word = rival_reading(hyps); round(share, 2), word
    (0.27, 'ambiguous')
    >>> rival_reading(hyps[:1] + hyps[2:])
    (0.0, '')
    """
    top = hyps[0].score
    total = sum(math.exp(h.score - top) for h in hyps)
    rival = next((h for h in hyps[1:] if h.kind != "keep" and h.replacement != hyps[0].replacement), None)
    return (0.0, "") if rival is None else (math.exp(rival.score - top) / total, rival.replacement)


def _test_dicts():
    """The shared dictionaries (for doctests)."""
    from ...resources import dictionaries
    return dictionaries()
