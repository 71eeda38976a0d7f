"""Wider evidence for the `context` step: what the bigrams either side cannot see.

The bigram scorer (`score.best_partner`) reads one word either side. Most of
its false edits on clean web text are words held in place by something
further away or by the word class of a neighbour, not by the neighbour itself:

  particle   "knock thousands off the sticker price", "take one off the top":
             "off" is the particle of a verb two or three words back, while
             "thousands of" and "one of" are far commoner bigrams. Evidence:
             how strongly the verb's lemma (every inflection, by lemminflect)
             is followed by the particle rather than the partner in the
             bigram list, relative to the two words' base rates: a skip-bigram
             estimated through the verb's lemma.
  class      a neighbour's possible parts of speech (lemminflect's lookup):
             "too badly" (no "to" before a word that is only an adverb or an
             adjective), "gathered end hammocks" (after a word that is no noun
             and before a noun, "end" is a noun), "will end the" (after a
             modal, "end" is a verb), "these form errors" (a noun modifier),
             "it threw an error", "which together form one" (a finite verb
             after a subject it agrees with, lemminflect's inflection tags,
             and before its object: a clause's verb), "each other and of"
             (after a pronoun that is a whole noun phrase "end" heads nothing).

Each function returns a log factor <= 0 to add to a change's log likelihood
ratio: evidence for the word as written, never for a change. Only the
structural tests of `CLASS_TESTS` are hard (CLASS_PENALTY); the particle
evidence is graded.

>>> readings("badly"), readings("gathered")
(frozenset({'ADV'}), frozenset({'VERB'}))
"""
from __future__ import annotations

import math
import re

from .wordclass import (_BEFORE_BASE_VERB, _DETERMINERS, _FINITE_AUX, _NO_HEADS, _NUMBER_WORDS, _PERSONAL_SUBJECTS,
                        _PHRASE_STOPS, _PREPOSITIONS, _SUBORDINATORS, _base_forms, _is_modifier, _is_plural_noun,
                        _name_like, finite_tags, opens_noun_phrase, readings, subject_agrees, verb_forms, words_after,
                        words_before)

# Particles of phrasal verbs: replacing one ("off" -> "of") needs the verb
# before it checked. Only these words, and only in that direction: the check
# can keep a word as written, never change one.
PARTICLES = frozenset({"off", "out", "up", "down", "over", "back", "away"})
# Words read back from a particle for its verb: "shuffled their cheap EVs off" (not "getting
# the more powerful version off", where a noun phrase this long has its own "of").
PARTICLE_WINDOW = 4
# A hard "no" from a word-class test: the change is at most suggested when its
# evidence was overwhelming (about a thousand times its threshold).
CLASS_PENALTY = math.log(1e-3)
# Words a particle's verb is never found behind (prepositions, conjunctions, relatives).
_PARTICLE_STOPS = frozenset({"to", "of", "in", "for", "with", "and", "or", "but", "that", "which", "who",
                             "than", "as", "at", "by", "from", "on", "into", "if", "when", "because"})
# Where the window of words before a particle ends: a clause boundary.


def lemma_association(model, verb: str, word: str, partner: str) -> float:
    """log of how much more often the verb's inflections are followed by `word` than by
    `partner` in the bigram list, over the two words' base rates (0.0 for no verb, or
    when no inflection is listed before `word`).

    Half a cut-off count smooths a missing bigram.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"knock": 10, "knocked": 5, "off": 10, "of": 400}, {"knocked off": 40, "knock of": 1}, 425)
    >>> lemma_association(m, "knock", "off", "of") > 3.0, lemma_association(m, "pop", "off", "of")
    (True, 0.0)
    """
    forms = verb_forms(verb)
    if not forms:
        return 0.0
    attested = sum(model.bigrams.get(f"{f} {word}", 0) for f in forms)
    if not attested:
        return 0.0  # no "pop off" in the list: no evidence either way
    half = model.floor / 2
    with_word = attested + half
    with_partner = sum(model.bigrams.get(f"{f} {partner}", 0) for f in forms) + half
    base = (model.unigrams.get(word, 0) + 1) / (model.unigrams.get(partner, 0) + 1)
    return math.log(with_word / with_partner) - math.log(base)


