"""Other products' cards below a product's own: a shop's carousels ("You may also like").

A product's page read by a scraper opens with its <title>, the site's
header, then the product's headline (the line repeating the title's main
part, `headline.find_product_headline`) and, a few blocks below it, the product's
own price. Further down the shop draws carousels of other products: card
after card of a name, a brand or a badge and a price, the same frame
again and again. A category's page has no price of its own under its
headline: its first price is its first card's, and its grid is its content.

`other_products` gives the blocks of such carousels: runs of at least
CAROUSEL_MIN_CARDS price lines (`is_price_line`), each within CARD_MAX_BLOCKS
of the next with no line of more than CARD_MAX_WORDS words between them,
whose lines are labels, not sentences (CARD_MAX_SENTENCE_SHARE), and that
start below a price of the product's own: a line that is a price alone
(`content.is_price`) within OWN_PRICE_REACH blocks under the headline, that
no run holds ("$2.65 per meal" is also a report's "$1,000 per class"). A
run takes its cards' lines from its first card's name (the run's first
period above its first price, below any long line) to its last price.
Nothing is read but prices' shapes and the headline's place: no word list,
any language.
"""
from __future__ import annotations

from .content import has_price, is_price
from .headline import LABEL_MAX_CHARS, find_product_headline

# Prices a run of cards needs: two prices close together are a product's sale and regular price.
CAROUSEL_MIN_CARDS = 3
# Blocks from one card's price to the next one's: a card holds a name, a brand, a badge or two,
# a rating, a price ("heart_outlined / PULL&BEAR / Bomber Jacket - black / €39.99").
CARD_MAX_BLOCKS = 6
# A line this long between two prices is a description or a review, not a card's label: it ends
# the run.
CARD_MAX_WORDS = 14
# Blocks below the headline where the product's own price stands (its brand, rating, variant,
# a "Sale price" label and a gallery's captions come first on some shops).
OWN_PRICE_REACH = 12
# Cards' labels are no sentences: a run with more lines ending a sentence than this share of its
# prices is a text quoting prices (a report's figures, cut at each figure by the scraper).
CARD_MAX_SENTENCE_SHARE = 0.25
# A short line that holds a price ("€39.99", "From $32", "Sale price $20.00") is a price line.
PRICE_LINE_MAX_WORDS = 6


def is_price_line(text: str) -> bool:
    """True for a short line that is or holds a price.

    >>> is_price_line("€39.99"), is_price_line("Sale price $20.00 USD"), is_price_line("Free returns")
    (True, True, False)
    >>> is_price_line("The jacket costs $49.99 and ships free to every country in the union.")
    False
    """
    if len(text) > LABEL_MAX_CHARS:
        return False
    return is_price(text) or (len(text.split()) <= PRICE_LINE_MAX_WORDS and has_price(text))


def card_runs(texts: list[str]) -> list[list[int]]:
    """The runs of price lines of a grid or a carousel of cards (CAROUSEL_MIN_CARDS or more).

    >>> card_runs(["Mug", "$12", "Cup", "$9", "Bowl", "$15", "A long line that describes the product in "
    ...            "more words than any card holds at all.", "Plate", "$20"])
    [[1, 3, 5]]
    """
    runs: list[list[int]] = []
    current: list[int] = []
    for k, text in enumerate(texts):
        if _is_long(text):
            current = _close(runs, current)
        elif is_price_line(text):
            if current and k - current[-1] > CARD_MAX_BLOCKS:
                current = _close(runs, current)
            current.append(k)
    _close(runs, current)
    return runs


def _is_long(text: str) -> bool:
    """A line of more than CARD_MAX_WORDS words: a description or a review, no card's label."""
    return len(text) > LABEL_MAX_CHARS or len(text.split()) > CARD_MAX_WORDS


def _close(runs: list, current: list) -> list:
    """Keep `current` in `runs` when it holds cards enough; a new empty run."""
    if len(current) >= CAROUSEL_MIN_CARDS:
        runs.append(current)
    return []


def other_products(texts: list[str]) -> list[int]:
    """Blocks of other products' cards below the product's own price (see the module's doc).

    `texts`: each block's text, block 0 the document's <title>.

    >>> page = ["Trail Mug - Blue | Shop", "Menu", "Trail Mug", "$24.00",
    ...         "A mug for the trail, made of steel, with a lid that keeps your coffee hot for hours.",
    ...         "You may also like", "Camp Cup", "$12.00", "Bowl Set", "Best seller", "$30.00",
    ...         "Travel Plate", "$18.00", "About us"]
    >>> other_products(page)  # the carousel's heading is in its first card's period
    [5, 6, 7, 8, 9, 10, 11, 12]
    >>> other_products(["Mugs | Shop", "Mugs", "Camp Cup", "$12.00", "Bowl Set", "$30.00", "Plate", "$18.00"])
    []
    """
    headline = find_product_headline(texts)
    if headline is None:
        return []
    runs = card_runs(texts)
    held = {k for run in runs for k in run}
    own = next((k for k in range(headline + 1, min(len(texts), headline + 1 + OWN_PRICE_REACH))
                if is_price(texts[k])), None)
    if own is None or own in held:
        return []  # no price of the product's own: a category's grid, or no product at all
    out: list[int] = []
    for run in runs:
        sentences = sum(1 for k in range(run[0], run[-1] + 1) if texts[k].rstrip().endswith((".", "!", "?")))
        if run[0] < own or sentences > CARD_MAX_SENTENCE_SHARE * len(run):
            continue
        # the first card's lines: as many as a card's above the first price, below any long line
        start = max(own + 1, run[0] - (run[1] - run[0]) + 1)
        while any(_is_long(texts[k]) for k in range(start, run[0])):
            start += 1
        out.extend(range(start, run[-1] + 1))
    return out
