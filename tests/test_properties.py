"""Properties of the whole pipeline over real-looking text with injected damage.

Complements tests/test_edits.py (the edit model) with what users rely on:
cleaning is idempotent, keeps every word of clean text, gets offsets right
around emoji, combining marks, CRLF and NUL, and the fuzz corpus replays.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import service
from service.diff import edited_opcodes
from service.edits import apply_edits

from invariant import assert_line_opcodes

CLEAN_SENTENCES = [
    "The minister met his counterpart in Tokyo on Friday.",
    "Both sides agreed to cooperate on telecommunications and artificial intelligence.",
    "Analysts said the agreement could reshape regional supply chains.",
    "Officials declined to comment on the timing of the summit.",
    "Shares of the company rose 4.5% in early trading.",
    "“We are committed to an open region,” she said.",
]
DAMAGE = ["donâ€™t", "\u200b", "\x00", "  ", "\r\n", "e\u0301", "😀", "👩‍👩‍👧", "\u202e", "\t"]


@st.composite
def damaged_text(draw):
    sentences = draw(st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=1, max_size=8))
    pieces = []
    for s in sentences:
        pieces.append(s)
        if draw(st.booleans()):
            pieces.append(draw(st.sampled_from(DAMAGE)))
        pieces.append(draw(st.sampled_from([" ", "\n", "\n\n", "\r\n", "  \n", "\t\n"])))
    text = "".join(pieces)
    # a scraper's cut can end the text anywhere: inside a word, after a comma, on blanks
    # (the apposition crash in STEP_FAILURES was such an ending)
    if draw(st.booleans()):
        text = text[:draw(st.integers(min_value=1, max_value=len(text)))] + draw(st.sampled_from(CUT_ENDINGS))
    return text


# what a scraper's cut leaves after the last word
CUT_ENDINGS = ["", ",  ", ", ", " .", " —", ":", "\n\n", " (", "’s,  "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_text())
# a tab before a break the next line closes: the first pass removed the tab, the second joined
@example("“We are committed to an open region,” she said.👩\u200d👩\u200d👧\t\n .")
def test_cleaning_is_idempotent(text):
    once = service.clean(text)
    assert_no_step_failed(once)
    assert apply_edits(text, once.edits) == once.text
    twice = service.clean(once.text)
    assert twice.edits == (), f"second pass changed {[(e.original, e.replacement, e.rule) for e in twice.edits]}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(CLEAN_SENTENCES), min_size=1, max_size=10))
def test_clean_text_comes_back_untouched(sentences):
    text = " ".join(sentences)
    result = service.clean(text)
    assert result.edits == () and result.text == text


@pytest.mark.parametrize("prefix", ["😀", "👩‍👩‍👧 ", "e\u0301", "\r\n", "\x00", "\u202e"])
def test_offsets_are_code_points_around_hard_characters(prefix):
    text = prefix + "He didnâ€™t  stop."
    result = service.clean(text, steps=["unicode", "whitespace"])
    for e in result.edits:
        assert text[e.start:e.end] == e.original
    assert apply_edits(text, result.edits) == result.text
    assert "didn’t stop." in result.text


def assert_no_step_failed(result):
    """A step that raises is caught and left out (`incomplete.reason` "step_error"): never on any text."""
    assert result.incomplete is None or result.incomplete["reason"] != "step_error", result.incomplete


@pytest.mark.parametrize("ending", CUT_ENDINGS)
def test_no_step_fails_on_a_text_cut_after_any_word(ending):
    """Every clean sentence cut after each of its words, then each ending a cut leaves."""
    for sentence in CLEAN_SENTENCES:
        for m in re.finditer(r"\w+", sentence):
            assert_no_step_failed(service.clean(sentence[:m.end()] + ending))


# texts on which a step once raised, and what it was
STEP_FAILURES = {
    "Angela Merkle,  ": "names: a comma with only blanks after it read as an empty apposition",
}


@pytest.mark.parametrize("text", STEP_FAILURES, ids=list(STEP_FAILURES.values()))
def test_no_step_fails_on_texts_that_once_broke_one(text):
    assert_no_step_failed(service.clean(text))


CORPUS = Path(__file__).parent / "fuzz" / "corpus"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*"))[:200], ids=lambda p: p.name[:12])
def test_fuzz_corpus_replays_cleanly(path):
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    result = service.clean(text)
    assert_no_step_failed(result)
    assert apply_edits(text, result.edits) == result.text
    a, b = text.splitlines(keepends=True), result.text.splitlines(keepends=True)
    codes = edited_opcodes(text, result.text, a, b, result.edits)
    if codes is not None:  # the unified diff's lines, built from the edits
        assert_line_opcodes(a, b, codes)


# --- the chrome step is idempotent by construction (issue 13) --------------------------

CHROME_PIECES = [
    "India and Japan have finalised an agreement on 5G technology, officials in both capitals said on Wednesday.",
    "The two countries will develop the networks with the other members of the Quad, the ministers said.",
    "Die Minister trafen sich am Freitag in Tokio und vereinbarten, beim Ausbau der Netze zusammenzuarbeiten.",
    "Los ministros se reunieron el viernes en Tokio y acordaron trabajar juntos en las nuevas redes de la región.",
    "Home", "News", "Sport", "World", "Menu", "Sign in", "Related Articles", "Don't miss", "Advertisement",
    "Leave a Reply", "Share this:", "Facebook Twitter WhatsApp Email", "Privacy Policy", "© 2024 The Daily Times",
    "Quad ministers meet in Tokyo to discuss the region", "Markets close higher on trade hopes – The Diplomat",
    "Portable speaker with a carry strap for $399", "Breakfast: two boiled eggs with rye toast and a cup of tea",
    "Ann on May 4, 2020 at 4:47 pm said:", "By Staff Reporter", "Updated: Oct 12, 2020, 10:42 AM IST",
    "Talks resume after border standoff – The PrintThe two sides met for nine hours.",
]


@st.composite
def scraped_page(draw):
    pieces = draw(st.lists(st.sampled_from(CHROME_PIECES), min_size=1, max_size=24))
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n", "\n\n\n", " \n"]), min_size=len(pieces), max_size=len(pieces)))
    return "".join(p + s for p, s in zip(pieces, seps))


def _chrome_twice(text: str, language: str = "auto"):
    """Two passes of the chrome step; the second reads the language the first detected.

    (Detection on the shorter output may differ: that is the language step's
    property, not chrome's.)
    """
    once = service.clean(text, steps=["chrome"], language=language)
    assert apply_edits(text, once.edits) == once.text
    return once, service.clean(once.text, steps=["chrome"], language=once.language["code"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scraped_page(), st.sampled_from(["auto", "en", "und", "de"]))
def test_chrome_is_idempotent_on_generated_pages(text, language):
    once, twice = _chrome_twice(text, language)
    assert twice.edits == (), f"second pass removed {[(e.rule, e.original) for e in twice.edits]}"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*"))[:200], ids=lambda p: p.name[:12])
def test_chrome_is_idempotent_on_the_fuzz_corpus(path):
    text = path.read_bytes().decode("utf-8", errors="replace")
    once, twice = _chrome_twice(text)
    assert twice.edits == (), f"second pass removed {[(e.rule, e.original) for e in twice.edits]}"
