"""Performance benchmark: ms per article and MB/s per core, per step and whole.

usage: python bench/perf.py [--articles 200] [--out bench/results]

Prints, for 5 KB articles from bench/corpus.py: each step alone and the whole
pipeline, beside the alternatives measured in the same process and run (ftfy
alone, naive per-word symspellpy, pyspellchecker on a sample), with ratios;
scaling from 1 KB to 1 MB; start-up time and peak memory. Saves JSON and a
PNG of time per step. Not part of the test suite's pass/fail.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)

from corpus import corpus  # noqa: E402


def timed(fn, texts, repeat=1):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best


def figures(seconds, texts):
    size = sum(len(t.encode("utf-8")) for t in texts)
    return {"ms_per_article": round(1000 * seconds / len(texts), 3),
            "mb_per_s": round(size / seconds / 1e6, 3)}


def startup_seconds() -> float:
    code = "import time; t=time.perf_counter(); import service; service.default_resources(); " \
           "service.clean('warm up text'); print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return round(float(out.stdout.strip()), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    a = ap.parse_args()
    import service
    from service.options import STEPS
    service.default_resources()
    texts = corpus(a.articles)
    service.clean(texts[0])  # warm caches that every later call shares
    rows = {}
    for step in STEPS:
        rows[f"step:{step}"] = figures(timed(lambda t: service.clean(t, steps=[step], language="en"), texts), texts)
    rows["pipeline (auto language)"] = figures(timed(lambda t: service.clean(t, diff="none"), texts), texts)

    import ftfy
    rows["alt: ftfy alone"] = figures(timed(ftfy.fix_text, texts), texts)
    sym = service.default_resources().dictionaries.symspell
    from symspellpy import Verbosity
    word = re.compile(r"[A-Za-z]+")

    def naive_symspell(t):
        for w in word.findall(t):
            sym.lookup(w.lower(), Verbosity.TOP, 2)
    rows["alt: naive symspellpy"] = figures(timed(naive_symspell, texts), texts)
    try:
        from spellchecker import SpellChecker
        sc = SpellChecker()
        sample = texts[:3]
        rows["alt: pyspellchecker (3 articles)"] = figures(
            timed(lambda t: [sc.correction(w) for w in word.findall(t)], sample), sample)
    except ImportError:
        pass

    pipeline_ms = rows["pipeline (auto language)"]["ms_per_article"]
    print(f"{'what':34} {'ms/article':>11} {'MB/s':>8} {'vs pipeline':>12}")
    for name, r in rows.items():
        print(f"{name:34} {r['ms_per_article']:11.3f} {r['mb_per_s']:8.3f} {r['ms_per_article'] / pipeline_ms:11.2f}x")

    scaling = {}
    base = "\n\n".join(corpus(400, 5000, seed=11))
    for size in (1_000, 10_000, 100_000, 1_000_000):
        chunk = (base * (size // len(base) + 1))[:size]
        scaling[size] = round(1000 * timed(service.clean, [chunk]), 2)
    print("scaling (ms per input): " + "  ".join(f"{k // 1000} KB: {v}" for k, v in scaling.items()))
    start = startup_seconds()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"start-up to first clean: {start} s; peak RSS of this process: {peak:.0f} MB")

    os.makedirs(a.out, exist_ok=True)
    report = {"articles": len(texts), "rows": rows, "scaling_ms": scaling, "startup_s": start,
              "peak_rss_mb": round(peak)}
    with open(os.path.join(a.out, "perf.json"), "w") as fh:
        json.dump(report, fh, indent=2)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        names = [n for n in rows if n.startswith("step:")] + ["pipeline (auto language)", "alt: ftfy alone"]
        fig, ax = plt.subplots(figsize=(8, 4))
        ax.barh(names, [rows[n]["ms_per_article"] for n in names], color="#4a7bb7")
        ax.set_xlabel("ms per 5 KB article (one core)")
        ax.invert_yaxis()
        fig.tight_layout()
        fig.savefig(os.path.join(a.out, "perf.png"), dpi=100)
    except ImportError:
        print("matplotlib not installed: no plot")
    print(f"saved {a.out}/perf.json and perf.png")


if __name__ == "__main__":
    main()
