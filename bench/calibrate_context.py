"""Dev-time calibration of the `context` step on the project's OWN data.

usage: python bench/calibrate_context.py [clean] [directions] [noisy]
       [--pairs know>now,buy>by] [--docs 120]

Never reads the development benchmark. Data:
  - clean prose: sentences from the docstrings of Python's standard library and
    from pydoc's topic help (technical, but edited English), plus the correct
    sentences of tests/data/context_cases.yaml (own news-style sentences);
  - bigram-generated contexts: (left, word, right) triples drawn from the
    bigram list itself, weighted by count: natural contexts of every word,
    although "in-model" (they understate false alarms: use them to compare
    thresholds of one direction, not as absolute rates).

Modes:
  clean       edits the step makes on clean prose, per 5000 words (target <= 1)
  directions  per confusion direction w -> p: share of w's generated contexts
              that would change (false alarms) and share of p's contexts with
              p swapped for w that would be repaired, at each grid threshold
  noisy       documents of 40 clean sentences with 4 confusable words swapped
              for a curated partner: repaired share and broken words per 1000
"""
from __future__ import annotations

import argparse
import ast
import collections
import math
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import yaml  # noqa: E402

import service  # noqa: E402
from service.pipeline import Resources  # noqa: E402
from service.resources import dictionaries  # noqa: E402
from service.rules import load_rules  # noqa: E402
from service.steps import context, context_model  # noqa: E402
from service.tokens import tokenize  # noqa: E402

GRID = (10, 30, 100, 300, 1000, 3000)
_SKIP = re.compile(r"[{}=_\[\]<>]|::|\(\)|\*\*|>>>")


def _sentences_of(text: str) -> list:
    out = []
    for para in re.split(r"\n\s*\n", text):
        if _SKIP.search(para) or para.startswith("   "):
            continue
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(para.split())):
            words = s.split()
            if len(words) >= 6 and s[:1].isupper() and s.endswith(".") \
                    and sum(w.isalpha() for w in words) >= 0.8 * len(words):
                out.append(s)
    return out


def clean_sentences() -> list:
    """Edited English from the Python installation and the project's own cases."""
    seen, out = set(), []

    def add(items):
        for s in items:
            if s not in seen:
                seen.add(s)
                out.append(s)

    base = os.path.dirname(os.__file__)
    for root, _dirs, files in os.walk(base):
        if "site-packages" in root or "test" in root or "idlelib" in root:
            continue
        for name in files:
            if not name.endswith(".py"):
                continue
            try:
                tree = ast.parse(Path(root, name).read_text(encoding="utf-8"))
            except (SyntaxError, UnicodeDecodeError, OSError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                    add(_sentences_of(ast.get_docstring(node) or ""))
    try:
        from pydoc_data.topics import topics
        for text in topics.values():
            add(_sentences_of(text))
    except ImportError:  # pragma: no cover - stripped Python builds
        pass
    cases = yaml.safe_load((HERE.parent / "tests" / "data" / "context_cases.yaml").read_text(encoding="utf-8"))
    add(cases["negatives"])
    return out


def _resources() -> Resources:
    return Resources(rules=load_rules(modules={"context": context}), dictionaries=dictionaries())


def _clean(text: str, res: Resources):
    return service.clean(text, steps=["context"], language="en", resources=res)


def mode_clean(sentences: list, res: Resources, show: bool) -> None:
    docs = [" ".join(sentences[i:i + 40]) for i in range(0, len(sentences), 40)]
    words, edits = 0, []
    for d in docs:
        words += len(d.split())
        edits += [(e.rule, e.original, e.replacement, d[max(0, e.start - 40):e.end + 40])
                  for e in _clean(d, res).edits]
    print(f"clean prose: {len(edits)} edits in {words} words = {len(edits) / words * 5000:.2f} per 5000")
    for e in edits if show else ():
        print("   ", e)


def mode_directions(pairs: list, res: Resources) -> None:
    d = res.dictionaries
    model = context_model.model_for(d)
    partners = res.rules.compiled("context").partners
    left, right = collections.defaultdict(list), collections.defaultdict(list)
    for pair, n in d.bigrams.items():
        a, _, b = pair.partition(" ")
        right[a].append((b, n))
        left[b].append((a, n))

    def contexts(w, top=60):
        ls = sorted(left[w], key=lambda x: -x[1])[:top]
        rs = sorted(right[w], key=lambda x: -x[1])[:top]
        sl, sr = sum(n for _, n in ls) or 1, sum(n for _, n in rs) or 1
        for a, na in ls:
            for b, nb in rs:
                yield a, b, na * nb / (sl * sr)

    def ratio(a, w, p, b):
        return (context_model.phrase_logprob(model, a, (p,), b)
                - context_model.phrase_logprob(model, a, (w,), b))

    for w, p in pairs:
        fa, rec = collections.Counter(), collections.Counter()
        for a, b, wt in contexts(w):
            sc = ratio(a, w, p, b)
            for t in GRID:
                fa[t] += wt * (sc >= math.log(t))
        for a, b, wt in contexts(p):
            sc = ratio(a, w, p, b)
            for t in GRID:
                rec[t] += wt * (sc >= math.log(t))
        current = [x.threshold for x in partners.get(w, ()) if x.word == p]
        cells = " ".join(f"{t}:{fa[t]:.4f}/{rec[t]:.2f}" for t in GRID)
        print(f"{w}->{p} now {current[0] if current else '-'}  T:false/recall  {cells}")


def mode_noisy(sentences: list, res: Resources, n_docs: int) -> None:
    partners = res.rules.compiled("context").partners
    rng = random.Random(7)
    sents = sentences[:]
    rng.shuffle(sents)
    docs = [" ".join(sents[i:i + 40]) for i in range(0, len(sents) - 40, 40)][:n_docs]
    fixed = injected = broken = words = 0
    for doc in docs:
        toks = [t for t in tokenize(doc) if t.is_word and t.text.islower() and t.lower in partners]
        picks = sorted(rng.sample(toks, min(4, len(toks))), key=lambda t: t.start)
        out, pos, n = [], 0, 0
        for t in picks:
            cands = [p.word for p in partners[t.lower] if p.boosted]
            if cands:
                out += [doc[pos:t.start], rng.choice(cands)]
                pos, n = t.end, n + 1
        bad = "".join(out) + doc[pos:]
        a, b, c = _clean(bad, res).text.split(), doc.split(), bad.split()
        if len(a) != len(b):
            continue
        injected += n
        words += len(b)
        fixed += sum(1 for x, y, z in zip(a, b, c) if z != y and x == y)
        broken += sum(1 for x, y, z in zip(a, b, c) if z == y and x != y)
    print(f"noisy own prose: repaired {fixed}/{injected} = {fixed / max(1, injected):.2f}; "
          f"broken {broken} in {words} words = {broken / max(1, words) * 1000:.2f}/1k")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("modes", nargs="*", default=["clean", "noisy"])
    ap.add_argument("--pairs", default="know>now,buy>by,form>from,then>than,where>were")
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--show", action="store_true", help="print each edit on clean prose")
    a = ap.parse_args()
    res = _resources()
    sentences = clean_sentences() if {"clean", "noisy"} & set(a.modes) else []
    if "clean" in a.modes:
        mode_clean(sentences, res, a.show)
    if "directions" in a.modes:
        mode_directions([tuple(p.split(">")) for p in a.pairs.split(",")], res)
    if "noisy" in a.modes:
        mode_noisy(sentences, res, a.docs)


if __name__ == "__main__":
    main()
