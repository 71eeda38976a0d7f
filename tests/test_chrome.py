"""The `chrome` step on labelled cases (tests/data/chrome_cases.yaml), the seed
article, and `extract_html` on small handwritten pages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import service
from service.html import extract_html
from service.pipeline import Resources
from service.rules import load_rules
from service.steps.chrome import menus
from service.steps.chrome import step as chrome

CASES_FILE = Path(__file__).parent / "data" / "chrome_cases.yaml"
CASES = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resources() -> Resources:
    # chrome needs only its own rules: the test does not depend on other steps' files
    return Resources(rules=load_rules(steps=(chrome.STEP,)), dictionaries=None)


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


# --- the fast paths give the plain answers ----------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from service.rules import DEFAULT_RULES_DIR  # noqa: E402
from service.steps.chrome import match as chrome_match  # noqa: E402
from service.steps.chrome import signals as sig  # noqa: E402

RULES = load_rules(steps=(chrome.STEP,)).compiled("chrome")


def _naive_match(text: str, rules):
    """The first rule that matches, trying every rule in turn (what match_rule must equal)."""
    return next((r for r in rules if r.matches(text)), None)


def _rule_lines(extra: str = ""):
    """Every line and block of the rule examples, the labelled cases (and `extra`)."""
    texts = [expand(c["input"]) for cases in CASES["groups"].values() for c in cases] + [extra]
    for entry in yaml.safe_load((DEFAULT_RULES_DIR / "chrome.yaml").read_text(encoding="utf-8"))["rules"]:
        texts += [e["input"] for e in entry.get("examples", ())] + list(entry.get("negatives", ()))
    lines = {line for t in texts for line in t.splitlines()}
    return sorted(lines | {b.text for t in texts for b in sig.group_blocks(sig.split_lines(t))})


def test_match_rule_equals_trying_every_rule(seed_text):
    lines = _rule_lines(seed_text)
    assert len(lines) > 150
    for line in lines:
        for variant in (line, line.upper(), line.lower(), f"  {line} "):
            assert chrome.match_rule(variant, RULES) is _naive_match(variant, RULES), variant


# Pieces of chrome lines and of prose, so that generated lines often match a rule.
_PIECES = ["Back to top", "button", "cookies", "Cookie", "we use cookies", "by continuing", "by using",
           "this site uses cookies", "to improve your experience", "website", "privacy", "Accept all",
           "Related Articles", "Home", "News", "/", "»", "said:", "wrote:", "John Smith", "on May 4, 2020",
           "at 4:47 pm", "Disclaimer:", "the views expressed here", "Tags:", "5G", "Share", "Facebook",
           "Twitter", "Advertisement", "Please", "disable your ad blocker", "Adblock Detected", "©",
           "All rights reserved", "The minister", "met", "in Tokyo", "ſ", "İ", "K", "ı", "ok", " ", " ", ".", ","]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12), st.sampled_from([" ", "", "  "]))
def test_match_rule_equals_trying_every_rule_on_generated_lines(pieces, sep):
    line = sep.join(pieces)
    assert chrome.match_rule(line, RULES) is _naive_match(line, RULES)


def test_needles_hold_for_every_rule_example():
    """A line a pattern fullmatches always contains one of its needles."""
    for line in _rule_lines():
        stripped = line.strip()
        for rule in RULES:
            needles = rule.pattern is not None and chrome_match.needles_of(rule.pattern)
            if needles and rule.pattern.fullmatch(stripped):
                hay = chrome_match.fold_case(stripped) if rule.pattern.flags & re.IGNORECASE else stripped
                assert any(n in hay for n in needles), (rule.id, stripped)


def test_only_four_other_letters_fold_to_ascii():
    """fold_case maps the non-ASCII characters that IGNORECASE matches to ASCII letters: these four."""
    import sys
    ascii_letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(i) for i in range(128, sys.maxunicode + 1) if ascii_letter.match(chr(i))}
    assert found == set(chrome_match._FOLD_CHARS)


@pytest.mark.parametrize("pattern,expected", [
    (r"(?:accept|reject) cookies?", {" cookie"}),
    (r"(?:back|go) to (?:the )?top", {"back to top", "back to the top", "go to top", "go to the top"}),
    (r"(?-i:ABC)def|xyz", {"def", "xyz"}),  # a group with its own flags gives none, the rest does
    (r"(?-i:ABC)|xyz", None),
    (r"[a-z]+", None),
    (r"©.{0,10}", None),           # a non-ASCII literal may case-match another character
])
def test_needles_of(pattern, expected):
    found = chrome_match.needles_of(re.compile(pattern, re.IGNORECASE))
    assert (set(found) if found else None) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.!?…:;。\"'”’)] \t\n\u00a0\u2003x“", max_size=12))
def test_ends_sentence_equals_its_regex(text):
    assert sig.ends_sentence(text) == bool(sig._END_SENTENCE.search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t\n\u2028\x0b", max_size=20))
def test_split_lines_without_carriage_returns(text):
    expected = []
    for m in sig._LINE.finditer(text):
        if m.start() == m.end():
            break
        expected.append((m.start(), m.end(), m.group(0).rstrip("\r\n")))
    assert [tuple(line) for line in sig.split_lines(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aBcé ΩTh\t\n\u00a0’'-5_.,“", max_size=40))
def test_words_unordered_are_the_words(text):
    assert sorted(sig.words_unordered(text)) == sorted(sig.words_of(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["The", "the", "of", "Home", "news", "5G", "isn’t", "co-op", "“We", "said,", "É"]),
                max_size=12))
def test_shape_counts_every_word(words):
    text = " ".join(words)
    stops = frozenset({"the", "of", "we"})
    found = sig.words_of(text)
    content = [w for w in found if w.lower() not in stops]
    shape = sig.shape_of(text, stops)
    assert shape.words == len(found)
    assert shape.stop_density == ((len(found) - len(content)) / len(found) if found else 0.0)
    capital = sum(1 for w in content if w[0].isupper())
    assert shape.title_case == (bool(content) and len(found) >= 2 and capital / len(content) >= 0.75)


_CUSTOM = chrome.compile_rules([
    {"id": "t.cookies", "message": "m", "max_chars": 300,
     "pattern": r"(?=.{0,80}\b(?:website|privacy)\b)(?:we use cookies|by using).{0,200}"},
    {"id": "t.byline", "message": "m", "case_sensitive": True, "pattern": r"By [A-Z]\w+ Smithson.{0,20}"},
    {"id": "t.share", "message": "m", "words": ["share", "tweet"], "max_chars": 40},
    {"id": "t.home", "message": "m", "pattern": r"home|menu", "where": "outside"},
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["we use cookies", "By", "by using", "Ann", "Smithson", "SMITHSON", "website",
                                 "privacy", "share", "Tweet", "home", "Menu", "ſ", "K", "the", ".", " "]),
                min_size=1, max_size=10))
def test_match_rule_equals_trying_every_rule_with_other_rules(pieces):
    line = " ".join(pieces)
    assert chrome.match_rule(line, _CUSTOM) is _naive_match(line, _CUSTOM)


def test_a_line_the_page_repeats_word_for_word_goes_the_second_time(resources):
    """A headline shown again in a related-links list after the article: the later copy is the page's."""
    head = "Two patients diagnosed with plague in China as officials scramble to prevent outbreak"
    text = expand(f"{head}\n\n{{P1}}\n\n{{P2}}\n\n{{P3}}\n\n{{P4}}\n\nMore stories\n\n{head}\n")
    result = service.clean(text, steps=["chrome"], language="en", resources=resources)
    repeats = [e for e in result.edits if e.rule == "chrome.repeated_line"
               or head in e.original]
    assert len(repeats) == 1 and head in repeats[0].original
    assert result.text.count(head) == 1 and result.text.startswith(head)
    assert all(CASES["paragraphs"][p] in result.text for p in ("P1", "P2", "P3", "P4"))