def particle_evidence(model, text: str, start: int, word: str, partner: str) -> float:
    """log factor <= 0 against replacing a particle: minus the strongest association of a
    verb in the clause before it with the particle rather than the partner.

    "knock thousands off the": "knock off" is attested, "knock of" is not.
    """
    if word not in PARTICLES or partner in PARTICLES:
        return 0.0
    best = 0.0
    for w in words_before(text, start, PARTICLE_WINDOW):
        if w in _PARTICLE_STOPS:
            break  # "lead to any understanding off": a particle does not reach past "to"
        if "AUX" in readings(w):
            continue  # "was", "had": "the efforts was off" is no phrasal verb's evidence
        found = lemma_association(model, w, word, partner)
        if found < -1.0:
            break  # a nearer word that takes the partner: "greater understanding of"
        best = max(best, found)
    return -best



def _modifier_only(word: str) -> bool:
    """True for a word that is only an adverb or adjective: "badly", "surprising" (its verb
    reading is an -ing form, not a base form to follow "to")."""
    r = readings(word)
    if not r or "NOUN" in r or word in _DETERMINERS:
        return False
    return word not in _base_forms(word)


def class_evidence(left, word: str, partner: str, right, before=None) -> float:
    """log factor <= 0 from the word classes of the neighbours (see the module doc);
    `before`: the word before `left` in the same clause, or None.

    >>> class_evidence("changed", "too", "to", "badly") < 0 == class_evidence("want", "too", "to", "test")
    True
    >>> class_evidence("gathered", "end", "and", "hammocks") < 0 == class_evidence("salt", "end", "and", "pepper")
    True
    >>> class_evidence("containers", "form", "from", "a") < 0 == class_evidence("came", "form", "from", "the")
    True
    """
    test = CLASS_TESTS.get((word, partner))
    return CLASS_PENALTY if test is not None and test(left, right, before) else 0.0


def _too_before_modifier(left, right, before=None) -> bool:
    """"too badly", "too surprising": "to" does not come before a word that is only a modifier."""
    return right is not None and _modifier_only(right)


def _end_as_noun(left, right, before=None) -> bool:
    """"gathered end hammocks", "two end clamps", "with end users": after a number, a
    preposition, or an adjective or a participle that is no noun, and before a word that is
    a noun and no adjective, "end" is a noun, where "and" would join two unlike words
    ("branding end personal" is left to the bigrams).

    >>> _end_as_noun("looped", "cables"), _end_as_noun("branding", "personal"), _end_as_noun("salt", "pepper")
    (True, False, False)
    >>> _end_as_noun("with", "grain"), _end_as_noun("in", "out")
    (True, False)
    """
    if left is None or right is None or right in _DETERMINERS:
        return False
    after = readings(right)
    if "NOUN" not in after or "ADJ" in after:
        return False
    before = readings(left)
    return left in _NUMBER_WORDS or left in _PREPOSITIONS or (
        bool(before) and "NOUN" not in before and ("ADJ" in before or left.endswith("ed")))



def _end_as_verb(left, right, before=None) -> bool:
    """"will end the", "to end these practices", "will automatically end the": after a modal
    or "to", with at most an adverb between, "end" is a verb, where "and" would join nothing
    ("fell sharply and the dollar weakened" has no modal before the adverb).

    >>> _end_as_verb("will", "the"), _end_as_verb("to", "these"), _end_as_verb("sharply", "the", "fell")
    (True, True, False)
    >>> _end_as_verb("automatically", "the", "will"), _end_as_verb(None, "the", "will")
    (True, False)
    """
    if left is None:
        return False  # no word right before (punctuation, a number): nothing to read
    return left in _BEFORE_BASE_VERB or (before in _BEFORE_BASE_VERB and readings(left) == {"ADV"})


def _end_as_noun_or_verb(left, right, before=None) -> bool:
    return _end_as_noun(left, right) or _end_as_verb(left, right, before)



