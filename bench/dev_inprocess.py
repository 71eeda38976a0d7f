"""Score the library in process on the development benchmark (no HTTP).

usage: python -m bench.dev_inprocess [typos] [text] [clean] [--steps unicode,chrome,...]
       [--bench ../shared/bench] [--show N] [--min-confidence C]

Reads the benchmark's data and scoring code from its own folder at run time;
nothing of it is copied here. --show prints up to N broken words / misses.
"clean" runs the clean references themselves (issue 3: at most 1 edit per
5000 words) and, with --show, lists the edits made to them.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
import service


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("modes", nargs="*", default=["typos", "text"])
    ap.add_argument("--steps", default=",".join(service.STEPS))
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--min-confidence", type=float, default=None,
                    help="the request option of that name (default: the service's)")
    a = ap.parse_args()
    sys.path.insert(0, a.bench)
    import extraction  # type: ignore
    from score import format_summary, score_doc  # type: ignore
    steps = [s for s in a.steps.split(",") if s]
    options = {"steps": steps} if a.min_confidence is None else {"steps": steps, "min_confidence": a.min_confidence}
    load = lambda n: [json.loads(l) for l in open(os.path.join(a.bench, "data", n), encoding="utf-8")]  # noqa
    for mode in a.modes:
        t = time.perf_counter()
        if mode == "typos":
            docs, total, shown = load("corrupted.jsonl"), Counter(), 0
            for d in docs:
                out = service.clean(d["input"], **options).text
                c, _ = score_doc(d["reference"], d["injections"], out)
                total += c
                if a.show and shown < a.show:
                    shown += _show_diff(d["reference"], out, a.show - shown)
            line = format_summary("typos", total)
        elif mode == "clean":
            docs = {d["reference"]: d for d in load("scraped.jsonl")}.values()
            words, edits = 0, []
            for d in docs:
                words += len(d["reference"].split())
                edits += [(d["reference"], e) for e in service.clean(d["reference"], **options).edits]
            for ref, e in edits[:a.show]:
                around = ref[max(0, e.start - 40):e.end + 40].replace("\n", " ")
                print(f"  {e.rule}: {e.original!r} -> {e.replacement!r}  in  ...{around}...")
            line = f"clean references: {len(edits)} edits in {words} words = {5000 * len(edits) / max(1, words):.2f} per 5000"
        else:
            docs, scores = load("scraped.jsonl"), []
            for d in docs:
                scores.append(extraction.page_score(service.clean(d["input"], **options).text, d["reference"]))
            p, r, f = extraction.summarize(scores)
            line = f"extraction (text input): P={p:.3f} R={r:.3f} F1={f:.3f}"
        print(f"{line}  [{len(docs)} docs, {time.perf_counter() - t:.1f} s]")


def _show_diff(reference: str, output: str, limit: int) -> int:
    import difflib
    from score import tokens  # type: ignore
    ref = [t[0] for t in tokens(reference)]
    out = [t[0] for t in tokens(output)]
    n = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ref, out, autojunk=False).get_opcodes():
        if tag != "equal" and n < limit and i2 - i1 < 6 and j2 - j1 < 6:
            print(f"  ref {' '.join(ref[max(0, i1 - 3):i2 + 3])!r}\n  out {' '.join(out[max(0, j1 - 3):j2 + 3])!r}")
            n += 1
    return n


if __name__ == "__main__":
    main()
