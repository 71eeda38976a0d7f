"""Which English function words are frequent words of other languages too ("in", "was" in German).

usage: python -m bench.shared_function_words [--write]

service/language/ counts English function words as evidence that a short
text is English, but only those that the detector's other guess does not use
often itself. This derives that table: for each language langdetect knows,
the function words whose wordfreq frequency there (its 'small' lists) is
within SHARED_MARGIN zipf of their English frequency; for a language wordfreq
lacks, those in its justext stop-word list. --write replaces the table in
service/language/shared.py; without it, the table is printed.
"""
from __future__ import annotations

import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))
from service.lexicon import ENGLISH_FUNCTION_WORDS, function_words

SHARED_MARGIN = 1.5
TARGET = os.path.join(HERE, "..", "service", "language", "shared.py")
HEADER = '''"""English function words that are frequent in another language too (generated).

Made by `python -m bench.shared_function_words --write` from wordfreq's lists (justext's
stop words where wordfreq has no list); do not edit by hand.
"""
SHARED_FUNCTION_WORDS = {
'''


def shared_words(language: str) -> list[str]:
    from wordfreq import available_languages, zipf_frequency

    # (Chinese, Japanese and Korean need tokenizers wordfreq leaves optional; their stop lists serve)
    if language in available_languages(wordlist="small") and language not in ("ja", "ko", "zh"):
        return sorted(w for w in ENGLISH_FUNCTION_WORDS
                      if zipf_frequency(w, language, wordlist="small")
                      >= zipf_frequency(w, "en", wordlist="small") - SHARED_MARGIN)
    return sorted(ENGLISH_FUNCTION_WORDS & function_words(language))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    from langdetect import DetectorFactory  # noqa: F401 - for its profile list
    import langdetect
    profiles = os.path.join(os.path.dirname(langdetect.__file__), "profiles")
    languages = sorted({name.split("-")[0] for name in os.listdir(profiles)} - {"en"})
    lines = [f"    {lang!r}: frozenset({shared_words(lang)!r}),\n" for lang in languages]
    text = HEADER + "".join(lines) + "}\n"
    if a.write:
        with open(TARGET, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {TARGET}: {len(lines)} languages")
    else:
        print(text)


if __name__ == "__main__":
    main()
