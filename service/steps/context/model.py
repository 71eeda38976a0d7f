"""Bigram language-model evidence for the `context` step.

The only n-gram data shipped offline is symspellpy's: 82,765 unigram counts
and the 242k most frequent bigrams (all lower-case, no apostrophes). Their
counts come from different corpora: a bigram count is about `scale` times
larger than the matching unigram count, and every bigram below `floor` was
cut off. The scorer therefore works with conditional probabilities

    P(b | a) = count(a b) / (scale * count(a))

and treats a missing bigram as "rarer than the cut-off": at most
floor / (scale * count(a)), and at most what independence predicts -- or,
when the context word is too rare for bigrams of its own, what its suffix
class predicts (an -ing word after "by", a plural after "their"), tempered.

To compare a word with a candidate in its context (one word either side),
`log_evidence` scores both as token chains  P(x1 | left) ... P(right | xn)
and returns the log ratio. Contractions are scored as their expansions
("it's" as "it is" or "it has"), because the bigram list has none of them.
A second word either side would add nothing: in a chain of bigrams
left2 left1 x right1 right2 the factors P(left1 | left2) and
P(right2 | right1) are the same for every candidate x and cancel, and the
list has no skip-bigrams (left2 _ x) that could tell "the house where he
lived" from "the house were he lived" beyond "house where" and "where he".

>>> m = BigramModel({"the": 100, "cat": 10, "sat": 5, "cot": 1}, {"the cat": 200, "cat sat": 100}, 116)
>>> log_evidence(m, "the", ("cot",), ("cat",), "sat") > 2.0
True
"""
from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from importlib.metadata import version as _pkg_version

from ...resources import load_cached

# Probability given to a word the unigram list does not know (a name, a
# number): the same for every candidate, so it cancels in comparisons.
UNKNOWN_PROB = 1e-9
# How far below the cut-off a missing bigram is assumed to lie, on average.
# It also halves an estimate already below the cut-off (a rare word's missing
# pair, whose absence says nothing). Uniform, because favouring attested pairs
# repairs more swapped words on the project's own prose than discounting only
# the part above the cut-off (bench/NOTES.md, "Missing bigrams").
MISSING_DISCOUNT = 0.5
# Weight of the suffix-class backoff against independence, in log space (see
# missing_estimate): half strength, which repairs as many swapped words as
# full strength without breaking more correct ones (bench/NOTES.md).
CLASS_WEIGHT = 0.5
# Entries kept in a model's phrase memo before it is emptied.
MEMO_SIZE = 200_000

