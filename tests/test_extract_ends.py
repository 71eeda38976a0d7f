"""HTML extraction never loses the ends of the main content: the head under the page's <h1>
(service/html/lede.py) and the part of a huge page past the markup budget (service/html/tail.py).
Hand-written pages only."""
from __future__ import annotations

import time

import pytest

from service.html import extract_html
from service.html.lede import with_lede
from service.html.tail import MAX_TEXT_CHARS, read_tail, with_tail

# --- the head under the <h1> (lede.with_lede) ---

INTRO = "Find your next role at the first job board for jobs with a four day week at full pay."
CARDS = [f"Backend engineer number {i}, remote, four days a week, posted {i} days ago" for i in range(40)]
DATES = "\n\n".join(f"{i} days ago" for i in range(40))
STORY = ["By Ann Lee, staff writer", "Updated 4 May 2025",
         *(f"The council met on Monday, session {i}, and voted to close the old bridge to lorries." for i in range(30))]
BOARD = "\n".join(["Home", "Jobs", "Remote engineering jobs", INTRO, *CARDS])

LEDES = {  # name: (visible text, <h1>, links, chosen text, whether the head comes back)
    "a listing's card dates, nowhere under the heading": (BOARD, "Remote engineering jobs", frozenset(), DATES, True),
    "the last cards only, far below the heading": (BOARD, "Remote engineering jobs", frozenset(),
                                                    "\n\n".join(CARDS[-12:]), True),
    "a story that starts under its byline": ("\n".join(["Home", "Bridge closed", *STORY]), "Bridge closed",
                                             frozenset(), "\n\n".join(STORY[2:]), False),
    "a story that names its subject, below a widget of other stories": (
        "\n".join(["Home", "Lorries banned from the old bridge", "By Ann Lee", "Most read: " + "; ".join(
            f"a headline about the weather on day {i}" for i in range(40)), *STORY[2:]]),
        "Lorries banned from the old bridge", frozenset(), "\n\n".join(STORY[2:]), False),
    "a text that holds the heading": (BOARD, "Remote engineering jobs", frozenset(),
                                      "Remote engineering jobs\n\n" + DATES, False),
    "a text that holds a line of the head": (BOARD, "Remote engineering jobs", frozenset(),
                                             INTRO + "\n\n" + DATES, False),
    "a heading that is a link's text (the site's name)": (BOARD, "Remote engineering jobs",
                                                          frozenset({"remote engineering jobs"}), DATES, False),
    "a heading shown only inside a longer line": (BOARD.replace("Remote engineering jobs", "Remote engineering jobs "
                                                                "| Job Board"), "Remote engineering jobs",
                                                  frozenset(), DATES, False),
}


@pytest.mark.parametrize("name", sorted(LEDES))
def test_the_head_under_the_heading_comes_back_before_a_text_that_skipped_it(name):
    """The chosen text holds neither the page's <h1> nor a line of the ~60 words under it, and starts far
    below it (or nowhere under it): the heading and those lines are put back before it, the rest kept as it is.
    A story whose text starts right under its byline, a text holding the heading or a line of the head, a
    heading that is a link's text, or one that is only part of a longer line (the title shown again) stay."""
    visible, heading, links, chosen, back = LEDES[name]
    text, words = with_lede(chosen, visible, heading, links)
    if back:
        assert text.startswith(heading + "\n\n" + INTRO) and text.endswith("\n\n" + chosen) and words >= 20
    else:
        assert (text, words) == (chosen, 0)


