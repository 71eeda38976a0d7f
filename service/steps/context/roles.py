"""Roles for the `context` step: what the partner would need around it and does not find.

Each test reads the written word's place in its clause (word classes from
lemminflect, via `wordclass`) and asks whether the partner could fill it. The
bigrams weigh only how common each word is beside its neighbours; these tests
hold a change when the partner would leave the clause without a part it needs,
or when the written word fills its place as it stands:

  clause    "where" opens a clause with its own subject and verb: after "were"
            a bare noun phrase that ends the clause ("pieces of writing were his
            Christmas cards.") is that verb's complement, and "where" would leave
            it without a verb.
  particle  "off" after a word that is no verb and before no noun phrase has
            nothing to attach to ("before of after"): no verb takes it as a
            particle and no object follows it as a preposition.
  object    a transitive verb for a word that is no verb ("should by used only")
            needs an object: a participle after it followed by no noun ("used
            only") is a passive, not that object ("buy used cars" has one). An
            auxiliary partner takes that participle ("the teams where tied").
  modifier  a participle between a determiner and a noun ("the seen references",
            "the passed arguments") modifies that noun as written; a noun partner
            ("scene") would make a compound the bigrams only find commoner. Unless
            the noun's own bigram lifts the partner ("the passed years": "past
            years"), the change is held.
  head      a noun closing its phrase after a determiner, before punctuation ("its
            ace in the hole, as"), heads it as written; an adjective partner
            ("whole") would leave the determiner without its noun: the left
            bigram ("the whole") counts the partner before the nouns it modifies.
  coordinated  a preposition joined by "and" or "or" to another ("the from and to
            addresses", "to and from") is one of a pair of its class; a partner of
            another class ("form") would break the pair.
  verb      a contraction of a pronoun and "is" or "are" that is its clause's only
            finite verb ("Only it's old hat for them.") is that verb: its determiner
            partner would leave the clause without one. Not after a preposition,
            whose object a verbless phrase may be ("at it's best" -> "its").
  listed    a noun after a comma that closes a list of nouns ("begin, middle, end are",
            "than end, end not numeric") is the list's last item: a coordinator partner
            ("and") would leave the list without one when no noun phrase follows it.
  fronted   "too" after a phrase that opens its sentence with a preposition ("In this case
            too the tool is") closes that phrase; "to" would take the noun phrase after it
            as its object and leave the clause's finite verb without a subject.
  answered  a comparison that already has its "than" ("if x is shorter than y
            then that means") takes no second one: "then" answers the "if"; and
            "the same way than" compares with "as": "then" is no repair of it.

As `wider.wider_score`, a test that holds demotes a change to a suggestion
(`wider.with_wider`), and the document's prior must not raise it again.

>>> bare_phrase_ends(["his", "christmas", "cards"], True), bare_phrase_ends(["his", "cards", "were"], True)
(True, False)
"""
from __future__ import annotations

import re

from ...lexicon import fold_apostrophes
from .sides import lift
from .wider import COMPARISON_WINDOW, held_back
from .wordclass import (_DETERMINERS, _FINITE_AUX, _MODALS, _NO_HEADS, _NUMBER_WORDS, _PREPOSITIONS, finite_tags,
                        opens_noun_phrase, readings, words_after, words_before)


# Words read after a site for a role test: a noun phrase of up to this many words.
PHRASE_WORDS = 6

# Possessives and determiners that open a noun phrase (wordclass's determiners and "my",
# "our", "your", which it leaves to the pronouns).
_OPENERS = _DETERMINERS | _NUMBER_WORDS | frozenset({"my", "our", "your"})


def bare_phrase_ends(words: list, ends: bool) -> bool:
    """True when `words` are one noun phrase - a determiner or possessive, then modifiers and
    nouns, no word that is only a verb, no auxiliary - and `ends` says the clause ends right
    after them (punctuation or the text's end, not the end of the window read).

    >>> bare_phrase_ends(["the", "old", "files"], True), bare_phrase_ends(["the", "old", "files"], False)
    (True, False)
    >>> bare_phrase_ends(["the", "files", "are", "old"], True), bare_phrase_ends(["we", "lived"], True)
    (False, False)
    """
    if not ends or not words or words[0] not in _OPENERS:
        return False
    for w in words[1:]:
        if w in _FINITE_AUX or w in _NO_HEADS:
            return False
        found = readings(w)
        if found and not found & {"NOUN", "ADJ", "ADV"} and not w.endswith(("ed", "ing")):
            return False  # only a verb ("lived"): a clause of its own
    return True


