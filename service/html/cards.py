"""The page's item cards: the largest run of sibling elements of one shape, each an item (lxml, no site rules).

A collection, listing or search page is a grid of cards: sibling elements
with the same tag and classes, each holding a link and a few words (a name,
a price, a rating). trafilatura keeps none of them (they read as link lists)
and the other candidates may settle on a banner beside the grid; the cards'
text is the evidence `extract.prefer_cards` uses when the choice is short
beside them. A menu or a "related" list is also a run of siblings with links,
but each of its items is only a link: those do not count as cards.

>>> grid = "".join(f"<li class='card'><a>Brass lamp {i}</a> $2{i}</li>" for i in range(4))
>>> cards_text("<nav><a>Home</a></nav><p>Free shipping!</p><ul>" + grid + "</ul>").splitlines()[:2]
['Brass lamp 0 $20', 'Brass lamp 1 $21']
>>> cards_text("<ul><li><a>Home</a></li><li><a>Shop</a></li><li><a>About us</a></li></ul>")
''
"""
from __future__ import annotations

from collections import defaultdict

from .text import drop_element, block_text, furniture, visible_tree, word_count

# Fewest sibling items that make a grid of cards (two could be a pair of teasers).
MIN_CARDS = 3
# Fewest words of a card: a name and a price, or a title.
MIN_CARD_WORDS = 3
# This share of a run's siblings must be cards (the rest: ads, spacers, empty slots).
MIN_CARD_SHARE = 0.6


def cards_text(html: str, outside_story: bool = False) -> str:
    """The text of the element holding the page's largest run of cards, a line per block; "" when none.

    With `outside_story`, "" also when the page's <h1> sits in an <article> that
    does not hold the cards: a story's "related" grid, not the page's own items.

    >>> grid = "".join(f"<li class='card'><a>Tram line {i}</a> 2 May</li>" for i in range(4))
    >>> cards_text("<article><h1>Bridge closed</h1><p>Closed.</p></article><ul>" + grid + "</ul>", outside_story=True)
    ''
    >>> cards_text("<div><h1>Trams</h1><p>Our lines.</p><ul>" + grid + "</ul></div>", outside_story=True)[:14]
    'Tram line 0 2 '
    """
    tree = visible_tree(html)
    if tree is None:
        return ""
    for el in furniture(tree, marked=False):  # its tags only: a role can mark the page's own part (bench/NOTES.md)
        drop_element(el)
    best, best_words = None, 0
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or len(parent) < MIN_CARDS:
            continue
        words = max((card_words(run) for run in sibling_runs(parent)), default=0)
        if words > best_words:
            best, best_words = parent, words
    if best is not None and outside_story:
        stories = [a for h in tree.iter("h1") for a in h.iterancestors() if a.tag == "article"]
        holders = {best, *best.iterancestors()}
        if stories and not any(a in holders for a in stories):
            return ""
    return block_text(best) if best is not None else ""


def sibling_runs(parent) -> list:
    """`parent`'s element children grouped by shape (tag and class set), groups of MIN_CARDS or more.

    >>> import lxml.html
    >>> [len(r) for r in sibling_runs(lxml.html.fromstring("<div><p class='a b'>1</p><p class='b a'>2</p><p>3</p></div>"))]
    []
    """
    runs = defaultdict(list)
    for child in parent:
        if isinstance(child.tag, str):
            runs[(child.tag, frozenset((child.get("class") or "").split()))].append(child)
    return [run for run in runs.values() if len(run) >= MIN_CARDS]


def card_words(run) -> int:
    """The words of a run's cards, or 0 when too few of its siblings are cards."""
    cards = words = 0
    for item in run:
        n = is_card(item)
        cards += n > 0
        words += n
    return words if cards >= MIN_CARDS and cards >= MIN_CARD_SHARE * len(run) else 0


def is_card(item) -> int:
    """The words of `item` when it is a card (a link and words beside it: a price, a date), else 0.

    An item that is only a link is a menu entry or a "related" headline, not a card.

    >>> import lxml.html
    >>> is_card(lxml.html.fromstring("<li><a>Lamp</a> brass, $20</li>")), is_card(lxml.html.fromstring("<li><a>About us</a></li>"))
    (3, 0)
    """
    links = [item] if item.tag == "a" else list(item.iter("a"))
    if not links:
        return 0
    words = word_count(item.text_content())
    linked = sum(word_count(a.text_content()) for a in links)
    if words < MIN_CARD_WORDS or linked >= words:
        return 0
    return words
