"""Lines below the article enclosed by removed chrome on both sides (issue 13).

Below a news article stand boxes of other stories: their titles are
undecided lines (4-20 words without a full stop, as the article's own
subheadings are; many read as sentences), so the walk away from the
article keeps them unless a heading or a run of labels takes them. When
removed chrome stands right above such a run and right below it (a share
button, a menu, a "Related" heading, the footer's links), the run is a
box of links enclosed by the page's chrome, not the article's text, which
ended above it.

A run that reaches the page's end stays, and so does one that holds a
sentence that is not a story's title (a reply, a notice), list content,
code or a card's name, one longer than GAP_MAX_BLOCKS, and one whose
enclosing removal is a metadata line (a photo's credit, a byline: each
item of a roundup has its own). The step calls it only below an article
of paragraphs (not a lone one, which may be a banner's) on a page that is
not a run of dated posts (a thread's replies stand between their headers).
"""
from __future__ import annotations

import re

# Blocks an enclosed run may hold: a related box shows a dozen stories; a longer run
# between two pieces of chrome is more often the page's own (a listing's items).
GAP_MAX_BLOCKS = 12
# A story's title: a sentence's words without its full stop (a post or a notice ends with one).
TITLE_WORDS = range(4, 21)
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…:;,]\W*$|[.…]['\"’”)]*\s+\W*[A-Z]")


def is_story_title(text: str) -> bool:
    """True for a line shaped like a story's title: 4-20 words, no sentence mark ending it, no full stop inside it.

    >>> is_story_title("Gibraltar minister delivers instant Brexit reply - ‘Whatever UK does, we’re doing it too’")
    True
    >>> is_story_title("Thanks man! I was surprised there were in person options.")
    False
    >>> is_story_title("That's amazing! Congrats!"), is_story_title("Deals")
    (False, False)
    >>> is_story_title("‘Are we alone?’ NASA to send robot to Jupiter’s moon for signs of life")
    True
    """
    return len(_WORD.findall(text)) in TITLE_WORDS and not _SENTENCE_END.search(text.strip())


def enclosed_runs(last: int, removed: list[bool], kept_text: list[bool], metadata: list[bool]) -> list[int]:
    """Blocks below block `last` (the article's last) in runs enclosed by removed blocks.

    `removed`: each block's removal so far; `kept_text`: blocks that are the
    page's own text whatever surrounds them (a sentence that is not a story's
    title, list content, a table's cells, code): a run holding one stays
    whole. `metadata`: removals that stand beside each item of a page (a
    photo's credit, a byline, a dateline): they enclose no box of links, as
    a roundup's items each have theirs.

    >>> r, k = [False, True, False, False, True, False], [False] * 6
    >>> enclosed_runs(0, r, k, k)
    [2, 3]
    >>> enclosed_runs(0, r, [False, False, True, False, False, False], k)
    []
    >>> enclosed_runs(0, r, k, [False, True, False, False, False, False])  # a credit above: an item's own
    []
    >>> enclosed_runs(0, [False, False, False, True, False, True], k, k)  # right below the article: not enclosed
    [4]
    >>> enclosed_runs(0, [False, True, False, False], k, k)  # nothing below it: the page's end
    []
    """
    out: list[int] = []
    i = last + 1
    n = len(removed)
    while i < n:
        if removed[i]:
            i += 1
            continue
        j = i
        while j < n and not removed[j]:
            j += 1
        run = range(i, j)
        if (i - 1 > last and removed[i - 1] and not metadata[i - 1] and j < n and not metadata[j]
                and len(run) <= GAP_MAX_BLOCKS
                and not any(kept_text[k] for k in run)):
            out.extend(run)
        i = j
    return out


def boxed_links(last: int, verdicts: list, texts: list[str], prose: list[bool], unlinked: list[bool]) -> list[int]:
    """enclosed_runs over a page's verdicts (a Verdict or None per block).

    `prose`: sentence-shaped blocks, which are the page's own text unless
    shaped as a story's title; `unlinked`: blocks that are no link whatever
    their shape (list content, code, a reply, a card's name, a written item).
    """
    own = [u or (p and not is_story_title(t)) for t, p, u in zip(texts, prose, unlinked)]
    return enclosed_runs(last, [v is not None for v in verdicts], own,
                         [v is not None and v.metadata for v in verdicts])
