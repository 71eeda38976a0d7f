"""Side evidence for the `context` step: what each neighbour says on its own.

`score.best_partner` scores a change on both neighbours at once. Split into its
two sides (P(x | left) and P(right | x)), the evidence shows two weaknesses:

  unlisted  a side where the neighbour is a known word but neither bigram (with
            the word or with the partner) is in the list says little: its ratio
            is what the cut-off and the two words' unigram counts make of the
            absence ("never cite knowledge": "cite" and "site" are both unseen
            after "never", and "site" is simply the commoner word). Unless a
            listed side favours the change too, such a side counts at most
            UNLISTED_MAX_FACTOR for it.
  opposed   a side whose listed bigrams clearly favour the word as written
            ("end up" over "and up") while no listed side favours the change:
            the change rests on a prior alone and must not be lifted by the
            document's boost (`score.document_boost`).

  chance    a side where the partner's bigram is listed but no likelier than the two
            words' unigram rates make it (lift under CHANCE_LIFT: "line and", "frame
            and", "highest and": "and" follows nouns and adjectives at its base rate),
            while the word's own bigram is missing and below the cut-off ("line end"
            would not be listed at chance either): the side says only that the
            partner is the commoner word. A change that no side speaks for in
            particular (no listed side of the partner above chance, no word class)
            and that rests on such a side is held as a suggestion in text whose prior
            odds against an error are raised (`rests_on_chance`, score.raised_prior).

  shared    a left side where the partner's bigram is listed at a word class's lift
            ("our patients", 7.6) and the rarer word's is missing, though it would be
            below the cut-off even with that lift: the lift is the partner's only because
            the list is cut off, and half of it is taken off (`shared_lift_discount`).

A side whose missing bigrams are estimated through the neighbour's suffix class
("commits form a": a plural before a verb) is class evidence, not a guess, and
keeps its weight; so does one whose partner is a function word, which may
follow or precede nearly any word ("fell sharply and the": "sharply and" is
below the cut-off only because adverbs are many), so that its unigram rate is
a fair estimate. A neighbour that is None (punctuation, the start of a clause)
or unknown to the model (a name) is absent: the scorer backs off to the unigram prior there, as
it must, and this module leaves that side alone. Words with an apostrophe are
scored through their expansions (model.expand_word) and are not split.

>>> from service.steps.context.model import BigramModel
>>> m = BigramModel({"end": 50, "and": 3000, "up": 500}, {"end up": 300, "and up": 5}, 4000, scale=1.0, floor=1)
>>> opposes_change(side_evidence(m, None, "end", "and", "up"))
True
"""
from __future__ import annotations

import math

from ...lexicon import ENGLISH_FUNCTION_WORDS
from . import model as context_model
from .posclass import class_ratio
from .wordclass import _DETERMINERS

# The most an unlisted side's evidence may count for a change (a factor): below the
# list's cut-off both bigrams are only known to be rare; their ratio is a guess.
UNLISTED_MAX_FACTOR = 5.0
# A listed side at least this many times likelier for the word as written opposes a change.
OPPOSE_FACTOR = 20.0
# A partner's listed bigram under this many times what the two words' unigram rates predict
# (its lift) is what chance gives two common words: no evidence of the partner's use there.
# "line and" 1.0, "frame and" 1.5, "end after"/"and after" 1.8; a real association: "by
# eradicating"'s class, "little piece" 31, "can proceed" 20 (bench/NOTES.md, "The text's register").
CHANCE_LIFT = 2.0
# Share (in log space) of the partner's lift taken off a side where the word's bigram would be
# unlisted even with that lift (see shared_lift_discount).
SHARED_LIFT_WEIGHT = 0.5
# A partner's lift from which its bigram is a collocation ("heavy rain" 292, "must ensure" 52,
# "will proceed" 24, "her soul" 18), evidence for the partner in particular, which
# shared_lift_discount leaves whole; under it, a word class's lift ("our patients" 7.6: a
# possessive before a noun) that the rarer word may share unseen.
COLLOCATION_LIFT = 10.0


