"""Command line: `python -m service clean [FILE|-] [--json]`, `python -m service serve`."""
from __future__ import annotations

import argparse
import json
import os
import sys

from .errors import CopydeskError
from .options import DIFF_FORMATS, STEPS
from .paths import CHECKOUT, find_bundled


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m service", description="Copydesk text cleaning")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("clean", help="clean a file (or standard input) and print the result")
    c.add_argument("file", nargs="?", default="-", help="UTF-8 text file, or - for standard input")
    c.add_argument("--json", action="store_true", help="print the full result (edits, diff, stats) as JSON")
    c.add_argument("--html", action="store_true",
                   help="the file is a web page: its article is extracted, then cleaned (as /v1/clean's html)")
    c.add_argument("--steps", help=f"comma-separated steps (default: all of {','.join(STEPS)})")
    c.add_argument("--language", default="auto")
    c.add_argument("--diff", choices=DIFF_FORMATS,
                   help="print this diff of the text instead of the clean text (with --json: "
                        "the diff in the JSON; default there: unified)")
    c.add_argument("--min-confidence", type=float, default=0.5)
    s = sub.add_parser("serve", help="run the HTTP service with gunicorn")
    s.add_argument("--bind", default=os.environ.get("COPYDESK_BIND", "0.0.0.0:8080"))
    from .batch import add_commands
    parser.set_defaults(handlers=add_commands(sub))  # batch, prepare
    return parser


def read_input(path: str) -> str:
    data = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
    return data.decode("utf-8")


def command_clean(args) -> int:
    from .documents import clean_document, read_document
    try:
        text = read_input(args.file)
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"error: {args.file} is not valid UTF-8 (byte {exc.start})", file=sys.stderr)
        return 2
    options = {"language": args.language, "diff": args.diff or ("unified" if args.json else "none"),
               "min_confidence": args.min_confidence}
    if args.steps:
        options["steps"] = [s for s in args.steps.split(",") if s]
    try:
        # the one reading of a document (service.documents), as for /v1/clean and /v1/batch
        text, html, opts = read_document({("html" if args.html else "text"): text, **options})
        result, block = clean_document(text, html, opts)
    except CopydeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = result.to_dict()
        if block is not None:
            out["input"] = block  # the edits refer to the extracted text
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.diff and args.diff != "none":
        sys.stdout.write(result.diff if result.diff.endswith("\n") or not result.diff else result.diff + "\n")
    else:
        sys.stdout.write(result.text)
    return 0


def command_serve(args) -> int:
    from .app.config import load_config
    try:
        load_config()  # a bad COPYDESK_* setting: one clear line, not a traceback from every worker
    except CopydeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # gunicorn replaces this process, so signals reach it directly.
    argv = [sys.executable, "-m", "gunicorn", "--config", str(find_bundled("gunicorn.conf.py")),
            "--bind", args.bind, "service.app:create_app()"]
    os.chdir(CHECKOUT)  # gunicorn imports `service` from here, installed or not
    os.execv(sys.executable, argv)
    return 0  # not reached


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        handlers = {"clean": command_clean, "serve": command_serve, **args.handlers}
        return handlers[args.command](args)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): not an error of ours
        sys.stderr.close()
        return 0
