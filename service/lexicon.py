"""The English lexicon every step reads: word frequencies, wordhood, function
words by language, casing and apostrophes.

One place for each of these policies, so that two steps never disagree on what
a word is, which words are function words or how a replacement is written:

  frequencies     wordfreq's lists (`zipf`, `word_frequency`, `english_frequencies`,
                  `frequent_words`); symspellpy's counts are `resources.Dictionaries`
  wordhood        `is_known_word` (wordfreq Zipf at or above KNOWN_ZIPF);
                  `is_common_word` (a common word, not only a name: lemminflect);
                  `in_curated_lexicon` (Hunspell's en_US dictionary, SCOWL: a web
                  list also holds the commonest misspellings, a curated one does not)
  function words  `ENGLISH_FUNCTION_WORDS` and the subsets steps read, and
                  `function_words(language)` (justext's stop-word lists)
  casing          `match_casing`: a replacement written in the original's case
  apostrophes     `apostrophe_style`, `write_apostrophes`, `fold_apostrophes`

Everything here is a pure function of the pinned packages (wordfreq, justext, lemminflect, chunspell):
cached without bounds on what they answer.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

# ---------------------------------------------------------------- frequencies

# wordfreq Zipf (log10 of the frequency per billion words) at or above which a
# token is a word, not a typo.
KNOWN_ZIPF = 2.5


@lru_cache(maxsize=20_000)
def zipf(word: str, language: str = "en", wordlist: str = "best") -> float:
    """wordfreq's Zipf frequency of a word (two decimals; 0 when it lacks it).
    `wordlist` "small" (words of Zipf 3 and up) costs ~3 MB a language against
    ~35 MB for "best": enough to ask whether a word is common abroad.

    >>> zipf("the") > 7, zipf("qzxv"), zipf("und", "de") > 6, zipf("sont", "fr", "small") > 6
    (True, 0.0, True, True)
    """
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language, wordlist=wordlist)


def word_frequency(word: str, language: str = "en") -> float:
    """wordfreq's frequency of a word (a share of all words; 0.0 when it lacks it).

    >>> 0.01 < word_frequency("the") < 0.1
    True
    """
    from wordfreq import word_frequency as frequency

    return frequency(word, language)


@lru_cache(maxsize=1)
def english_frequencies() -> dict:
    """wordfreq's whole English list, word -> frequency ("best" wordlist), for
    look-ups by the thousand. Read-only: shared by every caller.

    >>> 0.01 < english_frequencies()["the"] < 0.1
    True
    """
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", "best")


def frequent_words(min_zipf: float, min_length: int = 4, size: int = 30000) -> list:
    """Frequent lower-case ASCII words from wordfreq's list (bundled, no download).

    The list is sorted by frequency, so the cut-off is found by bisection
    (zipf_frequency is slow enough that 30,000 calls take seconds).

    >>> words = frequent_words(6.0); "that" in words and "zebra" not in words
    True
    """
    from wordfreq import top_n_list

    ranked = top_n_list("en", size)
    lo, hi = 0, len(ranked)
    while lo < hi:  # first index whose zipf is below min_zipf
        mid = (lo + hi) // 2
        if zipf(ranked[mid]) >= min_zipf:
            lo = mid + 1
        else:
            hi = mid
    return [w for w in ranked[:lo] if len(w) >= min_length and w.isascii() and w.isalpha()]


# ---------------------------------------------------------------- wordhood

def is_known_word(word: str, language: str = "en") -> bool:
    """True when wordfreq lists the word often enough to be a word, not a typo.

    >>> is_known_word("government"), is_known_word("agreemnet"), is_known_word("qzxv")
    (True, False, False)
    """
    return zipf(word, language) >= KNOWN_ZIPF


@lru_cache(maxsize=20_000)
def lemmas_of(word: str) -> tuple:
    """lemminflect's readings of a lower-case word: (part of speech, lemmas)
    pairs (NOUN, VERB, ADJ, ADV, AUX; empty when it lists the word not at all).

    >>> lemmas_of("rose"), lemmas_of("kyiv")
    ((('NOUN', ('rose',)), ('VERB', ('rise',))), ())
    """
    from lemminflect import getAllLemmas

    return tuple(sorted((pos, tuple(lemmas)) for pos, lemmas in getAllLemmas(word).items()))


def parts_of_speech(word: str) -> frozenset:
    """The parts of speech lemminflect's lexicon gives a lower-case word.

    >>> sorted(parts_of_speech("beans")), sorted(parts_of_speech("last")), parts_of_speech("kyiv")
    (['NOUN'], ['ADJ', 'ADV', 'NOUN', 'VERB'], frozenset())
    """
    return frozenset(pos for pos, _ in lemmas_of(word))


@lru_cache(maxsize=20_000)
def is_common_word(word: str) -> bool:
    """Does English use the lower-case word as a common word: a function word,
    or a noun, verb, adjective or adverb in lemminflect's lexicon? That lexicon
    lists no proper nouns, so a place or person that is only a name is not
    one, however frequent (wordfreq folds case: "paris" is as known as "nice").

    >>> [is_common_word(w) for w in ("nice", "reading", "turkey", "the", "paris", "kyiv", "delhi")]
    [True, True, True, True, False, False, False]
    """
    return word in ENGLISH_FUNCTION_WORDS or bool(parts_of_speech(word))


# British spellings Hunspell's en_US dictionary lists only in their American form:
# (British ending, American ending), tried in turn on a rejected word.
_BRITISH_TO_AMERICAN = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"), ("our", "or"), ("ours", "ors"),
    ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"), ("ourites", "orites"), ("ourable", "orable"),
    ("tre", "ter"), ("tres", "ters"), ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
    ("ogue", "og"), ("ogues", "ogs"), ("ence", "ense"),
)
_hunspell_lock = threading.Lock()


@lru_cache(maxsize=1)
def _hunspell():
    """Hunspell with the en_US dictionary chunspell's wheel bundles (loaded once, ~0.1 s)."""
    from hunspell import Hunspell

    return Hunspell()


