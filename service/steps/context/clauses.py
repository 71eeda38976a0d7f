"""Clause evidence for the `context` step: what must follow a word for a partner to parse.

Tests on the words around a site, beside those of `wider` (and with its
word-class readings from lemminflect):

  count     a number counts something: "to" or "too" -> "two" needs a plural noun
            phrase, "of", "or", "and" or another number after it ("two best
            friends", "two of them"); "chosen from to best align" and "are too new
            to be" count nothing.
  inverted  a clause-initial "were" before a subject pronoun that no agreeing
            finite verb follows is an inverted conditional or question ("Were I
            to ...", "Were it not for"); "where" would need that verb ("Where I
            live").
  own clause  "where" before a noun phrase and a finite auxiliary ("annotations
            where parentheses are omitted") opens a clause with its own subject
            and verb; "were" would leave that verb without a clause.
  agreement  "where" right after a singular noun ("a regression where compiling
            failed") stays: "were" would need a plural subject there. Before an
            -ing form, so does "where" after any word that cannot be the subject
            of "were" or after no word ("in 3.8.4 where defining", "or where
            compiling"): the progressive "were" + -ing needs its subject.
  heading   a verb opening a heading of a guide whose other headings open with verbs
            ("Buy the Necessary Materials" among "Get the Necessary Permits", ...: headings.py).
  frame     a verb before an object and "to" + a verb ("expect those costs to rise",
            "ask them to leave") is no preposition ("except", "by", "past"), which
            takes no infinitive after its object.
  infinitive  "buy" after a verb that takes a bare infinitive ("helped buy the
            house") is a verb, not "by" (unless the verb is passive: "was made buy");
            so is "buy" after "to" or a modal and adverbs ("to almost exclusively
            buy samples"), where the bigram sees only the adverb.
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

Grammar that speaks for a change instead is in `support`.

>>> counts_something(["best", "align"]), inverted_clause(["it", "not"])
(False, True)
"""
from __future__ import annotations

import math
import re

from ...lexicon import ENGLISH_FUNCTION_WORDS, zipf
from .headings import imperative_heading
from .wider import CLASS_PENALTY, PARTICLE_WINDOW, plural_noun_follows, with_wider
from .wordclass import (_DETERMINERS, _FINITE_AUX, _MODALS, _NO_HEADS, _NUMBER_WORDS, _PREPOSITIONS, _SUBJECTS,
                        NAME_MAX_ZIPF,
                        _base_forms, _is_modifier, _is_plural_noun, finite_tags, opens_noun_phrase, readings,
                        subject_agrees, words_after, words_before)

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


def verb_before_particle(words: list, relative: bool = False) -> bool:
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

    A relative pronoun counts when `relative` says it opens a relative clause (after a
    comma: `relative_after_comma`): ", which fires off a search"; "which" elsewhere may be a
    determiner ("which sets of data").

    >>> verb_before_particle(["fires", "which"], relative=True), verb_before_particle(["fires", "which"])
    (True, False)
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
    return (before in _SUBJECTS and (relative or before not in _RELATIVES)
            and subject_agrees(before, finite_tags(words[0])))


_RELATIVE_AFTER_COMMA = re.compile(r",\s*(?:which|who)\s+[A-Za-z]+\s*$", re.IGNORECASE)


def relative_after_comma(text: str, start: int) -> bool:
    """True when the two words before `start` are "which" or "who" after a comma, then one
    word: a non-restrictive relative clause, whose pronoun is the subject of that word.

    >>> relative_after_comma("was added, which fires off", 23), relative_after_comma("Which fires off", 12)
    (True, False)
    """
    return _RELATIVE_AFTER_COMMA.search(text, max(0, start - 40), start) is not None


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


# Words besides plural nouns that may stand right before "were" as its subject: the plural
# pronouns, relatives and quantity words ("those were", "many were", "who were"); "there were".
_WERE_SUBJECTS = frozenset({"we", "you", "they", "who", "which", "that", "there", "these", "those", "all",
                            "both", "many", "most", "some", "few", "several", "others"})


