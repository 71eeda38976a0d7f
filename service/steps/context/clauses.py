"""Clause evidence for the `context` step: what must follow a word for a partner to parse.

Four tests on the words around a site, beside those of `wider` (and with its
word-class readings from lemminflect):

  count     a number counts something: "to" or "too" -> "two" needs a plural noun
            phrase, "of", "or", "and" or another number after it ("two best
            friends", "two of them"); "chosen from to best align" and "are too new
            to be" count nothing.
  inverted  a clause-initial "were" before a subject pronoun that no agreeing
            finite verb follows is an inverted conditional or question ("Were I
            to ...", "Were it not for"); "where" would need that verb ("Where I
            live").
  infinitive  "buy" after a verb that takes a bare infinitive ("helped buy the
            house") is a verb, not "by" (unless the verb is passive: "was made buy").
  object    "off" after a quantity or a bare plural noun phrase that a verb
            takes as its object ("push some off a cliff", "pull one off",
            "perform slow disk operations off the main thread") is that verb's
            particle or preposition, however common "some of" and "operations of"
            are; with no verb before ("One off the largest banks") or a determiner
            in the phrase ("the work off a friend") the bigrams decide. "of" after a
            preposition or punctuation ("for of in", "for...of in") is no "off"
            either: the bigram of what follows alone should not decide.

Like `wider.wider_score`, a test that holds demotes a change to a suggestion
(`wider.with_wider`), and the document's prior must not raise it again.

Other tests speak for a change instead (`support`): grammar the word as written
cannot have, where its partner parses. Each adds a log factor to the partner's
bigram evidence (the bigrams still have to agree), never decides alone:

  no comparison  "than" with no comparison word in its sentence before it
                 ("The guards than left") is "then".
  degree         "to" between a linking verb and a word that is only an adjective
                 or adverb ("looked to risky", "seems to far") is "too".
  progressive    "where" before an -ing verb that is no noun, with at most adverbs
                 between ("the rules where quietly hurting") is "were": "where"
                 opens a clause that needs its subject first.
  determiner     "there" before a lower-case word that is only a noun ("sent there
                 children") is "their": an adverb there would leave the noun
                 without a determiner.
  predicate      "its" before a word that is only an adjective and then "to",
                 "that", "not", "enough" or a clause end ("its hard to say") is
                 "it's": a determiner needs its noun.
  agent          "buy" right after an -ed verb ("founded buy", "Signed buy:") is
                 "by" (not after "help", "let", "make" and the like, which take a
                 bare infinitive: "helped buy").
  sentence       "Them" opening a sentence before a comma ("Them, after a pause") is
                 "Then".
  compared       "then" before what completes a comparison (a determiner, "ever",
                 "expected", "usual") after a comparison word in its clause ("a
                 better grip then the old model") is "than".
  names          "end" between two capitalised words mid-sentence ("Smith end
                 Jones") is "and".
  modal          after a modal (with at most an adverb between) a word with no
                 verb reading before the end of the clause, a name or what opens
                 an object ("could here Maria's", "may never now.") is its
                 partner that is a verb ("hear", "know").

>>> counts_something(["best", "align"]), inverted_clause(["it", "not"])
(False, True)
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ...tokens import sentence_start
from ...lexicon import zipf
from .wider import (NAME_MAX_ZIPF, PARTICLE_WINDOW, _BEFORE_BASE_VERB, _DETERMINERS, _NO_HEADS, _NUMBER_WORDS,
                    _PREPOSITIONS, _SUBJECTS, CLASS_PENALTY, _base_forms, _is_plural_noun, comparison_before, finite_tags, is_comparative,
                    plural_noun_follows, readings, subject_agrees, with_wider, words_after, words_before)

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
    """True when `words` (those after a clause-initial "were") are a subject pronoun and
    a word that is no finite verb agreeing with it.

    >>> inverted_clause(["i", "to"]), inverted_clause(["it", "me"]), inverted_clause(["i", "live"])
    (True, True, False)

    So is a noun phrase opened by a determiner with no finite verb in the words after its
    first noun ("Were your tomatoes as fruitful", "Were the best buds"; "where the money
    goes" has its verb):

    >>> inverted_clause(["your", "tomatoes", "as", "fruitful"]), inverted_clause(["the", "money", "goes"])
    (True, False)
    >>> inverted_clause(["the", "old", "rules", "any", "better"])
    True
    """
    if len(words) >= 3 and words[0] in _DETERMINERS and words[0] not in ("that", "this"):
        # (fewer words: a number or punctuation cut the phrase short, "Were the 2012 design had")
        return not any(_finite_in_phrase(words, n) for n in range(2, len(words)))
    return (len(words) >= 2 and words[0] in _SUBJECTS and words[0] not in _RELATIVES
            and not subject_agrees(words[0], finite_tags(words[1])))


def _finite_in_phrase(words: list, n: int) -> bool:
    """True when words[n] is a finite verb after the noun phrase: no adjective, and a word
    that is also a noun only right after a noun ("the vocabulary makes"; "the old rules"
    is a phrase's head)."""
    w = words[n]
    found = readings(w)
    if not finite_tags(w) or "ADJ" in found:
        return False
    return "NOUN" not in found or readings(words[n - 1]) == {"NOUN"}


# Quantities that stand as a whole object ("push some off", "knock two off").
_QUANTITIES = frozenset({"some", "one", "all", "most", "many", "several", "any", "none", "few", "half", "both",
                         "each", "two", "three", "four", "five"})


def quantity_object(words: list, window: int = PARTICLE_WINDOW) -> bool:
    """True when `words` (those before a word, nearest first) are a quantity and a verb that
    takes it as its object (no auxiliary: "is one of", "has some of"), or a plural noun with
    only modifiers before it back to such a verb ("perform slow disk operations").

    >>> quantity_object(["some", "push"]), quantity_object(["one", "is"]), quantity_object(["one"])
    (True, False, False)
    >>> quantity_object(["operations", "disk", "slow", "perform"]), quantity_object(["plans", "the", "approved"])
    (True, False)

    A possessive determiner opens such an object too, of any number ("keep his name off",
    "kept their cattle off"); "the" does not ("copied the work off" is as often "the work of").

    >>> quantity_object(["cattle", "their", "keep"]), quantity_object(["name", "his", "is"])
    (True, False)

    A plural acronym heads one ("shuffled their EVs off"); a base-form verb that opens the
    clause (fewer than `window` words before) takes a plural object ("strip old bits off"):

    >>> quantity_object(["evs", "underperforming", "their", "shuffled"]), quantity_object(["bits", "executable", "strip"])
    (True, True)
    >>> quantity_object(["bits", "executable", "strip", "the"])
    False
    """
    if len(words) < 2:
        return False
    if words[0] in _QUANTITIES:
        return _object_verb(words[1])
    acronym = _plural_acronym(words[0])
    if ("NOUN" not in readings(words[0]) and not acronym) or words[0] in _NO_HEADS:
        return False
    plural = acronym or _is_plural_noun(words[0])
    for n, w in enumerate(words[1:], 1):
        if w in _POSSESSIVES:
            return n + 1 < len(words) and _object_verb(words[n + 1])
        # a participle lemminflect lacks modifies the head ("underperforming")
        found = readings(w) or (_PARTICIPLE if w.endswith(("ing", "ed")) and w.isalpha() else readings(w))
        if w in _DETERMINERS or w in _NO_HEADS or not found or "AUX" in found:
            return False
        if found & {"NOUN", "ADJ"}:
            if n + 1 == len(words) < window and plural and _base_forms(w) and w in _base_forms(w):
                return True  # a clause-initial imperative: "strip executable bits off files"
            continue  # a modifier of the head ("slow disk operations")
        return plural and "VERB" in found
    return False


_PARTICIPLE = frozenset({"ADJ"})


def _plural_acronym(word: str) -> bool:
    """A rare word lemminflect does not know, ending in "s": a plural acronym ("evs", "suvs").

    >>> _plural_acronym("evs"), _plural_acronym("cars"), _plural_acronym("is")
    (True, False, False)
    """
    return (len(word) > 2 and word.endswith("s") and word.isalpha() and not readings(word)
            and zipf(word) < NAME_MAX_ZIPF)


# Possessive determiners, which open a verb's object ("keep their names off").
_POSSESSIVES = frozenset({"my", "your", "his", "her", "its", "our", "their"})


def _object_verb(word: str) -> bool:
    """A verb that is no auxiliary and no determiner: one that takes an object here."""
    found = readings(word)
    return "VERB" in found and "AUX" not in found and word not in _DETERMINERS


# A percentage or a sum of money right before a word ("20% off", "$5 off", "30 per cent off")
_AMOUNT_BEFORE = re.compile(r"(?:\d\s?%|\bper\s?cent|\bpercent|[$€£¥]\s?\d[\d.,]*\s?[kKmM]?)\s*$")


def amount_before(text: str, start: int) -> bool:
    """True when a percentage or a sum of money stands right before `start`: "off"
    there is a price cut ("10% off every booking"), whatever the bigrams of "%" say.

    >>> amount_before("get 10% off", 8), amount_before("save $5 off", 8), amount_before("one off", 4)
    (True, True, False)
    """
    return _AMOUNT_BEFORE.search(text[max(0, start - 24):start]) is not None


def verb_before_particle(words: list) -> bool:
    """True when the word right before (`words`, nearest first) is a verb here, whose
    particle the next word is: a form that is only a verb ("eased off"), or a base form
    after a modal or "to" ("may level off", "to level off"; "the level of" is a noun's).

    >>> verb_before_particle(["level", "may"]), verb_before_particle(["level", "the"])
    (True, False)
    >>> verb_before_particle(["eased", "have"]), verb_before_particle(["effects", "side"])
    (True, False)

    So is a form after a subject pronoun it agrees with ("you slice off", "she shrugs off"),
    or a base form after "then" ("then brush off"):

    >>> verb_before_particle(["slice", "you"]), verb_before_particle(["brush", "then"]), verb_before_particle(["shrugs", "they"])
    (True, True, False)
    """
    if not words:
        return False
    found = readings(words[0])
    if "VERB" not in found or "AUX" in found:
        return False
    if found == {"VERB"} or len(words) < 2:
        return found == {"VERB"}
    before = words[1]
    if before in _MODALS or before in ("to", "then"):
        return words[0] in _base_forms(words[0])
    return before in _SUBJECTS and before not in _RELATIVES and subject_agrees(before, finite_tags(words[0]))


# Auxiliaries and modals that are a finite verb wherever they stand ("where running water is").
_FINITE_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "can", "could",
                         "may", "might", "must", "will", "would", "should", "shall"})