def clause_ends_after(text: str, end: int, words: list) -> bool:
    """True when the clause ends right after `words`, read from `end` by `words_after`:
    clause punctuation or the text's end follows the last of them.

    >>> t = "were his cards, made by hand"
    >>> clause_ends_after(t, 4, ["his", "cards"]), clause_ends_after(t, 4, ["his"])
    (True, False)
    """
    span = text[end:end + 16 * len(words)].lower()  # words_after reads at most 15 characters a word
    pos = 0
    for w in words:
        pos = span.find(w, pos)
        if pos < 0:
            return False
        pos += len(w)
    rest = text[end + pos:end + pos + 3].lstrip(" \t")
    return not rest or rest[0] in ".,;:!?)\n"


def particle_without_verb(left, words: list) -> bool:
    """True when "off" after `left` has nothing to attach to: `left` (the word before) is no
    verb and no noun (an adverb or a preposition: "before", "after") and `words` (those after)
    open no noun phrase for it to take as a preposition.

    >>> particle_without_verb("before", ["after", "the", "end"]), particle_without_verb("turn", ["the", "light"])
    (True, False)
    >>> particle_without_verb("before", ["the", "end"]), particle_without_verb(None, ["after"])
    (False, False)
    """
    if left is None:
        return False
    found = readings(left)
    if not found or found & {"VERB", "NOUN", "AUX"}:
        return False
    return not words or (words[0] not in _OPENERS and "NOUN" not in readings(words[0]))


def _participle(word: str) -> bool:
    """A past participle lemminflect reads as a verb form other than the base: "used", "seen"."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word).get("VERB", ())
    return bool(lemmas) and word not in lemmas and not word.endswith(("ing", "s"))


def passive_not_object(words: list) -> bool:
    """True when `words` (those after a site) open with a participle that no noun follows
    in the clause ("used only if", "used."): a passive's participle, not a verb's object
    ("used cars").

    >>> passive_not_object(["used", "only", "if"]), passive_not_object(["used", "cars"])
    (True, False)
    >>> passive_not_object(["the", "used", "cars"]), passive_not_object([])
    (False, False)
    """
    if not words or not _participle(words[0]):
        return False
    return len(words) == 1 or "NOUN" not in readings(words[1]) and words[1] not in _OPENERS


def participle_modifies(left, word: str, right) -> bool:
    """True when `word` is a participle between a determiner (`left`) and a noun (`right`):
    it modifies that noun as written ("the seen references", "the chosen name").

    >>> participle_modifies("the", "seen", "references"), participle_modifies("the", "seen", "was")
    (True, False)
    >>> participle_modifies("a", "scene", "from"), participle_modifies(None, "seen", "files")
    (False, False)

    (Not before a number: "over the passed two years" is "past".)
    """
    if left not in _OPENERS or right is None or right in _NO_HEADS or right in _OPENERS:
        return False
    return _participle(word) and "NOUN" in readings(right) and "AUX" not in readings(right)


# The lift of the partner's bigram with the next word over the written word's at which that
# noun speaks for the partner ("past years" against "passed years").
NOUN_LIFT_RATIO = 2.0


def noun_lifts_partner(model, word: str, partner: str, right: str) -> bool:
    """True when `right`'s bigram with `partner` is NOUN_LIFT_RATIO times as far above chance
    as its bigram with `word` (`sides.lift`), or listed where `word`'s is not."""
    mine = lift(model, word, right)
    theirs = lift(model, partner, right)
    return theirs > 0 and theirs >= NOUN_LIFT_RATIO * mine


def comparison_answered(words: list, partner: str) -> bool:
    """True when `words` (those before a site, nearest first) hold a comparison that "than"
    cannot complete there: one that has its "than" already (for "then" -> "than"), or
    "same", which "as" completes (for "than" -> "then").

    >>> comparison_answered(["y", "than", "shorter", "is", "x", "if"], "than"), comparison_answered(["more"], "than")
    (True, False)
    >>> comparison_answered(["way", "same", "the"], "then"), comparison_answered(["way", "other"], "then")
    (True, False)
    """
    return "than" in words if partner == "than" else "same" in words[:3]


# Prepositions that pair with another by "and" or "or": wordclass's, "to" and the particles' twins.
_PAIRED = _PREPOSITIONS | frozenset({"to", "onto", "out", "off", "over", "under", "up", "down", "through"})
_COORDINATORS = frozenset({"and", "or"})


def paired_preposition(before: list, after: list) -> bool:
    """True when a preposition is joined by "and" or "or" to another: `after` (the words after
    it) open with the conjunction and a preposition, or `before` (nearest first) end with them.

    >>> paired_preposition(["the"], ["and", "to", "addresses"]), paired_preposition(["and", "to"], ["the"])
    (True, True)
    >>> paired_preposition(["the"], ["and", "the"]), paired_preposition([], ["or"])
    (False, False)
    """
    return ((len(after) > 1 and after[0] in _COORDINATORS and after[1] in _PAIRED)
            or (len(before) > 1 and before[0] in _COORDINATORS and before[1] in _PAIRED))