def side_kind(model, pairs: tuple, neighbour, partner: str = "") -> str:
    """"listed" when one of the side's two bigrams (`pairs`: with the word, with its
    partner) is in the list, "unlisted" when neither is, "function" when neither is
    but the partner is a function word, "class" when neither is but the neighbour's
    suffix class stands in for it, "absent" when the neighbour is None or unknown to
    the model.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"a": 5, "b": 5}, {"a b": 10}, 10)
    >>> side_kind(m, ("a b", "a c"), "a"), side_kind(m, ("b a", "b c"), "b"), side_kind(m, (), "zz")
    ('listed', 'unlisted', 'absent')
    """
    if neighbour is None or neighbour not in model.unigrams:
        return "absent"
    if any(p in model.bigrams for p in pairs):
        return "listed"
    if partner in ENGLISH_FUNCTION_WORDS:
        return "function"
    return "class" if _class_backed(model, pairs, neighbour) else "unlisted"


def _class_backed(model, pairs: tuple, neighbour: str) -> bool:
    """True when a missing bigram of the side is estimated through the suffix class of
    the neighbour (model.missing_estimate: a rarer -ing or plural neighbour), which is
    evidence of the word's class and not its unigram count alone."""
    if context_model.word_class(neighbour) is None:
        return False
    count = model.unigrams[neighbour]
    others = [w for p in pairs for w in p.split(" ") if w != neighbour]
    return any(count <= model.unigrams.get(w, 0) for w in others)


def side_evidence(model, left, word: str, partner: str, right) -> tuple:
    """((log ratio, kind) of the left side, (log ratio, kind) of the right side): the
    ratio is P(partner side) / P(word side), > 0 favours the change; kind as in `side_kind`.
    () for a word or partner with an apostrophe.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"the": 900, "board": 40, "bored": 10, "public": 50}, {"the board": 80}, 1000,
    ...                 scale=1.0, floor=1)
    >>> [(round(r, 1), k) for r, k in side_evidence(m, "the", "bored", "board", "public")]
    [(5.1, 'listed'), (-0.7, 'unlisted')]
    """
    if "'" in word or "’" in word or "'" in partner or "’" in partner:
        return ()
    cond = context_model.cond_prob
    left_ratio = (math.log(cond(model, left, partner, "a")) - math.log(cond(model, left, word, "a"))
                  if left is not None else 0.0)
    right_ratio = (math.log(cond(model, partner, right, "b")) - math.log(cond(model, word, right, "b"))
                   if right is not None else 0.0)
    return ((left_ratio, side_kind(model, (f"{left} {word}", f"{left} {partner}"), left, partner)),
            (right_ratio, side_kind(model, (f"{word} {right}", f"{partner} {right}"), right, partner)))


# Sides the list is silent on, that the neighbour's word class may speak for instead.
_SILENT = frozenset({"unlisted", "function"})


def with_class_evidence(model, left, word: str, partner: str, right, sides: tuple) -> tuple:
    """(sides, log factor): the right side, when the list is silent on it (`_SILENT`) and
    its neighbour has one word class, read by that class instead (`posclass.class_ratio`:
    P(class | x) stands for P(neighbour | x); kind "posclass"), and what that changes in
    the site's score. The left side stays as it is: there P(x | neighbour) through the
    class is P(class before x) times x's prior, and the prior of a function word as
    written ("readability and of") outweighs any class share; a side's prior is what
    `unlisted_discount` caps. Nor after a determiner: there the word and its partner
    both modify what follows ("the passed data", "the past data"), whatever each takes
    after it elsewhere.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"a": 5, "b": 5}, {"a b": 10}, 10)
    >>> with_class_evidence(m, None, "a", "b", None, ((0.0, "absent"), (0.0, "absent")))
    (((0.0, 'absent'), (0.0, 'absent')), 0.0)
    """
    (ratio, kind) = sides[1]
    if kind in _SILENT and left not in _DETERMINERS:
        found = class_ratio(model, right, word, partner)
        if found is not None:
            return (sides[0], (found, "posclass")), found - ratio
    return sides, 0.0


