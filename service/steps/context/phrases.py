"""Phrase evidence for the `context` step: the phrase a word heads or completes.

Beside the word-class tests of `wider` and the clause tests of `clauses`, six
tests read the phrase around a site, each keeping the word as written:

  noun head   "end" that closes a noun phrase opened by a determiner, a number or a
              possessive, after a modifier ("the rounded end for", "two more end
              clamps", "at week's end"), before what a noun phrase is followed by (a
              preposition, a verb, a noun, the end of the clause): "and" there would
              join a modifier to a word of another kind. Before a word that may be an
              adjective, a name or a determiner ("the free end fair vote", "the free
              end Indo-Pacific"), or after a noun that may close the phrase itself
              ("this experience end to encourage"), or before a capitalised word
              ("the Founder's end Premiere editions"), the bigrams decide. A noun
              before "end" may close the phrase itself, except where the phrase
              opens its clause and a finite auxiliary follows ("or the logical stream
              end was detected", "unless the stream end is"): "and" would join a
              subject with no verb yet to a verb phrase.
  verb end    "end" after a plural subject that opens its clause, before a
              preposition or an adverb ("numbers end properly", "whose names end
              in", "all lines end with"): the subject's verb.
  verb object "end" right after a verb that takes an object, before what cannot open
              a verb phrase ("do not emit end after aborted", "fix pipeline calling
              end on destination", "handle end nodes with children"): the verb's
              object, where "and" would join the verb to a preposition or a noun.
  names       "and" between two capitalised words mid-sentence ("Will and
              Representation", "Perkins&Will and Pascali"): a title's or a firm's
              names, whose lower-cased bigrams ("will end") read them as other words.
              So is "end" after "and" and an adverb ("and quickly end a game").
  object      "them" right after a verb that takes an object ("understanding them
              becomes", "notify them automatically") or after "and" that joins it to
              a whole pronoun ("us and them"): "then" would leave the verb without one.
  bare verb   "buy" after a modal with an adverb between ("could probably buy the"),
              or after a verb that takes a bare infinitive and its object ("helped them
              buy hosting"): a verb, not "by".

Like `clauses.clause_score`, a test that holds demotes a change to a suggestion
(`wider.with_wider`), and the document's prior must not raise it again.

>>> closes_noun_phrase(["rounded", "the"], "for"), closes_noun_phrase(["sharply", "fell"], "the")
(True, False)
"""
from __future__ import annotations

from .clauses import takes_bare_infinitive
from .support import between_names
from .wider import _WHOLE_PRONOUNS, held_back
from .wordclass import (_BEFORE_BASE_VERB, _DETERMINERS, _FINITE_AUX, _MODALS, _NO_HEADS, _NUMBER_WORDS, _PREPOSITIONS,
                        _base_forms, _is_plural_noun, readings, words_before)

# Words that open a noun phrase whose head may stand a few words on: determiners, numbers.
_PHRASE_OPENERS = (_DETERMINERS | _NUMBER_WORDS) - {"which", "whichever", "each", "every", "either"}
# Quantity words that lemminflect also reads as nouns, but that modify the head here ("two more end clamps").
_QUANTIFIERS = frozenset({"more", "most", "less", "few", "fewer", "many", "much", "other", "same", "whole"})
# Words that follow a noun phrase and never begin a conjunct that "and" could join to a modifier.
_AFTER_NOUN_PHRASE = _PREPOSITIONS | frozenset({"to", "so", "as", "than", "up", "out", "off", "over", "down",
                                                "into", "onto", "that", "which", "who", "where", "when"})
# Words read back from "end" for the opener of its noun phrase.
NOUN_PHRASE_WINDOW = 4
# Words after which a noun phrase opens a clause of its own, as its subject: conjunctions and
# subordinators ("or the stream end was", "unless the stream end is").
_CLAUSE_OPENERS = frozenset({"and", "or", "but", "nor", "unless", "if", "when", "whenever", "while", "because",
                             "until", "once", "since", "although", "though", "whether", "that", "so"})


def _possessive(word: str) -> bool:
    """ "week's", "users’": a possessive, which a noun must follow.

    >>> _possessive("week’s"), _possessive("it's"), _possessive("weeks")
    (True, False, False)
    """
    w = word.replace("’", "'")
    return w.endswith("'s") and w not in ("it's", "that's", "what's", "there's", "here's", "he's", "she's",
                                          "who's", "let's")


