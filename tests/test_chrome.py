"""The `chrome` step on labelled cases (tests/data/chrome_cases.yaml), the seed
article, and `extract_html` on small handwritten pages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import service
from service.extract import extract_html
from service.pipeline import Resources
from service.rules import load_rules
from service.steps import chrome

CASES_FILE = Path(__file__).parent / "data" / "chrome_cases.yaml"
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resources() -> Resources:
    # chrome needs only its own rules: the test does not depend on other steps' files
    return Resources(rules=load_rules(modules={"chrome": chrome}), dictionaries=None)


def expand(text: str) -> str:
    """Put the article paragraphs in place of {P1}..{P4}."""
    return re.sub(r"\{(P\d)\}", lambda m: CASES["paragraphs"][m.group(1)], text)


def expected_output(text: str, lines=(), spans=()) -> str:
    """`text` without the given whole lines (with their breaks) and substrings.

    >>> expected_output("a\\nb\\nc", ["b", "c"])
    'a'
    """
    for span in spans:
        assert span in text, f"case lists {span!r}, which is not in its input"
        text = text.replace(span, "", 1)
    for line in lines:
        m = re.search(rf"^{re.escape(line)}(?:\r?\n)", text, re.M) or re.search(rf"\r?\n{re.escape(line)}\Z", text)
        assert m, f"case lists line {line!r}, which is not a line of its input"
        text = text[:m.start()] + text[m.end():]
    return text


def _params():
    for group, cases in CASES["groups"].items():
        for case in cases:
            yield pytest.param(group, case, id=f"{group}: {case['name']}")


@pytest.mark.parametrize("group,case", list(_params()))
def test_case(group, case, resources):
    text = expand(case["input"])
    expected = expected_output(text, case.get("remove_lines", ()), case.get("remove_text", ()))
    result = service.clean(text, steps=["chrome"], language=case.get("language", "en"), resources=resources)
    assert result.text == expected, [(e.rule, e.original) for e in result.edits]
    assert all(e.rule.startswith("chrome.") and e.message for e in result.edits)
    again = service.clean(result.text, steps=["chrome"], language=case.get("language", "en"), resources=resources)
    assert again.edits == ()


def test_negatives_group_has_no_removals():
    assert all(not c.get("remove_lines") and not c.get("remove_text") for c in CASES["groups"]["negatives"])


def test_seed_article(seed_text, resources):
    removed = ["Related Articles", "Back to top button", "Adblock Detected",
               "Please consider supporting us by disabling your ad blocker"]
    glued = "Huawei has lost the Romanian 5G market – Inside Telecom"
    result = service.clean(seed_text, steps=["chrome"], language="en", resources=resources)
    assert result.text == expected_output(seed_text, removed, [glued])
    assert "This is a huge update" in result.text
    assert result.text.startswith("Counterattack China- India And Japan")


def test_removals_explain_themselves(resources):
    text = expand("{P1}\n\nBack to top button\n")
    (edit,) = service.clean(text, steps=["chrome"], language="en", resources=resources).edits
    assert edit.rule == "chrome.phrase.back_to_top"
    assert "Back to top button" in edit.message and 0.5 <= edit.confidence <= 1.0
    assert edit.original == "Back to top button\n" and edit.replacement == ""


def test_bad_rule_pattern_names_the_rule():
    with pytest.raises(service.RulesError, match="chrome.bad"):
        chrome.compile_rules([{"id": "chrome.bad", "message": "m", "pattern": "(unclosed"}])
    with pytest.raises(service.RulesError, match="nested quantifier"):
        chrome.compile_rules([{"id": "chrome.slow", "message": "m", "pattern": "(a+)+b"}])


def test_long_line_without_newline_is_fast(resources):
    text = "Home " * 20000
    result = service.clean(text, steps=["chrome"], language="en", resources=resources)
    assert result.text == text


PAGE = """<!DOCTYPE html><html><head><title>Quad partners agree 5G deal - The Daily Times</title>
<meta name="author" content="Asha Rao"><meta property="og:site_name" content="The Daily Times">
<meta property="article:published_time" content="2020-10-12T10:42:00+05:30"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/login">Sign in</a></li></ul></nav>
<main><article><h1>Quad partners agree 5G deal</h1>
<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></article>
<aside><h3>Related Articles</h3><ul><li><a href="/a">Markets close higher on trade hopes</a></li></ul></aside></main>
<footer><p>Copyright © 2020 The Daily Times. All Rights Reserved.</p><a href="/privacy">Privacy Policy</a></footer>
</body></html>"""


def test_extract_html_article_and_metadata(resources):
    text, meta = extract_html(expand(PAGE))
    paragraphs = [expand(f"{{P{i}}}") for i in range(1, 5)]
    for p in paragraphs:
        assert p in text
    assert "\n\n".join(paragraphs) in text  # paragraphs separated by a blank line
    cleaned = service.clean(text, steps=["chrome", "whitespace"], language="en", resources=resources).text
    for chrome_line in ("Sign in", "Related Articles", "Privacy Policy", "All Rights Reserved"):
        assert chrome_line not in cleaned
    assert meta.get("title", "").startswith("Quad partners agree 5G deal")
    assert meta.get("author") == "Asha Rao"
    assert meta.get("date", "").startswith("2020-10-12")
    assert meta.get("sitename") == "The Daily Times"


@pytest.mark.parametrize("html", ["", "   ", "<<<>>>", "<html></html>", "\x00\x01garbage", "<p>hi</p>",
                                  "<html><body>" + "<div>" * 3000 + "</body></html>"])
def test_extract_html_never_raises(html):
    text, meta = extract_html(html)
    assert isinstance(text, str) and isinstance(meta, dict)
    if not text:
        assert meta == {}


def test_extract_html_rejects_non_text():
    assert extract_html(None) == ("", {})  # type: ignore[arg-type]
