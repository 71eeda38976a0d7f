"""A page's own lists: cards that each carry the same button, a listing's teasers and its items' details.

Both are the shapes a list of the page's own items takes that a related box
or a list of links also takes once; `step.classify_blocks` and
`step.walk_outward` ask them before they take such a list as chrome.
"""
from __future__ import annotations

import re

from . import signals as sig
from .menus import DATELINE_RULE

# A listing's teaser is a sentence or two under its title; an article's paragraph
# under a subheading runs longer (see has_own_teasers).
TEASER_WORDS = 30
# A list heading's wording that stands this often on one page is each card's
# own button ("Read the full story" under every case study): it heads no
# list, is no evidence of chrome and stays with its card (see card_buttons).
CARD_BUTTON_REPEATS = 3


def card_buttons(blocks: list[sig.Block], evidence: list, prose: list) -> list[int]:
    """Blocks whose list heading's wording recurs CARD_BUTTON_REPEATS times, a card apart.

    `evidence`: a Verdict or a matched rule (or None) per block: what has `starts_list`.

    A heading of a related box stands once; the same words under every item
    of a page's own list of cards, most of them with a teaser (prose)
    between, are each card's link ("Read the full story"), and the cards are the
    page's content. A "Read more" after each bare title is a box of links.

    >>> from types import SimpleNamespace
    >>> v = SimpleNamespace(starts_list=True)
    >>> texts = ["Read more", "A", "Read more", "B", "read more"]
    >>> bs = [sig.Block(i, i, 0, 0, t) for i, t in enumerate(texts)]
    >>> card_buttons(bs, [v, None, v, None, v], [False, True, False, True, False])
    [0, 2, 4]
    >>> card_buttons(bs, [v, None, v, None, v], [False] * 5), card_buttons(bs[:3], [v, None, v], [False, True, False])
    ([], [])
    """
    places: dict = {}
    for i, (b, v) in enumerate(zip(blocks, evidence)):
        if v is not None and v.starts_list:
            places.setdefault(b.text.strip().lower(), []).append(i)
    out = []
    for found in places.values():
        teasers = sum(1 for a, b in zip(found, found[1:]) if any(prose[a + 1:b]))
        if len(found) >= CARD_BUTTON_REPEATS and 2 * teasers >= len(found) - 1:
            out += found
    return sorted(out)


def has_own_teasers(texts, classes, in_run) -> bool:
    """True when an article's prose is mostly short lone paragraphs, each under a title.

    That is a listing's teasers (a news index, a blog's front page), and
    teasers below it are more of the page's own: walk_outward ends a list
    at them instead of taking them. An article's paragraphs come in runs,
    and one under each subheading of a how-to runs longer than TEASER_WORDS.

    >>> has_own_teasers(["t", "w " * 20, "t", "w " * 25], ["short", "good"] * 2, [False] * 4)
    True
    >>> has_own_teasers(["t", "w " * 60, "t", "w " * 70], ["short", "good"] * 2, [False] * 4)
    False
    >>> has_own_teasers(["w " * 20, "w " * 25], ["good"] * 2, [True] * 2)
    False
    """
    lone = [len(t.split()) for t, c, r in zip(texts, classes, in_run) if c == "good" and not r]
    in_runs = sum(len(t.split()) for t, c, r in zip(texts, classes, in_run) if c == "good" and r)
    return bool(lone) and 2 * in_runs < sum(lone) + in_runs and sum(lone) <= TEASER_WORDS * len(lone)


# An item's reading time ("3 min read") right under its dateline, on this many items of a
# page: each story's details in a listing (a news article shows one, above its text).
ITEM_DETAILS_MIN = 3
_READING_TIME = re.compile(r"\d{1,3}\s?min(?:ute)?s?\.? read", re.IGNORECASE)


def item_reading_times(texts: list[str], matched: list) -> list[int]:
    """Blocks of reading times that stand under the dateline of each item of a listing.

    >>> class D: id = DATELINE_RULE
    >>> class W: id = "chrome.phrase.widgets"
    >>> texts = ["Title one", "1d ago", "3 min read", "Title two", "5d ago", "9 min read", "Title three",
    ...          "Nov 7, 2025", "11 min read"]
    >>> item_reading_times(texts, [None, D(), W()] * 3)
    [2, 5, 8]
    >>> item_reading_times(texts[:6], [None, D(), W()] * 2)
    []
    """
    found = [i for i in range(1, len(texts)) if matched[i] is not None and matched[i - 1] is not None
             and matched[i - 1].id == DATELINE_RULE and _READING_TIME.fullmatch(texts[i].strip())]
    return found if len(found) >= ITEM_DETAILS_MIN else []
