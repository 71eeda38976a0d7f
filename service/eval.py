"""Quality report: fix rate and false-edit rate per kind of error.

    python -m service.eval                    # the project's own labelled cases
    python -m service.eval --cases my.jsonl   # your corpus: {"kind", "input", "expected"} per line

A case whose expected text equals its input is a negative: any edit to it is a
false edit. A positive counts as fixed when the output equals the expected
text exactly. The project's cases (tests/data/*_cases.yaml) each run their own
step alone; cases given with --cases run the whole pipeline unless --steps says
otherwise. Figures of the development benchmark are printed by
bench/dev_inprocess.py; this report is for labelled cases anyone can write.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from .options import STEPS

CASES_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"


@dataclass(frozen=True)
class Case:
    kind: str
    input: str
    expected: str
    steps: tuple | None = None

    @property
    def negative(self) -> bool:
        return self.input == self.expected


def project_cases(directory: Path = CASES_DIR) -> list[Case]:
    """The labelled cases of the spelling, context and names steps' tests."""
    def load(name):
        return yaml.safe_load((directory / f"{name}_cases.yaml").read_text(encoding="utf-8"))

    cases: list[Case] = []
    spelling = load("spelling")
    cases += [Case("nonword", c["input"], c["output"], ("spelling",)) for c in spelling["fix"] + spelling["split"]]
    cases += [Case("nonword", t, t, ("spelling",)) for t in spelling["keep"]]
    context = load("context")
    cases += [Case("realword", c["input"], c["output"], ("context",)) for c in context["synthetic"]]
    cases += [Case("realword", t, t, ("context",)) for t in context["negatives"]]
    names = load("names")
    cases += [Case("names", c["input"], c["output"], ("names",)) for c in names["seed"] + names["synthetic"]]
    cases += [Case("names", t, t, ("names",)) for t in names["negatives"]]
    return cases


def read_cases(path: str, steps: tuple | None) -> list[Case]:
    """Cases from a JSON-lines file of {"kind", "input", "expected"}."""
    cases = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                cases.append(Case(str(row.get("kind", "all")), row["input"], row["expected"], steps))
            except (ValueError, KeyError, TypeError) as exc:
                raise SystemExit(f"{path}:{number}: need a JSON object with 'input' and 'expected' ({exc})")
    return cases


def evaluate(cases: list[Case]) -> dict:
    """Per kind: positives, fixed, negatives, false edits (negatives changed)."""
    from . import clean
    table: dict[str, dict] = defaultdict(lambda: {"positives": 0, "fixed": 0, "negatives": 0, "false_edits": 0})
    for case in cases:
        options = {"language": "en"} | ({"steps": list(case.steps)} if case.steps else {})
        result = clean(case.input, **options)
        row = table[case.kind]
        if case.negative:
            row["negatives"] += 1
            row["false_edits"] += bool(result.edits)
        else:
            row["positives"] += 1
            row["fixed"] += result.text == case.expected
    return dict(table)


def format_report(table: dict) -> str:
    lines = [f"{'kind':10} {'fixed':>12} {'rate':>6}   {'false edits':>14} {'rate':>6}"]
    for kind, r in sorted(table.items()):
        fix_rate = r["fixed"] / r["positives"] if r["positives"] else 0.0
        false_rate = r["false_edits"] / r["negatives"] if r["negatives"] else 0.0
        lines.append(f"{kind:10} {r['fixed']:>5}/{r['positives']:<6} {fix_rate:6.2f}   "
                     f"{r['false_edits']:>6}/{r['negatives']:<7} {false_rate:6.3f}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m service.eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", help="JSON lines of {kind, input, expected}; default: the project's own cases")
    ap.add_argument("--steps", help=f"comma-separated steps for --cases (default: all of {','.join(STEPS)})")
    args = ap.parse_args(argv)
    steps = tuple(s for s in args.steps.split(",") if s) if args.steps else None
    if args.cases:
        cases = read_cases(args.cases, steps)
    elif CASES_DIR.is_dir():
        cases = project_cases()
    else:
        print(f"no labelled cases at {CASES_DIR}; pass --cases FILE.jsonl", file=sys.stderr)
        return 2
    print(format_report(evaluate(cases)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
