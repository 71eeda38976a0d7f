"""Keep a small fuzz corpus: at most N inputs that cover every edge a libFuzzer merge saw.

    .venv/bin/python tests/fuzz/fuzz_clean.py -merge=1 -merge_control_file=/tmp/mcf \\
        /tmp/merged tests/fuzz/corpus /tmp/fuzz-new
    .venv/bin/python tests/fuzz/prune_corpus.py /tmp/mcf tests/fuzz/corpus --max 200

Greedy set cover over the control file's COV (edge) lines, smallest file first on ties,
then the inputs that add the most FT (feature) lines, up to --max. The corpus directory
is replaced by the chosen files (named by their content hash, as libFuzzer names them).
"""
from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path


def read_control_file(path: str):
    lines = Path(path).read_text().splitlines()
    n = int(lines[0])
    files = lines[2:2 + n]
    cov, ft = {}, {}
    for line in lines[2 + n:]:
        parts = line.split()
        if parts and parts[0] in ("COV", "FT"):
            (cov if parts[0] == "COV" else ft)[int(parts[1])] = set(map(int, parts[2:]))
    return files, cov, ft


def choose(files, cov, ft, limit: int) -> list:
    size = {i: os.path.getsize(f) for i, f in enumerate(files)}
    chosen = []
    for sets in (cov, ft):
        covered = set().union(*(sets.get(i, set()) for i in chosen))
        while len(chosen) < limit:
            best = max((i for i in sets if i not in chosen), key=lambda i: (len(sets[i] - covered), -size[i]),
                       default=None)
            if best is None or not sets[best] - covered:
                break
            chosen.append(best)
            covered |= sets[best]
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("control_file")
    ap.add_argument("corpus")
    ap.add_argument("--max", type=int, default=200)
    args = ap.parse_args()
    files, cov, ft = read_control_file(args.control_file)
    chosen = choose(files, cov, ft, args.max)
    data = {Path(files[i]).name: Path(files[i]).read_bytes() for i in chosen}
    out = Path(args.corpus)
    for old in out.iterdir():
        old.unlink()
    for name, content in data.items():
        (out / name).write_bytes(content)
    edges = set().union(*cov.values()) if cov else set()
    kept = set().union(*(cov.get(i, set()) for i in chosen)) if chosen else set()
    print(f"kept {len(chosen)} of {len(files)} inputs, {sum(map(len, data.values()))} bytes, "
          f"{len(kept)} of {len(edges)} edges")


if __name__ == "__main__":
    main()
