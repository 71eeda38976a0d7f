"""Grammar that backs a change for the `context` step: what the word as written cannot be.

The tests of `clauses`, `wider` and `phrases` keep a word as written; these speak for a
change instead: grammar the word as written cannot have, where its partner parses. Each adds a log factor to the partner's
bigram evidence (the bigrams still have to agree), never decides alone:

  no comparison  "than" with no comparison word in its sentence before it
                 ("The guards than left") is "then"; more so before a word that is
                 only a verb, no -ing form ("The court than ruled"): "than" takes a
                 noun phrase or a clause, and a verb opens neither.
  degree         "to" between a linking verb and a word that is only an adjective
                 or adverb ("looked to risky", "seems to far") is "too".
  aside          "to" set off by commas on both sides ("this, to, was not") is "too":
                 "to" takes an object or a verb after it.
  progressive    "where" before an -ing verb that is no noun, with at most adverbs
                 between ("the rules where quietly hurting") is "were": "where"
                 opens a clause that needs its subject first.
  sentence end   "where" closing a statement right after its subject, a noun that may
                 be plural or a plural pronoun ("how pure the seizures where.") is
                 "were": "where" opens a clause and cannot end one (a question's
                 "where?" is no statement's end).
  relative       "were" before a subject and a finite verb that agrees with it ("moved
                 to the coast, were they opened a shop") is "where": "were" before its
                 subject is inverted ("were they to", "were it not for") and takes no
                 second finite verb. A past form that may be a participle ("were they
                 opened, ...": a passive) counts only with an object after it.
  determiner     "there" before a lower-case word that is only a noun ("sent there
                 children") is "their": an adverb there would leave the noun
                 without a determiner.
  possessive     "it's" before a plural noun that is no adjective ("keep it's prices
                 stable"; a verb reading as well is the noun's -s form) is "its": "it
                 is" takes no bare plural after it but in a cleft ("it's years later"),
                 which is rare.
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
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from ...tokens import sentence_start
from .clauses import _PASSIVE, _WERE_SUBJECTS, _may_be_plural, takes_bare_infinitive
from .wider import comparison_before, is_comparative
from .wordclass import (_DETERMINERS, _FINITE_AUX, _MODALS, _NO_HEADS, _PERSONAL_SUBJECTS, _SUBJECT_PRONOUNS, _base_forms,
                        _is_plural_noun, finite_tags, opens_noun_phrase, readings, subject_agrees, words_after,
                        words_before)

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
# The verb after "than" with no comparison before (no -ing form): nodejs, valgrind and pip
# documentation (the clean_prose tune docs, 2026-12-06) 0 of 419 "than", 61 of 411 "then".
SUPPORT = {"comparison": math.log(30.0), "verb after": math.log(30.0), "degree": math.log(100.0), "modal": math.log(100.0),
           "progressive": math.log(30.0), "determiner": math.log(30.0), "predicate": math.log(30.0),
           "agent": math.log(30.0), "sentence": math.log(30.0), "compared": math.log(30.0),
           "names": math.log(30.0), "sentence end": math.log(30.0), "relative": math.log(30.0),
           "possessive": math.log(30.0), "aside": math.log(100.0)}
# relative: 0 of 1,559 "were" and 70 of 2,797 "where" (swapped: 2.5%) in the clean_prose tune pools, the WCXB tune
# references and run.py's tune references (2026-12-07; bench/NOTES.md, session 37 realword45): at least ~13 times
# likelier where the writer meant "where", capped at the other tests' 30. possessive: 5 of
# 2,663 "it's" (four of them misuses: "about it's origins", "It's functions are") and 460 of 3,582 "its" (13%) in
# the same texts. aside: 0 of 87,223 "to" and 31 of 1,135 "too" (2.7%) between two commas there: capped at the
# degree test's 100.
# Words read back from "than" for a comparison, across commas: the whole sentence, up to
# this many words ("Nobody has shown more vividly how all this overreliance on statistics
# in LLMs plays out than ...": "more" 13 words back). The support says that no comparison
# stands before "than"; one further back than wider.THAN_WINDOW (which holds a change
# when one is near) still means the writer may be comparing, so no support is given.
THAN_WINDOW = 40
# Verbs that link a subject to an adjective: "was too new", "feels too far".
_LINKING = frozenset({"be", "feel", "seem", "look", "sound", "get", "become", "grow", "remain", "appear",
                      "prove", "stay"})
# Words that may open a verb's object or complement: "could hear the", "never know what".
_OBJECT_OPENERS = _DETERMINERS | frozenset({"that", "what", "how", "why", "where", "who", "when", "whether",
                                            "if", "them", "him", "me", "us", "it", "about", "of"})
_NEXT_WORD = re.compile(r" ([A-Za-z]+)")
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?]|$)")


def no_comparison_before(text: str, start: int) -> bool:
    """True when no comparison word stands in the sentence before `start` (THAN_WINDOW words at most;
    a comma does not end the comparison: "better made, than tolerated").

    >>> no_comparison_before("The guards than left", 11), no_comparison_before("another type than", 13)
    (True, False)
    >>> no_comparison_before("It is better made, than tolerated", 19)
    False
    >>> t = "Nobody has shown more vividly how all this overreliance on statistics in LLMs plays out than"
    >>> no_comparison_before(t, len(t) - 4)
    False
    """
    head = text[max(0, start - 12 * THAN_WINDOW):start]
    cut = max(head.rfind(c) for c in ".!?;:\n")
    words = _WORD.findall(head[cut + 1:])[-THAN_WINDOW:]
    return not any(is_comparative(w.lower()) for w in words)


def verb_follows(text: str, end: int) -> bool:
    """True when the next word (after one space) is lower-case, only a verb and no -ing
    form: "rather than waiting" is how a comparison goes on (31 of the 40 verbs after a
    compared "than" in the tune docs), so an -ing form says little when the comparison
    word stands out of reach.

    >>> verb_follows("The court than ruled", 14), verb_follows("more than happy", 9), verb_follows("than use", 4)
    (True, False, False)
    >>> verb_follows("a consultant than hiring", 17)
    False
    """
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).islower() and not m.group(1).endswith("ing") \
        and readings(m.group(1)) == {"VERB"}


# Plural pronouns and quantity words that stand as the subject of "were": clauses' list
# without the relatives and "there", which "where" follows in clean prose ("that's where.").
_PLURAL_SUBJECTS = _WERE_SUBJECTS - frozenset({"who", "which", "that", "there"})


def ends_after_subject(text: str, site) -> bool:
    """True when the word at `site` ends a statement ("." or "!" and then a space or the text's
    end) right after a word that may be its plural subject: a plural pronoun or a noun that may
    be plural (clauses._may_be_plural).

    >>> from types import SimpleNamespace as NS
    >>> from service.tokens import Token
    >>> t = "how pure the seizures where. In addition"
    >>> ends_after_subject(t, NS(tok=Token("where", 22, 27, "word"), left="seizures"))
    True
    >>> ends_after_subject("that is where.", NS(tok=Token("where", 8, 13, "word"), left="is"))
    False
    >>> ends_after_subject("the seizures where?", NS(tok=Token("where", 13, 18, "word"), left="seizures"))
    False
    """
    left = site.left
    end = site.tok.end
    if left is None or text[end:end + 1] not in (".", "!") or text[end + 1:end + 2] not in ("", " ", "\n"):
        return False
    if left in _PLURAL_SUBJECTS:
        return True
    return ("NOUN" in readings(left) and left not in _NO_HEADS and _may_be_plural(left)
            and not verb_after_its_subject(text, site.tok.start, left))


def verb_after_its_subject(text: str, start: int, left: str) -> bool:
    """True when `left`, the word before `start`, is a verb's -s form after a word that agrees
    with it as its subject ("which piece goes where.", "nobody knows who lives where."): the
    clause's verb, not a plural noun that "were" could follow ("the seizures were.").

    >>> verb_after_its_subject("decide which piece goes where.", 24, "goes")
    True
    >>> verb_after_its_subject("how pure the seizures where.", 22, "seizures")
    False
    >>> verb_after_its_subject("see how the pieces where.", 19, "pieces")
    False
    """
    tags = finite_tags(left) & {"VBZ"}
    if not tags:
        return False
    before = words_before(text, start, 3)  # [left, its subject, the word before that]
    return len(before) > 1 and before[0] == left and subject_agrees(before[1], tags, before[2] if len(before) > 2 else None)


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


def clause_follows(text: str, end: int) -> bool:
    """True when a subject and a finite verb that agrees with it follow `end` (after "were"):
    a personal pronoun other than "it" ("were it not for") or a word that is only a noun,
    then a word that is only a verb and no auxiliary; a past form that may be a participle
    needs what opens an object after it ("were they opened a shop", not "were they
    opened, the").

    >>> clause_follows("the coast, were they opened a shop", 15), clause_follows("were they opened, the", 4)
    (True, False)
    >>> clause_follows("were lawmakers expressed outrage", 4), clause_follows("were it not for", 4)
    (True, False)
    >>> clause_follows("were picture frames and", 4), clause_follows("were they able to", 4)
    (False, False)
    """
    words = words_after(text, end, 3)
    if len(words) < 2:
        return False
    subject, verb = words[0], words[1]
    if subject == "it" or (subject not in _PERSONAL_SUBJECTS and readings(subject) != {"NOUN"}):
        return False
    if verb in _FINITE_AUX or readings(verb) != {"VERB"}:
        return False
    tags = finite_tags(verb)
    if not subject_agrees(subject, tags):
        return False
    return not may_be_participle(verb) or (len(words) > 2 and opens_noun_phrase(words[2]))


# After "x, word," a list of words goes on: a conjunction, or one word and a comma.
_LIST_GOES_ON = re.compile(r"\s*(?:(?:and|or|nor)\b|[A-Za-z]+\s*,)")


def set_off_by_commas(text: str, start: int, end: int) -> bool:
    """True when a comma ends the token at `start`..`end` and one stands before it (spaces
    between, on the line), and no list goes on after it ("in, to, and on", "in, to, on,
    at": a list of words names them).

    >>> set_off_by_commas("this, to, was", 6, 8), set_off_by_commas("from, to)", 6, 8), set_off_by_commas("to, be", 0, 2)
    (True, False, False)
    >>> set_off_by_commas("in, to, and on", 4, 6), set_off_by_commas("in, to, on, at", 4, 6)
    (False, False)
    """
    if text[end:end + 1] != "," or not text[:start].rstrip(" \t").endswith(","):
        return False
    return _LIST_GOES_ON.match(text, end + 1) is None


def plural_noun_follows(text: str, end: int) -> bool:
    """True when the next word of the clause is a plural noun with no reading but a noun's and
    a verb's (the -s form: "prices"), no subject pronoun.

    >>> plural_noun_follows("keep it's prices stable", 9), plural_noun_follows("it's time to go", 4)
    (True, False)
    >>> plural_noun_follows("it's fun", 4), plural_noun_follows("it's members", 4)
    (False, True)
    """
    words = words_after(text, end, 1)
    if not words or words[0] in _SUBJECT_PRONOUNS:
        return False
    found = readings(words[0])
    return "NOUN" in found and found <= {"NOUN", "VERB"} and _is_plural_noun(words[0])


@lru_cache(maxsize=4096)
def may_be_participle(word: str) -> bool:
    """True when `word` is a past participle of some verb lemma (lemminflect).

    >>> may_be_participle("opened"), may_be_participle("given"), may_be_participle("threw")
    (True, True, False)
    """
    from lemminflect import getAllLemmas, getInflection

    # (getInflection: getAllInflections leaves out a VBN that is the VBD form, "opened")
    return any(word in getInflection(lemma, tag="VBN") for lemma in getAllLemmas(word).get("VERB", ()))


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


_SUPPORTED = frozenset({"than", "to", "where", "were", "there", "its", "it's", "buy", "them", "then", "end"})


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
        if not no_comparison_before(text, site.tok.start):
            return 0.0
        return SUPPORT["comparison"] + (SUPPORT["verb after"] if verb_follows(text, site.tok.end) else 0.0)
    if (word, partner) == ("to", "too"):
        if set_off_by_commas(text, site.tok.start, site.tok.end):
            return SUPPORT["aside"]
        return SUPPORT["degree"] if links_a_degree(text, site.tok.start, site.tok.end) else 0.0
    if (word, partner) == ("where", "were"):
        if progressive_follows(text, site.tok.end):
            return SUPPORT["progressive"]
        return SUPPORT["sentence end"] if ends_after_subject(text, site) else 0.0
    if (word, partner) == ("were", "where"):
        return SUPPORT["relative"] if clause_follows(text, site.tok.end) else 0.0
    if (word, partner) == ("there", "their"):
        existential = site.left in _PASSIVE  # "Are there vaccines", "is there evidence": inverted
        return SUPPORT["determiner"] if not existential and noun_follows(text, site.tok.end) else 0.0
    if (word, partner) == ("it's", "its"):
        return SUPPORT["possessive"] if plural_noun_follows(text, site.tok.end) else 0.0
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