def finite_verb_after_subject(word: str, left, right, before=None) -> bool:
    """"fans threw bottles", "which together form one", "it threw an error": `word` is the
    clause's verb when a subject that agrees with one of its finite forms stands before it
    (with at most an adverb between) and an object follows; a preposition or a conjunction
    in its place would leave the clause without a verb.

    >>> finite_verb_after_subject("threw", "it", "an"), finite_verb_after_subject("threw", "thread", "an", "destination")
    (True, True)
    >>> finite_verb_after_subject("threw", "break", "the", "to"), finite_verb_after_subject("threw", "walked", "the", "they")
    (False, False)
    >>> finite_verb_after_subject("form", "together", "one", "which"), finite_verb_after_subject("form", "departure", "the")
    (True, False)

    Where the clause ends right after the word, a personal pronoun that a subordinating
    conjunction puts first ("even if it threw (", "once they form.") leaves the word as the
    only verb the clause can have ("let it through." has no such conjunction):

    >>> finite_verb_after_subject("threw", "it", None, "if"), finite_verb_after_subject("threw", "it", None, "let")
    (True, False)
    """
    if right is None and before in _SUBORDINATORS and left in _PERSONAL_SUBJECTS:
        return subject_agrees(left, finite_tags(word))
    if left is None or not opens_noun_phrase(right):
        return False
    tags = finite_tags(word)
    if subject_agrees(left, tags, before):
        return True
    # an adverb between the subject and its verb: "which together form", "they also threw"
    return readings(left) == {"ADV"} and subject_agrees(before, tags)


def _threw_after_subject(left, right, before=None) -> bool:
    """"it threw an error", "fans threw bottles": see `finite_verb_after_subject`."""
    return finite_verb_after_subject("threw", left, right, before)


def _form_as_verb_or_noun(left, right, before=None) -> bool:
    """"containers form a", "which together form one": a verb after its subject (see
    `finite_verb_after_subject`); "these form errors": after a determiner or an adjective
    and before a noun it is a noun modifier."""
    if left is None or right is None:
        return False
    if finite_verb_after_subject("form", left, right, before):
        return True
    left_readings = readings(left)
    left_is_modifier = left in _DETERMINERS or (bool(left_readings) and left_readings <= {"ADJ", "NOUN"})
    return left_is_modifier and right not in _DETERMINERS and "NOUN" in readings(right)


# Pronouns that are a whole noun phrase (object, reflexive, reciprocal: "each other"): a
# noun cannot follow one as its head.
_WHOLE_PRONOUNS = frozenset({"me", "us", "him", "them", "myself", "yourself", "yourselves", "himself",
                             "herself", "itself", "ourselves", "themselves"})
_RECIPROCALS = frozenset({("each", "other"), ("one", "another")})


def _and_after_whole_pronoun(left, right, before=None) -> bool:
    """"trusted each other and of", "blamed them and the": after a pronoun that is a whole
    noun phrase, "end" (a noun that needs a determiner or a modifier) has nothing to head,
    where "and" joins what follows.

    >>> _and_after_whole_pronoun("other", "of", "each"), _and_after_whole_pronoun("other", "of", "the")
    (True, False)
    >>> _and_after_whole_pronoun("themselves", "the")
    True
    """
    return left in _WHOLE_PRONOUNS or (before, left) in _RECIPROCALS


def _adverb_between_subject_and_verb(left, right, before=None) -> bool:
    """"I now attempt", "prices now stand": between a subject and a finite verb that agrees
    with it the slot is an adverb's; "know" there would leave the verb after it no place.

    >>> _adverb_between_subject_and_verb("i", "attempt"), _adverb_between_subject_and_verb("you", "that")
    (True, False)
    >>> _adverb_between_subject_and_verb("prices", "stand"), _adverb_between_subject_and_verb("not", "much")
    (True, False)
    """
    return right is not None and subject_agrees(left, finite_tags(right), before)


def plural_noun_follows(words: list) -> bool:
    """True when the words open a noun phrase whose head is a plural noun: modifiers or
    nouns, then a plural ("two match points", "two basket-shaped filters"). A number
    counts what follows it; "to" before a bare plural noun is the rarer reading.

    >>> plural_noun_follows(["match", "points", "while"]), plural_noun_follows(["basket-shaped", "filters"])
    (True, True)
    >>> plural_noun_follows(["as", "a", "couple"]), plural_noun_follows(["the", "store"]), plural_noun_follows(["music", "every"])
    (False, False, False)
    """
    for w in words:
        if w in _NO_HEADS or w in _DETERMINERS:
            return False
        r = readings(w)
        if "NOUN" in r and _is_plural_noun(w):
            return True
        if not ("NOUN" in r or _is_modifier(w)):
            return False
    return False


# Comparison words that "than" may follow without an -er form: "more ... than", "other than".
_COMPARATIVES = frozenset({"more", "less", "fewer", "other", "another", "rather", "else", "better", "worse", "further",
                           "farther", "different", "differently", "sooner", "prefer", "preferable"})