def test_a_line_repeated_inside_the_article_is_content(resources):
    """A forum reply quoting a post, a meal plan's ingredient: repeats between paragraphs stay."""
    quote = "The problem with the old compiler is that nobody can say what a simple statement does."
    text = expand(f"{{P1}}\n\n{quote}\n\n{{P2}}\n\n{quote}\n\n{{P3}}\n\n{{P4}}\n")
    result = service.clean(text, steps=["chrome"], language="en", resources=resources)
    assert result.text == text, [(e.rule, e.original) for e in result.edits]


def test_the_shape_cache_keeps_no_long_paragraphs():
    # a worker's cache of whole paragraphs grew by hundreds of MB and never shrank (issue 19)
    sig._cached_shape.cache_clear()
    long_block = "The minister said the talks would resume. " * 200
    sig.shape_of(long_block, frozenset({"the"}))
    sig.shape_of("Back to top", frozenset({"to"}))
    assert sig._cached_shape.cache_info().currsize == 1
    assert sig.shape_of(long_block, frozenset({"the"})) == sig.measure_shape(long_block, frozenset({"the"}))


def test_short_blocks_answers_are_kept_across_documents(resources):
    """A site's labels recur on its pages: per_block's answers for a short block are kept for the
    next document (chrome.seen), a paragraph's are not, and every case cleaned after all the others
    gives what it gives with that cache empty."""
    texts = [expand(case["input"]) for cases in CASES["groups"].values() for case in cases]
    outcome = lambda text: [(e.rule, e.start, e.end) for e in  # noqa: E731
                            service.clean(text, steps=["chrome"], language="en", resources=resources).edits]
    cold = []
    for text in texts:
        chrome.seen._kept.cache_clear()
        cold.append(outcome(text))
    warm = [outcome(text) for text in reversed(texts)][::-1]
    assert warm == cold
    info = chrome.seen._kept.cache_info
    chrome.seen._kept.cache_clear()
    outcome(expand("{P1}\n\n{P2}\n"))
    assert info().currsize == 0  # paragraphs: kept for one run only
    outcome(expand("Contact Us\n\n{P1}\n\n{P2}\n\nPrivacy Policy\n"))
    kept, hits = info().currsize, info().hits
    assert kept > 0
    outcome(expand("Contact Us\n\n{P3}\n\n{P4}\n\nPrivacy Policy\n"))
    assert info().hits > hits and info().currsize == kept  # the labels' answers read again, none added


