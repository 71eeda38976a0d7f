"""Names heard rather than read, on one-sentence news items (issue 18's held-out check).

usage: python -m bench.names_by_ear [--show] [--data tests/data/names_by_ear_tune.yaml]

Reads tests/data/names_by_ear.yaml (written for this project, never used to tune the
matcher) and prints: by-ear variants of listed people corrected, only suggested, or
missed; and sentences naming other people (a shared first name, surname or sound)
changed or given a suggestion. No request `names`: only the gazetteer.
"""
from __future__ import annotations

import argparse
import re
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
import service
from service.steps.names.match import fold  # the gazetteer's own folding of diacritics

DATA = os.path.join(HERE, "..", "tests", "data", "names_by_ear.yaml")


def contains_name(text: str, name: str) -> bool:
    """`name` in `text` as whole words: "Liz Trusse" left as it is does not contain Liz Truss;
    a middle initial the list does not write may stand between the names.

    >>> contains_name("liz truss met him", "liz truss"), contains_name("liz trusse met him", "liz truss")
    (True, False)
    >>> contains_name("Donald J. Trump's envoy", "Donald Trump")
    True
    """
    spaced = re.escape(name).replace(r"\ ", r" (?:[A-Z]\. )*")
    return re.search(r"(?<!\w)" + spaced + r"(?!\w)", text) is not None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="list every miss and every false change")
    ap.add_argument("--data", default=DATA, help="list to read (tests/data/names_by_ear_tune.yaml to tune)")
    a = ap.parse_args()
    cases = yaml.safe_load(open(a.data, encoding="utf-8"))
    fixed = suggested = 0
    misses = []
    for case in cases["variants"]:
        result = service.clean(case["text"])
        surname = fold(case["expect"].split()[-1])
        if contains_name(fold(result.text), fold(case["expect"])):  # the gazetteer keeps a spelling without accents
            fixed += 1
        elif any(fold(e.replacement) == surname for e in result.edits):
            fixed += 1  # a lone surname after a title ("President Erdowan") corrected to the surname
        elif any(case["expect"].split()[-1] in s.replacement for s in result.suggestions):
            suggested += 1
        else:
            misses.append((case["text"], result.language["code"],
                           [(e.original, e.replacement) for e in result.edits + result.suggestions]))
    changed, offered = [], []
    for text in cases["others"]:
        result = service.clean(text)
        if result.text != text:
            changed.append((text, [(e.original, e.replacement, e.rule) for e in result.edits]))
        elif result.suggestions:
            offered.append((text, [(e.original, e.replacement, e.rule) for e in result.suggestions]))
    n, m = len(cases["variants"]), len(cases["others"])
    people = len({c["expect"] for c in cases["variants"]})
    print(f"by-ear variants ({n} of {people} people): corrected {fixed} ({fixed / n:.2f}), "
          f"suggested {suggested}, missed {len(misses)}")
    print(f"other people ({m} sentences): changed {len(changed)}, given a suggestion {len(offered)}")
    if a.show:
        for row in misses:
            print("  missed:", *row)
        for row in changed:
            print("  changed:", *row)
        for row in offered:
            print("  suggested:", *row)


if __name__ == "__main__":
    main()
