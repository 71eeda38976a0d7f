"""The `candidates` mode of bench/calibrate_context.py: open-ended real-word candidates.

usage: python -m bench.calibrate_context candidates [--show]

On the clean prose of calibrate_context (never the development benchmark):
changes and suggestions per 1000 words at each grid threshold of each
`kind: candidates` rule; and HELDOUT_PAIRS swapped into the same prose: the
share that the step would change or suggest. Thresholds are chosen on the
clean prose alone (precision first); the held-out pairs only report.
"""
from __future__ import annotations

import collections
import math
import re

from bench.calibrate_context import FIT_GRID, Resources, _score_site, context, context_model
from service.steps.context.scan import find_sites

# Confusion pairs (correct word, error) held out of every list, never used to
# choose a threshold: common homophones and near-homophones of general English,
# picked before any measurement. A pair that a curated set or `similar` lists
# (now or later) is left out when measured, so what is reported is recall on
# errors nobody curated.
HELDOUT_PAIRS = (
    ("peak", "peek"), ("pour", "pore"), ("hire", "higher"), ("bail", "bale"), ("chord", "cord"),
    ("queue", "cue"), ("serial", "cereal"), ("wholly", "holy"), ("heir", "air"), ("hour", "our"),
    ("rode", "road"), ("rows", "rose"), ("suite", "sweet"), ("tail", "tale"), ("tow", "toe"),
    ("weigh", "way"), ("wear", "where"), ("sail", "sale"), ("band", "banned"), ("bored", "board"),
    ("mist", "missed"), ("pole", "poll"), ("sole", "soul"), ("beach", "beech"), ("cent", "sent"),
    ("die", "dye"), ("flew", "flu"), ("grate", "great"), ("hall", "haul"), ("idle", "idol"),
    ("lone", "loan"), ("medal", "meddle"), ("minor", "miner"), ("naval", "navel"), ("pane", "pain"),
    ("pedal", "peddle"), ("raise", "raze"), ("ring", "wring"), ("sweat", "sweet"), ("taught", "taut"),
    ("threw", "through"), ("tide", "tied"), ("wary", "weary"), ("lack", "lake"), ("fell", "fill"),
    ("lose", "lost"), ("this", "these"), ("were", "wore"), ("hand", "hind"), ("sell", "sale"),
)


def mode_candidates(sentences: list, res: Resources, show: bool = False) -> None:
    rules = res.rules.compiled("context")
    model = context_model.model_for(res.dictionaries)
    curated = {(w, p.word) for w, ps in rules.partners.items() for p in ps if not p.two_sided}
    held = [(good, bad) for good, bad in HELDOUT_PAIRS if (bad, good) not in curated]
    print(f"held-out pairs: {len(held)} of {len(HELDOUT_PAIRS)} (the rest are curated now)")
    words, scores = 0, collections.defaultdict(list)  # generator -> [(log ratio, where)]
    docs = [" ".join(sentences[i:i + 40]) for i in range(0, len(sentences), 40)]
    for doc in docs:
        words += len(doc.split())
        for site in find_sites(doc, rules.scan):
            found = _score_site(doc, site, rules, model)
            if found and found[1][1].two_sided and found[1][0] > 0:
                score, p = found[1]
                scores[p.rule].append((score, f"{site.tok.text}->{p.word}: {doc[max(0, site.tok.start - 40):site.tok.end + 40]}"))
    print(f"clean prose, {words} words: changes / suggestions per 1000 words at each threshold")
    for rule, found in sorted(scores.items()):
        cells = []
        for t in FIT_GRID + (30000, 100000):
            applied = sum(1 for sc, _ in found if sc >= math.log(t))
            suggested = sum(1 for sc, _ in found if math.log(t / context.SUGGEST_FRACTION) <= sc < math.log(t))
            cells.append(f"{t}:{1000 * applied / words:.3f}/{1000 * suggested / words:.3f}")
        print(f"  {rule}  " + " ".join(cells))
        for sc, where in sorted(found, reverse=True)[:20] if show else ():
            print(f"      {sc:6.1f} {where}")
    # held-out pairs swapped into the clean prose: the error as written, scored as the step would
    fixed, suggested, total = collections.Counter(), collections.Counter(), 0
    per_pair, held_scores = collections.Counter(), []
    for good, bad in held:
        pattern = re.compile(rf"\b{good}\b")
        n = 0
        for sent in sentences:
            m = pattern.search(sent)
            if m is None:
                continue
            swapped = sent[:m.start()] + bad + sent[m.end():]
            site = next((s for s in find_sites(swapped, rules.scan) if s.tok.start == m.start()), None)
            found = _score_site(swapped, site, rules, model) if site is not None else None
            total, n = total + 1, n + 1
            if found and found[1][1].word == good:
                score, p = found[1]
                threshold = p.threshold
                held_scores.append(score)
                fixed["any"] += score >= math.log(threshold)
                lowest = p.suggest or threshold / context.SUGGEST_FRACTION
                suggested["any"] += math.log(lowest) <= score < math.log(threshold)
                per_pair[f"{bad}>{good}"] += score >= math.log(lowest)
            if n >= 50:
                break
    print(f"held-out pairs swapped into clean prose: {total} errors, changed {fixed['any']}"
          f" ({fixed['any'] / max(1, total):.2f}), suggested {suggested['any']} ({suggested['any'] / max(1, total):.2f})")
    print("   would be changed at each threshold: " + " ".join(
        f"{t}:{sum(1 for sc in held_scores if sc >= math.log(t)) / max(1, total):.2f}" for t in FIT_GRID))
    if show:
        print("   caught:", ", ".join(f"{k} {n}" for k, n in per_pair.most_common()))