def _modifier_in_phrase(word: str) -> bool:
    """A word that may stand inside a noun phrase before its head: an adjective, a noun, a
    participle, a superlative, a quantity or a hyphenated compound ("rounded", "frame",
    "highest", "more", "usb-c")."""
    return (word in _QUANTIFIERS or word.endswith(("ed", "est")) or "-" in word
            or bool(readings(word) & {"ADJ", "NOUN"}))


def opens_phrase_before(words: list) -> bool:
    """True when `words` (before a word, nearest first) are modifiers back to a determiner,
    a number or a possessive, or the nearest is one: the word closes that noun phrase.

    >>> opens_phrase_before(["rounded", "the"]), opens_phrase_before(["week's"]), opens_phrase_before(["one", "cut"])
    (True, True, True)
    >>> opens_phrase_before(["sharply", "fell"]), opens_phrase_before(["frame", "and", "start", "the"])
    (False, False)
    """
    for w in words[:NOUN_PHRASE_WINDOW]:
        if w in _PHRASE_OPENERS or _possessive(w):
            return True
        if w in _NO_HEADS or not _modifier_in_phrase(w):
            return False
    return False


def _noun_like(word: str) -> bool:
    """A noun that is no quantity or participle: "salt", "frame" (it may head a compound with
    what follows, or be joined to another noun by "and")."""
    return "NOUN" in readings(word) and word not in _QUANTIFIERS and not word.endswith(("ed", "est"))


def closes_noun_phrase(before: list, right) -> bool:
    """True when "end" closes the noun phrase that `before` (the words before it, nearest
    first) opens, and `right` (the next word, lower-case; None for punctuation or a name)
    cannot begin what "and" would join to them.

    >>> closes_noun_phrase(["more", "two"], "clamps"), closes_noun_phrase(["rounded", "the"], "is")
    (True, True)
    >>> closes_noun_phrase(["free", "the"], "fair"), closes_noun_phrase(["salt", "the"], "pepper")
    (False, False)
    >>> closes_noun_phrase(["experience", "this"], "to"), closes_noun_phrase(["one", "cut"], "so")
    (False, True)
    >>> closes_noun_phrase(["week’s", "at"], "returning"), closes_noun_phrase(["rounded", "the"], None)
    (True, True)
    >>> closes_noun_phrase(["usb-c", "a", "with"], "is")
    True
    """
    if not before or not opens_phrase_before(before):
        return False
    if _possessive(before[0]) or right is None:
        return True  # "week's and" never parses; nor does "the rounded and."
    if right in _FINITE_AUX and subject_opens_clause(before):
        return True  # "or the logical stream end was detected": no verb for "and" to join to
    if _noun_like(before[0]) and before[0] not in _NUMBER_WORDS:
        # the phrase may be complete before "end" ("this experience end to encourage"):
        # "and" may join it to another noun or what follows; left to the bigrams
        return False
    if right in _AFTER_NOUN_PHRASE:
        return True  # "the rounded end for", "one end so"
    if right in _DETERMINERS or right in _NO_HEADS:
        return False  # "the first and the last": left to the bigrams
    found = readings(right)
    if not found or "ADJ" in found:
        return False  # an adjective, a name or an unknown word: "the free end fair vote"
    return bool(found & {"NOUN", "VERB", "AUX"})  # a compound ("more end clamps") or a verb


def subject_opens_clause(before: list) -> bool:
    """True when the noun phrase that `before` (the words before its last word, nearest first,
    up to NOUN_PHRASE_WINDOW + 1) opens stands at the start of its clause: nothing before
    its determiner, number or possessive in the clause, or a conjunction or subordinator.

    >>> subject_opens_clause(["stream", "logical", "the", "or"]), subject_opens_clause(["stream", "the"])
    (True, True)
    >>> subject_opens_clause(["stream", "the", "closed"]), subject_opens_clause(["stream", "the", "in"])
    (False, False)
    """
    for i, w in enumerate(before[:NOUN_PHRASE_WINDOW]):
        if w in _PHRASE_OPENERS or _possessive(w):
            return i + 1 == len(before) or before[i + 1] in _CLAUSE_OPENERS
        if w in _NO_HEADS or not _modifier_in_phrase(w):
            return False
    return False


