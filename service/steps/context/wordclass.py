"""Word classes for the `context` step's grammar tests: lemminflect's readings of a word,
its verb forms and agreement, closed-class words, and the words around a site.

`wider`, `clauses`, `support` and `phrases` read a neighbour through these: what parts of
speech it may be (`readings`), which finite forms it is (`finite_tags`), whether a subject
agrees with a verb (`subject_agrees`), and the words of the clause before and after a site.

>>> readings("badly"), readings("gathered")
(frozenset({'ADV'}), frozenset({'VERB'}))
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import zipf

# Words read back from a site by default (a particle's verb, a clause's subject).
CLAUSE_WINDOW = 4
# Determiners and the like before which a verb reading of the scored word is complete.
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her",
                          "our", "your", "my", "some", "any", "each", "every", "no"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "they", "you"})
_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                           "both", "either", "each", "every", "which", "whichever", "the", "a", "an"})
# Prepositions that take a noun phrase: "with end grain", "for end users".
_PREPOSITIONS = frozenset({"of", "in", "for", "with", "at", "by", "from", "on", "into", "about", "without"})
_CLAUSE_BREAK = re.compile(r"[.!?;:,()\"“”\[\]]|\n\s*\n")
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

def load_lemmas() -> None:
    """Load lemminflect's tables (about 0.2 s) before gunicorn forks, not on a first request."""
    readings("took"), verb_forms("took")


@lru_cache(maxsize=50_000)
def readings(word: str | None) -> frozenset:
    """The parts of speech lemminflect's lookup gives a lower-case word (empty when unknown,
    and for None: a site's neighbour that is no word, such as a number or a symbol).

    >>> sorted(readings("clamps")), readings("quickly"), readings(None)
    (['NOUN', 'VERB'], frozenset({'ADV'}), frozenset())
    """
    if not word:
        return frozenset()  # lemminflect raises on None
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word))


@lru_cache(maxsize=50_000)
def verb_forms(word: str) -> tuple:
    """Every inflection of each verb lemma of `word` (empty when it is no verb).

    >>> sorted(verb_forms("took"))
    ['take', 'taken', 'takes', 'taking', 'took']
    """
    from lemminflect import getAllInflections, getAllLemmas

    forms = set()
    for lemma in getAllLemmas(word).get("VERB", ()):
        forms.add(lemma)
        for inflected in getAllInflections(lemma, upos="VERB").values():
            forms.update(inflected)
    return tuple(sorted(forms))


# A closed aside in brackets, on one line ("venture (and even growth) investing").
_ASIDE = re.compile(r"\([^()\n]*\)")


# A word with its hyphenated parts ("USB-C", "well-known"): one modifier, read by `words_before`
# with `compounds` as `words_after` reads it.
_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z0-9]+)*(?:['’][A-Za-z]+)?")


def words_before(text: str, start: int, n: int = CLAUSE_WINDOW, asides: bool = False,
                 compounds: bool = False) -> list:
    """Up to `n` lower-case words before `start` in the same clause, nearest first; with
    `asides`, a closed aside in brackets is read past, not taken for the clause's edge;
    with `compounds`, a hyphenated compound is one word ("a USB-C end": ["usb-c", "a"]).

    >>> words_before("Well, knock thousands off the price", 22)
    ['thousands', 'knock']
    >>> t = "more people (and firms) join"
    >>> words_before(t, 24), words_before(t, 24, asides=True)
    ([], ['people', 'more'])
    >>> words_before("with a USB-C end", 12), words_before("with a USB-C end", 12, compounds=True)
    (['c', 'usb', 'a', 'with'], ['usb-c', 'a', 'with'])
    """
    head = text[max(0, start - 12 * n):start]
    if asides:
        head = _ASIDE.sub(" ", head)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(head)]
    if breaks:
        head = head[breaks[-1]:]
    return [w.lower() for w in (_COMPOUND if compounds else _WORD).findall(head)][::-1][:n]


@lru_cache(maxsize=20_000)
def _is_plural_noun(word: str) -> bool:
    """A noun whose lemma differs from it ("containers"), or a subject pronoun (kept per word:
    lemminflect's lookup copies its tables' entries)."""
    if word in _SUBJECT_PRONOUNS:
        return True
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word).get("NOUN", ())
    return bool(lemmas) and word not in lemmas

@lru_cache(maxsize=20_000)
def _base_forms(word: str) -> frozenset:
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(word).get("VERB", ()))

# Words after which a verb stands in its base form: "will end", "to end", "cannot end".
_BEFORE_BASE_VERB = frozenset({"will", "would", "can", "cannot", "could", "may", "might", "must", "shall",
                               "should", "to", "did", "does", "do", "not", "ll"})

# Pronouns that stand as a clause's subject, by the verb forms they agree with (Penn tags
# of lemminflect: VBP/VB the plain present, VBZ the -s form; a past form VBD agrees with
# every subject). A relative pronoun's antecedent is not read: it agrees with any form.
_SUBJECTS = {"i": {"VBP", "VB"}, "we": {"VBP", "VB"}, "you": {"VBP", "VB"}, "they": {"VBP", "VB"},
             "he": {"VBZ"}, "she": {"VBZ"}, "it": {"VBZ"}, "itself": {"VBZ"}, "himself": {"VBZ"},
             "herself": {"VBZ"}, "themselves": {"VBP", "VB"},
             "which": {"VBP", "VB", "VBZ"}, "who": {"VBP", "VB", "VBZ"}, "that": {"VBP", "VB", "VBZ"}}
