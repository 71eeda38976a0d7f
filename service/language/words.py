"""Which language a few words belong to: word frequencies by language.

langdetect reads letter n-grams, and on a handful of words they say little:
"Duvan Portillo 1 assist." reads as Finnish, "Stadia isn't a console." as
Italian, while "Array aus Typ serial ist nicht implementiert" reads as English.
The words themselves are better evidence: "assist" and "isn't" are frequent
English words and no Finnish or Italian ones; "aus", "ist" and "nicht" are
frequent German words and no English ones.

The evidence is wordfreq's lists (its "small" lists, bundled with the package)
for the languages written in the Latin alphabet, the ones whose words English
can be mistaken for, cut at a frequency that keeps the words a short text is
told by (~215,000 words in all, ~25 MB).
"""
from __future__ import annotations

import re
import threading

# wordfreq's languages in the Latin alphabet (other scripts are never read as English).
LATIN_LANGUAGES = ("ca", "cs", "da", "de", "en", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt",
                   "lv", "ms", "nb", "nl", "pl", "pt", "ro", "sh", "sk", "sl", "sv", "tr", "vi")
# langdetect's codes for languages wordfreq files under another code
_WORDFREQ_CODES = {"no": "nb", "hr": "sh", "sr": "sh", "bs": "sh", "tl": "fil"}
# Words at or above this Zipf frequency are kept; a word missing from a list
# counts as MISSING_ZIPF there (below the cut, or not a word of that language).
MIN_ZIPF = 4.0
MISSING_ZIPF = 3.0
# One word moves the evidence by at most this much: a name or a loan word that is
# far more frequent in one language must not outweigh the rest of the sentence.
WORD_CAP = 3.0
TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_lock = threading.Lock()
_frequencies: dict[str, dict[str, float]] | None = None


def load_frequencies() -> dict[str, dict[str, float]]:
    """Each Latin-alphabet language's frequent words, word -> Zipf (loaded once).

    >>> f = load_frequencies()
    >>> f["de"]["nicht"] > 6 > f["en"].get("nicht", MISSING_ZIPF)
    True
    """
    global _frequencies
    if _frequencies is not None:  # read per word on the hot path: no lock once loaded
        return _frequencies
    with _lock:
        if _frequencies is None:
            from wordfreq import available_languages, read_cBpack

            files = available_languages("small")
            missing = [code for code in LATIN_LANGUAGES if code not in files]
            if missing:
                raise RuntimeError(f"wordfreq has no word list for {missing}: check the pinned wordfreq version")
            loaded = {}
            for code in LATIN_LANGUAGES:
                words: dict[str, float] = {}
                # cBpack lists words by frequency, one bucket per centibel below Zipf 9
                for i, bucket in enumerate(read_cBpack(files[code])):
                    z = round(9 - i / 100, 2)
                    if z < MIN_ZIPF:
                        break
                    words.update(dict.fromkeys(bucket, z))
                loaded[code] = words
            _frequencies = loaded
        return _frequencies


def text_words(text: str) -> list[str]:
    """The lower-cased words of a text, contractions whole, with a straight apostrophe.

    >>> text_words("Stadia isn’t a console, 4K.")
    ['stadia', "isn't", 'a', 'console', 'k']
    """
    return [w.lower().replace("’", "'") for w in TOKEN.findall(text)]


def stem_of(word: str) -> str:
    """A word in lower case without its contraction ("That's" -> "that"), as stop lists hold it.

    >>> stem_of("That's"), stem_of("I’m"), stem_of("Thanks")
    ('that', 'i', 'thanks')
    """
    return word.lower().replace("’", "'").split("'")[0]


def english_evidence(words: list[str], language: str) -> float:
    """How much more English than `language` the words are: the sum over the words
    of the difference of their Zipf frequencies (each capped at WORD_CAP either way).
    Positive for English, negative for the other language, 0.0 for a language
    without a list here.

    >>> english_evidence(["isn't", "console"], "it") > 1, english_evidence(["aus", "nicht", "ist"], "de") < -3
    (True, True)
    """
    other = _list_for(language)
    if other is None or language == "en":
        return 0.0
    english = load_frequencies()["en"]
    total = 0.0
    for w in words:
        if "'" in w and w not in english and w not in other:
            parts = [p for p in w.split("'") if len(p) > 1]  # French "l'option": its word
        else:
            parts = [w]
        for p in parts:
            d = english.get(p, MISSING_ZIPF) - other.get(p, MISSING_ZIPF)
            total += max(-WORD_CAP, min(WORD_CAP, d))
    return round(total, 2)


def is_english_word(word: str, known_words) -> bool:
    """In the caller's English dictionary, or a frequent English word here
    (contractions: "isn't" is in wordfreq's list, not in symspellpy's).

    >>> is_english_word("isn't", set()), is_english_word("nicht", set())
    (True, False)
    """
    return word in known_words or word in load_frequencies()["en"]


def is_frequent_in(word: str, language: str) -> bool:
    """A frequent word of `language` (in its list here).

    >>> is_frequent_in("nicht", "de"), is_frequent_in("goverment", "de"), is_frequent_in("the", "ru")
    (True, False, False)
    """
    words = _list_for(language)
    return words is not None and word in words


def _list_for(language: str) -> dict | None:
    """The word list of a langdetect code (under wordfreq's code), None without one."""
    return load_frequencies().get(_WORDFREQ_CODES.get(language, language))


def likeliest_other_language(words: list[str]) -> tuple[str, float]:
    """The language other than English the words speak for most, and `english_evidence`
    against it (the lowest of all); ("und", 0.0) without words.

    >>> likeliest_other_language(["aus", "nicht", "ist"])[0]
    'de'
    """
    if not words:
        return "und", 0.0
    best = min((english_evidence(words, code), code) for code in LATIN_LANGUAGES if code != "en")
    return best[1], best[0]


def knows(language: str) -> bool:
    """Is there a word list for a langdetect code here?

    >>> knows("no"), knows("de"), knows("ru"), knows("en")
    (True, True, False, True)
    """
    return _WORDFREQ_CODES.get(language, language) in LATIN_LANGUAGES