# Words read back from "then" for the comparison that "than" would need.
COMPARISON_WINDOW = 6
# ... and from "than" for the comparison it completes (within the clause: words_before
# stops at a comma; support.THAN_WINDOW reads across commas for the other direction)
THAN_WINDOW = 10


def is_comparative(word: str) -> bool:
    """A comparison word: one of _COMPARATIVES or an -er form of an adjective or adverb
    ("older", "cheaper"; not "number", whose lemminflect reading "numb" is no comparison
    a noun would make).

    >>> is_comparative("older"), is_comparative("more"), is_comparative("number"), is_comparative("multiple")
    (True, True, False, False)
    """
    if word in _COMPARATIVES:
        return True
    if not word.endswith("er"):
        return False
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "NOUN" not in lemmas and any(word not in lemmas.get(pos, (word,)) for pos in ("ADJ", "ADV"))


def _past_comma(text: str, start: int) -> int:
    """The offset of a comma right before `start` (", than"), else `start`.

    >>> _past_comma("better made, than tolerated", 13), _past_comma("better than", 7)
    (11, 7)
    """
    before = start - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before if before >= 0 and text[before] == "," else start


def comparison_before(text: str, start: int, window: int = COMPARISON_WINDOW, asides: bool = False) -> bool:
    """True when a comparison word stands in the clause before `start` (at most `window`
    words back): "than" compares, and without one it has nothing to complete ("used
    multiple ways then last one wins"). An "if" nearer than the comparison opens a
    condition that "then" answers ("more complex than an 'if this then that' rule").

    >>> comparison_before("It is more cost-effective then", 26), comparison_before("used multiple ways then", 19)
    (True, False)
    >>> comparison_before("It is more complex than if this then", 32)
    False
    """
    for w in words_before(text, start, window, asides):
        if w == "if":
            return False
        if is_comparative(w):
            return True
    return False


# Pronouns a number stands beside as one noun phrase: "you two", "us two", "them two".
_NUMBER_PRONOUNS = frozenset({"you", "we", "us", "they", "them"})


def _number_as_head(left, right, before=None) -> bool:
    """"you two as a couple", "the prior two that": a number right after a pronoun it
    counts, or after a determiner and an adjective ("the last two", "the prior two"), is
    the head of a noun phrase; "to" or "too" in its place would leave the pronoun's or
    the adjective's phrase broken ("prior to" reads as a preposition only to the bigrams).

    >>> _number_as_head("you", "as"), _number_as_head("prior", "that", "the"), _number_as_head("prior", "that", "was")
    (True, True, False)
    >>> _number_as_head("went", "the"), _number_as_head(None, "that", "the")  # no word on the left
    (False, False)
    """
    if left in _NUMBER_PRONOUNS:
        return True
    return before in _DETERMINERS and "ADJ" in readings(left)


# Words a possessive determiner never stands before: prepositions and conjunctions
# (lemminflect reads none of them; "their via", "their through" head nothing).
_NO_POSSESSED = _PREPOSITIONS | frozenset({"via", "to", "through", "until", "during", "since", "and", "or", "but"})


def _there_before_preposition(left, right, before=None) -> bool:
    """"get there via the bus", "there through the night": "their" needs a noun phrase
    after it, and a preposition or a conjunction opens none.

    >>> _there_before_preposition("get", "via"), _there_before_preposition("get", "tickets")
    (True, False)
    """
    return right in _NO_POSSESSED


# (word as written, partner) -> test on (left, right) that keeps the word as written.
CLASS_TESTS = {
    ("two", "to"): _number_as_head,
    ("two", "too"): _number_as_head,
    ("there", "their"): _there_before_preposition,
    ("too", "to"): _too_before_modifier,
    ("end", "and"): _end_as_noun_or_verb,
    ("threw", "through"): _threw_after_subject,
    ("form", "from"): _form_as_verb_or_noun,
    ("and", "end"): _and_after_whole_pronoun,
    ("now", "know"): _adverb_between_subject_and_verb,
}


