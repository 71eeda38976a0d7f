"""A small priced card's parts on one line: its name, its price, its rating (lxml, no site rules).

A product grid's card puts its name, its price and its rating in blocks of
their own (a heading, a <div> per part) that the style sheet lays out as one
small box. Read block by block (trafilatura, `text.block_text`) they come out
as lines of their own ("Brass desk lamp" / "$20" / "(12) reviews"): a price
with no name, a name with no price. Read as the page shows it, the card is one
item, and what people copy from it (and what reference readings of such pages
hold) is "Brass desk lamp $20".

A card counts when it is one of MIN_CARDS or more siblings of one shape (tag
and classes) that each have a price, at most MAX_CARD_LINE_WORDS words, two
blocks or more, no prose and no <h1> (the page's own item), and hold no such
card inside them (a row of three cards is not a card). A run of the text's
paragraphs that are one card's blocks in order, a price among them, becomes
one line; any other paragraph stays as it is. Only a text with a paragraph
that is a price alone is looked at: an article has none, and is not parsed again.

>>> card = "<li class='c'><h3><a>Brass desk lamp {0}</a></h3><div><span>$2{0}</span></div><div>(4) reviews</div></li>"
>>> page = "<h1>Lamps</h1><ul>" + "".join(card.format(i) for i in range(3)) + "</ul>"
>>> join_card_parts("Lamps\\n\\nBrass desk lamp 0\\n\\n$20\\n\\n(4) reviews\\n\\nBrass desk lamp 1\\n\\n$21", page)
('Lamps\\n\\nBrass desk lamp 0 $20 (4) reviews\\n\\nBrass desk lamp 1 $21', 2)
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..steps.chrome.content import has_price, is_price
from .cards import MIN_CARDS, sibling_runs
from .text import BLOCK_TAGS, block_text, visible_tree, word_count, word_key

# Most words of a card read as one line: a name, a price, a badge, a rating and its caption;
# a card with a description of its own is longer, and its blocks stay lines.
MAX_CARD_LINE_WORDS = 40
# A text run of this many words with sentence punctuation is prose: its card's blocks stay lines.
MIN_PROSE_WORDS = 10
# Sentence punctuation: a full stop, question or exclamation mark before a space or the end.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def join_card_parts(text: str, html: str) -> tuple[str, int]:
    """`text` with each run of its paragraphs that are one card's blocks on one line; and how many runs were joined."""
    paragraphs = text.split("\n\n")
    if not any(is_price(p) for p in paragraphs):
        return text, 0
    cards = card_blocks(html)
    starts = defaultdict(list)  # a block's word key -> (card, its place in the card)
    for c, blocks in enumerate(cards):
        for j, key in enumerate(blocks):
            starts[key].append((c, j))
    keys = [word_key(p) for p in paragraphs]
    out, joined, i = [], 0, 0
    while i < len(paragraphs):
        run = max((_matched(keys, i, cards[c], j) for c, j in starts.get(keys[i], ()) if keys[i]), default=1)
        if run >= 2 and has_price(" ".join(paragraphs[i:i + run])):
            out.append(" ".join(paragraphs[i:i + run]))
            joined += 1
        else:
            run = 1
            out.append(paragraphs[i])
        i += run
    return "\n\n".join(out), joined


def _matched(keys: list, i: int, blocks: list, j: int) -> int:
    """How many of `keys` from `i` on are `blocks` from `j` on, in order."""
    n = 0
    while i + n < len(keys) and j + n < len(blocks) and keys[i + n] == blocks[j + n]:
        n += 1
    return n


def card_blocks(html: str) -> list:
    """The word keys of the blocks of each small priced card of the page's grids (see the module)."""
    tree = visible_tree(html)
    if tree is None:
        return []
    found = []
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_CARDS:
            continue
        for run in sibling_runs(parent):
            cards = [item for item in run if is_card_line(item)]
            if len(cards) >= MIN_CARDS:
                found.extend(cards)
    inner = set(found)
    return [[word_key(line) for line in block_text(card).splitlines()] for card in found
            if not any(el in inner for el in card.iterdescendants())]  # a row of cards is not a card


def is_card_line(item) -> bool:
    """Whether `item` is a small priced card whose blocks read as one line (see the module).

    >>> import lxml.html
    >>> is_card_line(lxml.html.fromstring("<li><h3>Brass lamp</h3><div>$20</div></li>"))
    True
    >>> is_card_line(lxml.html.fromstring("<li><h3>Brass lamp</h3><p>Turned by hand in Lisbon, it lights a desk well. $20</p></li>"))
    False
    """
    text = item.text_content()
    if word_count(text) > MAX_CARD_LINE_WORDS or not has_price(text):
        return False
    blocks = 0
    for el in item.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "h1":
            return False
        blocks += el.tag in BLOCK_TAGS and word_count(el.text_content()) > 0
        for run in (el.text, el.tail):
            if run and word_count(run) >= MIN_PROSE_WORDS and _SENTENCE_END.search(run.strip()):
                return False
    return blocks >= 2