def progressive_without_subject(left, words: list) -> bool:
    """True when `words` (those after "where") open with an -ing form and `left`, the word
    before "where", cannot be the subject of "were" (a word lemminflect reads that is no
    noun that may be plural, plural pronoun or adverb), or no word stands there (a number, a version:
    "a regression in 3.8.4 where defining X could fail"). "were" + -ing is a progressive
    and needs its subject right before it ("the workers were building"; an adverb may stand
    between); "where" + -ing opens a clause whose subject is the -ing phrase ("work
    where having the rights helps", "or where compiling from source is involved"). A word
    lemminflect does not know may be a name ("the Beatles were playing"): left to the bigrams.

    >>> progressive_without_subject(None, ["defining", "x"]), progressive_without_subject("work", ["having", "the"])
    (True, True)
    >>> progressive_without_subject("or", ["compiling"]), progressive_without_subject("workers", ["building", "a"])
    (True, False)
    >>> progressive_without_subject("also", ["going", "home"]), progressive_without_subject("beatles", ["playing"])
    (False, False)
    >>> progressive_without_subject("work", ["held", "behind"]), progressive_without_subject("they", ["going"])
    (False, False)
    """
    if not words or not words[0].endswith("ing") or "VERB" not in readings(words[0]):
        return False
    if left is None:
        return True
    found = readings(left)
    if left in _WERE_SUBJECTS or found == {"ADV"}:
        return False
    if left in ENGLISH_FUNCTION_WORDS:
        return True  # a conjunction, a preposition, a singular pronoun: "or where compiling"
    return bool(found) and not ("NOUN" in found and _may_be_plural(left))


def _may_be_plural(noun: str) -> bool:
    """A noun that may be a plural: one whose lemma differs ("workers", "children") or one
    whose first plural lemminflect gives is itself ("people", "police", "data"; not
    "regression", whose own form comes after "regressions" as an uncountable use).

    >>> _may_be_plural("people"), _may_be_plural("workers"), _may_be_plural("regression"), _may_be_plural("work")
    (True, True, False, False)
    """
    from lemminflect import getAllInflections

    return _is_plural_noun(noun) or getAllInflections(noun, upos="NOUN").get("NNS", ("",))[0] == noun


def clause_follows(words: list) -> bool:
    """True when `words` (those after "where") open with a noun phrase, no -ing form, and a
    finite auxiliary or modal of its own follows it ("where parentheses are omitted",
    "where the file is missing"): "were" there would leave that verb without a clause.

    >>> clause_follows(["parentheses", "are", "omitted"]), clause_follows(["the", "old", "file", "is"])
    (True, True)
    >>> clause_follows(["held", "behind", "closed"]), clause_follows(["the", "best", "we", "have"])
    (False, False)
    """
    if not words or not opens_noun_phrase(words[0]):
        return False
    for w in words[1:]:
        if w in _FINITE_AUX:
            return True
        if not (w in _DETERMINERS or (w not in _NO_HEADS and ("NOUN" in readings(w) or _is_modifier(w)))):
            return False
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


def singular_noun(word) -> bool:
    """True for a lower-case word that is only a noun, and a singular one: its own and only
    lemma, with a plural of another spelling ("regression", not "data" or "series", which
    may be plurals): "were" after it would disagree with its subject ("a regression where
    compiling failed").

    >>> singular_noun("regression"), singular_noun("parameters"), singular_noun("talks"), singular_noun(None)
    (True, False, False, False)
    >>> singular_noun("data"), singular_noun("it"), singular_noun("fixed")
    (False, False, False)
    """
    if word is None or not word.islower() or readings(word) != {"NOUN"} or word in _NO_HEADS:
        return False
    from lemminflect import getAllInflections, getAllLemmas

    plurals = getAllInflections(word, upos="NOUN").get("NNS", ())
    return getAllLemmas(word).get("NOUN") == (word,) and any(p != word for p in plurals)


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


