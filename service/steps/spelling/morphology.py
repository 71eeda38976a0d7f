"""Word formation for the `spelling` step: closed compounds ("manpage"),
regular derivations ("unresolve") and words made from a stem ("truthy").

A token built by English word formation from common words is a word the
dictionaries have not caught up with, not a slip: these tests keep it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicon import KNOWN_ZIPF, in_curated_lexicon

if TYPE_CHECKING:
    from .rank import Lexicon


def _shared_lexicon():
    """The Lexicon of the shared dictionaries (for doctests)."""
    from .rank import _test_dicts, lexicon_for
    return lexicon_for(_test_dicts())

# A closed compound ("manpage", "threadpool", "codebase") joins two common
# words of at least this many letters each (zipf MIN_COMPOUND_PART_ZIPF);
# identifiers often put one letter before a word ("mmap", "tlength", "umask").
MIN_COMPOUND_PART = 3
MIN_COMPOUND_PART_ZIPF = 3.0
MIN_LETTER_PREFIXED = 4


def is_compound(lex: Lexicon, word: str) -> bool:
    """True when `word` is two common dictionary words written together, or one
    letter before a common word: in technical text a term or an identifier
    ("manpage" = man + page, "tlength" = t + length), rarely a slip.

    >>> d = _shared_lexicon()
    >>> is_compound(d, "manpage"), is_compound(d, "threadpool"), is_compound(d, "tlength")
    (True, True, True)
    >>> is_compound(d, "machinary"), is_compound(d, "trasfer"), is_compound(d, "tmap")
    (False, False, False)
    """
    if len(word) > MIN_LETTER_PREFIXED and _common_part(lex, word[1:]):
        return True
    return joins_two_words(lex, word, MIN_COMPOUND_PART)


def joins_two_words(lex: Lexicon, word: str, min_part: int) -> bool:
    """True when `word` is two common dictionary words of `min_part` letters or more written together.

    >>> lex = _shared_lexicon()
    >>> joins_two_words(lex, "hardcode", 4), joins_two_words(lex, "foilage", 4), joins_two_words(lex, "foilage", 3)
    (True, False, True)
    """
    return two_word_split(lex, word, min_part) is not None


def two_word_split(lex: Lexicon, word: str, min_part: int, min_zipf: float = MIN_COMPOUND_PART_ZIPF,
                   skip: frozenset = frozenset()) -> tuple[str, str] | None:
    """The first split of `word` into two dictionary words of `min_part` letters or more, each
    of Zipf `min_zipf` or more and neither in `skip`; or None.

    >>> lex = _shared_lexicon()
    >>> two_word_split(lex, "hardcode", 4), two_word_split(lex, "hardcode", 4, 9.0)
    (('hard', 'code'), None)
    """
    for i in range(min_part, len(word) - min_part + 1):
        first, last = word[:i], word[i:]
        if _common_part(lex, first, min_zipf, skip) and _common_part(lex, last, min_zipf, skip):
            return first, last
    return None


def _common_part(lex: Lexicon, part: str, min_zipf: float = MIN_COMPOUND_PART_ZIPF,
                 skip: frozenset = frozenset()) -> bool:
    return part not in skip and lex.in_dictionary(part) and lex.zipf(part) >= min_zipf


# "re" before a short everyday verb ("readd", "repush" beside "rerun", "reuse"): technical
# writing makes such verbs freely, shorter than a derivation's rest (MIN_PREFIXED_REST, set
# so because a slip makes "rerain" of "retrain" by chance in any text). In technical text
# (suggest.py) the word's correction is then only suggested, at any share ("Readd the
# check" -> "Read" takes 0.95). The rest is a dictionary word of REDONE_REST letters, Zipf
# REDONE_ZIPF or more. Only "re": other prefixes before 3-4 letter words are a slip's
# chance as often ("prewent" of "present", "subjet" of "subject"; bench/NOTES.md, spell39).
REDONE_PREFIX = "re"
REDONE_REST = (3, 4)
REDONE_ZIPF = 3.8


def redoes_a_verb(lex: Lexicon, word: str) -> str | None:
    """The everyday word `word` puts REDONE_PREFIX before, or None.

    >>> d = _shared_lexicon()
    >>> redoes_a_verb(d, "readd"), redoes_a_verb(d, "repush"), redoes_a_verb(d, "recieve"), redoes_a_verb(d, "prewent")
    ('add', 'push', None, None)
    """
    rest = word[len(REDONE_PREFIX):]
    if word.startswith(REDONE_PREFIX) and len(rest) in REDONE_REST and lex.in_dictionary(rest) \
            and lex.zipf(rest) >= REDONE_ZIPF:
        return rest
    return None


# Regular English word formation: a known word with one of these affixes is a
# word the dictionaries have not caught up with ("unresolve", "subclassed").
PREFIXES = ("un", "re", "pre", "non", "sub", "over", "under", "mis", "dis", "anti", "multi",
            "inter", "super", "counter", "cyber", "micro", "mini", "semi", "post", "de", "co")
SUFFIXES = ("ed", "ing", "er", "ers", "able", "ness", "less")
# The stem of a derivation must be a common word (zipf) of at least 3 letters;
# after a prefix, of at least 5.
MIN_STEM_ZIPF = 2.5
MIN_PREFIXED_REST = 5


def is_derivation(lex: Lexicon, word: str) -> bool:
    """True when `word` is a common word plus a prefix or a suffix, spelt by the rules (cached per Lexicon).

    A stem ending in "e" drops it before "ed", "ing", "er" ("completeed" is
    no derivation); a doubled final consonant is allowed ("diffed", "stopped").

    >>> d = _shared_lexicon()
    >>> is_derivation(d, "unresolve"), is_derivation(d, "subclassed"), is_derivation(d, "completeed")
    (True, True, False)
    >>> is_derivation(d, "helpped"), is_derivation(d, "traped"), is_derivation(d, "stopped")
    (False, False, True)
    >>> is_derivation(d, "rerain"), is_derivation(d, "colies"), is_derivation(d, "operaing")
    (False, False, False)
    >>> is_derivation(d, "unmolding"), is_derivation(d, "caselessness"), is_derivation(d, "carelesnessness")
    (True, True, False)
    """
    cached = getattr(lex, "derivation", None)
    return cached(word) if cached is not None else _is_derivation(lex, word)


def _is_derivation(lex: Lexicon, word: str, stacked: bool = True) -> bool:
    """`stacked`: a consonant suffix may follow another derivation ("caseless" + "ness")."""
    for prefix in PREFIXES:
        rest = word[len(prefix):]
        # short rests collide with typos by chance: "rerain", "colies"
        if word.startswith(prefix) and len(rest) >= MIN_PREFIXED_REST and _common_stem(lex, rest):
            return True
    for suffix in SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[:-len(suffix)]
        if len(stem) < 3:
            continue
        vowel_suffix = suffix[0] in "aeiou"
        if vowel_suffix and stem.endswith("e"):
            continue  # "completeed": the e drops before a vowel
        if vowel_suffix and (_doubles_final(stem) or stem[-1] in "aiou"):
            continue  # "traped" (stem doubles: "trapped"); "operaing" (no verb ends so)
        if _common_stem(lex, stem) or (vowel_suffix and _common_stem(lex, stem + "e")):
            return True  # "diffed"; "upsampled" <- "upsample" + "d"
        if vowel_suffix and len(stem) > 3 and stem[-1] == stem[-2] and _ends_cvc(stem[:-1]) \
                and _common_stem(lex, stem[:-1]):
            return True  # doubled consonant: "stopped", "embedder"
        if stacked and not vowel_suffix and _is_derivation(lex, stem, stacked=False):
            return True  # "caselessness" <- "caseless" <- "case"
    return False


# Inflections read by `is_inflection`.
INFLECTIONS = ("s", "es", "ed", "ing")


def is_inflection(lex: Lexicon, word: str) -> bool:
    """True when `word` is a listed word with an -s, -es, -ed or -ing ending ("encodings").
    Looser than `is_derivation`: any stem a dictionary lists or wordfreq knows will do,
    since it only tells an English word from a foreign one, never vouches for a spelling.

    >>> d = _shared_lexicon()
    >>> is_inflection(d, "encodings"), is_inflection(d, "exquis")
    (True, False)
    """
    for ending in INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            if lex.in_dictionary(stem) or lex.zipf(stem) >= KNOWN_ZIPF or lex.in_dictionary(stem + "e"):
                return True
    return False


# Suffixes a writer adds to a word to make a new one ("truthy", "namespaced",
# "positionals"); a candidate the unknown word is made from is its stem, not
# its correction. Stems shorter than this are left to the corrector: short
# words plus a letter are mostly slips ("thiss", "ands").
STEM_SUFFIXES = ("s", "d", "y", "ed", "ly", "al", "ing", "er", "ers", "ness", "less", "able")
MIN_MADE_STEM = 5


def is_made_from(word: str, stem: str) -> bool:
    """True when `word` is `stem` plus a suffix, spelt by the rules: the
    corrector's candidate is then the word it is made from, and the word is a
    coinage or a term ("falsy", "truthy", "namespaced"), not a typo of it.

    A final "e" drops before a vowel suffix or "y" ("false" -> "falsy"); "d"
    follows only an "e"; "s" does not follow a hissing end (that is "es").

    >>> is_made_from("falsy", "false"), is_made_from("truthy", "truth"), is_made_from("namespaced", "namespace")
    (True, True, True)
    >>> is_made_from("positionals", "positional"), is_made_from("thiss", "this"), is_made_from("machinary", "machinery")
    (True, False, False)
    >>> is_made_from("classs", "class"), is_made_from("playd", "play"), is_made_from("completeed", "complete")
    (False, False, False)
    """
    if len(stem) < MIN_MADE_STEM or len(word) < len(stem) or word == stem:
        return False
    for suffix in STEM_SUFFIXES:
        if not word.endswith(suffix):
            continue
        base = word[:-len(suffix)]
        if suffix == "d" and not base.endswith("e"):
            continue
        if suffix == "s" and base.endswith(("s", "x", "z", "sh", "ch")):
            continue
        if base == stem and not (suffix[0] in "aeiouy" and stem.endswith("e") and suffix != "d"):
            return True
        if suffix[0] in "aeiouy" and stem.endswith("e") and base == stem[:-1]:
            return True
    return False


def _doubles_final(stem: str) -> bool:
    """True for a one-syllable stem ending consonant-vowel-consonant (stop, red, trap).

    Such stems double the consonant before -ed, -ing, -er: "stopped", not "stoped".

    >>> _doubles_final("stop"), _doubles_final("help"), _doubles_final("visit"), _doubles_final("show")
    (True, False, False, False)
    """
    if not _ends_cvc(stem):
        return False
    vowels = "aeiou"
    groups = sum(1 for i, c in enumerate(stem) if c in vowels and (i == 0 or stem[i - 1] not in vowels))
    return groups == 1


def _ends_cvc(stem: str) -> bool:
    """True when a stem ends consonant, single vowel, consonant (not w, x, y): stop, embed.

    >>> _ends_cvc("embed"), _ends_cvc("help"), _ends_cvc("show")
    (True, False, False)
    """
    vowels = "aeiou"
    return len(stem) >= 3 and stem[-1] not in vowels + "wxy" and stem[-2] in vowels and stem[-3] not in vowels


def _common_stem(lex: Lexicon, stem: str) -> bool:
    """A stem must be a word (either dictionary's: symspell's list lacks "molding") and common."""
    return lex.zipf(stem) >= MIN_STEM_ZIPF and (lex.in_dictionary(stem) or in_curated_lexicon(stem))


# A verb form of a term the web writes and no dictionary lists ("muxing": "mux", Zipf 2.0;
# "ssh'ing"): a regular -ing or -ed on a stem of TERM_STEM_MIN letters or more that wordfreq
# has seen at TERM_STEM_ZIPF. Such a stem is a rare word, not a slip: a slip's stem
# ("serch" 1.3, "pannel" 1.7, "oher" 1.9) is rarer on the web than that. Plurals are left
# out: short stems of the web's strings ("hsa", "deo", "hiit") take slips' -s as often.
TERM_STEM_ZIPF = 2.0
TERM_STEM_MIN = 3
_VERB_ENDINGS = ("ing", "ed")


def inflects_a_term(lex: Lexicon, word: str) -> bool:
    """True when `word` is a term's -ing or -ed form (see TERM_STEM_ZIPF).

    >>> d = _shared_lexicon()
    >>> inflects_a_term(d, "muxing"), inflects_a_term(d, "serching"), inflects_a_term(d, "mixing")
    (True, False, False)
    """
    for ending in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) >= len(ending) + TERM_STEM_MIN:
            stem = word[:-len(ending)]
            if not lex.in_dictionary(stem) and lex.zipf(stem) >= TERM_STEM_ZIPF and not lex.in_dictionary(word):
                return True
    return False


# A noun English makes regularly that the dictionaries lack: a common verb's -ation
# ("portation": port, beside "exportation", "transportation"; the stem of
# NOUN_STEM_MIN letters or more, Zipf NOUN_STEM_ZIPF), or the -ance/-ence form of a
# listed -ancy/-ency noun ("redundance" beside "redundancy", "frequence"): a rare word or
# a variant, written on purpose as often as not. A slip lands on such a shape only by
# chance (none of the 2008 synthetic slips of `bench.synthetic_typos --pool tune` does);
# its correction (portion 0.86, redundancy 0.94) is then only suggested (suggest.py).
NOUN_STEM_MIN = 4
NOUN_STEM_ZIPF = 3.8


def derived_noun(lex: Lexicon, word: str) -> str | None:
    """The word a regularly made noun `word` comes from, or None (see NOUN_STEM_MIN).

    >>> d = _shared_lexicon()
    >>> [derived_noun(d, w) for w in ("portation", "redundance", "dependance", "infomation")]
    ['port', 'redundancy', None, None]
    """
    if lex.in_dictionary(word):
        return None
    stem = word[:-len("ation")]
    if word.endswith("ation") and len(stem) >= NOUN_STEM_MIN and lex.in_dictionary(stem) \
            and lex.zipf(stem) >= NOUN_STEM_ZIPF:
        return stem
    if word.endswith(("ance", "ence")) and lex.in_dictionary(word[:-1] + "y"):
        return word[:-1] + "y"
    return None


# A term the web writes and no dictionary lists ("bool", Zipf 2.4: TERM_STEM_ZIPF) that
# the text writes both alone and with a plural's -s ("bool ... bools"): the writer uses a
# term and its plural, where a slip's -s on a string of the web ("hsas" for "has") comes
# without that string ("hsa") anywhere near. Both forms are then only suggested.
_PLURAL_ENDINGS = ("es", "s")


def written_with_its_plural(lex: Lexicon, word: str, count) -> bool:
    """True when `word` is such a term or its plural and the text writes the other form
    too: `count(w)` says how often the text writes w.

    >>> d = _shared_lexicon(); text = "pack the bools as a bool is one byte".split()
    >>> [written_with_its_plural(d, w, text.count) for w in ("bools", "bool", "hsas", "books")]
    [True, True, False, False]
    """
    if lex.in_dictionary(word):
        return False
    for ending in _PLURAL_ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and _written_term(lex, stem) and count(stem) > 0:
            return True
    return _written_term(lex, word) and any(count(word + ending) > 0 for ending in _PLURAL_ENDINGS)


def _written_term(lex: Lexicon, stem: str) -> bool:
    return len(stem) >= TERM_STEM_MIN and not lex.in_dictionary(stem) and lex.zipf(stem) >= TERM_STEM_ZIPF