def unlisted_discount(sides: tuple) -> float:
    """log factor <= 0: when no listed side favours a change, what unlisted sides' evidence
    for it has beyond UNLISTED_MAX_FACTOR, taken off again (a listed side that favours
    the change carries it: "the company maid a profit").

    >>> round(unlisted_discount(((4.0, "unlisted"), (None, "absent"))), 2), unlisted_discount(((1.0, "unlisted"),))
    (-2.39, 0.0)
    >>> unlisted_discount(((4.0, "unlisted"), (2.4, "listed")))
    0.0
    """
    if any(kind == "listed" and r > 0 for r, kind in sides):
        return 0.0
    cap = math.log(UNLISTED_MAX_FACTOR)
    excess = sum((r - cap for r, kind in sides if kind == "unlisted" and r > cap), 0.0)
    return -excess if excess else 0.0


def opposes_change(sides: tuple) -> bool:
    """True when a listed side clearly favours the word as written and no listed side
    favours the change (see the module docstring).

    >>> opposes_change(((4.1, "absent"), (-4.0, "listed"))), opposes_change(((6.8, "listed"), (-4.2, "listed")))
    (True, False)
    """
    against = any(kind == "listed" and r <= -math.log(OPPOSE_FACTOR) for r, kind in sides)
    return against and not any(kind == "listed" and r > 0 for r, kind in sides)


def lift(model, a: str, b: str) -> float:
    """How many times likelier the listed bigram "a b" is than the two words' unigram rates
    predict; 0.0 when it is not listed.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"a": 50, "b": 50}, {"a b": 10}, 100, scale=1.0, floor=1)
    >>> lift(m, "a", "b"), lift(m, "b", "a")
    (0.4, 0.0)
    """
    n = model.bigrams.get(f"{a} {b}", 0)
    if not n:
        return 0.0
    return n * model.total / (model.scale * model.unigrams[a] * model.unigrams[b])


def lifted_side(model, left, partner: str, right) -> bool:
    """True when a neighbour's listed bigram with `partner` is CHANCE_LIFT times or more what the
    two words' unigram rates predict: the context goes with the partner in particular, not
    only with any common word ("the new" 1.8 and "new directory" 0.6 do not: "the gnu
    directory" -> "new" rests on the count of "new" alone).

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"the": 10000, "new": 1000, "directory": 20000, "been": 500, "sent": 100},
    ...                 {"the new": 18, "new directory": 1, "been sent": 50}, 10**6, scale=1.0, floor=1)
    >>> lifted_side(m, "the", "new", "directory"), lifted_side(m, "been", "sent", None)
    (False, True)
    """
    return ((left is not None and lift(model, left, partner) >= CHANCE_LIFT)
            or (right is not None and lift(model, partner, right) >= CHANCE_LIFT))


def rests_on_chance(model, left, word: str, partner: str, right, sides: tuple) -> bool:
    """True when a change rests on a side of chance (see the module docstring: the partner's
    bigram listed under CHANCE_LIFT, the word's missing below the cut-off) and no side speaks
    for the partner in particular (a listed bigram of it at CHANCE_LIFT or more, or a word
    class in its favour). `sides` as `with_class_evidence` returns them.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"line": 1000, "end": 100, "and": 10000, "after": 1000, "the": 10000},
    ...                 {"line and": 15, "and after": 15, "and the": 500}, 10**6, scale=1.0, floor=5)
    >>> sides = side_evidence(m, "line", "end", "and", "after")
    >>> rests_on_chance(m, "line", "end", "and", "after", sides)
    True
    >>> rests_on_chance(m, "line", "end", "and", "the", side_evidence(m, "line", "end", "and", "the"))
    False
    """
    from .candidates import below_cutoff

    chance = False
    pairs = (((left, word), (left, partner)), ((word, right), (partner, right)))
    for (ratio, kind), ((a, b), (pa, pb)) in zip(sides, pairs):
        if kind == "posclass" and ratio > 0:
            return False
        if kind != "listed":
            continue
        found = lift(model, pa, pb)
        if found >= CHANCE_LIFT:
            return False
        if found and f"{a} {b}" not in model.bigrams and below_cutoff(model, a, b):
            chance = True
    return chance