# Adverbs read back past for the "to" or the modal of an infinitive.
ADVERB_RUN = 3


def infinitive_past_adverbs(back: list) -> bool:
    """True when the words before (nearest first) are one or more adverbs after "to" or a
    modal: "to almost exclusively buy", "will probably buy". The bigram of the adverb
    ("exclusively by") cannot see the infinitive that makes the word a verb.

    >>> infinitive_past_adverbs(["exclusively", "almost", "to", "is"]), infinitive_past_adverbs(["probably", "will"])
    (True, True)
    >>> infinitive_past_adverbs(["exclusively", "made"]), infinitive_past_adverbs(["to"])
    (False, False)
    """
    n = 0
    while n < len(back) - 1 and back[n] != "to" and readings(back[n]) == {"ADV"}:  # lemminflect: "to" ADV
        n += 1
    return n > 0 and (back[n] == "to" or back[n] in _MODALS)


# Prepositions a verb is confused with ("expect"/"except", "buy"/"by", "passed"/"past").
_VERB_PREPOSITIONS = _PREPOSITIONS | frozenset({"except", "past", "through"})
_OBJECTS = frozenset({"them", "him", "her", "us", "me", "it", "you"})
# Words of the noun phrase read before its "to".
OBJECT_WORDS = 4


def object_then_infinitive(words: list) -> bool:
    """True when the words are a noun phrase (a determiner, a pronoun or a noun, then
    modifiers and nouns) and "to" before a verb's base form: the object and the infinitive
    that a verb takes ("expect those costs to rise", "ask them to leave"); a preposition
    takes no infinitive after its object ("except those costs" ends there).

    >>> object_then_infinitive(["those", "costs", "to", "rise"]), object_then_infinitive(["them", "to", "leave"])
    (True, True)
    >>> object_then_infinitive(["the", "road", "to", "town"]), object_then_infinitive(["to", "rise"])
    (False, False)
    """
    n = 0
    while n < min(len(words), OBJECT_WORDS) and words[n] != "to":
        w = words[n]
        if not (w in _DETERMINERS or w in _OBJECTS or (n == 0 and opens_noun_phrase(w))
                or (n > 0 and ("NOUN" in readings(w) or _is_modifier(w)))):
            return False
        n += 1
    if n == 0 or n + 1 >= len(words) or words[n] != "to":
        return False
    verb = words[n + 1]
    return verb in _base_forms(verb)


def _after_verb(left) -> bool:
    """True when the word before may be a verb (not a modal): there the preposition reads
    as well ("was passed by the senate to", "drove past the school to").

    >>> _after_verb("passed"), _after_verb(None), _after_verb("will"), _after_verb("pipes")
    (True, False, False, True)
    """
    return left is not None and left not in _MODALS and "VERB" in readings(left)