# Words after which "end" is the verb of a plural subject: a preposition or particle it
# takes ("lines end with", "files end in", "we end up"), or the time it ends at ("streams
# end after", "talks end before"); an adverb is read from lemminflect.
_AFTER_VERB_END = frozenset({"in", "with", "up", "on", "at", "by", "after", "before"})
# Words that open a plural subject: the determiners that take a plural, and quantifiers ("all lines").
_SUBJECT_DETERMINERS = ((_DETERMINERS - {"a", "an", "this", "that", "each", "every"})
                        | {"all", "both", "many", "most", "several"})


def plural_subject_verb(before: list, right) -> bool:
    """True when "end" follows a plural subject that opens its clause and is followed by a
    preposition or an adverb it takes: "check that numbers end properly", "files whose names
    end in", "so they end up". "and" would join the subject to a preposition ("that numbers
    and properly"); in "in files and in folders" the noun follows a preposition, not a
    clause's start, and this does not hold.

    >>> plural_subject_verb(["numbers", "that", "check"], "properly"), plural_subject_verb(["names", "whose"], "in")
    (True, True)
    >>> plural_subject_verb(["lines", "all", "that"], "with"), plural_subject_verb(["files", "css", "that"], "in")
    (True, True)
    >>> plural_subject_verb(["names", "folder", "the", "all", "that"], "with")
    True
    >>> plural_subject_verb(["streams", "http2", "let"], "after"), plural_subject_verb(["talks", "the", "made"], "before")
    (True, True)
    >>> plural_subject_verb(["files", "in", "search"], "in"), plural_subject_verb(["numbers", "that"], "the")
    (False, False)
    >>> plural_subject_verb(["file", "that"], "in"), plural_subject_verb(["lines", "the", "of"], "with")
    (False, False)
    """
    if not before or not _is_plural_noun(before[0]):
        return False
    if right not in _AFTER_VERB_END and readings(right or "") != {"ADV"}:
        return False
    rest = before[1:]
    for i, w in enumerate(rest[:NOUN_PHRASE_WINDOW]):
        if w in _CLAUSE_OPENERS or w == "whose" or lets_object_act(w):
            return True
        if w in _SUBJECT_DETERMINERS or _possessive(w):
            before_it = rest[i + 1:i + 3]
            if before_it[:1] in (["all"], ["both"]):  # "that all the names"
                before_it = before_it[1:]
            return not before_it or before_it[0] in _CLAUSE_OPENERS or lets_object_act(before_it[0])
        if readings(w) and not _modifier_in_phrase(w):
            return False  # an unknown word ("css") may be a modifier: a name or a term
    return len(rest) < NOUN_PHRASE_WINDOW  # the subject opens the clause


# Verbs whose object is the subject of a bare infinitive after it ("let the streams end",
# "made prices fall"); not "have", "go", "come" or "need", whose object is seldom so.
_CAUSATIVE = frozenset({"let", "make", "help", "see", "watch", "hear"})


def lets_object_act(word) -> bool:
    """True for a form of a verb of _CAUSATIVE: a plural noun after it (its object) is the
    subject of the bare verb that follows ("let http2 streams end after").

    >>> lets_object_act("let"), lets_object_act("made"), lets_object_act("had"), lets_object_act(None)
    (True, True, False, False)
    """
    return word is not None and not _CAUSATIVE.isdisjoint(_base_forms(word))


# Words after a verb's object that never open a verb phrase "and" could join to the verb.
_NO_VERB_CONJUNCT = _AFTER_NOUN_PHRASE | _AFTER_VERB_END | frozenset({"while", "until", "unless", "if", "because"})


def object_of_verb_before(before: list, right) -> bool:
    """True when "end" (after `before`, nearest first) is the object of the verb right
    before it and `right` (the next word, lower-case) cannot open a verb phrase: a
    preposition or subordinator, or a word that is only a noun ("handle end nodes").
    "and" there would join a verb to what no verb is coordinated with. A verb that is
    also a noun ("handle", "test") counts only where a verb must stand: first in its
    clause or after a word taking a base verb ("to handle end nodes"); "the file handle
    end nodes" is left to the bigrams, as is a verb before a verb ("install end configure").

    >>> object_of_verb_before(["emit", "not", "do"], "after"), object_of_verb_before(["calling", "pipeline"], "on")
    (True, True)
    >>> object_of_verb_before(["handle"], "nodes"), object_of_verb_before(["handle", "file", "the"], "nodes")
    (True, False)
    >>> object_of_verb_before(["install", "to"], "configure"), object_of_verb_before(["sharply", "fell"], "the")
    (False, False)
    """
    if not before or right is None:
        return False
    left, ahead = before[0], before[1] if len(before) > 1 else None
    if not object_of_verb(left, ahead):
        return False
    if "NOUN" in readings(left) and not (ahead is None or ahead in _BEFORE_BASE_VERB):
        return False
    return right in _NO_VERB_CONJUNCT or readings(right) == {"NOUN"}


