"""Performance benchmark: the pipeline beside ftfy alone, on clean and on error-dense input.

usage: python -m bench.perf [--articles 200] [--bench ../shared/bench] [--core N] [--alternatives]
                            [--out bench/results]

Pinned to one core (`--core`, the last one by default), in process, `diff: none`.
For each kind of input, measured in the same run:

- articles: the project's generated ~5 KB news articles (bench/corpus.py), few errors;
- clean bodies: the development benchmark's human article bodies (`reference`);
- error-dense: the benchmark's corrupted pages (`corrupted.jsonl`: mojibake, typos,
  real-word errors, chrome and glued links, all in one page);
- scraped pages: the naive scraper's text of the same pages (`input`: menus, footers).

The benchmark's files are read from --bench at run time (nothing of them is copied
here; a missing file just leaves its rows out). It prints, per kind: MB/s of the whole
pipeline and of ftfy alone and their ratio (best of 3 passes of CPU time, after a
first pass that meets the pages' words for the first time: its MB/s is shown too, the
nearer figure for pages never seen), each step's share of the
pipeline's time (from `stats.step_ms`), and the input that costs most per MB against
the median. Then the cost per MB at 10 KB / 100 KB / 1 MB of error-dense and of
article text (it should stay about constant), start-up time and peak memory.
`--alternatives` adds per-step rows and naive per-word spellers on the articles.
Saves JSON (and a PNG of the step shares when matplotlib is installed). Not part of
the test suite's pass/fail.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")

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


def megabytes(texts) -> float:
    """UTF-8 size of `texts` in MB.

    >>> megabytes(["ab", "é"])
    4e-06
    """
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def figures(seconds, texts):
    """ms per article and MB/s from `timed_both`'s (wall, cpu) or a wall time."""
    wall, cpu = seconds if isinstance(seconds, tuple) else (seconds, None)
    size = megabytes(texts) * 1e6
    out = {"ms_per_article": round(1000 * wall / len(texts), 3), "mb_per_s": round(size / wall / 1e6, 3)}
    if cpu is not None:
        out["cpu_ms_per_article"] = round(1000 * cpu / len(texts), 3)
        out["cpu_mb_per_s"] = round(size / cpu / 1e6, 3)
    return out


def read_jsonl(path: str, field: str) -> list:
    """The `field` of every line of a JSON-lines file (empty when the file is missing)."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)[field] for line in f if line.strip()]


def input_kinds(articles: int, bench: str) -> dict:
    """{kind: [texts]} of every kind of input found (see the module doc)."""
    data = os.path.join(bench, "data")
    kinds = {"articles": corpus(articles),
             "clean bodies": read_jsonl(os.path.join(data, "scraped.jsonl"), "reference"),
             "error-dense": read_jsonl(os.path.join(data, "corrupted.jsonl"), "input"),
             "scraped pages": read_jsonl(os.path.join(data, "scraped.jsonl"), "input")}
    return {k: v for k, v in kinds.items() if v}


def step_shares(results) -> dict:
    """Each step's share of the summed step time of `results` (stats.step_ms).

    >>> class R: stats = {"step_ms": {"a": 3.0, "b": 1.0}}
    >>> step_shares([R(), R()])
    {'a': 0.75, 'b': 0.25}
    """
    total: dict = {}
    for r in results:
        for step, ms in r.stats["step_ms"].items():
            total[step] = total.get(step, 0.0) + ms
    whole = sum(total.values()) or 1.0
    return {step: round(ms / whole, 3) for step, ms in total.items()}


def worst_per_mb(clean, texts) -> dict:
    """The input that costs most CPU per MB (best of 2), beside the median of all."""
    costs = []
    for i, t in enumerate(texts):
        cpu = timed_both(clean, [t], 2)[1]
        costs.append((cpu / max(megabytes([t]), 1e-9), i, len(t)))
    worst = max(costs)
    return {"index": worst[1], "chars": worst[2], "ms_per_mb": round(1000 * worst[0]),
            "median_ms_per_mb": round(1000 * statistics.median(c[0] for c in costs))}


def compare_kind(texts, clean, ftfy_fix) -> dict:
    """Pipeline and ftfy alone on the same texts, step shares and the worst input."""
    # the first pass meets these pages' words for the first time (caches cold for them,
    # as for an unseen page in production); the best of 3 later passes is the steady state
    first = figures(timed_both(clean, texts, 1), texts)
    pipe = figures(timed_both(clean, texts, 3), texts)
    alone = figures(timed_both(ftfy_fix, texts, 3), texts)
    return {"documents": len(texts), "mb": round(megabytes(texts), 3),
            "first_pass": first, "pipeline": pipe, "ftfy": alone,
            "ratio": round(pipe["cpu_mb_per_s"] / alone["cpu_mb_per_s"], 3),
            "step_shares": step_shares([clean(t) for t in texts]),
            "worst": worst_per_mb(clean, texts)}


def print_kinds(report: dict) -> None:
    print(f"{'input (CPU, one core)':16} {'docs':>5} {'MB':>6} {'first pass':>11} {'pipeline MB/s':>14} "
          f"{'ftfy MB/s':>10} {'ratio':>6}  worst input ms/MB (median)")
    for kind, r in report.items():
        w = r["worst"]
        print(f"{kind:16} {r['documents']:5} {r['mb']:6.3f} {r['first_pass']['cpu_mb_per_s']:11.3f} "
              f"{r['pipeline']['cpu_mb_per_s']:14.3f} "
              f"{r['ftfy']['cpu_mb_per_s']:10.3f} {r['ratio']:6.2f}  "
              f"#{w['index']} ({w['chars']} chars) {w['ms_per_mb']} ({w['median_ms_per_mb']})")
    steps = list(dict.fromkeys(s for r in report.values() for s in r["step_shares"]))
    print("step shares     " + "".join(f"{s:>11}" for s in steps))
    for kind, r in report.items():
        print(f"{kind:16}" + "".join(f"{r['step_shares'].get(s, 0):11.0%}" for s in steps))


def scaling(clean, texts, sizes=(10_000, 100_000, 1_000_000)) -> dict:
    """{size: CPU ms per MB} cleaning inputs of each size cut from `texts` joined.

    Each size reads the same mix of pages: windows spread evenly over the joined
    text (up to 10 for the small sizes; beyond its length the text repeats), so a
    difference per MB comes from size, not from which pages a window holds.
    """
    base = "\n\n".join(texts)
    out = {}
    for size in sizes:
        whole = base * (size // len(base) + 1)
        count = max(1, min(10, len(base) // size))
        step = (len(whole) - size) // count if count > 1 else 0
        windows = [whole[k * step:k * step + size] for k in range(count)]
        cpu = timed_both(clean, windows, 2 if size < 1_000_000 else 1)[1]
        out[size] = round(1000 * cpu / megabytes(windows))
    return out


def alternatives(service, texts) -> dict:
    """Each step alone and naive per-word spellers on `texts` (the articles)."""
    from service.options import STEPS
    rows = {}
    for step in STEPS:
        rows[f"step:{step}"] = figures(timed_both(
            lambda t: service.clean(t, steps=[step], language="en", diff="none"), texts, 3), texts)
    sym = service.default_resources().dictionaries.symspell
    from symspellpy import Verbosity
    word = re.compile(r"[A-Za-z]+")

    def naive_symspell(t):
        for w in word.findall(t):
            sym.lookup(w.lower(), Verbosity.TOP, 2)
    rows["alt: naive symspellpy"] = figures(timed_both(naive_symspell, texts), texts)
    try:
        from spellchecker import SpellChecker
        sc = SpellChecker()
        sample = texts[:3]
        rows["alt: pyspellchecker (3 articles)"] = figures(
            timed_both(lambda t: [sc.correction(w) for w in word.findall(t)], sample), sample)
    except ImportError:
        pass
    for name, r in rows.items():
        print(f"{name:34} {r['cpu_ms_per_article']:8.3f} CPU ms/article {r['cpu_mb_per_s']:8.3f} MB/s")
    return rows


def startup_seconds() -> float:
    code = "import time; t=time.perf_counter(); import service; service.default_resources(); " \
           "service.clean('warm up text'); print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return round(float(out.stdout.strip()), 3)


def pin_to_one_core(core: int | None) -> int | None:
    """Run this process on one core (the last one by default); None where it cannot."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cores = sorted(os.sched_getaffinity(0))
    chosen = cores[-1] if core is None else core
    os.sched_setaffinity(0, {chosen})
    return chosen