# The item before a site's comma, and the one before that when it follows a comma too.
_LIST_ITEMS = re.compile(r"(?:(,)\s*)?([A-Za-z]+)\s*,\s*$")


def list_item_closes(before: str, word: str, right) -> bool:
    """True when `word`, a noun read after a comma, is the last item of a list of nouns and
    what follows (`right`, the next word) cannot be one: `before` (the text up to the
    word) ends in a noun and a comma, and that noun follows a comma too ("begin, middle,
    end are") or is `word` itself ("less than end, end not numeric"). A coordinator for
    `word` ("begin, middle, and are") would close the list with no last item: the
    conjunction needs a noun phrase after it, not a verb or an adverb.

    >>> list_item_closes("begin, middle, ", "end", "are"), list_item_closes("less than end, ", "end", "not")
    (True, True)
    >>> list_item_closes("apples, pears, ", "end", "oranges"), list_item_closes("Shares fell, ", "end", "are")
    (False, False)
    """
    m = _LIST_ITEMS.search(before[-60:])
    if m is None or right is None or "NOUN" not in readings(word):
        return False
    item = m.group(2).lower()
    if "NOUN" not in readings(item) or not (m.group(1) or item == word):
        return False
    after = readings(right)
    return bool(after) and not opens_noun_phrase(right) and not after & {"ADJ", "NUM", "PRON"}


# A sentence that opens with a preposition and one or two more words, up to a site.
_FRONTED = re.compile(r"(?:^|[.!?;:\n])\s*([A-Za-z]+)((?:[ \t]+[A-Za-z]+){1,2})[ \t]+$")
# The rest of a clause after a site.
_CLAUSE_REST = re.compile(r"[^.!?;:,\n]*")


def fronted_phrase_too(text: str, start: int, end: int) -> bool:
    """True when "too" at start..end closes a phrase that opens its sentence with a preposition
    (no verb in it) and a noun phrase follows it up to a finite verb: "In this case too the
    tool is a good one". As "to" the noun phrase would be its object and "is" would have no
    subject; "In addition too the costs, ..." (no verb in the clause) is left to the scorer.

    >>> t = "It fades. In this case too the second filter is a good choice."
    >>> fronted_phrase_too(t, t.index("too"), t.index("too") + 3)
    True
    >>> t = "In addition too the costs, the firm paid fines."
    >>> fronted_phrase_too(t, t.index("too"), t.index("too") + 3)
    False
    """
    head = text[max(0, start - 40):start]
    m = _FRONTED.search(head)
    if m is None or (m.start() == 0 and start - 40 > 0 and head[:1] not in ".!?;:\n"):
        return False
    if m.group(1).lower() not in _PREPOSITIONS:
        return False
    for w in m.group(2).split():
        found = readings(w.lower())
        if w.lower() not in _OPENERS and found and not found & {"NOUN", "ADJ"}:
            return False  # a verb: the phrase is a clause of its own
    rest = [w.lower() for w in re.findall(r"[A-Za-z]+", _CLAUSE_REST.match(text, end).group(0))][:8]
    return bool(rest) and rest[0] in _OPENERS and any(w in _FINITE_AUX for w in rest[1:])


def adjective_for_head(left, word: str, partner: str, ends: bool) -> bool:
    """True when `word`, a noun that is no adjective, heads the noun phrase `left` (a
    determiner or possessive) opens and the clause ends after it (`ends`), and `partner`
    is an adjective, which would need a noun after it there.

    >>> adjective_for_head("the", "hole", "whole", True), adjective_for_head("the", "hole", "whole", False)
    (True, False)
    >>> adjective_for_head("in", "hole", "whole", True), adjective_for_head("the", "whole", "hole", True)
    (False, False)
    """
    if not ends or left not in _OPENERS:
        return False
    found = readings(word)
    return "NOUN" in found and "ADJ" not in found and "ADJ" in readings(partner)


