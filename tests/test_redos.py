"""Regular-expression safety of operator-supplied rule patterns (rules/chrome.yaml, rules/context.yaml).

Rule patterns run with Python's backtracking `re` on untrusted text. Each step's
`compile_rules` refuses patterns that may backtrack catastrophically (chrome: a
regex over the pattern source; context: a walk of the parsed pattern). Here:

1. known catastrophic patterns, given as rule entries to each step's
   `compile_rules`, must raise RulesError (the ones a guard misses today are
   strict xfails naming the gap, so they turn red once it is closed);
2. every shipped pattern, run the way its step runs it, finishes on adversarial
   inputs within a bound. This runs in a subprocess with a hard timeout, so a
   pattern that never finishes fails the test instead of hanging the suite.

google-re2 (linear-time matching) would remove the class of bug, but it needs
changes to service/steps/chrome.py and context.py (they call `re.compile`).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from service.errors import RulesError
from service.steps.chrome import step as chrome
from service.steps.context import step as context

ROOT = Path(__file__).resolve().parents[1]
UNSAFE = re.compile(r"nested|backtrack|catastroph|unsafe|ambiguous|overlap", re.IGNORECASE)

GUARD_GAP = ("the guard only looks for a quantifier inside a quantified group; an alternation whose "
             "branches overlap ('(a|a)*$': 2.2 s on 24 a's + '!', doubling per character; '(a|aa)+$' "
             "Fibonacci growth) passes it. Owner: service/steps/{step}.py compile_rules")

# (pattern, a short input it matches: context requires an example that matches)
CATASTROPHIC = [
    (r"(a+)+$", "aaa"),
    (r"(a|a)*$", "aaa"),
    (r"(a|aa)+$", "aaa"),
    (r"(.*a){20}", "a" * 20),
    (r"^(\w+\s?)*$", "ab cd"),
    (r"(a*)*b", "aab"),
    (r"(?:a+)+$", "aaa"),
    (r"(x+x+)+y", "xxy"),
    (r"(\d+|\w+)*!", "12ab!"),
    (r"(a+){2,}$", "aaa"),
]
MISSED_BY_BOTH: set = set()  # both steps now share service.regexes.check_regex_safe


def cases(step: str):
    for pattern, example in CATASTROPHIC:
        marks = ([pytest.mark.xfail(strict=True, reason=GUARD_GAP.format(step=step))]
                 if pattern in MISSED_BY_BOTH else [])
        yield pytest.param(pattern, example, marks=marks, id=pattern)


@pytest.mark.parametrize("pattern,example", list(cases("chrome")))
def test_chrome_refuses_catastrophic_patterns(pattern, example):
    entry = {"id": "test.redos", "message": "test", "pattern": pattern}
    with pytest.raises(RulesError) as info:
        chrome.compile_rules([entry])
    assert UNSAFE.search(str(info.value)), str(info.value)


@pytest.mark.parametrize("pattern,example", list(cases("context")))
def test_context_refuses_catastrophic_patterns(pattern, example):
    assert re.search(pattern, example, re.IGNORECASE), "the example must match, or the refusal means nothing"
    entry = {"id": "test.redos", "kind": "pattern", "pattern": pattern, "replacement": "x", "source": "test",
             "examples": [{"input": example, "output": "x"}]}
    with pytest.raises(RulesError) as info:
        context.compile_rules([entry])
    assert UNSAFE.search(str(info.value)), str(info.value)


def test_safe_patterns_are_still_accepted():
    """The guards must not refuse everything (else the tests above prove nothing)."""
    chrome.compile_rules([{"id": "test.ok", "message": "m", "pattern": r"(?:share|tweet) this(?: article)?\W{0,3}"}])
    context.compile_rules([{"id": "test.ok", "kind": "pattern", "pattern": r"\bfree reign\b",
                            "replacement": "free rein", "source": "t",
                            "examples": [{"input": "free reign", "output": "free rein"}]}])


def test_catastrophic_pattern_in_a_rules_file_stops_loading(tmp_path):
    from service.rules import DEFAULT_RULES_DIR, load_rules
    shutil.copy(DEFAULT_RULES_DIR / "chrome.yaml", tmp_path / "chrome.yaml")
    with open(tmp_path / "chrome.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n  - id: chrome.test.evil\n    message: evil\n    pattern: '^(\\w+\\s?)*$'\n")
    with pytest.raises(RulesError, match=r"chrome\.yaml.*chrome\.test\.evil"):
        load_rules(tmp_path, steps=(chrome.STEP,))


# --- every shipped pattern on adversarial input -------------------------------------------------

BOUND_S = 0.5           # per pattern, per input; the slowest shipped one takes ~10 ms today
SUBPROCESS_LIMIT_S = 120

MEASURE = textwrap.dedent("""
    import json, sys, time
    from service.rules import load_rules
    ADVERSARIAL = {"a!": "a" * 50000 + "!", "spaces": " " * 50000, "A_": "A " * 20000,
                   "dots": "." * 50000, "words": "ab " * 16000 + "!", "digits": "1/" * 20000,
                   "tabs_nl": "\\t \\n" * 15000, "quotes": "'\\u2019\\"" * 15000}
    rules = load_rules()
    out = []
    def timed(rule, how, fn):
        for name, s in ADVERSARIAL.items():
            t = time.perf_counter(); fn(s); out.append((rule, how, name, time.perf_counter() - t))
    # context runs finditer over the whole text
    for p in rules.compiled("context").patterns:
        timed(p.rule, "finditer", lambda s, rx=p.regex: sum(1 for _ in rx.finditer(s)))
    # chrome fullmatches each stripped line of at most max_chars; also on the whole string
    for r in rules.compiled("chrome"):
        if r.pattern is None:
            continue
        timed(r.id, "fullmatch<=max_chars", lambda s, r=r: r.pattern.fullmatch(s[:r.max_chars].strip()))
        timed(r.id, "fullmatch", lambda s, r=r: r.pattern.fullmatch(s))
    json.dump(out, sys.stdout)
""")


def test_shipped_patterns_finish_fast_on_adversarial_input():
    try:
        done = subprocess.run([sys.executable, "-c", MEASURE], cwd=ROOT, capture_output=True, text=True,
                              timeout=SUBPROCESS_LIMIT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"matching the shipped patterns took over {SUBPROCESS_LIMIT_S}s: one backtracks badly")
    assert done.returncode == 0, done.stderr[-2000:]
    timings = json.loads(done.stdout)
    rules = {t[0] for t in timings}
    assert any(r.startswith("context.") for r in rules) and any(r.startswith("chrome.") for r in rules)
    slow = sorted((t for t in timings if t[3] > BOUND_S), key=lambda t: -t[3])
    assert not slow, "slow patterns (rule, how, input, seconds): " + repr(slow[:10])