def side_facts(model, left, word: str, partner: str, right) -> tuple | None:
    """What the sides say of changing `word` to `partner` between `left` and `right`: (the log
    factor they add to the site's score: class evidence, `shared_lift_discount` and
    `unlisted_discount`;
    `opposes_change`; `rests_on_chance`), None when there are no sides (`side_evidence`). A
    function of the five arguments alone, so `score_sites` keeps it per neighbours.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"end": 50, "and": 3000, "up": 500}, {"end up": 300, "and up": 5}, 4000, scale=1.0, floor=1)
    >>> side_facts(m, None, "end", "and", "up")[1:], side_facts(m, None, "it's", "its", "up")
    ((True, False), None)
    """
    sides = side_evidence(model, left, word, partner, right)
    if not sides:
        return None
    sides, extra = with_class_evidence(model, left, word, partner, right, sides)
    extra += shared_lift_discount(model, left, word, partner, right)
    return (extra + unlisted_discount(sides), opposes_change(sides),
            rests_on_chance(model, left, word, partner, right, sides))


def shared_lift_discount(model, left, word: str, partner: str, right) -> float:
    """log factor <= 0: half the lift a left neighbour's listed bigram credits the partner with
    (in log space, SHARED_LIFT_WEIGHT), taken off when the word's own bigram with that
    neighbour is missing although, with that same lift, it would still lie below the list's
    cut-off, the lift is a word class's (CHANCE_LIFT to COLLOCATION_LIFT) and the word is
    rarer than the neighbour. `right` is not read.

    The model estimates the word's missing bigram from its unigram rate (independence);
    the partner's listed one carries its association with the neighbour ("our patients",
    7.6 times chance: a possessive before a noun). A rare word's bigrams are not listed
    whatever their lift, so the absence says nothing of whether the word shares that
    association ("our patience"). The word's unigram rate and the missing-bigram
    discount still count. Only the left side: there the neighbour predicts the word's
    class; a collocation's lift ("heavy rain") is evidence for the partner and stays.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"our": 1000, "patience": 10, "patients": 100, "the": 10000, "a": 10000},
    ...                 {"our patients": 5, "the patients": 15, "a patients": 1000}, 10**5, scale=1.0, floor=20)
    >>> round(shared_lift_discount(m, "our", "patience", "patients", None), 2)  # lift 5: half of log 5 off
    -0.8
    >>> shared_lift_discount(m, "a", "patience", "patients", None)  # lift 100: a collocation, kept
    0.0
    >>> shared_lift_discount(m, "the", "patience", "patients", None)  # lift 1.5: chance, the ratio stands
    0.0
    """
    if left is None or f"{left} {word}" in model.bigrams or left not in model.unigrams:
        return 0.0
    found = lift(model, left, partner)
    if not CHANCE_LIFT <= found < COLLOCATION_LIFT or model.unigrams[word] > model.unigrams[left]:
        return 0.0  # chance, a collocation, or the rarity is the neighbour's ("efforts off")
    count_left = model.unigrams[left]
    estimate = context_model.missing_estimate(model, left, word, count_left, model.unigrams[word], "a")
    shared = context_model.unigram_prob(model, word) * found
    if estimate < shared < model.floor / (model.scale * count_left):
        return -SHARED_LIFT_WEIGHT * math.log(shared / estimate)
    return 0.0


# A partner's listed bigram under this lift is rarer there than chance: the side argues
# against the partner's use, whatever the unigram counts make of it ("add site" 0.34).
BELOW_CHANCE_LIFT = 1.0


def one_side_below_chance(model, left, partner: str, right) -> bool:
    """True when the change has one side only (punctuation or the clause's edge at the
    other) and that side lists the partner below chance (BELOW_CHANCE_LIFT). Asked of a
    change that `rests_on_chance`: it then rests on the partner's unigram count alone
    ("to add sight, language" -> "site": "add site" is listed at 0.34 of chance), in any text.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"add": 1000, "sight": 100, "site": 10000, "the": 10000},
    ...                 {"add site": 3, "the site": 500}, 10**6, scale=1.0, floor=5)
    >>> one_side_below_chance(m, "add", "site", None), one_side_below_chance(m, "the", "site", None)
    (True, False)
    >>> one_side_below_chance(m, "add", "site", "the")  # two sides
    False
    """
    if (left is None) == (right is None):
        return False
    a, b = (left, partner) if left is not None else (partner, right)
    return 0 < lift(model, a, b) < BELOW_CHANCE_LIFT
