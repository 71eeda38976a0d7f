"""Language decisions on short texts: English news sentences, and translated messages.

usage: python -m bench.language_check [--half tune|heldout|all] [--show N] [--bench ../shared/bench]
                                     [--prior assumed|none|document]

Two checks, both read at run time and copied nowhere:
- English: single sentences (4-40 words) of the development benchmark's human
  article bodies (`data/scraped.jsonl`, split by site like run.py's --half).
  Each should come back "en" (issue 18: >= 99.5%); "und" runs the English steps
  too, but says less. By default each text is read as the service reads a
  one-sentence request, with its assumed language (ASSUMED_LANGUAGE) as the
  prior for text that gives no evidence; --prior none shows the detector
  without it. With --prior document each sentence is read with its
  page's language as the prior (`detect_language(..., prior=)`): a sentence of
  an English page, as the paragraph decision reads it.
- Other languages: the translated messages of the gettext catalogues installed
  on this machine (/usr/share/locale/LANG/LC_MESSAGES/*.mo), sentences of 4+
  words without format placeholders. None should come back "en": English
  steps on a German sentence are the damage this check guards against. Its
  English msgids count as a third, non-news English check.
The languages are split in two: tune on the first, report the second beside it.
"""
from __future__ import annotations

import argparse
import gettext
import glob
import hashlib
import json
import os
import re
import struct
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
from service.language import ASSUMED_LANGUAGE, detect_language
from service.resources import dictionaries

TUNE_LANGUAGES = ("de", "fr", "es", "it", "nl", "pl", "sv", "tr", "ro", "hu")
HELDOUT_LANGUAGES = ("pt", "cs", "da", "fi", "id", "ca", "sk", "sl", "hr", "nb", "et", "lt", "vi", "eu", "gl")
_PLACEHOLDER = re.compile(r"%|\{|\}|\$|<|>|\\|_|/|@|\[|\]|=|\t")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def half_of(url_or_id: str) -> str:
    host = re.sub(r"^https?://(www\.)?", "", url_or_id).split("/")[0]
    return "tune" if hashlib.sha256(host.encode()).digest()[0] % 2 == 0 else "heldout"


def news_sentences(bench: str, half: str, known=None) -> list[tuple[str, str | None]]:
    """(sentence, its page's language when `known` is given, else None)."""
    out = []
    with open(os.path.join(bench, "data", "scraped.jsonl"), encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if half != "all" and half_of(doc.get("url") or doc["id"]) != half:
                continue
            page = detect_language(doc["reference"], known)[0] if known is not None else None
            for para in doc["reference"].split("\n"):
                out += [(s, page) for s in _SENTENCE.split(para) if 4 <= len(s.split()) <= 40]
    return out


def catalogue_messages(language: str, per_language: int = 400) -> list[tuple[str, str]]:
    """(msgid, translation) pairs of 4+ words, without placeholders, sorted for determinism."""
    pairs = set()
    for path in sorted(glob.glob(f"/usr/share/locale/{language}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as f:
                catalog = gettext.GNUTranslations(f)._catalog
        except (OSError, UnicodeDecodeError, ValueError, struct.error):
            continue
        for key, value in catalog.items():
            if not isinstance(key, str) or not isinstance(value, str) or not key or key == value:
                continue
            if _PLACEHOLDER.search(key + value) or "\n" in key + value:
                continue
            if len(key.split()) >= 4 and len(value.split()) >= 4 and re.search(r"[^\W\d_]{3}", value):
                pairs.add((key, value))
    ranked = sorted(pairs, key=lambda p: hashlib.sha256(p[1].encode()).hexdigest())
    return ranked[:per_language]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=["tune", "heldout", "all"], default="tune")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--prior", choices=["assumed", "none", "document"], default="assumed",
                    help="the prior: the service's assumed language (as a request is read), none, "
                         "or each sentence's page language")
    a = ap.parse_args()
    known = dictionaries().unigrams
    prior = ASSUMED_LANGUAGE if a.prior == "assumed" else None
    t = time.perf_counter()
    sentences = news_sentences(a.bench, a.half, known if a.prior == "document" else None)
    answers = Counter()
    wrong = []
    for s, page in sentences:
        code = detect_language(s, known, prior=page if a.prior == "document" else prior)[0]
        answers[code if code in ("en", "und") else "other"] += 1
        if code != "en":
            wrong.append((code, s))
    n = max(1, len(sentences))
    print(f"English news sentences [{a.half}, prior {a.prior}]: en {answers['en'] / n:.4f}, und {answers['und']}, "
          f"other {answers['other']} of {len(sentences)}  ({time.perf_counter() - t:.1f} s)")
    for code, s in wrong[: a.show]:
        print(f"    {code}: {s[:100]}")
    languages = {"tune": TUNE_LANGUAGES, "heldout": HELDOUT_LANGUAGES,
                 "all": TUNE_LANGUAGES + HELDOUT_LANGUAGES}[a.half]
    as_english, total, ids_en, ids = Counter(), Counter(), 0, 0
    shown = undetermined = 0
    for language in languages:
        for msgid, text in catalogue_messages(language):
            total[language] += 1
            code = detect_language(text, known, prior=prior)[0]
            undetermined += code == "und"  # English steps run on "und" text too
            if code == "en":
                as_english[language] += 1
                if shown < a.show:
                    print(f"    {language} read as en: {text[:100]}")
                    shown += 1
            ids += 1
            ids_en += detect_language(msgid, known, prior=prior)[0] in ("en", "und")
    print(f"translated messages read as English [{a.half}]: {sum(as_english.values())} of {sum(total.values())}  "
          + " ".join(f"{k}:{as_english[k]}/{total[k]}" for k in languages))
    print(f"translated messages read as und (English steps run on them too): {undetermined}; "
          f"English steps run on {sum(as_english.values()) + undetermined} of {sum(total.values())}")
    print(f"their English msgids read as en or und: {ids_en} of {ids}")


if __name__ == "__main__":
    main()