def _hunspell_accepts(word: str) -> bool:
    # the C++ object keeps per-call buffers: one caller at a time
    with _hunspell_lock:
        return _hunspell().spell(word)


@lru_cache(maxsize=50_000)
def in_curated_lexicon(word: str) -> bool:
    """Does Hunspell's en_US dictionary accept the word: as written, capitalised or
    in capitals (names and acronyms it lists), each hyphenated part, or its British
    spelling read as American? Wordfreq's web list holds common misspellings
    ("stanard", "recieve"); this curated list does not, but it also lacks newer words
    ("blockchain"), so its "no" is evidence, not a verdict.

    >>> [in_curated_lexicon(w) for w in ("standard", "stanard", "colour", "organisation", "paris", "well-known")]
    [True, False, True, True, True, True]
    """
    if not word or not re.fullmatch(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", word):
        return False
    word = word.replace("’", "'")
    if "-" in word:
        return all(in_curated_lexicon(part) for part in word.split("-"))
    forms = {word, word.lower(), word[:1].upper() + word[1:].lower(), word.upper()}
    if any(_hunspell_accepts(form) for form in forms):
        return True
    low = word.lower()
    return any(_hunspell_accepts(low[: -len(gb)] + us) for gb, us in _BRITISH_TO_AMERICAN
               if low.endswith(gb) and len(low) > len(gb) + 2)


def count_in(words, collection) -> int:
    """How many of `words` are in `collection` (a set or a dict), counted in C:
    these counts run over every sample and line, and a generator cost ~3x.

    >>> count_in("the cat sat on the mat".split(), {"the", "mat"})
    3
    """
    return sum(map(collection.__contains__, words))


# ---------------------------------------------------------------- function words

# The commonest English function words: English prose is full of them.
ENGLISH_FUNCTION_WORDS = frozenset("""
the of and to in a is that for on with as was at by it from be have has are said he she they his
her its this an or not will would after which we their been were had who but
""".split())
# Those other languages write as words of their own (Spanish and Portuguese
# "a", Dutch and German "an", "in", "was", "will"; Italian "he"): a line short of
# the others is not English. "there" and "you" are as telling.
DISTINCTLY_ENGLISH_FUNCTION_WORDS = (
    ENGLISH_FUNCTION_WORDS - frozenset("a an in on as was will he after".split())) | {"there", "you"}
# Those that link clauses and phrases (conjunctions, prepositions, auxiliaries):
# a word before one of them heads no noun phrase ("Chinas and" is no "China's ...").
LINKING_FUNCTION_WORDS = ENGLISH_FUNCTION_WORDS - frozenset(
    "a an this his her its their he she it we they would will said not been after".split())


# ISO 639-1 codes (and langdetect's, and a few 639-3 ones where no 639-1 code
# exists) to the names of the ~100 stop-word lists justext ships.
_STOPLIST_NAMES = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "an": "Aragonese", "hy": "Armenian",
    "rup": "Aromanian", "ast": "Asturian", "az": "Azerbaijani", "eu": "Basque", "be": "Belarusian",
    "bn": "Bengali", "bpy": "Bishnupriya_Manipuri", "bs": "Bosnian", "br": "Breton", "bg": "Bulgarian",
    "ca": "Catalan", "ceb": "Cebuano", "cv": "Chuvash", "hr": "Croatian", "cs": "Czech", "da": "Danish",
    "nl": "Dutch", "en": "English", "eo": "Esperanto", "et": "Estonian", "fi": "Finnish", "fr": "French",
    "gl": "Galician", "ka": "Georgian", "de": "German", "el": "Greek", "gu": "Gujarati", "ht": "Haitian",
    "he": "Hebrew", "iw": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "is": "Icelandic", "io": "Ido",
    "ig": "Igbo", "id": "Indonesian", "in": "Indonesian", "ga": "Irish", "it": "Italian", "jv": "Javanese",
    "kn": "Kannada", "kk": "Kazakh", "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin",
    "lv": "Latvian", "lt": "Lithuanian", "lmo": "Lombard", "nds": "Low_Saxon", "lb": "Luxembourgish",
    "mk": "Macedonian", "ms": "Malay", "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi",
    "nap": "Neapolitan", "ne": "Nepali", "new": "Newar", "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal",
    "nn": "Norwegian_Nynorsk", "oc": "Occitan", "fa": "Persian", "pms": "Piedmontese", "pl": "Polish",
    "pt": "Portuguese", "qu": "Quechua", "ro": "Romanian", "mo": "Romanian", "ru": "Russian",
    "sgs": "Samogitian", "sr": "Serbian", "sh": "Serbo_Croatian", "scn": "Sicilian", "sk": "Slovak",
    "sl": "Slovenian", "es": "Spanish", "su": "Sundanese", "sw": "Swahili", "sv": "Swedish",
    "tl": "Tagalog", "fil": "Tagalog", "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "tk": "Turkmen",
    "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "vo": "Volapuk", "wa": "Walloon",
    "war": "Waray_Waray", "cy": "Welsh", "fy": "West_Frisian", "pnb": "Western_Panjabi", "pa": "Western_Panjabi",
    "yo": "Yoruba",
}