# Contractions and their expansions, scored as token chains. "'s" after a
# noun is a possessive: scored as the bare noun (a possessive behaves like a
# determiner before the next word).
_CONTRACTION_SUFFIXES = (
    ("n't", ("not",)),
    ("'re", ("are",)),
    ("'ve", ("have",)),
    ("'ll", ("will",)),
    ("'d", ("would", "had")),
    ("'m", ("am",)),
)
_IRREGULAR_NEGATIONS = {"can't": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not")}
_S_PRONOUNS = {"it", "he", "she", "that", "there", "here", "what", "who", "where", "how", "when",
               "this", "everyone", "everybody", "nobody", "someone", "somebody", "let"}


@dataclass(frozen=True)
class BigramModel:
    """Unigram and bigram counts with the constants that make them comparable."""

    unigrams: dict
    bigrams: dict
    total: int
    scale: float = field(default=0.0)
    floor: int = field(default=0)
    # memo of phrase_logprob: news text repeats the same short contexts
    # ("of the", "to be") thousands of times; bounded, see phrase_logprob
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    # word-class masses for the backoff of missing bigrams (see class_masses)
    classes: tuple = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if not self.scale:
            object.__setattr__(self, "scale", estimate_scale(self.unigrams, self.bigrams))
        if not self.floor:
            object.__setattr__(self, "floor", min(self.bigrams.values()) if self.bigrams else 1)
        if self.classes is None:
            # a pure function of the pinned dictionaries (0.6 s): cached on disk for start-up
            key = (f"context-classes-{_pkg_version('symspellpy')}-{len(self.unigrams)}-{len(self.bigrams)}"
                   f"-{sum(self.unigrams.values())}")
            object.__setattr__(self, "classes",
                               load_cached(key, lambda: class_masses(self.unigrams, self.bigrams)))


# Suffix classes: a part-of-speech-like cue for words too rare to have bigrams
# of their own. "by eradicating" and "buy eradicating" are both below the
# bigram list's cut-off, but "by" + an -ing word is common and "buy" + one is not.
# Only -ing and plural -s: -ed and -ly words are as often adjectives and
# adverbs inside a noun phrase ("their supposedly superior"), which misleads.
_CLASS_SUFFIXES = (("ing", 6), ("s", 4))


def word_class(word: str) -> str | None:
    """The suffix class of a word (-ing, -ed, -ly, plural -s), or None.

    >>> word_class("eradicating"), word_class("profiles"), word_class("glass"), word_class("sing")
    ('ing', 's', None, None)
    """
    for suffix, min_len in _CLASS_SUFFIXES:
        if len(word) >= min_len and word.endswith(suffix):
            return None if suffix == "s" and word.endswith(("ss", "us", "is")) else suffix
    return None


def class_masses(unigrams: dict, bigrams: dict) -> tuple:
    """(class -> unigram mass, (word, class) -> bigram mass, (class, word) -> bigram mass)."""
    unigram_mass: dict = {}
    for w, n in unigrams.items():
        c = word_class(w)
        if c:
            unigram_mass[c] = unigram_mass.get(c, 0) + n
    right: dict = {}
    left: dict = {}
    for pair, n in bigrams.items():
        a, _, b = pair.partition(" ")
        cb = word_class(b)
        if cb:
            right[(a, cb)] = right.get((a, cb), 0) + n
        ca = word_class(a)
        if ca:
            left[(ca, b)] = left.get((ca, b), 0) + n
    return unigram_mass, right, left


def estimate_scale(unigrams: dict, bigrams: dict, top: int = 50) -> float:
    """How many times larger bigram counts are than unigram counts.

    Measured on the most frequent words, whose bigram mass is nearly all
    above the cut-off: the sum of count(w x) over x, divided by count(w).

    >>> estimate_scale({"a": 10, "b": 5}, {"a b": 40, "b a": 20})
    4.0
    """
    head = sorted(unigrams, key=unigrams.get, reverse=True)[:top]
    wanted = set(head)
    mass = dict.fromkeys(head, 0)
    for pair, n in bigrams.items():
        first = pair.split(" ", 1)[0]
        if first in wanted:
            mass[first] += n
    return sum(mass.values()) / max(1, sum(unigrams[w] for w in head))


_models: dict = {}
_models_lock = threading.Lock()


def model_for(dictionaries) -> BigramModel:
    """The model over a `service.resources.Dictionaries`, built once per object."""
    key = id(dictionaries)
    with _models_lock:
        cached = _models.get(key)
        if cached is None or cached[0] is not dictionaries:
            model = BigramModel(dictionaries.unigrams, dictionaries.bigrams, dictionaries.total)
            cached = (dictionaries, model)
            _models[key] = cached
        return cached[1]


def unigram_prob(model: BigramModel, word: str) -> float:
    """P(word) from the unigram counts; UNKNOWN_PROB when the word is not listed."""
    n = model.unigrams.get(word, 0)
    return n / model.total if n else UNKNOWN_PROB


def cond_prob(model: BigramModel, a: str | None, b: str | None, neighbour: str = "") -> float:
    """P(b | a) with the cut-off aware backoff described in the module docstring.

    `a` None (start of a clause, or an unknown word) backs off to P(b); `b`
    None (punctuation or the end of the text) carries no evidence: 1.0.
    `neighbour` ("a" or "b") names the context word, which alone may back off
    to its suffix class when the bigram is missing (see missing_estimate); the
    scored word's own absence from the list is evidence, and stays so.
    """
    if b is None:
        return 1.0
    count_a = model.unigrams.get(a, 0) if a is not None else 0
    if not count_a:
        return unigram_prob(model, b)
    count_b = model.unigrams.get(b, 0)
    if not count_b:
        return UNKNOWN_PROB
    n = model.bigrams.get(f"{a} {b}")
    left_mass = model.scale * count_a
    if n:
        return n / left_mass
    estimate = missing_estimate(model, a, b, count_a, count_b, neighbour)
    return MISSING_DISCOUNT * min(estimate, model.floor / left_mass)


def missing_estimate(model: BigramModel, a: str, b: str, count_a: int, count_b: int,
                     neighbour: str = "") -> float:
    """P(b | a) for a bigram below the cut-off, before the cap: through the
    suffix class of the rarer word when it has one, else independence.

    Only a rarer context word backs off: P(b | a) = P(class(b) | a) P(b | class(b))
    for a right neighbour b, P(b | class(a)) for a left neighbour a.
    A class never seen next to the other word gets one cut-off count of mass;
    the class estimate is tempered towards independence (CLASS_WEIGHT).
    """
    unigram_mass, right, left = model.classes
    independent = count_b / model.total
    if neighbour == "b" and count_b <= count_a:
        c = word_class(b)
        if c and unigram_mass.get(c):
            mass = right.get((a, c), 0) + model.floor
            return _tempered(mass / (model.scale * count_a) * count_b / unigram_mass[c], independent)
    elif neighbour == "a" and count_a < count_b:
        c = word_class(a)
        if c and unigram_mass.get(c):
            mass = left.get((c, b), 0) + model.floor
            return _tempered(mass / (model.scale * unigram_mass[c]), independent)
    return independent


def _tempered(class_estimate: float, independent: float) -> float:
    """The class estimate pulled halfway (in log space) back to independence."""
    return class_estimate ** CLASS_WEIGHT * independent ** (1.0 - CLASS_WEIGHT)


def expand_word(word: str) -> tuple:
    """The token chains a word may stand for when scored (lower-case input).

    >>> expand_word("it's")
    (('it', 'is'), ('it', 'has'))
    >>> expand_word("don't"), expand_word("china's"), expand_word("cat")
    ((('do', 'not'),), (('china',),), (('cat',),))
    """
    word = word.replace("’", "'")
    if "'" not in word:
        return ((word,),)
    if word in _IRREGULAR_NEGATIONS:
        return (_IRREGULAR_NEGATIONS[word],)
    for suffix, expansions in _CONTRACTION_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            stem = word[: -len(suffix)]
            return tuple((stem, e) for e in expansions)
    if word.endswith("'s"):
        stem = word[:-2]
        if stem in _S_PRONOUNS:
            return ((stem, "is"), (stem, "has")) if stem != "let" else (("let", "us"),)
        return ((stem,),)
    return ((word,),)


def knows(model: BigramModel, word: str) -> bool:
    """True when the model has counts for some reading of `word` (lower-case).

    The unigram list (symspellpy's) lacks many frequent US spellings and
    newer words ("math", "favorite", "neighborhood"): such a word scores as
    unknown, so any partner would look far likelier. The model has no
    evidence about it, and no evidence must not mean a correction.

    >>> m = BigramModel({"it": 5, "is": 5, "myth": 5}, {}, 15)
    >>> knows(m, "it's"), knows(m, "myth"), knows(m, "math")
    (True, True, False)
    """
    return any(all(w in model.unigrams for w in chain) for chain in expand_word(word))


def chain_logprob(model: BigramModel, left: str | None, chain: tuple, right: str | None) -> float:
    """log P(chain, right | left) under the bigram model."""
    total, prev, neighbour = 0.0, left, "a"
    for w in chain:
        total += math.log(cond_prob(model, prev, w, neighbour))
        prev, neighbour = w, ""
    return total + math.log(cond_prob(model, prev, right, "b"))


def phrase_logprob(model: BigramModel, left: str | None, words: tuple, right: str | None) -> float:
    """Best log-probability of a phrase over the expansions of its words.

    >>> m = BigramModel({"a": 5, "b": 5}, {"a b": 10}, 10)
    >>> phrase_logprob(m, None, ("a",), "b") > phrase_logprob(m, None, ("b",), "a")
    True
    """
    key = (left, words, right)
    memo = model.memo
    found = memo.get(key)
    if found is not None:
        return found
    if len(words) == 1 and "'" not in words[0] and "’" not in words[0]:
        # one plain word (nearly every call): its one chain, as chain_logprob sums it
        w = words[0]
        value = math.log(cond_prob(model, left, w, "a")) + math.log(cond_prob(model, w, right, "b"))
    else:
        chains = [()]
        for w in words:
            chains = [c + e for c in chains for e in expand_word(w)]
        value = max(chain_logprob(model, left, c, right) for c in chains)
    if len(memo) >= MEMO_SIZE:
        memo.clear()  # crude but bounded; a dict clear is atomic under the GIL
    memo[key] = value
    return value


def log_evidence(model: BigramModel, left: str | None, original: tuple, candidate: tuple,
                 right: str | None) -> float:
    """log [ P(candidate in context) / P(original in context) ]: > 0 favours the candidate."""
    return (phrase_logprob(model, left, candidate, right)
            - phrase_logprob(model, left, original, right))


# ---------------------------------------------------------------- similar words

def is_variant(a: str, b: str) -> bool:
    """True for inflections and spelling variants, which are not confusions.

    >>> is_variant("count", "counts"), is_variant("color", "colour"), is_variant("centered", "centred")
    (True, True, True)
    >>> is_variant("defense", "defence"), is_variant("aluminum", "aluminium")
    (True, True)
    >>> is_variant("centers", "centres"), is_variant("organisation", "organization")
    (True, True)
    >>> is_variant("week", "weak"), is_variant("county", "country")
    (False, False)
    """
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short) or (len(short) == len(long_) and short[:-1] == long_[:-1]):
        return True

    def fold(w: str) -> str:
        # US/UK pairs: colour, centre/centred/centres, organise/organisation,
        # analyse, defence, aluminium, travelled
        w = re.sub(r"(.)\1", r"\1", w).replace("our", "or")
        w = re.sub(r"([iy])s(?=[aei])", r"\1z", w)
        w = w.replace("ence", "ense").replace("ium", "um").replace("ogue", "og")
        return re.sub(r"(?:re|er)(?=s?\b)", "er", w).replace("ered", "red")

    return fold(short) == fold(long_)


def similar_words(vocabulary: list, sound_keys=None) -> dict:
    """word -> words one Damerau edit away that sound alike (same metaphone or soundex).

    A symmetric-delete index makes this linear in the vocabulary; inflections
    and spelling variants are left out (`is_variant`).

    >>> similar_words(["week", "weak", "weeks", "cheek"])
    {'week': ('weak',), 'weak': ('week',)}
    """
    import jellyfish
    from rapidfuzz.distance import DamerauLevenshtein

    keys = sound_keys or (jellyfish.metaphone, jellyfish.soundex)
    index: dict[str, list] = {}
    for w in vocabulary:
        for k in {w, *(w[:i] + w[i + 1:] for i in range(len(w)))}:
            index.setdefault(k, []).append(w)
    out: dict[str, tuple] = {}
    for w in vocabulary:
        found = set()
        for k in {w, *(w[:i] + w[i + 1:] for i in range(len(w)))}:
            for c in index.get(k, ()):
                if c == w or c in found or DamerauLevenshtein.distance(w, c) != 1 or is_variant(w, c):
                    continue
                if any(key(w) == key(c) for key in keys):
                    found.add(c)
        if found:
            out[w] = tuple(sorted(found))
    return out
