"""Fingerprint the service's output on every benchmark document, to prove a speed-up changes nothing.

usage: python -m bench.same_output OUT.json [--limit N] [--html N] [--bench ../shared/bench]
       python -m bench.same_output --compare A.json B.json

Run it from the root of two checkouts (the one before a change and the one
after: each imports its own `service`) and compare the two files: every
document's output text, edits, suggestions, language and stats but timings
must be the same. Reads the documents at run time (bench/idempotency.py's
`documents`: development inputs, references and corrupted pages, and the
first N WCXB pages); nothing of them is copied here.

Web pages too (`--html N`, 0 for none): the development benchmark's 64 raw
pages and the first N WCXB pages' HTML, each cleaned as a request's `html`
(service.documents.clean_document): the fingerprint also holds the input block,
the extracted text and the page's metadata (title, author, date, site name,
`extraction`), so a change to extraction shows as well as one to the steps.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
import service
from bench.idempotency import documents


def fingerprint(text: str) -> str:
    """A digest of everything `clean` answers for `text` but its timings."""
    return digest(service.clean(text, diff="none").to_dict())


def html_fingerprint(html: str) -> str:
    """A digest of everything a request's `html` gets back but timings: the clean
    of the extracted text and the input block (that text and the page's metadata)."""
    from service.documents import clean_document
    from service.options import Options
    result, block = clean_document(None, html, Options.from_mapping({"diff": "none"}))
    return digest({"result": result.to_dict(), "input": block})


def digest(answer: dict) -> str:
    """sha256 of `answer` as sorted JSON, without the stats' timings."""
    stats = answer.get("stats") or answer.get("result", {}).get("stats", {})
    for key in ("step_ms", "elapsed_ms"):
        stats.pop(key, None)
    return hashlib.sha256(json.dumps(answer, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def html_pages(bench: str, limit: int):
    """(kind, html) of the development benchmark's raw pages, then of the first `limit` WCXB pages."""
    if limit <= 0:
        return
    with open(os.path.join(bench, "data", "scraped.jsonl"), encoding="utf-8") as f:
        ids = [json.loads(line)["id"] for line in f if line.strip()]
    for page_id in ids:
        path = os.path.join(bench, "data", "html", f"{page_id}.html.gz")
        if os.path.exists(path):
            yield "dev-html", gzip.open(path).read().decode("utf-8", "replace")
    with gzip.open(os.path.join(bench, "wcxb", "pages.jsonl.gz"), "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                return
            path = os.path.join(bench, "wcxb", "html", json.loads(line)["id"] + ".html.gz")
            if os.path.exists(path):
                yield "wcxb-html", gzip.open(path).read().decode("utf-8", "replace")


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
    ap.add_argument("--html", type=int, default=100, help="WCXB web pages cleaned as html (0: no web pages)")
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
    for kind, html in html_pages(a.bench, a.html):
        counts[kind] = counts.get(kind, 0) + 1
        prints[f"{kind}:{counts[kind]}"] = html_fingerprint(html)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(prints, f, indent=0, sort_keys=True)
    print(f"{len(prints)} documents fingerprinted: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
