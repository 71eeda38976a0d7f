"""Clause evidence for the `context` step: what must follow a word for a partner to parse.

Two tests on the words after a site, beside those of `wider` (and with its
word-class readings from lemminflect):

  count     a number counts something: "to" -> "two" needs a plural noun
            phrase, "of", "or", "and" or another number after it ("two best
            friends", "two of them"); "chosen from to best align" counts nothing.
  inverted  a clause-initial "were" before a subject pronoun that no agreeing
            finite verb follows is an inverted conditional or question ("Were I
            to ...", "Were it not for"); "where" would need that verb ("Where I
            live").

Like `wider.wider_score`, a test that holds demotes a change to a suggestion
(`wider.with_wider`), and the document's prior must not raise it again.

>>> counts_something(["best", "align"]), inverted_clause(["it", "not"])
(False, True)
"""
from __future__ import annotations

import math

from .wider import (_NUMBER_WORDS, _SUBJECTS, CLASS_PENALTY, finite_tags, plural_noun_follows,
                    subject_agrees, with_wider, words_after)

# Words that may follow a number besides a plural noun phrase.
_COUNT_LINKS = _NUMBER_WORDS | frozenset({"of", "or", "and", "hundred", "thousand", "million", "billion", "dozen"})
# Pronouns of wider._SUBJECTS that open no inverted clause.
_RELATIVES = frozenset({"which", "who", "that"})


def counts_something(words: list) -> bool:
    """True when a number could stand before the words: a plural noun phrase, "of", "or",
    "and" or another number ("two best friends", "two of them", "two or three").

    >>> counts_something(["best", "friends"]), counts_something(["of", "them"]), counts_something(["best", "align"])
    (True, True, False)
    """
    return bool(words) and (words[0] in _COUNT_LINKS or plural_noun_follows(words))


def inverted_clause(words: list) -> bool:
    """True when `words` (the two after a clause-initial "were") are a subject pronoun and
    a word that is no finite verb agreeing with it.

    >>> inverted_clause(["i", "to"]), inverted_clause(["it", "me"]), inverted_clause(["i", "live"])
    (True, True, False)
    """
    return (len(words) == 2 and words[0] in _SUBJECTS and words[0] not in _RELATIVES
            and not subject_agrees(words[0], finite_tags(words[1])))


def clause_score(text: str, site, word: str, partner: str, score: float, threshold: float) -> tuple:
    """(log ratio, demoted): `score` of replacing `word` by `partner` at `site`, with a
    failed clause test applied as `wider.with_wider` applies a word-class veto."""
    extra = 0.0
    if (word, partner) == ("to", "two") and not counts_something(words_after(text, site.tok.end, 3)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("were", "where") and site.left is None and inverted_clause(
            words_after(text, site.tok.end, 2)):
        extra = CLASS_PENALTY
    if not extra:
        return score, False
    return with_wider(score, extra, threshold), score >= math.log(threshold)


def needs_clause(word: str) -> bool:
    """True for a word a test here reads."""
    return word in ("to", "were")
