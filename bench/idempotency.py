"""Clean every benchmark document twice; count those whose second pass still edits.

usage: python -m bench.idempotency [--limit N] [--show N] [--bench ../shared/bench]

Reads, at run time, the development benchmark's scraped inputs, human bodies and corrupted
documents, and WCXB's scraped inputs and main contents (the first N pages with --limit);
nothing of them is copied here. A second clean of the output must make no edit (issue 19).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
import service


ROOT = os.path.dirname(HERE)


def project_documents():
    """(kind, text) of the project's own documents: the fuzz corpus and every text
    of the labelled cases (tests/data/*.yaml)."""
    import yaml
    corpus = os.path.join(ROOT, "tests", "fuzz", "corpus")
    for name in sorted(os.listdir(corpus)):
        with open(os.path.join(corpus, name), "rb") as f:
            yield "fuzz", f.read().decode("utf-8", errors="replace")
    data = os.path.join(ROOT, "tests", "data")
    for name in sorted(os.listdir(data)):
        if name.endswith(".yaml"):
            with open(os.path.join(data, name), encoding="utf-8") as f:
                for text in case_texts(yaml.safe_load(f)):
                    yield "cases", text


def case_texts(node):
    """Every input of a cases file: `input` values and plain strings in lists.

    >>> list(case_texts({"fix": [{"input": "a", "output": "b"}], "keep": ["c"]}))
    ['a', 'c']
    """
    if isinstance(node, dict):
        if isinstance(node.get("input"), str):
            yield node["input"]
        for key, value in node.items():
            if key != "input":
                yield from case_texts(value) if isinstance(value, (dict, list)) else ()
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, str):
                yield item
            else:
                yield from case_texts(item)


def documents(bench: str, limit: int | None):
    """(kind, text) of every benchmark document, then the project's own (project_documents)."""
    yield from project_documents()
    with open(os.path.join(bench, "data", "scraped.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            yield "dev-input", d["input"]
            yield "dev-reference", d["reference"]
    with open(os.path.join(bench, "data", "corrupted.jsonl"), encoding="utf-8") as f:
        for line in f:
            yield "dev-corrupted", json.loads(line)["input"]
    with gzip.open(os.path.join(bench, "wcxb", "pages.jsonl.gz"), "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            d = json.loads(line)
            yield "wcxb-input", d["input"]
            yield "wcxb-reference", d["reference"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="only the first N WCXB pages")
    ap.add_argument("--show", type=int, default=5, help="list up to N second-pass edits")
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    a = ap.parse_args()
    total, changed, rules, shown = Counter(), Counter(), Counter(), []
    started = time.perf_counter()
    for kind, text in documents(a.bench, a.limit):
        total[kind] += 1
        once = service.clean(text, diff="none")
        twice = service.clean(once.text, diff="none")
        if twice.edits:
            changed[kind] += 1
            rules.update(e.rule.split("+")[0] for e in twice.edits)
            if len(shown) < a.show:
                shown.append((kind, once.language["code"], twice.language["code"],
                              [(e.original[:60], e.rule) for e in twice.edits[:2]]))
    print("documents a second clean still edits: "
          + ", ".join(f"{k} {changed[k]}/{total[k]}" for k in total)
          + f"  ({time.perf_counter() - started:.0f} s)")
    if rules:
        print("  by rule:", rules.most_common(10))
    for row in shown:
        print("  ", *row)


if __name__ == "__main__":
    main()
