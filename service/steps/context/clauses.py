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
  object    "off" after a quantity that a verb takes as its object ("push some
            off a cliff", "pull one off") is that verb's particle, however
            common "some of" and "one of" are; with no verb before the quantity
            ("One off the largest banks") the bigrams decide.

Like `wider.wider_score`, a test that holds demotes a change to a suggestion
(`wider.with_wider`), and the document's prior must not raise it again.

Three tests speak for a change instead (`support`): grammar the word as written
cannot have, where its partner parses. Each adds a log factor to the partner's
bigram evidence (the bigrams still have to agree), never decides alone:

  no comparison  "than" with no comparison word in its clause before it
                 ("Law enforcement than acted") is "then".
  degree         "to" between a linking verb and a word that is only an adjective
                 or adverb ("was to new", "feels to far") is "too".
  progressive    "where" before an -ing verb that is no noun, with at most adverbs
                 between ("and where deliberately keeping it") is "were": "where"
                 opens a clause that needs its subject first.
  modal          after a modal (with at most an adverb between) a word with no
                 verb reading before the end of the clause, a name or what opens
                 an object ("could here Trump's", "will never now.") is its
                 partner that is a verb ("hear", "know").

>>> counts_something(["best", "align"]), inverted_clause(["it", "not"])
(False, True)
"""
from __future__ import annotations

import math

import re

from .wider import (_BEFORE_BASE_VERB, _DETERMINERS, _NUMBER_WORDS, _SUBJECTS, CLASS_PENALTY, _base_forms,
                    finite_tags, is_comparative, plural_noun_follows, readings, subject_agrees, with_wider,
                    words_after, words_before)

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


# Quantities that stand as a whole object ("push some off", "knock two off").
_QUANTITIES = frozenset({"some", "one", "all", "most", "many", "several", "any", "none", "few", "half", "both",
                         "each", "two", "three", "four", "five"})


def quantity_object(words: list) -> bool:
    """True when `words` (the two before a word, nearest first) are a quantity and a verb
    that takes it as its object (no auxiliary: "is one of", "has some of").

    >>> quantity_object(["some", "push"]), quantity_object(["one", "is"]), quantity_object(["one"])
    (True, False, False)
    """
    if len(words) < 2 or words[0] not in _QUANTITIES:
        return False
    found = readings(words[1])
    return "VERB" in found and "AUX" not in found and words[1] not in _DETERMINERS


def clause_score(text: str, site, word: str, partner: str, score: float, threshold: float) -> tuple:
    """(log ratio, demoted): `score` of replacing `word` by `partner` at `site`, with a
    failed clause test applied as `wider.with_wider` applies a word-class veto."""
    extra = 0.0
    if (word, partner) == ("to", "two") and not counts_something(words_after(text, site.tok.end, 3)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("were", "where") and site.left is None and inverted_clause(
            words_after(text, site.tok.end, 2)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("off", "of") and quantity_object(words_before(text, site.tok.start, 2)):
        extra = CLASS_PENALTY
    if not extra:
        return score, False
    return with_wider(score, extra, threshold), score >= math.log(threshold)


def needs_clause(word: str) -> bool:
    """True for a word a test here reads."""
    return word in ("to", "were", "off")


# ---------------------------------------------------------------- evidence for a change

# Log factors of `support`, from how often each test holds for the word as written in
# clean prose against how often it holds where the partner was swapped for it
# (documentation, own prose and news bodies, 432k words): no comparison before
# "than" 7 of 572 clean, 505 of 528 swapped; the progressive test 0 of 344 "where", 15 of
# 209 swapped "were"; the degree test 0 of 10,934 clean
# "to", 20 of 104 swapped "too"; the modal test 0 of 831 "now" and 0 of 120
# "here", 9 of 63 and 1 of 7 swapped. Capped well below those ratios: the tests
# read few words, and the bigrams must still favour the change.
SUPPORT = {"comparison": math.log(30.0), "degree": math.log(100.0), "modal": math.log(100.0),
           "progressive": math.log(30.0)}
# Words read back from "than" for a comparison, across commas (a sentence seldom holds one further back).
THAN_WINDOW = 10
# Verbs that link a subject to an adjective: "was too new", "feels too far".
_LINKING = frozenset({"be", "feel", "seem", "look", "sound", "get", "become", "grow", "remain", "appear",
                      "prove", "stay"})
# Modals after which a verb stands in its base form ("to" is left out: "to" + a non-verb
# is a preposition's object, "to here" is no error of this kind).
_MODALS = _BEFORE_BASE_VERB - {"to", "did", "does", "do", "not", "ll"}
# Words that may open a verb's object or complement: "could hear the", "never know what".
_OBJECT_OPENERS = _DETERMINERS | frozenset({"that", "what", "how", "why", "where", "who", "when", "whether",
                                            "if", "them", "him", "me", "us", "it", "about", "of"})
_NEXT_WORD = re.compile(r" ([A-Za-z]+)")
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?]|$)")


def no_comparison_before(text: str, start: int) -> bool:
    """True when no comparison word stands in the sentence before `start` (THAN_WINDOW words;
    a comma does not end the comparison: "better made, than tolerated").

    >>> no_comparison_before("Law enforcement than acted", 16), no_comparison_before("another type than", 13)
    (True, False)
    >>> no_comparison_before("It is better made, than tolerated", 19)
    False
    """
    head = text[max(0, start - 12 * THAN_WINDOW):start]
    cut = max(head.rfind(c) for c in ".!?;:\n")
    words = _WORD.findall(head[cut + 1:])[-THAN_WINDOW:]
    return not any(is_comparative(w.lower()) for w in words)


def progressive_follows(text: str, end: int) -> bool:
    """True when an -ing verb form that is no noun follows `end` (with at most adverbs between).

    >>> progressive_follows("and where deliberately keeping it", 9), progressive_follows("where living costs", 5)
    (True, False)
    """
    after = words_after(text, end, 3)
    if not after or text[end:end + 1] != " ":
        return False
    i = 0
    while i < len(after) - 1 and readings(after[i]) == {"ADV"}:
        i += 1
    found = readings(after[i])
    return after[i].endswith("ing") and "VERB" in found and "NOUN" not in found


def links_a_degree(text: str, start: int, end: int) -> bool:
    """True where "too" parses and "to" does not: after a linking verb and before a word that
    is only an adjective or adverb (an adverb itself before no verb).

    >>> links_a_degree("It was to new to consider", 7, 9), links_a_degree("It feels to far out", 9, 11)
    (True, True)
    >>> t = "It has to never stop. They went to new places. It is to recursively call it."
    >>> links_a_degree(t, 7, 9), links_a_degree(t, 30, 32), links_a_degree(t, 56, 58)
    (False, False, False)
    """
    back = words_before(text, start, 1)
    after = words_after(text, end, 2)
    if not back or not after or text[end:end + 1] != " " or not _is_linking(back[0]):
        return False
    word = after[0]
    found = readings(word)
    if not found or not found <= {"ADJ", "ADV"} or word in _DETERMINERS or word in _base_forms(word):
        return False
    # an adverb alone before a verb splits an infinitive: "to never stop", "to recursively call"
    return found != {"ADV"} or len(after) < 2 or not _base_forms(after[1])


def _is_linking(word: str) -> bool:
    """A form of a linking verb ("was", "feels", "got")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return not _LINKING.isdisjoint((*lemmas.get("VERB", ()), *lemmas.get("AUX", ())))


def verb_after_modal(text: str, start: int, end: int, word: str, partner: str) -> bool:
    """True when `word` (no verb) follows a modal, with at most an adverb between, and before
    the end of the clause, a capitalised word or what opens an object, while `partner` is a
    verb's base form.

    >>> verb_after_modal("Holmes could here Trump's voice", 13, 17, "here", "hear")
    True
    >>> verb_after_modal("things we will never now.", 21, 24, "now", "know")
    True
    >>> verb_after_modal("It can now only be null", 7, 10, "now", "know")
    False
    """
    if "VERB" in readings(word) or partner not in _base_forms(partner):
        return False
    back = words_before(text, start, 2)
    if not back or not (back[0] in _MODALS or (len(back) > 1 and back[1] in _MODALS
                                                and readings(back[0]) == {"ADV"})):
        return False
    if _CLAUSE_END.match(text, end):
        return True
    m = _NEXT_WORD.match(text, end)
    return m is not None and (m.group(1)[0].isupper() or m.group(1).lower() in _OBJECT_OPENERS)


def may_support(word: str, left) -> bool:
    """False for a site no test of `support` can speak for (most sites: one set look-up).

    >>> may_support("than", None), may_support("here", "could"), may_support("here", "the")
    (True, True, False)
    """
    return word in ("than", "to", "where") or left in _MODALS or (left is not None and readings(left) == {"ADV"})


def support(text: str, site, word: str, partner: str) -> float:
    """log factor >= 0 that the grammar around `site` gives replacing `word` by `partner`
    (see the module docstring); 0.0 when no test speaks for it."""
    if (word, partner) == ("than", "then"):
        return SUPPORT["comparison"] if no_comparison_before(text, site.tok.start) else 0.0
    if (word, partner) == ("to", "too"):
        return SUPPORT["degree"] if links_a_degree(text, site.tok.start, site.tok.end) else 0.0
    if (word, partner) == ("where", "were"):
        return SUPPORT["progressive"] if progressive_follows(text, site.tok.end) else 0.0
    if verb_after_modal(text, site.tok.start, site.tok.end, word, partner):
        return SUPPORT["modal"]
    return 0.0