def verb_for_verb(model, left, word: str, partner: str, right, named: bool) -> bool:
    """True when `word` and `partner` are both verbs (no auxiliary) after a modal or "to",
    which takes either, and their object is a name (`right`, capitalised in the text:
    `named`) that has a listed bigram with neither: the change then rests on the left
    bigram alone, which counts only how often each verb follows a modal ("will find" is
    common), not which one this object goes with ("the league will fine Smith for ...").
    A common object is read by the scorer ("could effect thousands" -> affect), and so is a
    listed right side.

    >>> from service.steps.context.model import BigramModel
    >>> m = BigramModel({"will": 100, "find": 50, "fine": 50, "smith": 30, "a": 90},
    ...                 {"will find": 20, "find smith": 5}, 10**4, scale=1.0, floor=1)
    >>> verb_for_verb(m, "will", "fine", "find", "jones", True), verb_for_verb(m, "will", "fine", "find", "smith", True)
    (True, False)
    >>> verb_for_verb(m, "the", "fine", "find", "jones", True), verb_for_verb(m, "will", "fine", "find", "jones", False)
    (False, False)
    """
    if not named or right is None or (left not in _MODALS and left != "to"):
        return False
    found, theirs = readings(word), readings(partner)
    if "VERB" not in found or "VERB" not in theirs or (found | theirs) & {"AUX"}:
        return False
    return not lift(model, word, right) and not lift(model, partner, right)


# A pronoun's contraction with "is" or "are" and the determiner it is confused with.
_CONTRACTED_VERBS = frozenset({("it's", "its"), ("they're", "their"), ("you're", "your")})
# Words read either side for the clause's other verbs: a clause longer than this is not judged.
CLAUSE_WORDS = 12
# Words before which a verbless phrase is a preposition's object: "at its best", "for its size".
_OBJECT_TAKERS = _PREPOSITIONS | frozenset({"to", "at", "under", "over", "through", "like", "near", "than"})


def only_finite_verb(text: str, start: int, end: int) -> bool:
    """True when the word between `start` and `end` (a pronoun's contraction) is the only word
    of its clause that may be a finite verb: no auxiliary, modal or finite verb form before it
    (back to the clause's opening punctuation) or after it (up to its closing punctuation), and
    no preposition right before it. Lemminflect gives many nouns a verb reading ("price",
    "point"), so only clauses without any such word are read as verbless.

    >>> t = "In this case, I can indeed! Only it's old hat for them. The magazine"
    >>> only_finite_verb(t, 33, 37)
    True
    >>> t = "Sony has made it's way up the ladder."
    >>> only_finite_verb(t, 14, 18)
    False
    >>> t = "Nature at it's best."
    >>> only_finite_verb(t, 10, 14)
    False
    """
    before = words_before(text, start, CLAUSE_WORDS)
    after = words_after(text, end, CLAUSE_WORDS)
    if len(before) >= CLAUSE_WORDS or len(after) >= CLAUSE_WORDS or not clause_ends_after(text, end, after):
        return False
    if before and before[0] in _OBJECT_TAKERS:
        return False
    return not any(w in _FINITE_AUX or w in _MODALS or finite_tags(w) for w in before + after)


def role_score(model, text: str, site, word: str, partner: str, score: float, threshold: float) -> tuple:
    """(log ratio, demoted): `score` of replacing `word` by `partner` at `site`, with a
    failed role test applied as `wider.with_wider` applies a word-class veto."""
    held = False
    if (word, partner) in (("then", "than"), ("than", "then")):
        held = comparison_answered(words_before(text, site.tok.start, COMPARISON_WINDOW), partner)
    elif (word, partner) == ("were", "where"):
        after = words_after(text, site.tok.end, PHRASE_WORDS)
        held = bare_phrase_ends(after, clause_ends_after(text, site.tok.end, after))
    elif (word, partner) == ("of", "off"):
        held = particle_without_verb(site.left, words_after(text, site.tok.end, 2))
    elif (fold_apostrophes(word), fold_apostrophes(partner)) in _CONTRACTED_VERBS:
        held = only_finite_verb(text, site.tok.start, site.tok.end)
    elif "VERB" in readings(partner) and not (readings(partner) | readings(word)) & {"AUX"} \
            and "VERB" not in readings(word):
        held = passive_not_object(words_after(text, site.tok.end, 2))
    if not held:
        held = verb_for_verb(model, site.left, word, partner, site.right,
                             site.after is not None and site.after.text[:1].isupper())
    if not held and word in _PAIRED and partner not in _PAIRED:
        held = paired_preposition(words_before(text, site.tok.start, 2), words_after(text, site.tok.end, 2))
    if not held and partner in _COORDINATORS and site.left is None:
        held = list_item_closes(text[:site.tok.start], word, site.right)
    if not held and (word, partner) == ("too", "to"):
        held = fronted_phrase_too(text, site.tok.start, site.tok.end)
    if not held and site.right is None:
        held = adjective_for_head(site.left, word, partner, clause_ends_after(text, site.tok.end, []))
    if not held and "NOUN" in readings(partner) and "NOUN" not in readings(word):
        held = participle_modifies(site.left, word, site.right) and not noun_lifts_partner(
            model, word, partner, site.right)
    return held_back(score, threshold) if held else (score, False)
