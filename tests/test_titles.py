"""A title's parts: one module (service/titles.py) splits every reader's titles."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from service import titles
from service.html import named
from service.steps.chrome import headline, signals

CASES = yaml.safe_load((Path(__file__).parent / "data" / "title_parts.yaml").read_text(encoding="utf-8"))
READERS = {"page": titles.PAGE_TITLE, "headline": titles.HEADLINE_TITLE, "link": titles.LINK_TITLE,
           "glued": titles.GLUED_TITLE}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['reader']}:{c['title']}" for c in CASES])
def test_each_reader_splits_a_title_as_its_cases_say(case):
    options = READERS[case["reader"]]
    if case["reader"] in ("link", "glued"):
        got = titles.split_last_separator(case["title"], **options)
        assert (list(got) if got else None) == case["parts"]
    else:
        assert [p.strip() for p in titles.split_title(case["title"], **options) if p.strip()] == case["parts"]


@pytest.mark.parametrize("case", [c for c in CASES if c["reader"] == "page"], ids=lambda c: c["title"])
def test_the_guard_by_the_page_name_reads_the_module_parts(case):
    assert named.title_parts(case["title"]) == case["parts"]


@pytest.mark.parametrize("case", [c for c in CASES if c["reader"] == "headline" and len(c["parts"]) > 1],
                         ids=lambda c: c["title"])
def test_the_headline_finder_reads_the_module_parts(case):
    parts, _ = headline.title_parts(case["title"])
    assert parts == [headline.title_words(p) for p in case["parts"]]


def test_a_link_title_is_split_at_its_last_separator_by_the_module():
    assert signals.split_site_title("Talks resume after the border standoff :: The Print") == (
        "Talks resume after the border standoff", "The Print")
    # a bullet between blanks is a menu's, not a link title's separator
    assert signals.split_site_title("Talks resume after the border standoff • The Print") is None


def _last_by_rfind(text):
    """The last separator as split_site_title found it before the module: each mark's rfind, the largest."""
    best = None
    for sep in (" – ", " — ", " | ", " - ", " :: ", " · "):
        i = text.rfind(sep)
        if i > 0 and (best is None or i > best[0]):
            best = (i, sep)
    if best is None:
        return None
    i, sep = best
    return text[:i].strip(), text[i + len(sep):].strip()


def test_the_last_separator_is_each_marks_rightmost_occurrence_overlaps_too():
    rng = random.Random(7)
    alphabet = ["a", " ", "-", "–", "—", "|", ":", "·", "•", "\u00a0", "\t"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert titles.split_last_separator(text, **titles.LINK_TITLE) == _last_by_rfind(text), repr(text)


def test_an_unknown_colon_reading_is_refused():
    with pytest.raises(ValueError):
        titles.title_separator(colon="any")


def test_a_title_glued_onto_a_sentence_is_found_at_each_link_separator():
    from service.steps.chrome import glued
    for sep in (" – ", " | ", "  -  ", " · ", " :: "):
        line = f"New satellite launched into orbit{sep}WIONThe rocket left at dawn."
        assert glued.glued_title_end(line, "en") == line.index("The rocket"), sep
    assert glued.glued_title_end("New satellite launched into orbit • WIONThe rocket left at dawn.", "en") is None


@pytest.mark.parametrize("reader", sorted(READERS))
def test_readers_options_cannot_be_changed_by_a_caller(reader):
    with pytest.raises(TypeError):
        READERS[reader]["slash"] = True


def test_the_headline_finders_read_no_line_longer_than_a_label():
    # a line of more than LABEL_MAX_CHARS characters is a paragraph, no title or headline, whichever
    # finder reads it (the site's header and a product's carousels alike)
    long_word = "x" * headline.LABEL_MAX_CHARS
    for find in (headline.find_headline, headline.find_product_headline):
        assert find(["Beard Oil | Shop", "Menu", "Beard Oil"]) == 2
        assert find(["Beard Oil | Shop", "Menu", "Beard Oil " + long_word]) is None
        assert find(["Beard Oil | Shop " + long_word, "Menu", "Beard Oil"]) is None
    assert headline.find_product_headline(["Beard Oil by Northwind", "Menu", "Beard Oil " + long_word]) is None
