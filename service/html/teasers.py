"""A teaser between a story's paragraphs: a short label, then one link's whole text (HTML input only).

News pages put other stories' headlines between the paragraphs of a story:
"READ MORE: <a>Plague outbreak confirmed in Beijing</a>", "Related: <a>...</a>".
From plain text a line like that cannot be told from a writer's own "Read
more: the report says..." sentence; from the page it can: everything after
the label is the text of one link of the page, and the line stands alone
between two paragraphs of prose. The label's words do not matter (any
language): its shape does (a few words, then a colon or a dash). Such lines
are dropped from the extracted text; the response counts them
(`extract_html`'s metadata["extraction"]["teasers"]).

>>> story = "The council voted on Monday to close the old bridge to lorries."
>>> text = story + "\\n\\nREAD MORE: Tram line to open in May\\n\\n" + story
>>> drop_teasers(text, {"tram line to open in may"})
('The council voted on Monday to close the old bridge to lorries.\\n\\nThe council voted on Monday to close the old bridge to lorries.', 1)
>>> drop_teasers(text, {"tram line"})[1]
0
"""
from __future__ import annotations

import re

from .regions import is_sentence
from .text import word_count, word_key

# A label: one to MAX_LABEL_WORDS words, then a colon or a dash, then the linked text.
MAX_LABEL_WORDS = 3
_LABELLED = re.compile(r"^\s*((?:[^\W\d_][\w'’]*\s+){0,%d}[^\W\d_][\w'’]*)\s*[:\u2013\u2014-]\s*(.+)$" % (MAX_LABEL_WORDS - 1))
# The linked text is a headline: at least this many words (a product's name after a
# "Best for runners:" label in a review is shorter) and not an address ("Source: www.x.com").
MIN_TEASER_WORDS = 5
_ADDRESS = re.compile(r"://|\bwww\.|^\S+\.[a-z]{2,}(?:/\S*)?$", re.I)


def drop_teasers(text: str, links) -> tuple[str, int]:
    """(`text` without its teaser lines, how many were dropped); `links`: the word keys of the page's links.

    A teaser line is a block (lines are separated by blank lines) whose text
    after a short label is exactly one link's text, between two blocks of prose.
    """
    blocks = text.split("\n\n")
    keep = [True] * len(blocks)
    for i in range(1, len(blocks) - 1):
        if is_teaser(blocks[i], links) and is_prose(blocks[i - 1]) and is_prose(blocks[i + 1]):
            keep[i] = False
    dropped = keep.count(False)
    return ("\n\n".join(b for b, k in zip(blocks, keep) if k), dropped) if dropped else (text, 0)


def is_teaser(block: str, links) -> bool:
    """Whether `block` is a short label, then one link's whole text.

    >>> is_teaser("Related: Tram line to open in May", {"tram line to open in may"})
    True
    >>> is_teaser("Note: the tram line opens in May, the city says.", {"tram line"})
    False
    >>> is_teaser("Best for runners: Brass Sport Buds", {"brass sport buds"})  # a product's name
    False
    >>> is_teaser("Source: https://www.example.com/a/b/c", {"https www example com a b c"})
    False
    """
    m = _LABELLED.match(block)
    if m is None or "\n" in block:
        return False
    rest = m.group(2)
    return word_count(rest) >= MIN_TEASER_WORDS and not _ADDRESS.search(rest) and word_key(rest) in links


def is_prose(block: str) -> bool:
    """Whether `block` reads as a paragraph of prose (regions.is_sentence)."""
    return is_sentence(word_count(block), block)
