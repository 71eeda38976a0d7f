"""`python -m service.dask_job 'corpus/*.jsonl' OUT_DIR`: clean a JSON-lines corpus on a Dask cluster.

The same input and output lines as `python -m service batch` (each input line
`{"id", "text"|"html", "options"?}`, each output line the `/v1/batch` entry),
for corpora larger than one machine: the input files are spread over a Dask
cluster, one partition per file, and each worker process loads the rules and
dictionaries once (`service.batch.init_worker`).

- Resumable: ids already written under OUT_DIR are skipped, and each run
  writes its own part files (`run-NNN-part-*.jsonl`), so nothing written by an
  interrupted run is lost or written twice; a torn last line is cut off first.
- Valid output: every part file ends with a line feed, so
  `cat OUT_DIR/*.jsonl` is itself valid JSON lines.
- A bad line gets its error entry (with its file and line number), never
  stops the job.

`--scheduler local` (the default) starts a `distributed.LocalCluster` of
`--workers` processes (`pip install distributed`); a `tcp://HOST:PORT` address
joins a running cluster; `processes`, `threads` and `synchronous` use Dask's
local schedulers. Requires `dask[bag]`, which the service itself does not need.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys

from . import batch

_RUN = re.compile(r"run-(\d+)-")


def clean_partition(records: list, skip: frozenset, defaults: dict) -> list[str]:
    """One input file's (line, path) records cleaned, as one string of output lines each
    ending with a line feed ([] when none: an empty part file, not a blank line);
    ids in `skip` are left out."""
    batch.init_worker(None)  # once per worker process
    out = []
    for number, (line, path) in enumerate(records, 1):
        if not line.strip():
            continue
        doc_id, parsed = batch.parse_line(number, line)
        if doc_id in skip:
            continue
        if "error" in parsed:
            out.append(json.dumps({**parsed, "file": path}, ensure_ascii=False))
        else:
            out.append(batch.clean_job((number, doc_id, parsed, defaults, frozenset()))[1])
    return ["".join(line + "\n" for line in out)] if out else []


def done_ids(out_dir: str) -> frozenset:
    """Ids that earlier runs wrote under out_dir (torn last lines cut off)."""
    seen: set = set()
    for path in sorted(glob.glob(os.path.join(out_dir, "*.jsonl"))):
        seen |= {i for i in batch.done_ids(path) if not isinstance(i, tuple)}
    return frozenset(seen)


def next_run(out_dir: str) -> int:
    """1 + the highest run number among out_dir's part files.

    >>> next_run("/nonexistent")
    1
    """
    runs = [int(m.group(1)) for name in os.listdir(out_dir) if (m := _RUN.match(name))] \
        if os.path.isdir(out_dir) else []
    return max(runs, default=0) + 1


def clean_corpus(in_glob: str, out_dir: str, defaults: dict | None = None, scheduler: str = "processes") -> list[str]:
    """Clean every file matching in_glob into out_dir; returns the part files this run wrote."""
    import dask
    import dask.bag as db

    from .options import Options

    defaults = defaults or {}
    Options.from_mapping(defaults)  # a bad default fails the job at once, not on every line
    if not glob.glob(in_glob):
        raise FileNotFoundError(f"no input file matches {in_glob!r}")
    os.makedirs(out_dir, exist_ok=True)
    skip = done_ids(out_dir)
    run = next_run(out_dir)
    bag = db.read_text(in_glob, blocksize=None, include_path=True, linedelimiter="\n")
    lines = bag.map_partitions(clean_partition, skip, defaults)
    target = os.path.join(out_dir, f"run-{run:03d}-part-*.jsonl")
    if scheduler in ("processes", "threads", "synchronous"):
        with dask.config.set(scheduler=scheduler):
            return lines.to_textfiles(target)
    return lines.to_textfiles(target)  # the distributed client set by main()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m service.dask_job", description=__doc__.split("\n")[0])
    ap.add_argument("in_glob", help="input JSON-lines files, e.g. 'corpus/*.jsonl' (quoted)")
    ap.add_argument("out_dir", help="folder for the output part files")
    ap.add_argument("--scheduler", default="local",
                    help="local (a LocalCluster), a scheduler address, processes, threads or synchronous")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes of a local cluster")
    ap.add_argument("--steps", help="comma-separated steps (default: the service's)")
    ap.add_argument("--diff", default="none", choices=["none", "unified", "inline", "html"])
    args = ap.parse_args(argv)
    defaults: dict = {"diff": args.diff}
    if args.steps:
        defaults["steps"] = [s for s in args.steps.split(",") if s]
    if args.scheduler in ("processes", "threads", "synchronous"):
        written = clean_corpus(args.in_glob, args.out_dir, defaults, args.scheduler)
    else:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            print("the 'local' and address schedulers need the distributed package: pip install distributed",
                  file=sys.stderr)
            return 2
        if args.scheduler == "local":
            with LocalCluster(n_workers=args.workers, threads_per_worker=1) as cluster, Client(cluster):
                written = clean_corpus(args.in_glob, args.out_dir, defaults, "distributed")
        else:
            with Client(args.scheduler):
                written = clean_corpus(args.in_glob, args.out_dir, defaults, "distributed")
    print(f"wrote {len(written)} part files to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