def test_a_product_name_above_its_price_is_no_tag_list():
    # eight capitalised words without a function word read as a tag list, unless a price
    # follows them: then they name a product card (menus.mark_card_names)
    name = "Amber Oak Smoked Pine Ceramic Cowboy Boot Candle"
    block = chrome.sig.Block(0, 0, 0, len(name), name)
    stop = frozenset({"the", "a", "of", "and", "in"})
    assert chrome.chrome_evidence(block, None, False, stop).rule == "chrome.classifier.no_function_words"
    assert chrome.chrome_evidence(block, None, False, stop, card_name=True) is None
    blocks = chrome.sig.group_blocks(chrome.sig.split_lines(f"$18.00\n{name}\n$32.00\n"))
    assert chrome.mark_card_names(blocks, [None] * len(blocks)) == [False, True, False]


@pytest.mark.parametrize("labels,heads", [
    (["Home", "About", "Artisans", "Blog", "Support Small, Buy Local"], True),
    (["Home", "About Us", "Our Artisans", "Blog", "Gift Cards"], False),   # no longer than the others
    (["Home", "Artisans", "Our Artisan Blog", "Contact", "Shop"], False),  # the longest is not the last
])
def test_a_menu_runs_last_label_above_a_paragraph_is_its_heading(labels, heads):
    text = "\n".join(labels) + "\nShopping from a maker supports a small business and the family that runs it."
    blocks = chrome.sig.group_blocks(chrome.sig.split_lines(text))
    matched = [None] * len(blocks)
    prose = [False] * (len(blocks) - 1) + [True]
    menu = menus.mark_menu_runs(blocks, matched, long_run=3, top=len(blocks), phrases=False, prose=prose)
    assert menu[:-2] == [True] * (len(blocks) - 2)
    assert menu[-2] is (not heads)


@pytest.mark.parametrize("case", CASES["cleared_labels"], ids=lambda c: c["name"])
def test_a_kept_label_counts_as_the_texts_own_heading(case, resources):
    # a rule's label the text keeps as its heading finds the same article, and the same
    # deletions, as a heading no rule names in its place (tests/data/chrome_cases.yaml)
    from service.lexicon import function_words
    from service.steps import context_for
    rules = context_for("chrome").rules
    spans, outputs = [], []
    for heading in (case["label"], case["plain"]):
        text = expand(case["input"]).replace("{LABEL}", heading)
        blocks = chrome.sig.group_blocks(chrome.sig.split_lines(text))
        page = chrome.classify_blocks(blocks, rules, function_words("en"))
        spans.append((page.first, page.last))
        result = service.clean(text, steps=["chrome"], language="en", resources=resources)
        assert result.text == expected_output(text, case.get("remove_lines", ())), \
            [(e.rule, e.original) for e in result.edits]
        outputs.append(result.text.replace(heading, "{LABEL}"))
    assert spans[0] == spans[1]
    assert outputs[0] == outputs[1]
