"""Every rule's own examples, run as in LanguageTool's rule tests.

For each entry of each rules file: each example's input becomes its output
when the rule's step runs alone; each negative stays untouched; and the step
run again on its own correction changes nothing more.
"""
from __future__ import annotations

import pytest

import service
from service.pipeline import default_resources


def _cases():
    rules = default_resources().rules
    for step, rule_file in rules.files.items():
        for entry in rule_file.entries:
            for n, ex in enumerate(entry.get("examples", [])):
                yield pytest.param(step, entry["id"], ex["input"], ex["output"], id=f"{entry['id']}-ex{n}")
            for n, neg in enumerate(entry.get("negatives", [])):
                yield pytest.param(step, entry["id"], neg, neg, id=f"{entry['id']}-neg{n}")


CASES = list(_cases())


@pytest.mark.parametrize("step,rule_id,text,expected", CASES)
def test_rule_example(step, rule_id, text, expected):
    result = service.clean(text, steps=[step], language="en")
    assert result.text == expected, f"{rule_id}: {text!r} -> {result.text!r}, edits {result.edits}"
    again = service.clean(result.text, steps=[step], language="en")
    assert again.edits == (), f"{rule_id}: re-running on its own correction changed {again.edits}"


def test_every_rules_file_has_examples():
    rules = default_resources().rules
    for step, rule_file in rules.files.items():
        with_examples = [e for e in rule_file.entries if e.get("examples") or e.get("negatives")]
        assert with_examples, f"{rule_file.path} has no examples at all"


def test_no_rule_repeats_an_example():
    """An example or negative written twice in one rule tests nothing more and hides a missing one."""
    rules = default_resources().rules
    for step, rule_file in rules.files.items():
        for entry in rule_file.entries:
            examples = [(ex["input"], ex["output"]) for ex in entry.get("examples", [])]
            negatives = list(entry.get("negatives", []))
            assert len(set(examples)) == len(examples), f"{rule_file.path}: {entry['id']} repeats an example"
            assert len(set(negatives)) == len(negatives), f"{rule_file.path}: {entry['id']} repeats a negative"
