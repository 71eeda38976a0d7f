"""Mixed-language documents: English paragraphs corrected, the others untouched (issue 18).

usage: python -m bench.mixed_language [--per-language N] [--langs de,fr,...] [--show N]

Builds documents from two sources nobody tuned the language decision on:
- English sentences with a typo: the `fix` cases of tests/data/spelling_cases.yaml that
  the whole pipeline corrects when sent alone (the others would measure the speller);
- paragraphs in another language: the translated manual pages installed on this
  machine (bench/outside_prose.collect).
Two layouts per language: a foreign document with English sentences between its
paragraphs (foreign, en, foreign, en, foreign), and an English document with one
foreign paragraph (en, en, foreign, en). Each is cleaned with language "auto" and every
step. Prints, per layout, the English sentences corrected as when alone, and the
foreign paragraphs changed at all (the target: none).
"""
from __future__ import annotations

import argparse
import os
import random
from collections import Counter

import yaml

import service
from bench.language_check import catalogue_messages
from bench.outside_prose import collect

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "tests", "data", "spelling_cases.yaml")


def english_cases() -> list[tuple[str, str]]:
    """(input, expected) of the spelling fix cases the pipeline corrects on their own."""
    with open(CASES, encoding="utf-8") as f:
        fixes = yaml.safe_load(f)["fix"]
    out = []
    for case in fixes:
        if service.clean(case["input"]).text == case["output"]:
            out.append((case["input"], case["output"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--langs", default="de,fr,es,it,nl,pl,pt,sv,cs,da,ro,hu,tr,ru")
    ap.add_argument("--per-language", type=int, default=18)
    ap.add_argument("--show", type=int, default=20)
    a = ap.parse_args()
    rng = random.Random(7)
    cases = english_cases()
    found = collect([x for x in a.langs.split(",") if x], a.per_language, rng)
    totals: Counter = Counter()
    shown = 0
    k = 0
    for lang, paras in found.items():
        for i in range(0, len(paras) - 2, 3):
            foreign = paras[i:i + 3]
            english = [cases[(k + j) % len(cases)] for j in range(3)]
            k += 3
            layouts = {
                "foreign document": [foreign[0], english[0][0], foreign[1], english[1][0], foreign[2]],
                "English document": [english[0][0], english[1][0], foreign[0], english[2][0]],
                "English alone": [english[0][0], english[1][0], english[2][0]],
            }
            for layout, body in layouts.items():
                res = service.clean("\n\n".join(body) + "\n")
                out = res.text
                for src, fixed in english:
                    if src in body:
                        totals[layout, "english"] += 1
                        totals[layout, "corrected"] += fixed in out
                        if fixed not in out and shown < a.show and layout != "English alone":
                            print(f"  {lang} {layout} ({res.language['code']}): not corrected {src!r}")
                            shown += 1
                for p in foreign:
                    if p in body:
                        totals[layout, "foreign"] += 1
                        if p not in out:
                            totals[layout, "changed"] += 1
                            if shown < a.show:
                                edits = [(e.rule, e.original, e.replacement) for e in res.edits
                                         if e.original and e.original in p][:3]
                                print(f"  {lang} {layout}: changed {edits}")
                                shown += 1
        # short lines of the page's own language (its translated messages) between its
        # paragraphs: none may be read as English
        messages = [m for _, m in catalogue_messages(lang, 120)]
        for i in range(0, len(messages), 6):
            body = paras[:2] + messages[i:i + 6] + paras[2:4]
            res = service.clean("\n".join(body) + "\n")
            text = "\n".join(body) + "\n"
            english = [text[p["start"]:p["end"]].strip() for p in res.stats["paragraph_languages"]]
            totals["messages"] += len(messages[i:i + 6])
            totals["messages read as English"] += sum(1 for m in messages[i:i + 6] if m in english)
            changed = [m for m in messages[i:i + 6] if m not in res.text]
            totals["messages changed"] += len(changed)
            for m in changed:
                if shown < a.show:
                    print(f"  {lang} short line changed: {m[:90]!r}")
                    shown += 1
            for m in [m for m in messages[i:i + 6] if m in english]:
                if shown < a.show:
                    print(f"  {lang} short line read as English: {m[:90]!r}")
                    shown += 1
        print(f"{lang}: {len(paras)} paragraphs")
    print(f"short lines of the page's own language read as English: {totals['messages read as English']} "
          f"of {totals['messages']}, changed by any step: {totals['messages changed']}")
    for layout in ("foreign document", "English document", "English alone"):
        print(f"{layout}: English sentences corrected {totals[layout, 'corrected']} of {totals[layout, 'english']}, "
              f"foreign paragraphs changed {totals[layout, 'changed']} of {totals[layout, 'foreign']}")


if __name__ == "__main__":
    main()
