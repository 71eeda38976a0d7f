"""Fingerprint the service's output on every benchmark document, to prove a speed-up changes nothing.

usage: python -m bench.same_output OUT.json [--limit N] [--bench ../shared/bench]
       python -m bench.same_output --compare A.json B.json

Run it from the root of two checkouts (the one before a change and the one
after: each imports its own `service`) and compare the two files: every
document's output text, edits, suggestions, language and stats but timings
must be the same. Reads the documents at run time (bench/idempotency.py's
`documents`: development inputs, references and corrupted pages, and the
first N WCXB pages); nothing of them is copied here.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
import service
from bench.idempotency import documents


def fingerprint(text: str) -> str:
    """A digest of everything `clean` answers for `text` but its timings."""
    result = service.clean(text, diff="none").to_dict()
    for key in ("step_ms", "elapsed_ms"):
        result.get("stats", {}).pop(key, None)
    return hashlib.sha256(json.dumps(result, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def compare(a: str, b: str) -> int:
    """Print the documents whose fingerprints differ; the exit status is their count (capped)."""
    with open(a, encoding="utf-8") as fa, open(b, encoding="utf-8") as fb:
        left, right = json.load(fa), json.load(fb)
    differ = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
    for key in differ[:20]:
        print("differs:", key)
    print(f"{len(left)} and {len(right)} documents, {len(differ)} differ")
    return min(len(differ), 100)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?")
    ap.add_argument("--limit", type=int, default=300, help="WCXB pages (inputs and main contents)")
    ap.add_argument("--bench", default=os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "bench"))
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    a = ap.parse_args()
    if a.compare:
        return compare(*a.compare)
    if not a.out:
        ap.error("OUT.json or --compare A B")
    service.default_resources()
    counts: dict = {}
    prints = {}
    for kind, text in documents(a.bench, a.limit):
        counts[kind] = counts.get(kind, 0) + 1
        prints[f"{kind}:{counts[kind]}"] = fingerprint(text)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(prints, f, indent=0, sort_keys=True)
    print(f"{len(prints)} documents fingerprinted: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