def test_the_response_counts_the_head_put_back(monkeypatch):
    """Through extract_html: the rule chain (forced) keeps the job cards' dates of a board; the heading and
    the board's intro come back before them, and the metadata counts the words."""
    from service.html import extract

    dates = "".join(f"<p>{i} days ago</p>" for i in range(40))
    cards = "".join(f"<div class=card><a href=/j{i}>{line}</a></div>" for i, line in enumerate(CARDS))
    page = (f"<html><body><nav><a href=/>Home</a></nav><main><h1>Remote engineering jobs</h1><p>{INTRO}</p>"
            f"{cards}{dates}</main></body></html>")
    chosen = "\n\n".join(f"{i} days ago" for i in range(40))
    for name in ("choose_text", "prefer_baseline", "prefer_headed"):
        monkeypatch.setattr(extract, name, lambda *a, **k: chosen)
    monkeypatch.setattr(extract, "VOTERS", ("rules",))
    monkeypatch.setattr(extract, "guard_unnamed", lambda chosen, *a, **k: ("", chosen, ""))
    text, meta = extract_html(page)
    assert text.startswith("Remote engineering jobs\n\n" + INTRO) and text.endswith("39 days ago")
    assert meta["extraction"]["lede"] >= 20


# --- the part of a huge page past the markup budget (tail.with_tail) ---

def long_page(paragraphs: int, after: str = "") -> str:
    body = "".join(f"<div class=p><p>Paragraph {i} of the report: the <a href=/c{i}>council</a> met on "
                   f"<span>Monday</span> and voted to close the old bridge to lorries.</p></div>" for i in range(paragraphs))
    return (f"<html><head><title>The bridge report</title></head><body><nav><a href=/>Home</a></nav>"
            f"<h1>The bridge report</h1><article>{body}</article>{after}</body></html>")


def test_an_article_that_runs_past_the_markup_budget_is_read_to_its_end(monkeypatch):
    """The page's markup is over the budget (lowered here): the parser reads it up to the cut, and the
    article's paragraphs past it come back from the page's text read without a parser."""
    from service.html import bounds

    monkeypatch.setattr(bounds, "MARKUP_BUDGET", 3000)
    text, meta = extract_html(long_page(300))
    assert "Paragraph 299 of the report" in text and "Paragraph 150 of the report" in text
    assert meta["extraction"]["tail"] > 1000 and 0 < meta["extraction"]["cut_at"]
    assert "<" not in text and "tail_end" not in meta["extraction"]


def test_what_follows_an_article_that_ended_before_the_cut_stays_out(monkeypatch):
    """The article ends before the cut; past it, an aside of related links (the cut falls inside it, and
    the page's visible text leaves it out): not read into the text."""
    from service.html import bounds

    monkeypatch.setattr(bounds, "MARKUP_BUDGET", 3000)
    related = "<aside>" + "".join(f"<div><a href=/r{i}>Related story number {i} about lorries</a></div>"
                                  for i in range(400)) + "</aside>"
    text, meta = extract_html(long_page(20, after=related))
    assert "Paragraph 19 of the report" in text and "Related story number 399" not in text
    assert "tail" not in meta["extraction"] and meta["extraction"]["cut_at"] > 0


def test_the_text_read_past_the_cut_stops_at_the_largest_text_a_request_may_carry():
    past = "".join(f"<p>Paragraph {i} of the report, read past the cut.</p>" for i in range(80_000))
    text, words, end = with_tail("The council met.", "<p>The council met.</p>", past)
    assert len(text) <= MAX_TEXT_CHARS and words > 100_000
    last = int(text.rsplit("\n", 1)[-1].split()[1])  # the last paragraph read whole; reading stopped at the next
    assert 0 < end < len(past) and past[end:].startswith(f"Paragraph {last + 1} of")


def test_reading_past_the_cut_is_linear_in_the_page():
    """One pass of tokens; a script, a <select> or a comment is skipped whole, an unclosed one to the end."""
    def cost(n: int) -> float:
        page = "".join(f"<div><p>Item {i} <b>here</b> &amp; there.</p><script>var a = '<p>x</p>';</script>"
                       f"<select><option>Red</option></select><!-- c --></div>" for i in range(n)) + "<script>" + "<a " * n
        started = time.process_time()
        text = read_tail(page, room=10 ** 9)[0]
        assert text.count("\n") == n - 1 and "Red" not in text and "x" not in text.split()
        return time.process_time() - started

    small = min(cost(5000) for _ in range(3))
    large = min(cost(40000) for _ in range(3))
    assert large / max(small, 1e-3) < 16, f"8x the page cost {large / max(small, 1e-3):.1f}x the CPU"
