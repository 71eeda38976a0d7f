"""HTML extraction never loses the ends of the main content: the head under the page's <h1>
(service/html/lede.py). Hand-written pages only."""
from __future__ import annotations

import pytest

from service.html import extract_html
from service.html.lede import with_lede

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
