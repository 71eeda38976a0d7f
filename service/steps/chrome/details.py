"""A listing's items' details between items the step keeps: `item_details`.

A blog's or a newsroom's index shows each story as a title, a teaser, and a
few short lines of details: its author, a comment count, its tags, and the
next item's date above its title:

    What's new this month          <- title (kept)
    All that's new on the site...  <- teaser (kept: prose)
    Jane Doe                       <- details: short labels a menu run reads as chrome
    comment
    developer tools
    February 25, 2026              <- the dateline rule's line
    Your sneak peek at the beta    <- the next title (kept)

Read alone, the labels are a run of menu entries and the date a dateline,
and the step removes them; but between a teaser it keeps and a title it
keeps, they are that item's own lines, and removing them leaves the
listing's items half-shown. The text's own repeated shape says so: the same
frame (kept prose, up to DETAIL_RUN_MAX short lines, a dateline, a kept
line) stands ITEM_DETAILS_MIN times. A related box below an article has the
same shape, but the step removes its titles and teasers, so its details are
never between kept items. A comment's or a forum post's header has the
same shape too (a name, "Reply", its timestamp between two posts); its
dateline tells it: a post is stamped with a time of day or an age ("at 8:28
am", "6 months ago"), a story in an index with its day.
"""
from __future__ import annotations

import re

from .listing import ITEM_DETAILS_MIN
from .menus import DATELINE_RULE

# An item's detail line is a label: an author's name, a count, a tag.
DETAIL_MAX_WORDS = 4
# An item shows a handful of details; a longer run of labels is a menu.
DETAIL_RUN_MAX = 8
# The next item's title, under the dateline and over its teaser (a comment's text
# stands right under its header's date instead).
TITLE_MAX_WORDS = 16
# A post's timestamp: a time of day or an age, not a story's day.
_POSTED_AT = re.compile(r"\d{1,2}:\d{2}|\bago\b", re.IGNORECASE)


def item_details(texts: list[str], matched: list, prose: list, verdicts: list) -> list[int]:
    """Blocks to keep: each removed detail line and dateline of a frame between kept items.

    `matched`: the rule each block matches (or None); `prose`: sentence-shaped
    blocks; `verdicts`: the step's Verdict (a removal) or None per block.

    >>> class D: id = DATELINE_RULE
    >>> class X: id, starts_list = "chrome.phrase.share_buttons", False
    >>> item = ["Next title", "A teaser of the story, in a sentence.", "Jane Doe", "comment", "Feb 4, 2026"]
    >>> texts, matched = item * 3 + item[:2], [None, None, None, X(), D()] * 3 + [None, None]
    >>> prose = [False, True, False, False, False] * 3 + [False, True]
    >>> verdicts = [None, None, X(), X(), X()] * 3 + [None, None]
    >>> item_details(texts, matched, prose, verdicts)
    [2, 3, 4, 7, 8, 9, 12, 13, 14]
    >>> item_details(texts[:12], matched[:12], prose[:12], verdicts[:12])  # two items: no shape yet
    []
    >>> item_details(texts, matched, prose, [X()] * 17)  # a related box: its titles and teasers go
    []
    >>> posts = [t.replace("Feb 4, 2026", "Feb 4, 2026 at 8:28 am") for t in texts]  # comments' headers
    >>> item_details(posts, matched, prose, verdicts)
    []
    """
    n = len(texts)
    frames = []
    for d in range(1, n - 1):
        rule = matched[d]
        if (rule is None or rule.id != DATELINE_RULE or _POSTED_AT.search(texts[d]) or d + 2 >= n
                or not all(verdicts[k] is None and matched[k] is None for k in (d + 1, d + 2))
                or len(texts[d + 1].split()) > TITLE_MAX_WORDS or not prose[d + 2]):
            continue  # the next item's kept title and teaser stand below the dateline
        run, j = [], d - 1
        while (j >= 0 and len(run) < DETAIL_RUN_MAX and not prose[j] and len(texts[j].split()) <= DETAIL_MAX_WORDS
               and not (matched[j] is not None and matched[j].starts_list)):
            run.append(j)
            j -= 1
        if j < 0 or not prose[j] or verdicts[j] is not None or matched[j] is not None:
            continue  # no kept teaser right above the details (or a longer run: a menu; a list's heading)
        frames.append(run + [d])
    if len(frames) < ITEM_DETAILS_MIN:
        return []
    return sorted(i for frame in frames for i in frame if verdicts[i] is not None)
