"""Score `extract_html` (+ the chrome step) on the development benchmark's HTML pages.

usage: python bench/dev_html.py [--bench ../shared/bench] [--steps unicode,chrome,whitespace] [--raw]

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
sys.path.insert(0, os.path.dirname(HERE))
import service  # noqa: E402
from service.extract import extract_html  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--steps", default="unicode,chrome,whitespace")
    ap.add_argument("--raw", action="store_true")
    ap.add_argument("--per-page", action="store_true")
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
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


if __name__ == "__main__":
    main()