def save_plot(report: dict, path: str) -> None:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot")
        return
    kinds = list(report)
    steps = list(dict.fromkeys(s for r in report.values() for s in r["step_shares"]))
    fig, ax = plt.subplots(figsize=(8, 3))
    left = [0.0] * len(kinds)
    for s in steps:
        ms = [1000 / report[k]["pipeline"]["cpu_mb_per_s"] * report[k]["step_shares"].get(s, 0) for k in kinds]
        ax.barh(kinds, ms, left=left, label=s)
        left = [a + b for a, b in zip(left, ms)]
    ax.set_xlabel("CPU ms per MB (one core), by step")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--bench", default=DEFAULT_BENCH, help="the shared benchmark (read at run time)")
    ap.add_argument("--core", type=int, help="the core to run on (default: the last one)")
    ap.add_argument("--alternatives", action="store_true", help="also each step alone and naive spellers")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    a = ap.parse_args()
    core = pin_to_one_core(a.core)
    import ftfy
    import service
    service.default_resources()

    def clean(t):
        return service.clean(t, diff="none")
    kinds = input_kinds(a.articles, a.bench)
    print(f"one core: {core}; CPU time of this process; ratio: best of 3 passes after the first")
    report = {kind: compare_kind(texts, clean, ftfy.fix_text) for kind, texts in kinds.items()}
    print_kinds(report)
    scale = {kind: scaling(clean, kinds[kind]) for kind in ("error-dense", "articles") if kind in kinds}
    for kind, row in scale.items():
        print(f"scaling, {kind}: CPU ms per MB " + "  ".join(f"{k // 1000} KB: {v}" for k, v in row.items()))
    rows = alternatives(service, kinds["articles"]) if a.alternatives else {}
    start = startup_seconds()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"start-up to first clean: {start} s; peak RSS of this process: {peak:.0f} MB")
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "perf.json"), "w") as fh:
        json.dump({"core": core, "kinds": report, "scaling_cpu_ms_per_mb": scale, "alternatives": rows,
                   "startup_s": start, "peak_rss_mb": round(peak)}, fh, indent=2)
    save_plot(report, os.path.join(a.out, "perf.png"))
    print(f"saved {a.out}/perf.json")


if __name__ == "__main__":
    main()