# Words that end the clause an -ing subject opens: its verb is not looked for past them.
_CLAUSE_JOINS = frozenset({"and", "or", "but", "while", "because", "which", "who", "that"})


def gerund_subject(words: list) -> bool:
    """True when `words` (those after "where") open with an -ing form and a finite verb of
    their own follows in the clause: the -ing phrase is that verb's subject or its noun's
    modifier ("where running water is scarce", "where missing data could skew"), and "were"
    before it would leave that verb without a clause. The verb is an auxiliary or a modal,
    or a word that is only a verb ("where listening skills grow").

    >>> gerund_subject(["running", "water", "is", "scarce"]), gerund_subject(["quietly", "hurting", "them"])
    (True, False)
    >>> gerund_subject(["rising", "and", "prices", "were"]), gerund_subject(["missing", "data", "could", "skew"])
    (False, True)

    An -s form that is also a plural noun counts after a singular noun ("where growing the
    vocabulary makes"), and "and" between two adverbs does not end the clause:

    >>> gerund_subject(["growing", "the", "vocabulary", "makes"]), gerund_subject(["aiming", "quickly", "and", "accurately", "is"])
    (True, True)
    """
    if len(words) < 2 or not words[0].endswith("ing") or "VERB" not in readings(words[0]):
        return False
    for n, w in enumerate(words[1:], 1):
        if w in _CLAUSE_JOINS and not _joins_adverbs(words, n):
            return False
        if w in _FINITE_AUX or (readings(w) == {"VERB"} and finite_tags(w) and not w.endswith("ing")):
            return True
        if n >= 2 and _verb_after_singular_noun(words[n - 1], w):
            return True
    return False