def modified_noun_follows(words: list) -> bool:
    """True when the words open a noun phrase: one or more modifiers, then a noun
    ("slightly warm tone", "straightforward pricing model", "no-logs policy").

    A determiner reading ("its", "their") is then the only one that parses; "it's" or
    "they're" would need a predicate ("its also less frustrating if" is left alone).

    >>> modified_noun_follows(["slightly", "lower", "height"]), modified_noun_follows(["also", "less", "frustrating", "if"])
    (True, False)
    >>> modified_noun_follows(["a", "great", "phone"]), modified_noun_follows(["not", "clear", "who"])
    (False, False)
    >>> modified_noun_follows(["fair", "to", "say"])  # "to" (an adverb to lemminflect) ends the phrase
    False

    Modifiers joined by a comma or "and" count as one list ("sleek, compact body", "bold and
    simple design"); after the join another modifier must come before the noun ("fine, thanks"
    ends a predicate).

    >>> modified_noun_follows(["sleek", ",", "compact", "body"]), modified_noun_follows(["fine", ",", "thanks"])
    (True, False)
    >>> modified_noun_follows(["bold", "and", "simple", "design"]), modified_noun_follows(["cheap", ",", "and", "fast"])
    (True, False)
    >>> modified_noun_follows(["on-demand", "rpo", "team", "keeps"])
    True
    """
    seen = 0
    for w in words:
        if w in _MODIFIER_JOINS:
            if not seen:
                return False
            seen = 0  # a modifier must follow the join
            continue
        r = readings(w)
        if seen and "NOUN" in r and not r & {"ADJ", "ADV"} and w not in _NO_HEADS:
            return True  # a noun that is no modifier too ("clear" is both: "its not clear who")
        if w in _DETERMINERS or w in _PHRASE_STOPS or not (_is_modifier(w) or _name_like(w, r)):
            return False
        seen += 1
    return False



def subject_noun_follows(words: list) -> bool:
    """True when the words are a noun and then an auxiliary or a modal ("reviews are",
    "offering has"): the noun is a clause's subject, and "their" or "its" its determiner;
    "there" or "it's" before it would leave the clause two subjects ("There reviews are").

    >>> subject_noun_follows(["reviews", "are", "very"]), subject_noun_follows(["price", "will", "rise"])
    (True, True)
    >>> subject_noun_follows(["is", "a", "risk"]), subject_noun_follows(["time", "we"]), subject_noun_follows(["the", "are"])
    (False, False, False)
    """
    return (len(words) >= 2 and words[1] in _FINITE_AUX and words[0] not in _NO_HEADS
            and words[0] not in _FINITE_AUX and "NOUN" in readings(words[0]))


# What joins two modifiers of one noun: "sleek, compact body", "bold and simple design".
_MODIFIER_JOINS = frozenset({",", "and"})


# Particles and prepositions that lemminflect reads as adverbs: no modifier inside a noun phrase.
# (word as written, partner) read as a determiner when a modified noun or a subject noun follows.
DETERMINER_PAIRS = frozenset({("its", "it's"), ("their", "they're"), ("their", "there")})


def wider_score(model, text: str, site, word: str, partner: str, score: float, threshold: float) -> tuple:
    """(log ratio, demoted): the log ratio `score` of replacing `word` by `partner` at `site`
    with the wider evidence. A word-class veto demotes a change to a suggestion
    (`with_wider`; demoted is then True, and the document's prior must not raise it again);
    the particle evidence is added as it is (a verb that takes the particle is reason
    enough to keep it).
    """
    extra = 0.0
    if (word, partner) == ("too", "to") and ends_clause(site.after):
        extra = CLASS_PENALTY
    elif (word, partner) == ("then", "than") and not comparison_before(text, site.tok.start):
        extra = CLASS_PENALTY
    elif (word, partner) == ("than", "then") and comparison_before(text, _past_comma(text, site.tok.start),
                                                                    THAN_WINDOW, asides=True):
        # "a different name in the config file than you use": the comparison "than" completes,
        # also across one comma ("better made, than tolerated"; support.no_comparison_before
        # reads across it too) and a bracketed aside ("more people (and firms) than")
        extra = CLASS_PENALTY
    elif word == "two" and partner in ("to", "too") and plural_noun_follows(words_after(text, site.tok.end, 3)):
        extra = CLASS_PENALTY
    elif (word, partner) == ("to", "too") and modifies_noun_after(words_after(text, site.tok.end, 6)):
        extra = CLASS_PENALTY
    elif (word, partner) in CLASS_TESTS:
        back = words_before(text, site.tok.start, 2)
        extra = class_evidence(site.left, word, partner, site.right, back[1] if len(back) > 1 else None)
    if not extra and (word, partner) in DETERMINER_PAIRS:
        after = words_after(text, site.tok.end, 6, commas=True)
        if modified_noun_follows(after) or subject_noun_follows(after):
            extra = CLASS_PENALTY
    demoted = bool(extra) and score >= math.log(threshold)
    score = with_wider(score, extra, threshold)
    if word in PARTICLES:
        score += particle_evidence(model, text, site.tok.start, word, partner)
    return score, demoted


