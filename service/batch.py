"""`python -m service batch IN.jsonl OUT.jsonl`: clean a JSON-lines corpus on every core.

Each input line is {"id", "text"|"html", "options"?}; each output line is
{"id", ...clean result...} or {"id", "line", "error": {code, message}} -- the
same entries as POST /v1/batch. Workers load rules and dictionaries once each
(pool initializer). The run is resumable: ids already in OUT are skipped and new
results are appended, so an interrupted job is finished by running it again.

A first pass over IN counts the lines of the text documents of each `site`
(the first SITE_SAMPLE of each, so memory stays bounded): lines on most of a
site's documents are its boilerplate, removed as in a JSON /v1/batch
(steps/chrome/recurring.py). The pass reads all of IN, done ids too, so a
resumed run finds the same lines.
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from multiprocessing import Pool

from . import strict_json
from .errors import CopydeskError
from .documents import check_batch_document, clean_document, document_id, read_document
from .steps.chrome.recurring import document_lines, recurring_from_counts

# Text documents per site whose lines are counted (see the module docstring).
SITE_SAMPLE = 1000
_resources = None  # this process's Resources, set by init_worker


def init_worker(rules_dir: str | None) -> None:
    """Load rules and dictionaries once per process.

    The parent loads them before starting the pool, so forked workers inherit
    them (shared copy-on-write) and skip this; spawned workers load their own.
    """
    global _resources
    if _resources is None:
        from .pipeline import load_resources
        _resources = load_resources(rules_dir)


def error_entry(doc_id, number: int, code: str, message: str) -> dict:
    return {"id": doc_id, "line": number, "error": {"code": code, "message": message}}


def parse_line(number: int, line: str):
    """(id, document) for one input line, or (None, error entry) if it can't be used:
    the same checks, codes and messages as POST /v1/batch (service.documents)."""
    position = f"line {number}"
    try:
        document = strict_json.loads(line)
        check_batch_document(document, position)
    except strict_json.JsonInputError as exc:
        return None, error_entry(None, number, exc.code, f"{position}: {exc}")
    except CopydeskError as exc:
        return None, error_entry(document_id(document), number, exc.code, str(exc))
    return document_id(document), document


def clean_job(job: tuple) -> tuple[bool, str]:
    """(failed, output line without newline) for (line number, id, document, default
    options, the recurring lines of the document's site)."""
    number, doc_id, document, defaults, recurring = job
    position = f"line {number}"
    try:
        text, html, options = read_document(check_batch_document(document, position), defaults, position)
        result, block = clean_document(text, html, options, resources=_resources, recurring_lines=recurring)
        entry = {"id": doc_id, **result.to_dict()}
        if block is not None:
            entry["input"] = block
    except CopydeskError as exc:
        entry = error_entry(doc_id, number, exc.code, str(exc))
    except Exception as exc:  # one document's crash must not stop the corpus
        entry = error_entry(doc_id, number, "internal_error", f"{position}: {type(exc).__name__}: {exc}")
    return "error" in entry, json.dumps(entry, ensure_ascii=False)


def done_ids(path: str) -> set:
    """Ids already written to OUT, and ("line", n) for unusable lines already reported.

    A torn last line (an interrupted write) is cut off first.
    """
    if not os.path.exists(path):
        return set()
    trim_torn_line(path)
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            try:
                entry = json.loads(line)
                doc_id, number = entry.get("id"), entry.get("line")
            except (ValueError, AttributeError):
                continue
            if doc_id is not None:
                seen.add(doc_id)
            elif number is not None:
                seen.add(("line", number))
    return seen


def trim_torn_line(path: str) -> None:
    with open(path, "rb+") as fh:
        data_end = fh.seek(0, os.SEEK_END)
        if data_end == 0:
            return
        fh.seek(data_end - 1)
        if fh.read(1) == b"\n":
            return
        # Walk back to the last newline and cut there.
        position = data_end - 1
        while position > 0:
            step = min(65536, position)
            fh.seek(position - step)
            chunk = fh.read(step)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                fh.truncate(position - step + cut + 1)
                return
            position -= step
        fh.truncate(0)


def site_lines(path: str) -> dict:
    """site -> the lines on most of its text documents in the JSON-lines file `path`.

    Lines that are not a document with a text are passed over (the second pass
    reports them)."""
    counts: dict = {}
    documents: dict = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if '"text"' not in line:
                continue  # no text document on this line: not worth parsing
            try:
                document = strict_json.loads(line)
            except strict_json.JsonInputError:
                continue
            if not isinstance(document, dict) or not isinstance(document.get("text"), str):
                continue
            site = document.get("site", "")
            if not isinstance(site, str) or documents.get(site, 0) >= SITE_SAMPLE:
                continue
            documents[site] = documents.get(site, 0) + 1
            counts.setdefault(site, Counter()).update(document_lines(document["text"]))
    return {site: recurring_from_counts(counts[site], n) for site, n in documents.items()}


def iter_jobs(path: str, skip: set, defaults: dict, errors: list, recurring: dict | None = None):
    """Jobs for the pool; lines that can't be parsed go to `errors` instead.
    `recurring`: site -> its recurring lines (`site_lines`)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip() or ("line", number) in skip:
                continue
            try:
                line.encode("utf-8")
            except UnicodeEncodeError:
                errors.append(error_entry(None, number, "invalid_encoding", f"line {number} is not valid UTF-8"))
                continue
            doc_id, parsed = parse_line(number, line)
            if "error" in parsed:
                if ("line", number) not in skip and doc_id not in skip:
                    errors.append(parsed)
            elif doc_id not in skip:
                site = parsed.get("site", "")
                yield number, doc_id, parsed, defaults, (recurring or {}).get(site, frozenset())


def count_lines(path: str) -> int:
    with open(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


def run_batch(in_path: str, out_path: str, workers: int | None = None, defaults: dict | None = None,
              rules_dir: str | None = None, progress: bool = True) -> dict:
    """Clean IN into OUT (appending, skipping done ids); returns counts of the run."""
    from tqdm import tqdm
    from .options import Options
    defaults = defaults or {}
    Options.from_mapping(defaults)  # a bad default fails the run at once, not every line
    workers = workers or os.cpu_count() or 1
    skip = done_ids(out_path)
    total = count_lines(in_path)
    errors: list = []
    counts = {"cleaned": 0, "errors": 0, "skipped": 0}
    jobs = iter_jobs(in_path, skip, defaults, errors, site_lines(in_path))
    bar = tqdm(total=total, unit="doc", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    with open(out_path, "a", encoding="utf-8") as out:
        def write(failed: bool, line: str) -> None:
            out.write(line + "\n")
            out.flush()  # what is written survives an interruption, so a rerun resumes after it
            counts["errors" if failed else "cleaned"] += 1
            bar.update(1)

        init_worker(rules_dir)
        if workers == 1:
            for failed, line in map(clean_job, jobs):
                write(failed, line)
        else:
            with Pool(workers, initializer=init_worker, initargs=(rules_dir,)) as pool:
                # Unordered: a long document doesn't hold up the others; ids say which is which.
                for failed, line in pool.imap_unordered(clean_job, jobs, chunksize=4):
                    write(failed, line)
        for entry in errors:
            write(True, json.dumps(entry, ensure_ascii=False))
    counts["skipped"] = total - counts["cleaned"] - counts["errors"]
    bar.update(counts["skipped"])
    bar.close()
    return counts


# --- command line -------------------------------------------------------------------------------

def add_commands(sub) -> dict:
    """Add `batch` and `prepare` to the CLI's subparsers; returns their handlers by name."""
    from .options import DIFF_FORMATS
    b = sub.add_parser("batch", help="clean a JSON-lines corpus into a JSON-lines file, on all cores")
    b.add_argument("input", help="JSON lines: {\"id\", \"text\"|\"html\", \"options\"?} per line")
    b.add_argument("output", help="results are appended; ids already there are skipped (resume)")
    b.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)")
    b.add_argument("--steps", help="comma-separated steps for every document (default: all)")
    b.add_argument("--diff", choices=DIFF_FORMATS, help="diff format for every document")
    b.add_argument("--rules-dir", default=os.environ.get("COPYDESK_RULES_DIR") or None)
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    p = sub.add_parser("prepare", help="build the dictionary cache and check the rules (image build time)")
    p.add_argument("--rules-dir", default=os.environ.get("COPYDESK_RULES_DIR") or None)
    return {"batch": command_batch, "prepare": command_prepare}


def command_batch(args) -> int:
    if args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    defaults = {}
    if args.steps:
        defaults["steps"] = [s for s in args.steps.split(",") if s]
    if args.diff:
        defaults["diff"] = args.diff
    try:
        counts = run_batch(args.input, args.output, args.workers, defaults, args.rules_dir, not args.quiet)
    except OSError as exc:
        print(f"error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 2
    except CopydeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{counts['cleaned']} cleaned, {counts['errors']} errors, {counts['skipped']} already done "
          f"-> {args.output}", file=sys.stderr)
    return 0


def command_prepare(args) -> int:
    """Build the SymSpell pickle cache and load the rules once, so start-up only reads them."""
    import time
    from .pipeline import load_resources
    from .resources import cache_dir
    started = time.perf_counter()
    try:
        resources = load_resources(args.rules_dir)
    except CopydeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"dictionary cache in {cache_dir()}; rules {resources.rules.version} from "
          f"{resources.rules.directory}; {time.perf_counter() - started:.1f}s")
    return 0
