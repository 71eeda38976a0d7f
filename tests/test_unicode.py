"""The unicode step on labelled cases (tests/data/unicode_cases.yaml): damage it
repairs, and correct text in any language it must leave exactly as written."""
from pathlib import Path

import pytest
import yaml

import service

CASES = yaml.safe_load((Path(__file__).parent / "data" / "unicode_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["repairs"], ids=lambda c: c["input"][:30])
def test_unicode_damage_is_repaired_and_stays_repaired(case):
    result = service.clean(case["input"], steps=["unicode"])
    assert result.text == case["output"], result.edits
    assert service.clean(result.text, steps=["unicode"]).edits == ()


@pytest.mark.parametrize("text", CASES["clean"], ids=lambda t: t[:30])
def test_correct_text_in_any_script_comes_back_untouched(text):
    result = service.clean(text, steps=["unicode"])
    assert result.text == text and result.edits == (), [(e.rule, e.original) for e in result.edits]
