"""Performance benchmark: ms per article and MB/s per core, per step and whole.

usage: python -m bench.perf [--articles 200] [--out bench/results]

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

from bench.corpus import corpus


def timed(fn, texts, repeat=1):
    """Best wall-clock seconds over `repeat` runs (see `timed_both`)."""
    return timed_both(fn, texts, repeat)[0]


def timed_both(fn, texts, repeat=1):
    """Best (wall, CPU) seconds: CPU time is this process's own, so it stays
    comparable when other work shares the machine; wall time does not."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            fn(t)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu


def figures(seconds, texts):
    """ms per article and MB/s from `timed_both`'s (wall, cpu) or a wall time."""
    wall, cpu = seconds if isinstance(seconds, tuple) else (seconds, None)
    size = sum(len(t.encode("utf-8")) for t in texts)
    out = {"ms_per_article": round(1000 * wall / len(texts), 3), "mb_per_s": round(size / wall / 1e6, 3)}
    if cpu is not None:
        out["cpu_ms_per_article"] = round(1000 * cpu / len(texts), 3)
    return out


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
    # best of 3 passes: on a shared machine one pass can be twice as slow
    for step in STEPS:
        rows[f"step:{step}"] = figures(timed_both(
            lambda t: service.clean(t, steps=[step], language="en", diff="none"), texts, 3), texts)
    rows["pipeline (auto language)"] = figures(timed_both(lambda t: service.clean(t, diff="none"), texts, 3), texts)

    import ftfy
    rows["alt: ftfy alone"] = figures(timed_both(ftfy.fix_text, texts, 3), texts)
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
    print(f"{'what':34} {'ms/article':>11} {'MB/s':>8} {'vs pipeline':>12} {'CPU ms/article':>15}")
    for name, r in rows.items():
        cpu = f"{r['cpu_ms_per_article']:15.3f}" if "cpu_ms_per_article" in r else ""
        print(f"{name:34} {r['ms_per_article']:11.3f} {r['mb_per_s']:8.3f} "
              f"{r['ms_per_article'] / pipeline_ms:11.2f}x {cpu}")

    scaling = {}
    base = "\n\n".join(corpus(400, 5000, seed=11))
    for size in (1_000, 10_000, 100_000, 1_000_000):
        chunk = (base * (size // len(base) + 1))[:size]
        scaling[size] = round(1000 * timed(service.clean, [chunk], repeat=3), 2)
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
