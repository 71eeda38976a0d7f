"""Agreement of a typo's two readings that are one word in two forms ("byte"/"bytes",
"check"/"checks") with the word before them.

The channel gives such a pair nearly the same evidence (a letter added to one, two letters
swapped in the other), so the commoner form wins on its frequency alone, right or wrong:
"the 95 bytee still reachable" read as "byte", "This API checs if" as "check". The word
before often says which form the sentence takes: a determiner or a count of one number
before a noun ("every", "various", "95"), a subject pronoun or a modal before a verb
("it", "they", "can"), a singular noun before a verb that opens its object ("line showw
how"). A form that can agree with it in none of its readings is AGREEMENT_FACTOR less
likely; when both forms can (or neither can: no reading lemminflect knows), nothing moves.
Nor does it when the bigram list has a word on the pair the form makes with the word
before ("a systems": its lift is already that evidence, from counts): the cue speaks
where the list is silent (a count in digits, a rare noun, a bigram under its cut-off).

The typo's own letters are a cue too, before any word: when one form is read as the other
with a letter added and that letter is the other form's ending ("speesd": "speed" with an
"s" added, "speeds" with its last two letters swapped; "proceses": "process" with an "e"
added, "processes" with a double letter typed once), the typo holds the ending the longer
form writes, and the reading that adds it by chance is SPELT_FACTOR less likely.

Only the pair of forms is re-weighed against each other: the other readings, keeping the
word among them, keep their scores, so the correction's share can only rise when the form
that disagrees stood second.

>>> from service.steps.spelling.rank import Hypothesis
>>> hyps = [Hypothesis("byte", "edit", -1.0), Hypothesis("bytes", "edit", -1.3), Hypothesis("", "keep", -5.0)]
>>> silent = lambda form: True
>>> [h.replacement for h in agree(hyps, "the", "still", "95", silent)]
['bytes', 'byte', '']
>>> [h.replacement for h in agree(hyps, "the", "still", "", silent)]
['byte', 'bytes', '']
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import lru_cache

from ...lexicon import zipf
from .channel import classify_edit
from .rank import best_first, posterior_share
from ..context.wordclass import _MODALS, _SUBJECT_PRONOUNS, NAME_MAX_ZIPF

# How much less likely a form is that no reading of agrees with the word before it: the
# scale of the context step's grammar evidence (context.posclass.MAX_FACTOR), for it is
# read off one word too.
AGREEMENT_FACTOR = 30.0

# How much less likely the form is whose reading adds, by chance, the letter of the other
# form's ending (`spelt_form`): a tie the prior alone decides (the singular is commoner) and
# no word before it settles moves; a listed bigram's lift (100 at most) still outweighs it.
SPELT_FACTOR = 30.0

# The forms a preceding word takes (Penn tags: NN a singular noun, NNS a plural one, VB the
# plain verb, VBZ its -s form). A word that is a pronoun as well as a determiner takes a
# verb too: "this checks", "many use". "that", "all", "the" and "to" take every form.
_TAKES = {}
for _words, _tags in (
        ("a an every", {"NN"}),
        ("this each one another either neither", {"NN", "VBZ"}),
        ("various multiple numerous", {"NNS"}),
        ("these those many several few both two three four five six seven eight nine ten", {"NNS", "VB"}),
        ("he she it", {"VBZ"}),
        (" ".join(sorted(_SUBJECT_PRONOUNS)), {"VB"}),  # i we you they: the context step's class
        (" ".join(sorted(_MODALS)), {"VB"})):  # can, could, will ... must: the context step's class
    _TAKES.update(dict.fromkeys(_words.split(), frozenset(_tags)))
# A count in digits before a noun ("95 bytes"), when it stands after a common word or
# opens the clause: after a name it is the name's number ("Node.js 18 release",
# "version 2 format").
_COUNT = re.compile(r"(?:^|[\s(])(\d[\d,]*(?:\.\d+)?)[ \t]+$")
COUNT_AFTER_ZIPF = 5.5
# Words that open a verb's object or clause: after "noun + form" they make the form a verb
# ("the line shows how", "this API checks if"), not the head of a compound ("API check").
_OPENS_OBJECT = frozenset("a an the if how whether what which when where why its their his her our your my "
                          "this these those that any some no".split())
# Words that are no noun a verb could agree with, though lemminflect lists some as nouns.
_NO_SUBJECT = frozenset(_TAKES) | _OPENS_OBJECT | frozenset(
    "and or but not of in on at by for from with to as than so then there here who whom".split())


def other_form(word: str, forms) -> str | None:
    """The other number or person of a regular noun or verb among `forms`, or None.

    >>> other_form("speed", {"speeds"}), other_form("processes", {"process"}), other_form("copy", {"copies"})
    ('speeds', 'process', 'copies')
    """
    for other in (word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else ""):
        if other in forms:
            return other
    for stem in (word[:-1], word[:-2]) if word.endswith("s") else ():
        if stem in forms and other_form(stem, {word}) == word:
            return stem
    return None


@lru_cache(maxsize=20_000)
def form_tags(base: str, inflected: str) -> tuple:
    """(tags of `base`, tags of `inflected`): NN and VB for the base form of a noun and a
    verb, NNS and VBZ for their -s forms (lemminflect's readings).

    >>> [sorted(tags) for tags in form_tags("check", "checks") + form_tags("byte", "bytes")]
    [['NN', 'VB'], ['NNS', 'VBZ'], ['NN'], ['NNS']]
    """
    from lemminflect import getAllLemmas

    own, other = getAllLemmas(base), getAllLemmas(inflected)
    return (frozenset(t for t, pos in (("NN", "NOUN"), ("VB", "VERB")) if base in own.get(pos, ())),
            frozenset(t for t, pos in (("NNS", "NOUN"), ("VBZ", "VERB")) if base in other.get(pos, ())))


@lru_cache(maxsize=20_000)
def _singular_noun(word: str) -> bool:
    """A singular noun that may be a verb's subject, or a rare word lemminflect lacks (a name,
    an acronym: "API", "SimPoint"; the context step's wordclass.NAME_MAX_ZIPF)."""
    from lemminflect import getAllLemmas

    if word in _NO_SUBJECT or not word.isalpha():
        return False
    lemmas = getAllLemmas(word)
    if not lemmas:
        return zipf(word) < NAME_MAX_ZIPF
    return word in lemmas.get("NOUN", ())


def takes(left: str, right: str, count: str) -> frozenset | None:
    """The forms the word before accepts (see _TAKES), or None when it says nothing."""
    if count:
        return frozenset({"NN"}) if count == "1" else frozenset({"NNS"})
    found = _TAKES.get(left)
    if found is None and right in _OPENS_OBJECT and _singular_noun(left):
        return frozenset({"VBZ"})
    return found


def count_before(text: str, start: int) -> str:
    """The count in digits just before `start` ("95" in "of the 95 bytee"), or ""; see _COUNT.

    >>> count_before("of the 95 bytee", 10), count_before("Node 18 relase", 8)
    ('95', '')
    """
    m = _COUNT.search(text, max(0, start - 24), start)
    if m is None:
        return ""
    before = text[max(0, m.start(1) - 40):m.start(1)].split()
    word = before[-1].lower() if before else ""
    if before and not (word.isalpha() and zipf(word) >= COUNT_AFTER_ZIPF):
        return ""
    return m.group(1).replace(",", "")


def spelt_form(token: str, base: str, inflected: str) -> bool:
    """True when `token` is `base` with a letter added that is a letter of `inflected`'s
    ending, and `inflected` with two letters swapped or a double letter typed once: the
    typo holds that ending ("guesss" holds no "e" of "guesses"; "thse" is no form of "the").

    >>> [spelt_form(t, b, i) for t, b, i in (("speesd", "speed", "speeds"), ("proceses", "process", "processes"),
    ...  ("requesst", "request", "requests"), ("bytee", "byte", "bytes"), ("checs", "check", "checks"),
    ...  ("guesss", "guess", "guesses"), ("thse", "the", "thes"))]
    [True, True, True, False, False, False, False]
    """
    if classify_edit(token, base) not in ("ins", "ins_adjacent", "ins_double") or len(token) > len(inflected):
        return False
    if classify_edit(token, inflected) not in ("swap", "del_double") or not all(form_tags(base, inflected)):
        return False  # it keeps every letter of `inflected` (save one of a double), a noun's or verb's form
    added = next((i for i, (a, b) in enumerate(zip(token, base)) if a != b), len(base))
    return token[added] in inflected[len(base):]


def no_surer(before: list, after: list) -> list:
    """`after` (best first) with its keep reading raised so that its best reading takes no
    larger share of the posterior than the best of `before` took: the typo's letters choose
    between two forms, they are no evidence that the token is a typo (a rare word whose two
    readings were close, neither sure enough to fire, stays unedited).

    >>> from service.steps.spelling.rank import Hypothesis
    >>> before = [Hypothesis("speed", "edit", -1.0), Hypothesis("speeds", "edit", -1.2), Hypothesis("", "keep", -3.0)]
    >>> after = [before[1], Hypothesis("speed", "edit", -4.4), before[2]]
    >>> share = lambda hyps: math.exp(hyps[0].score) / sum(math.exp(h.score) for h in hyps)
    >>> round(share(before), 3), round(share(after), 3), round(share(no_surer(before, after)), 3)
    (0.512, 0.829, 0.512)
    """
    was, now = posterior_share(before), posterior_share(after)
    if now <= was or after[0].kind == "keep":
        return after
    keep = next(h for h in after if h.kind == "keep")
    # raise keep's mass (relative to the best) by what the share's rise took from the total
    extra = 1.0 / was - 1.0 / now
    raised = math.log(math.exp(keep.score - after[0].score) + extra) + after[0].score
    return best_first(replace(h, score=raised) if h is keep else h for h in after)


def agree(hyps: list, left: str, right: str, count: str, silent, token: str = "") -> list:
    """`hyps` (rank.Hypothesis, best first) with the form of a pair that disagrees with the
    word before made AGREEMENT_FACTOR less likely, best first again; `silent(form)`: the
    bigram list says nothing of the word before and that form. Before that, with the typo
    `token`, the shorter form of a pair whose ending the typo holds (`spelt_form`) is made
    SPELT_FACTOR less likely, the best reading no surer than before (`no_surer`).

    >>> from service.steps.spelling.rank import Hypothesis
    >>> hyps = [Hypothesis("speed", "edit", -1.0), Hypothesis("speeds", "edit", -1.5), Hypothesis("", "keep", -5.0)]
    >>> [h.replacement for h in agree(hyps, "fan", "and", "", lambda form: True, "speesd")]
    ['speeds', '', 'speed']
    """
    edits = {h.replacement for h in hyps if h.kind == "edit"}
    spelt = {word for word in edits if token and (other := other_form(word, edits)) is not None
             and len(other) > len(word) and spelt_form(token, word, other)}
    if spelt:
        penalty = math.log(SPELT_FACTOR)
        hyps = no_surer(hyps, best_first(replace(h, score=h.score - penalty) if h.kind == "edit"
                                         and h.replacement in spelt else h for h in hyps))
    accepted = takes(left, right, count)
    if accepted is None:
        return hyps
    down = set()
    for word in edits:
        other = other_form(word, edits)
        if other is None or len(other) < len(word):
            continue
        base_tags, inflected_tags = form_tags(word, other)
        fits_base, fits_inflected = bool(base_tags & accepted), bool(inflected_tags & accepted)
        wrong = other if fits_base else word
        if fits_base != fits_inflected and silent(wrong):
            down.add(wrong)
    if not down:
        return hyps
    penalty = math.log(AGREEMENT_FACTOR)
    out = [replace(h, score=h.score - penalty) if h.kind == "edit" and h.replacement in down else h for h in hyps]
    return best_first(out)