_FINITE_TAGS = frozenset({"VBD", "VBP", "VB", "VBZ"})
# Auxiliaries and modals that are a finite verb wherever they stand ("where running water is").
_FINITE_AUX = frozenset({"is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "can", "could",
                         "may", "might", "must", "will", "would", "should", "shall"})
# The personal ones (no relative pronoun: its clause is read from its antecedent).
_PERSONAL_SUBJECTS = frozenset(_SUBJECTS) - {"which", "who", "that"}
# Conjunctions that open a clause of their own ("even if it threw", "once they form"): the
# personal pronoun after one is that clause's subject, and the clause needs its verb.
_SUBORDINATORS = frozenset({"if", "when", "whenever", "because", "unless", "although", "though", "once",
                            "until", "whether"})


@lru_cache(maxsize=20_000)
def finite_tags(word: str) -> frozenset:
    """The finite verb forms (Penn tags VBD, VBP, VB, VBZ) `word` is of some verb lemma.

    >>> sorted(finite_tags("threw")), sorted(finite_tags("form")), finite_tags("petrol")
    (['VBD'], ['VB', 'VBP'], frozenset())
    """
    from lemminflect import getAllInflections, getAllLemmas

    tags = set()
    for lemma in getAllLemmas(word).get("VERB", ()):
        for tag, forms in getAllInflections(lemma, upos="VERB").items():
            if tag in _FINITE_TAGS and word in forms:
                tags.add(tag)
    return frozenset(tags)


def subject_agrees(subject, tags: frozenset, before=None) -> bool:
    """True when `subject` can be the subject of a verb form with one of `tags`: a subject
    pronoun that agrees, or a noun (plural for the plain present, singular for the -s form,
    any for the past) that no "to" or modal before it makes a verb ("to break threw").

    >>> subject_agrees("containers", frozenset({"VBP"})), subject_agrees("container", frozenset({"VBP"}))
    (True, False)
    >>> subject_agrees("people", frozenset({"VBD"})), subject_agrees("break", frozenset({"VBD"}), "to")
    (True, False)
    """
    if subject is None or not tags:
        return False
    if subject in _SUBJECTS:
        return bool(tags & (_SUBJECTS[subject] | {"VBD"}))
    if subject in _NO_HEADS or "NOUN" not in readings(subject) or before in _BEFORE_BASE_VERB:
        return False
    if "VBD" in tags:
        return True
    plural = _is_plural_noun(subject)
    return bool(tags & {"VBP", "VB"}) if plural else "VBZ" in tags


def opens_noun_phrase(word) -> bool:
    """True for a word that can begin a verb's object: a determiner, a number word or a noun
    (not an -ing form, which a preposition takes as often: "through working").

    >>> opens_noun_phrase("the"), opens_noun_phrase("one"), opens_noun_phrase("bottles"), opens_noun_phrase("around")
    (True, True, True, False)
    """
    if word is None:
        return False
    if word in _DETERMINERS or word in _NUMBER_WORDS:
        return True
    return "NOUN" in readings(word) and word not in _NO_HEADS and not word.endswith("ing")


_WORD_AFTER = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\S")


def words_after(text: str, end: int, n: int = 4, commas: bool = False) -> list:
    """Up to `n` lower-case words after `end` in the same clause (hyphenated compounds whole);
    with `commas`, a comma is read on as a token of its own (a list of modifiers).

    >>> words_after("its no-logs policy, and more", 3), words_after("its light, tough frame.", 3, commas=True)
    (['no-logs', 'policy'], ['light', ',', 'tough', 'frame'])
    """
    out = []
    for m in _WORD_AFTER.finditer(text, end, min(len(text), end + 15 * n)):
        w = m.group(0)
        if len(out) >= n or not (w[0].isalpha() or (commas and w == "," and out and out[-1] != ",")):
            break
        out.append(w.lower())
    return out


def _is_modifier(word: str) -> bool:
    """An adjective, an adverb, a participle or a hyphenated compound: "slightly", "in-depth"."""
    return "-" in word or word.endswith(("ing", "ed")) or bool(readings(word) & {"ADJ", "ADV"})

# Zipf frequency below which a word lemminflect does not know is read as a name or an
# acronym ("rpo" 2.3, "evs" 2.7), not a function word it leaves out ("for" 7.0, "via" 5.0).
NAME_MAX_ZIPF = 4.0


def _name_like(word: str, found: frozenset) -> bool:
    """A rare word lemminflect does not know: a name or an acronym, which may modify a noun
    ("their RPO team").

    >>> _name_like("rpo", readings("rpo")), _name_like("for", readings("for")), _name_like("team", readings("team"))
    (True, False, False)
    """
    return not found and word.isalpha() and zipf(word) < NAME_MAX_ZIPF

_PHRASE_STOPS = frozenset({"to", "as", "in", "not", "than", "out", "up", "on", "off", "over", "down"})
# Closed-class words that lemminflect also reads as nouns ("who", "you"): never a noun phrase's head.
_NO_HEADS = _DETERMINERS | _SUBJECT_PRONOUNS | frozenset(
    {"who", "whom", "what", "which", "where", "when", "why", "how", "it", "he", "she", "me", "him", "us",
     "them", "there", "here", "all", "none", "one", "both"})

# Modals after which a verb stands in its base form ("to" is left out: "to" + a non-verb
# is a preposition's object, "to here" is no error of this kind).
_MODALS = _BEFORE_BASE_VERB - {"to", "did", "does", "do", "not", "ll"}
