"""Part-of-speech class evidence for a side the bigram list is silent on.

A side of a site (`sides.side_evidence`) whose two bigrams are both below the
list's cut-off ("money buy refurbishing": neither "buy refurbishing" nor "by
refurbishing" is listed) is scored on unigram counts alone: that says which
word is commoner, not which one takes such a neighbour. The neighbour's word
class does say it when the neighbour has only one (lemminflect's readings):
an -ing form that is only a verb follows "by" in 10% of its listed bigram mass
and "buy" in none; an adjective alone follows "were" three times as often as
"where"; a noun alone follows "whole" ten times as often as "hole". The same
shares, summed over the bigram list by the neighbour's class, are general
evidence for every pair, curated or not:

    P(class | partner) / P(class | word), each smoothed towards the class's
    share of all bigram mass (CLASS_PRIOR_MASS), capped at MAX_FACTOR.

Only one-reading neighbours count: "official" (noun and adjective) tells
nothing. Verbs are split by form (the base form, -ing, -s, past forms), and of
them only the -ing form speaks (SPEAKING). Only the right side is read so
(`sides.with_class_evidence` says why).

>>> pure_class("refurbishing"), pure_class("quickly"), pure_class("official"), pure_class("zzqx")
('VBG', 'ADV', None, None)
>>> pure_class("include"), pure_class("taken"), pure_class("acted"), pure_class("commits")
('VB', 'VBD', 'VBD', 'VBZ')
"""
from __future__ import annotations

import math
from functools import lru_cache
from importlib.metadata import version as _pkg_version

from ...resources import load_cached
from .wordclass import readings

# The most a side's class evidence may count, either way (a factor): the scale of the
# grammar tests' factors (support.SUPPORT), for the class is read off one word.
MAX_FACTOR = 30.0
# The classes that speak. Verb forms do not: a past form is as often an adjective before
# a noun ("names where encoded slash is allowed", "below them covered") and a base form
# a noun of the jargon ("where debug symbols", "their include files"), which the shares,
# summed over news, do not see (bench/NOTES.md, "Class of a silent right side").
SPEAKING = frozenset({"NOUN", "ADJ", "ADV", "VBG"})
# Pseudo-mass, in cut-off counts, that pulls a word's class shares towards the shares
# of all bigram mass: a word with little listed mass ("hole") says little by its shares.
CLASS_PRIOR_MASS = 200


@lru_cache(maxsize=50_000)
def pure_class(word: str) -> str | None:
    """The one class of a lower-case word (NOUN, ADJ, ADV, VB, VBG, VBD, ...), or None
    when lemminflect gives it none or several."""
    found = readings(word)
    if len(found) != 1:
        return None
    (c,) = found
    if c != "VERB":
        return c
    if word.endswith("ing"):
        return "VBG"
    if word in readings_lemmas(word):
        return "VB"  # the base form ("include", "debug")
    # a third-person form ("commits") or a past form, regular or not ("acted", "given")
    return "VBZ" if word.endswith("s") else "VBD"


def readings_lemmas(word: str) -> tuple:
    """The verb lemmas lemminflect gives a word."""
    from lemminflect import getAllLemmas

    return getAllLemmas(word).get("VERB", ())


def class_tables(model) -> tuple:
    """(right, totals, words): bigram mass of (word, class of the next word) and of
    (word, None), per class of all bigrams (None: all of them), and the unigram mass of
    each class; cached on disk (a pure function of the pinned dictionaries and
    lemminflect)."""
    cached = getattr(model, "_posclass", None)
    if cached is not None:
        return cached
    key = (f"context-posclass-4-{_pkg_version('symspellpy')}-{_pkg_version('lemminflect')}"
           f"-{len(model.unigrams)}-{len(model.bigrams)}-{sum(model.unigrams.values())}")
    tables = load_cached(key, lambda: _build(model.unigrams, model.bigrams))
    object.__setattr__(model, "_posclass", tables)
    return tables


def _build(unigrams: dict, bigrams: dict) -> tuple:
    right: dict = {}
    totals: dict = {}
    for pair, n in bigrams.items():
        a, _, b = pair.partition(" ")
        c = pure_class(b)
        right[(a, None)] = right.get((a, None), 0) + n
        totals[None] = totals.get(None, 0) + n
        if c:
            right[(a, c)] = right.get((a, c), 0) + n
            totals[c] = totals.get(c, 0) + n
    words: dict = {}
    for w, n in unigrams.items():
        c = pure_class(w)
        if c:
            words[c] = words.get(c, 0) + n
    return right, totals, words


def class_ratio(model, neighbour: str | None, word: str, partner: str) -> float | None:
    """log P(next word | partner) / P(next word | word) through the next word's class:
    P(class | x) P(next word | class), under the cut-off as any missing bigram is
    (`model.cond_prob`: a word as common as "by" would have had its bigram listed),
    capped at MAX_FACTOR either way; None when the next word has no single class, or one
    that does not speak, or a word is unknown.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"by": 50, "buy": 50, "using": 1000, "shoes": 1000, "mending": 5},
    ...                 {"by using": 2000, "buy shoes": 2000, "by shoes": 100}, 2105, scale=1.0, floor=1)
    >>> round(class_ratio(m, "mending", "buy", "by"), 2), class_ratio(m, "official", "buy", "by")
    (3.02, None)
    """
    count = model.unigrams.get(neighbour, 0) if neighbour is not None else 0
    c = pure_class(neighbour) if count else None
    if c not in SPEAKING:
        return None
    right, totals, words = class_tables(model)
    prior = totals.get(c, 0) / max(1, totals[None])
    pseudo = CLASS_PRIOR_MASS * model.floor
    in_class = count / max(1, words.get(c, 0))

    def estimate(w: str):
        n = model.unigrams.get(w, 0)
        if not n:
            return None
        share = (right.get((w, c), 0) + pseudo * prior) / (right.get((w, None), 0) + pseudo)
        return min(share * in_class, model.floor / (model.scale * n))

    new, old = estimate(partner), estimate(word)
    if not new or not old:
        return None
    cap = math.log(MAX_FACTOR)
    return max(-cap, min(cap, math.log(new) - math.log(old)))