@lru_cache(maxsize=128)
def function_words(language: str) -> frozenset:
    """The function words of a language: justext's bundled stop-word list for a language code (empty if none).

    Codes are ISO 639 ("de", "pt-BR" and "zh-cn" read as their first part).

    >>> "the" in function_words("en"), "und" in function_words("de"), "que" in function_words("pt-BR")
    (True, True, True)
    >>> len(function_words("xx")), len(function_words("und"))
    (0, 0)
    """
    name = _STOPLIST_NAMES.get((language or "").lower().replace("_", "-").split("-")[0])
    if not name:
        return frozenset()
    import justext  # ships its stop-word lists as package data: nothing downloads
    try:
        return frozenset(justext.get_stoplist(name))
    except ValueError:
        return frozenset()



# ---------------------------------------------------------------- casing

def match_casing(original: str, replacement: str) -> str:
    """Give the replacement the casing of the original (lower, Title or UPPER).

    >>> match_casing("Goverment", "government"), match_casing("TEH", "the"), match_casing("alot", "a lot")
    ('Government', 'THE', 'a lot')
    >>> match_casing("Their", "there"), match_casing("I", "i"), match_casing("its", "it's")
    ('There', 'I', "it's")
    """
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# ---------------------------------------------------------------- apostrophes

def apostrophe_style(text: str, word: str = "") -> str:
    """The apostrophe to write: the word's own when it has one, else the one
    the text mostly uses (typographic ’ or straight ').

    >>> apostrophe_style("It’s here", "dont"), apostrophe_style("It's here, it’s", "youu’d")
    ('’', '’')
    >>> apostrophe_style("It's here"), apostrophe_style("no apostrophe at all")
    ("'", "'")
    """
    if "’" in word or "'" in word:
        return "’" if "’" in word else "'"
    return "’" if text.count("’") > text.count("'") else "'"


def write_apostrophes(replacement: str, apostrophe: str) -> str:
    """The replacement with its apostrophes written as `apostrophe`.

    >>> write_apostrophes("you'd", "’"), write_apostrophes("you'd", "'")
    ('you’d', "you'd")
    """
    return replacement.replace("'", apostrophe) if apostrophe != "'" else replacement


def fold_apostrophes(word: str) -> str:
    """Typographic apostrophe to ASCII, so both spellings match.

    >>> fold_apostrophes("it’s")
    "it's"
    """
    return word.replace("’", "'")