def _joins_adverbs(words: list, n: int) -> bool:
    """True when words[n] is "and" or "or" between two adverbs ("quickly and accurately"):
    it joins modifiers inside the clause, not two clauses."""
    return (words[n] in ("and", "or") and n + 1 < len(words)
            and readings(words[n - 1]) == {"ADV"} == readings(words[n + 1]))


def _verb_after_singular_noun(noun: str, word: str) -> bool:
    """True when `word` is an -s verb form (also a plural noun: "matters", "makes") right after
    a singular noun, its subject ("the vocabulary makes", "structure matters").

    >>> _verb_after_singular_noun("structure", "matters"), _verb_after_singular_noun("living", "costs")
    (True, False)
    >>> _verb_after_singular_noun("the", "makes"), _verb_after_singular_noun("prices", "rises")
    (False, False)
    """
    found = readings(noun)
    if "NOUN" not in found or noun in _NO_HEADS or noun.endswith("ing") or _is_plural_noun(noun):
        return False
    return "VERB" in readings(word) and "VBZ" in finite_tags(word)


def clause_score(text: str, site, word: str, partner: str, score: float, threshold: float) -> tuple:
    """(log ratio, demoted): `score` of replacing `word` by `partner` at `site`, with a
    failed clause test applied as `wider.with_wider` applies a word-class veto."""
    extra = 0.0
    if word in ("to", "too") and partner == "two" and not counts_something(words_after(text, site.tok.end, 3)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("were", "where") and site.left is None and inverted_clause(
            words_after(text, site.tok.end, 5)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("where", "were") and gerund_subject(words_after(text, site.tok.end, 6)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("off", "of") and (quantity_object(before := words_before(text, site.tok.start))
                                               or verb_before_particle(before)
                                               or amount_before(text, site.tok.start)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("of", "off") and (site.left is None or site.left in _PREPOSITIONS):
        # "for of in", "for...of in": after a preposition or punctuation "off" has nothing
        # to attach to either, and the bigram of what follows alone should not decide
        extra = CLASS_PENALTY
    elif (word, partner) == ("buy", "by") and takes_bare_infinitive(site.left) and not _PASSIVE.intersection(
            words_before(text, site.tok.start, 3)[1:]):
        extra = CLASS_PENALTY
    if not extra:
        return score, False
    return with_wider(score, extra, threshold), score >= math.log(threshold)


def needs_clause(word: str) -> bool:
    """True for a word a test here reads."""
    return word in ("to", "too", "were", "off", "of", "buy", "where")


# ---------------------------------------------------------------- evidence for a change

# Log factors of `support`, from how often each test holds for the word as written in
# clean prose against how often it holds where the partner was swapped for it
# (documentation, own prose and news bodies, 432k words): no comparison before
# "than" 7 of 572 clean, 505 of 528 swapped; the progressive test 0 of 344 "where", 15 of
# 209 swapped "were"; determiner 0 of 545 "there", 82 of 257 swapped "their"; predicate
# 0 of 439 "its", 7 of 94 swapped "it's"; agent 0 of 11 "buy" (few in documentation),
# 1,240 of 2,157 swapped "by"; compared 0 of 500 "then", 180 of 572 swapped "than"; names
# 0 of 310 "end", 249 of 6,073 swapped "and"; sentence 0 of 201 "them", 12 of 528 swapped "then"; the degree test 0 of 10,934 clean
# "to", 20 of 104 swapped "too"; the modal test 0 of 831 "now" and 0 of 120
# "here", 9 of 63 and 1 of 7 swapped. Capped well below those ratios: the tests
# read few words, and the bigrams must still favour the change.
SUPPORT = {"comparison": math.log(30.0), "degree": math.log(100.0), "modal": math.log(100.0),
           "progressive": math.log(30.0), "determiner": math.log(30.0), "predicate": math.log(30.0),
           "agent": math.log(30.0), "sentence": math.log(30.0), "compared": math.log(30.0),
           "names": math.log(30.0)}
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

    >>> no_comparison_before("The guards than left", 11), no_comparison_before("another type than", 13)
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

    >>> progressive_follows("the rules where quietly hurting them", 15), progressive_follows("where living costs", 5)
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


def noun_follows(text: str, end: int) -> bool:
    """True when the next word (after one space) is lower-case and only a noun.

    >>> noun_follows("sent there children to school", 10), noun_follows("went there yesterday", 10)
    (True, False)
    """
    m = _NEXT_WORD.match(text, end)
    if m is None or not m.group(1).islower():
        return False
    word = m.group(1)
    return readings(word) == {"NOUN"} and word not in _NO_HEADS


# Words after which an adjective alone ends a predicate: "it's hard to say", "it's clear that".
_PREDICATE_ENDS = frozenset({"to", "that", "not", "enough"})
# Adjectives that stand after "its" as a determiner's: "its own", "its other", "its first".
_NOT_PREDICATES = frozenset({"own", "other", "first", "last", "next", "only", "very", "former", "latter", "many",
                             "few", "much", "more", "less", "least", "most"})


def predicate_follows(text: str, end: int) -> bool:
    """True when the next word is an adjective (no superlative: "did its best to") and a clause
    end or one of _PREDICATE_ENDS follows it.

    >>> predicate_follows("So its hard to say", 6), predicate_follows("its own way", 3)
    (True, False)
    >>> predicate_follows("its fair share", 3), predicate_follows("its clear that", 3), predicate_follows("its best to", 3)
    (False, True, False)
    """
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    if "ADJ" not in readings(word) or word in _NOT_PREDICATES or word.endswith("est"):
        return False
    if _CLAUSE_END.match(text, m.end()):
        return "NOUN" not in readings(word)  # "its master." is a noun phrase
    after = _NEXT_WORD.match(text, m.end())
    return after is not None and after.group(1).lower() in _PREDICATE_ENDS


# Verbs that take a bare infinitive: "helped buy", "let them buy".
_BARE_INFINITIVE = frozenset({"help", "let", "make", "have", "see", "watch", "hear", "bid", "dare", "go",
                              "come", "need"})


# Forms of "be" that make a participle passive ("was seen by").
_PASSIVE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am"})


def takes_bare_infinitive(word) -> bool:
    """True for a form of a verb of _BARE_INFINITIVE ("helped", "lets").

    >>> takes_bare_infinitive("helped"), takes_bare_infinitive("founded"), takes_bare_infinitive(None)
    (True, False, False)
    """
    if word is None:
        return False
    from lemminflect import getAllLemmas

    return not _BARE_INFINITIVE.isdisjoint(getAllLemmas(word).get("VERB", ()))


def after_participle(left) -> bool:
    """True for an -ed verb form that takes no bare infinitive ("founded", "signed").

    >>> after_participle("founded"), after_participle("helped"), after_participle("bed")
    (True, False, False)
    """
    if left is None or not left.endswith("ed") or "VBD" not in finite_tags(left):
        return False
    return not takes_bare_infinitive(left)


# What may complete a comparison right after "than": "than the", "than ever", "than expected".
_COMPARISON_OBJECTS = _DETERMINERS | frozenset({"ever", "before", "expected", "usual", "anyone", "anything",
                                                "anybody", "all", "most"})


def completes_comparison(text: str, start: int, end: int) -> bool:
    """True when what follows could complete a comparison and a comparison word stands
    before in the clause (`wider.comparison_before`).

    >>> completes_comparison("a better grip then the old model", 14, 18)
    True
    >>> completes_comparison("Sales rose, then the shares fell", 12, 16)
    False
    """
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in _COMPARISON_OBJECTS and comparison_before(text, start)


def between_names(text: str, site) -> bool:
    """True when the site's word stands between two capitalised words, the first not opening
    a sentence ("Smith end Jones").

    >>> from service.steps.context.scan import ScanTables, find_sites
    >>> [between_names(t, s) for t in ("Smith end Jones", "said Smith end Jones", "the end Jones")
    ...  for s in find_sites(t, ScanTables(frozenset({"end"}), False))]
    [False, True, False]
    """
    m = re.search(r"([A-Za-z]+) $", text[max(0, site.tok.start - 40):site.tok.start])
    after = _NEXT_WORD.match(text, site.tok.end)
    if m is None or after is None or not (m.group(1)[0].isupper() and after.group(1)[0].isupper()):
        return False
    return not sentence_start(text, site.tok.start - 1 - len(m.group(1)))


def links_a_degree(text: str, start: int, end: int) -> bool:
    """True where "too" parses and "to" does not: after a linking verb and before a word that
    is only an adjective or adverb (an adverb itself before no verb).

    >>> links_a_degree("It looked to risky to us", 10, 12), links_a_degree("It seems to far out", 9, 11)
    (True, True)
    >>> t = "It has to never stop. They went to new places. It is to recursively call it."
    >>> links_a_degree(t, 7, 9), links_a_degree(t, 30, 32), links_a_degree(t, 56, 58)
    (False, False, False)
    >>> links_a_degree("Get to busy places early", 4, 6), links_a_degree("It is to much work", 6, 8)
    (False, True)
    """
    if text[end:end + 1] != " ":
        return False
    after = words_after(text, end, 2)
    if not after:
        return False
    word = after[0]
    found = readings(word)
    # the word after first: most "to"s stand before a verb or a noun, and end here
    if not found or not found <= {"ADJ", "ADV"} or word in _DETERMINERS or word in _base_forms(word):
        return False
    back = words_before(text, start, 1)
    if not back or not _is_linking(back[0]):
        return False
    if len(after) > 1 and word not in _DEGREE_QUANTITIES and _heads_phrase(after[1]):
        return False  # an adjective and its noun: "to busy places", "be to destructive lobbying"
    # an adverb alone before a verb splits an infinitive: "to never stop", "to recursively call"
    return found != {"ADV"} or len(after) < 2 or not _base_forms(after[1])


# Quantities that "too" may take with a noun after them: "too much time", "too many people".
_DEGREE_QUANTITIES = frozenset({"much", "many", "few", "little"})


def _heads_phrase(word: str) -> bool:
    """A word that may head a noun phrase after an adjective: a noun and no adverb or adjective
    ("places", "lobbying"; not "to", "enough", "clear")."""
    found = readings(word)
    return "NOUN" in found and not found & {"ADV", "ADJ"} and word not in _NO_HEADS


@lru_cache(maxsize=65536)
def _is_linking(word: str) -> bool:
    """A form of a linking verb ("was", "feels", "got")."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return not _LINKING.isdisjoint((*lemmas.get("VERB", ()), *lemmas.get("AUX", ())))


def verb_after_modal(text: str, start: int, end: int, word: str, partner: str) -> bool:
    """True when `word` (no verb) follows a modal, with at most an adverb between, and before
    the end of the clause, a capitalised word or what opens an object, while `partner` is a
    verb's base form.

    >>> verb_after_modal("Nobody could here Maria's voice", 13, 17, "here", "hear")
    True
    >>> verb_after_modal("things we may never now.", 20, 23, "now", "know")
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


_SUPPORTED = frozenset({"than", "to", "where", "there", "its", "buy", "them", "then", "end"})


def may_support(word: str, left) -> bool:
    """False for a site no test of `support` can speak for (most sites: one set look-up).

    >>> may_support("than", None), may_support("here", "could"), may_support("here", "the")
    (True, True, False)
    """
    return word in _SUPPORTED or left in _MODALS or (left is not None and readings(left) == {"ADV"})


def support(text: str, site, word: str, partner: str) -> float:
    """log factor >= 0 that the grammar around `site` gives replacing `word` by `partner`
    (see the module docstring); 0.0 when no test speaks for it."""
    if (word, partner) == ("than", "then"):
        return SUPPORT["comparison"] if no_comparison_before(text, site.tok.start) else 0.0
    if (word, partner) == ("to", "too"):
        return SUPPORT["degree"] if links_a_degree(text, site.tok.start, site.tok.end) else 0.0
    if (word, partner) == ("where", "were"):
        return SUPPORT["progressive"] if progressive_follows(text, site.tok.end) else 0.0
    if (word, partner) == ("there", "their"):
        existential = site.left in _PASSIVE  # "Are there vaccines", "is there evidence": inverted
        return SUPPORT["determiner"] if not existential and noun_follows(text, site.tok.end) else 0.0
    if (word, partner) == ("its", "it's"):
        return SUPPORT["predicate"] if predicate_follows(text, site.tok.end) else 0.0
    if (word, partner) == ("buy", "by"):
        return SUPPORT["agent"] if after_participle(site.left) else 0.0
    if (word, partner) == ("then", "than"):
        return SUPPORT["compared"] if completes_comparison(text, site.tok.start, site.tok.end) else 0.0
    if (word, partner) == ("end", "and"):
        return SUPPORT["names"] if between_names(text, site) else 0.0
    if (word, partner) == ("them", "then"):
        opens = sentence_start(text, site.tok.start) and text[site.tok.end:site.tok.end + 1] == ","
        return SUPPORT["sentence"] if opens else 0.0
    if verb_after_modal(text, site.tok.start, site.tok.end, word, partner):
        return SUPPORT["modal"]
    return 0.0