def clause_score(text: str, site, word: str, partner: str, score: float, threshold: float) -> tuple:
    """(log ratio, demoted): `score` of replacing `word` by `partner` at `site`, with a
    failed clause test applied as `wider.with_wider` applies a word-class veto."""
    extra = 0.0
    if word in ("to", "too") and partner == "two" and not counts_something(words_after(text, site.tok.end, 3)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("were", "where") and site.left is None and inverted_clause(
            words_after(text, site.tok.end, 5)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("where", "were") and (singular_noun(site.left) or clause_follows(
            after := words_after(text, site.tok.end, 6)) or gerund_subject(after)
            or progressive_without_subject(site.left, after)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("off", "of") and (quantity_object(before := words_before(text, site.tok.start))
                                               or verb_before_particle(before,
                                                                       relative_after_comma(text, site.tok.start))
                                               or amount_before(text, site.tok.start)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("of", "off") and (site.left is None or site.left in _PREPOSITIONS):
        # "for of in", "for...of in": after a preposition or punctuation "off" has nothing
        # to attach to either, and the bigram of what follows alone should not decide
        extra = CLASS_PENALTY
    elif (word, partner) == ("buy", "by") and ((takes_bare_infinitive(site.left) and not _PASSIVE.intersection(
            words_before(text, site.tok.start, 3)[1:])) or infinitive_past_adverbs(
            words_before(text, site.tok.start, ADVERB_RUN + 1))):
        extra = CLASS_PENALTY
    elif site.left is None and "VERB" in readings(word) and "VERB" not in readings(partner) \
            and imperative_heading(text, site.tok.start):
        extra = CLASS_PENALTY
    elif partner in _VERB_PREPOSITIONS and "VERB" in readings(word) and not _after_verb(site.left) \
            and object_then_infinitive(words_after(text, site.tok.end, OBJECT_WORDS + 2)):
        extra = CLASS_PENALTY
    if not extra:
        return score, False
    return with_wider(score, extra, threshold), score >= math.log(threshold)


# A verb writes its first word ("in") this many times as often as the joined form
# ("into") when that word is its particle: "log in" 16x "log into", "tune in" 5x,
# "check in" 7x, "bring in" 7x, "plug in" 2.5x, against "moved in" 0.6x, "turned in"
# 0.3x, "crashed in" 0.6x, "came in" 1.5x. Then "tune in to the show", "checked in
# to the branch" are the particle and "to"; the bigrams of the join's one word either
# side cannot see that ("tune into" is common too). Both bigrams must be listed: a
# missing "adopted into" next to "adopted in" (in 2010, in the US) says nothing of a
# particle ("we adopted it in to our workflows" is a real split "into"), though it
# leaves "sign in to" (no "sign into" listed) to the bigrams too.
PARTICLE_JOIN_RATIO = 2.0
# The verb forms whose bigram with "in" tells a particle: base and present. After a
# past form or a participle "in" is mostly a place or a time ("placed in" 10x "placed
# into", "built in" 3.5x): "The REPL can be placed in to one of three modes" is a split
# "into" (own tune docs; 'checked in to the branch' is then left to the bigrams).
_PRESENT_TAGS = frozenset({"VB", "VBP", "VBZ"})
# Object pronouns that stand between a verb and its particle: "sign them in to".
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "me", "us", "you"})


def particle_before_join(model, text: str, start: int, first: str, joined: str) -> bool:
    """True when `first` (at `start`, "in" of "in to") is the particle of the verb before
    it, or before its object pronoun ("plug it in to"): a verb whose bigrams write
    `first` at least PARTICLE_JOIN_RATIO times as often as `joined` (both listed).

    >>> from service.resources import dictionaries
    >>> from service.steps.context.model import model_for
    >>> m = model_for(dictionaries())
    >>> [particle_before_join(m, t, t.index(" in to") + 1, "in", "into") for t in
    ...  ("You can tune in to the show.", "Plug it in to the port.", "They moved in to the city.",
    ...   "It can be placed in to one of three modes.")]
    [True, True, False, False]
    """
    before = words_before(text, start, 2)
    if before and before[0] in _OBJECT_PRONOUNS:
        before = before[1:]
    if not before or "VERB" not in readings(before[0]):
        return False
    verb = before[0]
    if not (finite_tags(verb) & _PRESENT_TAGS or verb.endswith("ing")):
        return False  # a past form: its "in" is mostly a place or a time ("placed in", "built in 1990")
    as_joined = model.bigrams.get(f"{verb} {joined}", 0)
    return as_joined > 0 and model.bigrams.get(f"{verb} {first}", 0) >= PARTICLE_JOIN_RATIO * as_joined


def needs_clause(word: str) -> bool:
    """True for a word a test here reads."""
    return word in ("to", "too", "were", "off", "of", "buy", "where") or "VERB" in readings(word)