# Quantity words that "too" does put before a noun: "too many people", "too much time".
_TOO_QUANTITIES = frozenset({"many", "much", "few", "little"})


def modifies_noun_after(words: list) -> bool:
    """"to busy places", "to new heights": "to" before a modified noun is a preposition
    before its object; "too" and an adjective do not stand before a noun ("too busy a place"
    needs the article), but for a quantity ("too many people").

    >>> modifies_noun_after(["busy", "places", "early"]), modifies_noun_after(["many", "people"])
    (True, False)
    >>> modifies_noun_after(["busy"]), modifies_noun_after(["clear"])
    (False, False)

    (Read up to a comma: "far to simple, adding scripts" is no list of modifiers.)
    """
    return bool(words) and words[0] not in _TOO_QUANTITIES and modified_noun_follows(words)


# Punctuation that ends a clause: "to" never stands right before it ("changes too:",
# "me too."); a question may end in one ("where to?"), so "?" is not here.
_CLAUSE_END = frozenset(".,:;!)")


def ends_clause(token) -> bool:
    """True when the token after a word is clause-ending punctuation (see _CLAUSE_END).

    >>> from service.tokens import Token
    >>> ends_clause(Token(":", 5, 6, "punct")), ends_clause(Token("?", 5, 6, "punct")), ends_clause(None)
    (True, False, False)
    """
    return token is not None and token.text[:1] in _CLAUSE_END


# A word, a preposition, the same word: an idiom of repetition ("end to end", "side by
# side", "piece by piece", "day after day", "two by two") that holds each word as written.
_REPEATED_AFTER = re.compile(r" (?:to|by|after|for|upon|on) ([A-Za-z]+)")
_REPEATED_BEFORE = re.compile(r"([A-Za-z]+) (?:to|by|after|for|upon|on) $")


def in_repetition(text: str, start: int, end: int) -> bool:
    """True when the word at start..end is one half of "X to X", "X by X" (see _REPEATED_AFTER).

    >>> t = "flip it end to end and cut"
    >>> in_repetition(t, 8, 11), in_repetition(t, 15, 18), in_repetition("the end to the", 4, 7)
    (True, True, False)
    """
    word = text[start:end].lower()
    m = _REPEATED_AFTER.match(text, end)
    if m is not None and m.group(1).lower() == word:
        return True
    m = _REPEATED_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() == word


def with_wider(score: float, extra: float, threshold: float) -> float:
    """The log ratio `score` with wider evidence `extra` (<= 0) added; a change the bigrams
    alone would apply is kept as a suggestion (confidence 1/3), not dropped: an error
    flagged is worth more than one silently kept.

    >>> round(math.exp(with_wider(math.log(500), -10.0, 100.0)), 1), with_wider(1.0, -0.5, 100.0)
    (50.0, 0.5)
    """
    if not extra:
        return score
    if score < math.log(threshold):
        return score + extra
    return max(score + extra, math.log(threshold / 2))


def held_back(score: float, threshold: float) -> tuple:
    """(log ratio, demoted) of a change a phrase or role test holds (`phrases.phrase_score`,
    `roles.role_score`): the test applied as a word-class veto (`with_wider`, CLASS_PENALTY),
    demoted when the bigrams alone would have applied it.

    >>> round(math.exp(held_back(math.log(500), 100.0)[0]), 1), held_back(math.log(500), 100.0)[1]
    (50.0, True)
    """
    return with_wider(score, CLASS_PENALTY, threshold), score >= math.log(threshold)


def needs_wider(word: str) -> bool:
    """True for a word some wider test reads (the others skip the call)."""
    return word in PARTICLES or word in _CLASS_WORDS or word in _TEXT_TEST_WORDS


_CLASS_WORDS = frozenset(w for w, _ in CLASS_TESTS) | frozenset(w for w, _ in DETERMINER_PAIRS)
# Words whose tests in `wider_score` read the text around them (a comparison before "then"
# or "than", a plural noun after "two", a modified noun after "to").
_TEXT_TEST_WORDS = frozenset({"then", "than", "two", "to"})
