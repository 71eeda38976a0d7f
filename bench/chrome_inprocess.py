"""Score the `chrome` step in process on both development benchmarks (no HTTP).

usage: python -m bench.chrome_inprocess [dev-text] [dev-clean] [wcxb-text] [wcxb-clean]
       [--half all|tune|heldout] [--type T] [--limit N] [--steps chrome,whitespace] [--show N]
       [--bench ../shared/bench]

Runs only the steps named (chrome and whitespace by default: what decides
extraction), with the language detected as the service does. Reads the
benchmarks' data and scoring code from their folder at run time; nothing of
them is copied here. Besides the benchmarks' own figures it prints, for text
input, the article text each rule removed (a deleted line found in the
reference), and for clean bodies every deletion (--show N lists them).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import time
import urllib.parse
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
import service


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("modes", nargs="*", default=["dev-text", "dev-clean"])
    ap.add_argument("--steps", default="chrome,whitespace")
    ap.add_argument("--half", choices=["all", "tune", "heldout"], default="all")
    ap.add_argument("--type")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
    steps = [s for s in a.steps.split(",") if s]
    clean = lambda text: service.clean(text, steps=steps)  # noqa: E731
    for mode in a.modes:
        t = time.perf_counter()
        if mode.startswith("dev-"):
            run_dev(mode, a, clean)
        else:
            run_wcxb(mode, a, clean)
        print(f"  [{mode} {a.half}: {time.perf_counter() - t:.1f} s]")


def run_dev(mode: str, a, clean) -> None:
    import extraction  # type: ignore
    from score import format_summary, score_doc  # type: ignore

    def load(name):
        return [json.loads(line) for line in open(os.path.join(a.bench, "data", name), encoding="utf-8")]
    hosts = {d["id"]: urllib.parse.urlsplit(d.get("url", "")).hostname or d["id"] for d in load("scraped.jsonl")}

    def pick(docs):
        if a.half == "all":
            return docs
        return [d for d in docs if half(hosts.get(d["id"], d["id"])) == a.half]
    if mode == "dev-typos":
        total = Counter()
        for d in pick(load("corrupted.jsonl")):
            total += score_doc(d["reference"], d["injections"], clean(d["input"]).text)[0]
        print(format_summary("typos", total))
    elif mode == "dev-clean":
        report_clean([(d["id"], d["reference"]) for d in pick(load("corrupted.jsonl"))], clean, a.show)
    else:
        scores, lost = [], Counter()
        for d in pick(load("scraped.jsonl")):
            res = clean(d["input"])
            scores.append(extraction.page_score(res.text, d["reference"]))
            count_article_removed(res, d["reference"], lost)
        p, r, f = extraction.summarize(scores)
        print(f"dev text: P={p:.3f} R={r:.3f} F1={f:.3f} ({len(scores)} pages)")
        print_lost(lost)


def run_wcxb(mode: str, a, clean) -> None:
    import wcxb  # type: ignore
    pages = [p for p in wcxb.load_pages(os.path.join(a.bench, "wcxb", "pages.jsonl.gz"))
             if (a.half == "all" or wcxb.half_of(p) == a.half) and (not a.type or p["page_type"] == a.type)]
    if a.limit:
        pages = sorted(pages, key=lambda p: hashlib.sha256(p["id"].encode()).hexdigest())[:a.limit]
    if mode == "wcxb-clean":
        report_clean([(p["id"], p["reference"]) for p in pages if p["reference"].strip()], clean, a.show)
        return
    tally, base, lost, emptied = wcxb.Tally(), wcxb.Tally(), Counter(), []
    fewer = 0
    for page in pages:
        res = clean(page["input"])
        tally.add(page, res.text)
        base.add(page, page["input"])
        count_article_removed(res, page["reference"], lost)
        had, kept = wcxb.found(page["input"], page["with"]), wcxb.found(res.text, page["with"])
        fewer += kept < had
        if had and not kept:
            emptied.append(page["id"])
    print(f"wcxb text: {tally.line()}")
    for key in sorted(k for k in tally.rows if k != "all"):
        print(f"  {key:13s} {tally.line(key)}")
    print(f"  input unchanged: {base.line()}")
    print(f"  pages losing a must-keep snippet: {fewer}; emptied: {emptied[:20]}")
    print_lost(lost)


def half(host: str) -> str:
    host = host.removeprefix("www.")
    return "tune" if hashlib.sha256(host.encode()).digest()[0] % 2 == 0 else "heldout"


def count_article_removed(res, reference: str, lost: Counter) -> None:
    """Words of deleted lines that stand in the reference, per rule."""
    ref = " ".join(reference.split())
    for e in res.edits:
        if e.replacement == "" and e.step.startswith("chrome"):
            text = " ".join(e.original.split())
            if len(text.split()) >= 3 and text in ref:
                lost[e.rule] += len(text.split())


def print_lost(lost: Counter) -> None:
    if lost:
        print("  article words removed, by rule: " + ", ".join(f"{r.split('.')[-1]} {n}" for r, n in lost.most_common()))


def report_clean(docs, clean, show: int) -> None:
    words = kept = edits = 0
    worst = (1.0, "")
    rules, shown, low = Counter(), 0, []
    for doc_id, ref_text in docs:
        res = clean(ref_text)
        ref, out = Counter(ref_text.split()), Counter(res.text.split())
        n, k = sum(ref.values()), sum(min(c, out[w]) for w, c in ref.items())
        words, kept = words + n, kept + k
        worst = min(worst, (k / max(1, n), doc_id[:16]))
        if k / max(1, n) < 0.85:
            low.append((round(k / max(1, n), 3), doc_id[:12], Counter(e.rule for e in res.edits if e.step == "chrome").most_common(3)))
        for e in res.edits:
            if e.step == "whitespace":
                continue
            edits += 1
            rules[e.rule] += 1
            if shown < show and e.replacement == "":
                print(f"  {doc_id[:12]} {e.rule}: {e.original.strip()[:110]!r}")
                shown += 1
    print(f"clean bodies: words kept {kept / max(1, words):.4f} ({words - kept} of {words} lost), "
          f"worst page {worst[0]:.3f} ({worst[1]}), edits {1000 * edits / max(1, words):.2f} per 1000 words "
          f"({len(docs)} pages)")
    for item in sorted(low):
        print(f"  below 0.85: {item}")
    if rules:
        print("  edits by rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()))


if __name__ == "__main__":
    main()
