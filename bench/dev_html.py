"""Score `extract_html` (+ the chrome step) on the development benchmark's HTML pages.

usage: python -m bench.dev_html [--bench ../shared/bench] [--steps unicode,chrome,whitespace] [--raw]
       python -m bench.dev_html --wcxb tune|heldout|all [--type T] [--limit N] [--raw]

Reads the benchmark's pages and scorer from its own folder at run time; nothing
of it is copied here. --raw scores extract_html's text without any step.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
import service
from service.html import extract_html


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--steps", default="unicode,chrome,whitespace")
    ap.add_argument("--raw", action="store_true")
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--wcxb", choices=["all", "tune", "heldout"], help="score WCXB pages of this half instead")
    ap.add_argument("--type", help="WCXB: only pages of this type")
    ap.add_argument("--limit", type=int, help="WCXB: only the first N pages (the benchmark's own order)")
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
    if a.wcxb:
        return score_wcxb(a)
    import extraction  # type: ignore
    steps = [s for s in a.steps.split(",") if s]
    docs = [json.loads(line) for line in open(os.path.join(a.bench, "data", "scraped.jsonl"), encoding="utf-8")]
    t, scores = time.perf_counter(), []
    for d in docs:
        with gzip.open(os.path.join(a.bench, "data", "html", d["id"] + ".html.gz")) as fh:
            html = fh.read().decode("utf-8", "replace")
        text, _meta = extract_html(html)
        if not a.raw and text:
            text = service.clean(text, steps=steps).text
        s = extraction.page_score(text, d["reference"])
        scores.append(s)
        if a.per_page:
            print(f"{d['id'][:8]} tp={s[0]:.2f} fp={s[1]:.2f} fn={s[2]:.2f}")
    p, r, f = extraction.summarize(scores)
    print(f"extraction (html input{', raw' if a.raw else ''}): P={p:.3f} R={r:.3f} F1={f:.3f}  "
          f"[{len(docs)} docs, {time.perf_counter() - t:.1f} s]")


def score_wcxb(a) -> None:
    """WCXB's word-level figures, overall and per page type, as wcxb.py prints them."""
    import hashlib
    import wcxb  # type: ignore
    steps = [s for s in a.steps.split(",") if s]
    pages = [p for p in wcxb.load_pages() if (a.wcxb == "all" or wcxb.half_of(p) == a.wcxb)
             and (not a.type or p["page_type"] == a.type)]
    if a.limit:
        pages = sorted(pages, key=lambda p: hashlib.sha256(p["id"].encode()).hexdigest())[: a.limit]
    tally, t = wcxb.Tally(), time.perf_counter()
    for page in pages:
        with gzip.open(os.path.join(wcxb.DATA, "html", page["id"] + ".html.gz")) as fh:
            html = fh.read().decode("utf-8", "replace")
        started = time.perf_counter()
        text, _meta = extract_html(html)
        if not a.raw and text:
            text = service.clean(text, steps=steps).text
        tally.add(page, text)
        if a.per_page:
            p, r, f = wcxb.word_prf(text, page["reference"])
            print(f"{page['id']} {page['page_type']:13s} P={p:.2f} R={r:.2f} F1={f:.2f} "
                  f"{time.perf_counter() - started:.1f} s")
    print(f"wcxb html{', raw' if a.raw else ''}: {tally.line()}  [{a.wcxb}: {len(pages)} pages, "
          f"{time.perf_counter() - t:.1f} s]")
    for key in sorted(k for k in tally.rows if k != "all"):
        print(f"  {key:13s} {tally.line(key)}")


if __name__ == "__main__":
    main()
