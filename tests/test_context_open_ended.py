"""The `context` step's open-ended candidates (candidates.homophone): which changes are applied and
which only suggested. Driven by tests/data/context_open_ended.yaml; the step alone, with its own rules."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import service
from service.pipeline import Resources
from service.resources import dictionaries
from service.rules import load_rules
from service.steps.context import step as context

CASES = yaml.safe_load((Path(__file__).parent / "data" / "context_open_ended.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resources():
    return Resources(rules=load_rules(steps=(context.STEP,)), dictionaries=dictionaries())


def run(text, resources):
    return service.clean(text, steps=["context"], resources=resources, language="en")


@pytest.mark.parametrize("case", CASES["fixed"], ids=lambda c: c["input"][:40])
def test_candidate_the_context_goes_with_is_applied(case, resources):
    result = run(case["input"], resources)
    assert result.text == case["output"], (result.edits, result.suggestions)
    assert all(e.rule == "context.candidates.homophone" for e in result.edits), result.edits
    assert run(result.text, resources).edits == ()


@pytest.mark.parametrize("case", CASES["at_chance"] + CASES["unread"], ids=lambda c: c["word"])
def test_candidate_the_context_cannot_vouch_for_is_suggested(case, resources):
    result = run(case["input"], resources)
    assert result.text == case["input"], result.edits
    assert case["word"] in [s.original for s in result.suggestions], result.suggestions


@pytest.mark.parametrize("case", CASES["terms"], ids=lambda c: c["word"])
def test_word_the_text_writes_throughout_is_kept(case, resources):
    result = run(case["text"], resources)
    assert result.text == case["text"], result.edits
    assert case["word"] in [s.original for s in result.suggestions], result.suggestions
    assert run(case["alone"], resources).text != case["alone"]  # the text's other uses hold it
