"""Which pages lose a must-keep snippet, and to which rules: a chrome change checked by counts (issue 13).

usage: python -m bench.mustkeep capture OUT.json [--bench ../shared/bench] [--half tune|heldout] [--type T]
       python -m bench.mustkeep compare BEFORE.json AFTER.json

`capture` cleans each WCXB page's scraped text in process (`service.clean`, no
time budget, as `wcxb.py text` sends it) and keeps, per page, how many of its
must-keep ("with") snippets the input holds and the output still holds, and for
each snippet lost the ids of the rules whose edits cover it. It keeps no text,
so it may run on the held-out half: a deletion rule that holds on the tune pages
and takes what a reader must keep on a page nobody tuned on shows there (session
36: a footer rule took 2 of page 4271's 3 snippets and was reverted). `compare`
lists the pages whose found count fell or rose between two captures, with the
rules, and the totals.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def lost_snippets(original: str, cleaned: str, edits, snippets) -> tuple[int, int, list[str]]:
    """(snippets the original holds, those the cleaned text still holds, rule ids over each lost one).

    A snippet is found as wcxb.py finds it (lower-cased substring); a lost one is charged to
    every edit whose span meets the snippet's first place in the original.

    >>> class E:
    ...     def __init__(self, start, end, rule): self.start, self.end, self.rule = start, end, rule
    >>> text = "Home\\nThe council met.\\nThe bridge closes.\\n© 2024 Site"
    >>> lost_snippets(text, "The council met.", [E(0, 5, "chrome.a"), E(21, len(text), "chrome.footer")],
    ...               ["the council met", "bridge closes", "not in the input"])
    (2, 1, ['chrome.footer'])
    """
    low_in, low_out = original.lower(), cleaned.lower()
    had = found = 0
    rules: list[str] = []
    for snippet in snippets:
        s = snippet.lower()
        at = low_in.find(s)
        if at < 0:
            continue
        had += 1
        if s in low_out:
            found += 1
            continue
        rules += sorted({e.rule for e in edits if e.start < at + len(s) and e.end > at})
    return had, found, rules


def capture(bench: str, half: str, page_type: str | None) -> dict:
    """Per page id: its type, the snippets the input had, those found, the rules over the lost ones."""
    sys.path.insert(0, bench)
    import wcxb  # type: ignore

    from service.pipeline import clean
    out = {}
    for page in wcxb.load_pages():
        if wcxb.half_of(page) != half or (page_type and page["page_type"] != page_type) or "input" not in page:
            continue
        result = clean(page["input"])
        had, found, rules = lost_snippets(page["input"], result.text, result.edits, page["with"])
        out[page["id"]] = {"type": page["page_type"], "had": had, "found": found, "lost_to": rules}
    return out


def compare(before: dict, after: dict) -> list[str]:
    """Lines for the pages whose found count changed, then the totals.

    >>> compare({"1": {"type": "forum", "had": 3, "found": 3, "lost_to": []}},
    ...         {"1": {"type": "forum", "had": 3, "found": 1, "lost_to": ["chrome.footer", "chrome.footer"]}})
    ['1 forum: 3 -> 1 of 3 (lost to chrome.footer x2)', 'found: 3 -> 1 of 3 on 1 pages; 1 pages lose, 0 gain']
    """
    lines, lose, gain = [], 0, 0
    for pid in sorted(set(before) & set(after)):
        b, a = before[pid], after[pid]
        if a["found"] == b["found"]:
            continue
        lose, gain = lose + (a["found"] < b["found"]), gain + (a["found"] > b["found"])
        rules = ", ".join(f"{r} x{a['lost_to'].count(r)}" for r in sorted(set(a["lost_to"])))
        lines.append(f"{pid} {a['type']}: {b['found']} -> {a['found']} of {a['had']}"
                     + (f" (lost to {rules})" if rules else ""))
    shared = set(before) & set(after)
    total = lambda d, k: sum(d[p][k] for p in shared)  # noqa: E731
    lines.append(f"found: {total(before, 'found')} -> {total(after, 'found')} of {total(after, 'had')} "
                 f"on {len(shared)} pages; {lose} pages lose, {gain} gain")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["capture", "compare"])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--half", choices=["tune", "heldout"], default="tune")
    ap.add_argument("--type")
    a = ap.parse_args()
    if a.mode == "compare":
        before, after = (json.load(open(p, encoding="utf-8")) for p in a.paths[:2])
        print("\n".join(compare(before, after)))
        return
    captured = capture(a.bench, a.half, a.type)
    with open(a.paths[0], "w", encoding="utf-8") as f:
        json.dump(captured, f)
    print(f"{len(captured)} {a.half} pages captured in {a.paths[0]}: "
          f"{sum(p['found'] for p in captured.values())} of {sum(p['had'] for p in captured.values())} snippets found")


if __name__ == "__main__":
    main()
