"""Big and hostile HTML pages (issue 13: pages up to 10 MB accepted): extraction polls the request's
time budget and returns what holds, says so, and stays linear; the page's date comes only from its
markup. Pages are generated (bench/big_pages.py), never stored."""
from __future__ import annotations

import gc
import logging
import time

import pytest

from bench.big_pages import page
from service.budget import Budget
from service.documents import clean_document
from service.html import extract_html
from service.html.tail import MAX_TEXT_CHARS
from service.options import Options

MB = 1_000_000


@pytest.fixture(autouse=True)
def quiet(caplog):
    caplog.set_level(logging.ERROR)  # trafilatura warns on every big page


def cpu(work) -> float:
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        work()
        return time.process_time() - started
    finally:
        gc.enable()


def test_a_page_that_needs_more_than_the_budget_returns_within_it_with_its_article():
    """One paragraph of 1 MB takes seconds to extract whole; with 0.3 s for the request, extraction
    stops after trafilatura's recall pass, the steps get nothing left, and the text is the article's,
    untouched. The response says which stages and steps did not run."""
    html = page("text", MB)
    clean_document(None, "<p>The resources load once.</p>", Options(diff="none"))
    answers = []
    spent = cpu(lambda: answers.append(clean_document(None, html, Options(diff="none"), budget=0.3)))
    result, block = answers[0]
    extraction = block["metadata"]["extraction"]
    assert spent < 0.3 + 1.5, f"{spent:.1f} s of CPU for a budget of 0.3 s"
    assert extraction["incomplete"]["reason"] == "time_budget" and "vote" in extraction["incomplete"]["steps"]
    assert result.incomplete is not None and result.text.count("(item ") >= 0.9 * html.count("(item ")


def test_the_response_names_extraction_among_what_did_not_finish(make_app):
    client = make_app(TIME_BUDGET_MS=100).test_client()
    response = client.post("/v1/clean", json={"html": page("text", MB), "diff": "none"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["incomplete"]["steps"][0] == "extract" and body["incomplete"]["reason"] == "time_budget"
    assert body["input"]["metadata"]["extraction"]["incomplete"]["steps"]
    assert body["text"].count("(item ") > 1000


def test_a_page_within_the_budget_says_nothing_of_it():
    text, meta = extract_html(page("article", 20_000), Budget(60.0))
    assert "incomplete" not in meta["extraction"] and "(item 99)" in text


def test_a_page_nested_past_the_parser_is_read_in_linear_time_with_its_article():
    """A page nested 10,000 deep, which libxml2 stops reading at 256, is read without the parser: the
    article's paragraphs are all there, and 8x the page costs less than 16x the CPU."""
    def run(size):
        html = page("nested", size)
        cost = cpu(lambda: texts.append(extract_html(html)[0]))
        paragraphs = html.count("(item ")
        assert texts[-1].count("(item ") >= 0.99 * paragraphs, f"{texts[-1].count('(item ')} of {paragraphs}"
        return cost

    texts: list = []
    small = min(run(60_000) for _ in range(2))
    large = min(run(480_000) for _ in range(2))
    assert large / max(small, 1e-3) < 16, f"8x the page cost {large / max(small, 1e-3):.1f}x the CPU"


def test_a_text_of_three_megabytes_is_cut_to_what_a_request_may_carry():
    text, meta = extract_html(page("text", 3 * MB))
    assert len(text) <= MAX_TEXT_CHARS and meta["extraction"]["left_out"] > MB // 2
    assert text.endswith(".")  # cut at a sentence's end, not inside a word


def test_a_text_node_past_the_parsers_limit_is_read_without_it():
    """libxml2 reads no text node of 10 MB (its limit without XML_PARSE_HUGE): every parsed candidate is
    empty, and the page's text read without the parser, cut to what a request may carry, is the article."""
    text, meta = extract_html("<p>" + "word " * 2_000_000 + "</p>")
    assert meta["extraction"]["source"] == "unparsed" and MAX_TEXT_CHARS // 2 < len(text) <= MAX_TEXT_CHARS


def test_the_part_past_the_markup_cut_is_read_when_the_budget_is_spent():
    """A 5 MB page of tables is cut at the markup budget; with no time left after trafilatura's recall
    pass, the cells past the cut are still read (linear, without a parser): most of the page is there."""
    html = page("table", 5 * MB)
    text, meta = extract_html(html, Budget(0.0))
    assert meta["extraction"]["incomplete"]["steps"] and meta["extraction"]["tail"] > 100_000


# --- the page's date: from its markup, never from its prose ----------------------------------------------

DATES = {  # name: (page, date)
    "a year in the prose": ("<html><head><title>The report</title></head><body><article>" + "".join(
        f"<p>Paragraph {1990 + i}: the council met and voted to close the old bridge.</p>" for i in range(30))
        + "</article></body></html>", None),
    "an ISO date in the prose": ("<html><body><article><p>On 2019-05-06 the council met and voted to close "
                                 "the old bridge to lorries after a long debate.</p>" * 5 + "</article></body></html>",
                                 None),
    "a published-time meta tag beside a year in the prose": (
        '<html><head><meta property="article:published_time" content="2021-03-04T10:00:00Z"></head><body>'
        "<article><p>In 1995 the council met and voted to close the old bridge to lorries.</p></article></body></html>",
        "2021-03-04"),
    "a <time> element": ("<html><body><article><p>By Ann Lee, <time datetime='2020-11-02'>2 November</time></p>"
                         "<p>The council met in 1987 and voted to close the old bridge to lorries.</p></article>"
                         "</body></html>", "2020-11-02"),
    "JSON-LD": ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
                '"datePublished": "2018-07-09T08:00:00Z"}</script></head><body><article><p>The council met in '
                "1999 and voted to close the old bridge to lorries.</p></article></body></html>", "2018-07-09"),
}


@pytest.mark.parametrize("name", sorted(DATES))
def test_the_date_comes_from_the_markup_never_the_prose(name):
    html, date = DATES[name]
    assert extract_html(html)[1].get("date") == date


def test_a_page_trafilatura_finds_nothing_in_is_not_emptied_when_the_budget_is_spent(monkeypatch):
    """Under load the budget may run out right after the recall pass; when that pass kept nothing
    (a listing of short cards, a script's shell) the stages that would have found the page's text
    are skipped, so the page's text read without a parser stands in for them."""
    from service.html import extract
    monkeypatch.setattr(extract, "_bare_extract", lambda html, **kw: None)
    cards = "".join(f"<div class='card'><a href='/l{i}'>Brass lamp {i}</a><span>${20 + i}</span></div>" for i in range(30))
    text, meta = extract_html(f"<html><body><h1>Lamps</h1>{cards}</body></html>", Budget(0.0))
    assert "Brass lamp 29" in text, meta
    assert meta["extraction"]["source"] == "unparsed" and "time budget" in meta["extraction"]["guard"]
    assert meta["extraction"]["incomplete"]["reason"] == "time_budget"


def test_a_page_under_the_polled_size_is_extracted_whole_under_any_load(make_app):
    """A scraper gets the same article from an ordinary page however loaded the service is: the
    budget is polled only on pages of budget.POLLED_PAGE_CHARS or more."""
    html = page("article", 250_000)  # half of POLLED_PAGE_CHARS
    client = make_app(TIME_BUDGET_MS=100).test_client()
    body = client.post("/v1/clean", json={"html": html, "steps": ["whitespace"], "diff": "none"}).get_json()
    assert "incomplete" not in body["input"]["metadata"]["extraction"], body["input"]["metadata"]["extraction"]
    assert body["input"]["text"] == extract_html(html)[0]