def verb_after_joined_adverb(words: list) -> bool:
    """True when `words` (before "end", nearest first) are an adverb right after "and", "or"
    or "but" ("and quickly end a game"): "end" is the joined verb; a second "and" would
    join nothing.

    >>> verb_after_joined_adverb(["quickly", "and"]), verb_after_joined_adverb(["sharply", "fell"])
    (True, False)
    """
    return len(words) > 1 and words[1] in ("and", "or", "but") and readings(words[0]) == {"ADV"}


def object_of_verb(left, before) -> bool:
    """True when "them" stands where a verb's object does: right after a verb that is no
    auxiliary, modal or preposition ("understanding them", "notify them"), or after "and"
    joined to a whole pronoun ("us and them").

    >>> object_of_verb("notify", "will"), object_of_verb("understanding", None), object_of_verb("and", "us")
    (True, True, True)
    >>> object_of_verb("was", "it"), object_of_verb("and", "walked"), object_of_verb("back", "come")
    (False, False, False)
    >>> object_of_verb("court", "the"), object_of_verb("help", "to")
    (False, True)
    """
    if left is None:
        return False
    if left == "and":
        return before in _WHOLE_PRONOUNS or before in ("us", "we", "you")
    found = readings(left)
    if "VERB" not in found or "AUX" in found or left in _MODALS:
        return False
    if left.endswith("ing"):
        return True
    if found & {"ADV", "ADJ"}:
        return False  # "back then", "even then"
    # a word that is also a noun is a verb here unless a determiner opens it ("the court then ruled")
    return "NOUN" not in found or before not in _DETERMINERS


def verb_after_helper(words: list) -> bool:
    """True when "buy" (after `words`, nearest first) is a verb: after a modal with one adverb
    between ("could probably buy"), or after a bare-infinitive verb and its object pronoun
    ("helped them buy").

    >>> verb_after_helper(["probably", "could"]), verb_after_helper(["them", "helped"]), verb_after_helper(["them", "sold"])
    (True, True, False)
    """
    if len(words) < 2:
        return False
    if words[1] in _MODALS and readings(words[0]) == {"ADV"}:
        return True
    return words[0] in _WHOLE_PRONOUNS and takes_bare_infinitive(words[1])


def phrase_score(text: str, site, word: str, partner: str, score: float, threshold: float) -> tuple:
    """(log ratio, demoted): `score` of replacing `word` by `partner` at `site`, with a
    failed phrase test applied as `wider.with_wider` applies a word-class veto."""
    held = False
    if (word, partner) in (("end", "and"), ("form", "from")):
        # a hyphenated modifier is one word before "end" ("a USB-C end is"); before "form" the
        # window would reach back past a verb to a "that" ("that single-core scores increased form")
        back = words_before(text, site.tok.start, NOUN_PHRASE_WINDOW + 1, compounds=word == "end")
        named = site.after is not None and site.after.text[:1].isupper()  # "Founder's end Premiere Editions"
        held = ((not named and closes_noun_phrase(back, site.right)) or verb_after_joined_adverb(back)
                or plural_subject_verb(back, site.right)
                or (word == "end" and not named and object_of_verb_before(back, site.right)))
    elif (word, partner) == ("and", "end"):
        held = between_names(text, site)
    elif (word, partner) == ("them", "then"):
        back = words_before(text, site.tok.start, 2)
        held = bool(back) and back[0] == site.left and object_of_verb(site.left, back[1] if len(back) > 1 else None)
    elif (word, partner) == ("buy", "by"):
        held = verb_after_helper(words_before(text, site.tok.start, 2))
    return held_back(score, threshold) if held else (score, False)


def needs_phrase(word: str) -> bool:
    """True for a word a test here reads."""
    return word in ("end", "and", "them", "buy", "form")
