"""The vote between candidate texts of a page, and when the rule chain's text stands against its winner.

Each extractor errs in its own way (trafilatura cuts listings, the visible
text keeps menus, a region may be one post of a thread); what most of them
keep is the page's main text (`choose_by_agreement`). The rule chain's text
(`extract.choose_text` and the steps after it) stands when the winner only
adds what trafilatura cut on purpose (`holds_most_of`), or when the winner is a sliver of a page the rules read
as content (`is_sliver_of`).

>>> story = "A long story about cats and their ways. " * 4
>>> choose_by_agreement({"a": "Cookies help us.", "b": story, "c": story + "Home About"})
'b'
"""
from __future__ import annotations

from .text import word_bag, word_count

# The rule chain's text is kept when this share of its words is in the vote's
# winner and it has this share of the winner's words (`holds_most_of`).
MIN_RULES_INSIDE = 0.9
MIN_RULES_SHARE = 0.55
# The vote's winner does not replace the rule chain's text when it has less than
# this share of its words (`is_sliver_of`): trafilatura's passes agreeing on a few
# lines (a banner, one teaser) is one mistake counted several times...
MIN_VOTE_SHARE = 0.1
# ...unless the rule chain's text has more words than this: a whole long page
# taken when trafilatura kept little, where the few lines are the article.
MAX_SLIVERED_WORDS = 2000
# A text with fewer words than this is near-empty: `extract.guard_empty` replaces such a choice,
# and `is_sliver_of` leaves such a winner to it.
NEAR_EMPTY_WORDS = 5


def choose_by_agreement(candidates: dict) -> str:
    """The name of the candidate whose words agree most with the others' (summed word F1); "" if all are empty.

    Each extractor errs in its own way (trafilatura cuts listings, the visible
    text keeps menus, a region may be one post of a thread); what most of them
    keep is the page's main text. Ties go to the earlier candidate.

    >>> story = "A long story about cats and their ways. " * 4
    >>> choose_by_agreement({"a": "Cookies help us.", "b": story, "c": story + "Home About", "d": ""})
    'b'
    >>> choose_by_agreement({"a": "", "b": ""})
    ''
    """
    bags = {name: word_bag(text) for name, text in candidates.items()}
    bags = {name: bag for name, bag in bags.items() if bag}
    if not bags:
        return ""
    sizes = {name: sum(bag.values()) for name, bag in bags.items()}

    def agreement(name: str) -> float:
        total = 0.0
        for other, bag in bags.items():
            if other != name:
                shared = sum((bags[name] & bag).values())
                total += 2 * shared / (sizes[name] + sizes[other])
        return total
    order = list(bags)
    return max(order, key=lambda name: (agreement(name), -order.index(name)))


def holds_most_of(winner: str, chosen: str) -> bool:
    """Whether the rule chain's `chosen` text is inside the vote's `winner` and most of its length.

    The vote's winner is then the same article with more around it (captions,
    "related" lines) that trafilatura's precision pass cut on purpose.

    >>> story = "A long story about cats and their ways. " * 4
    >>> holds_most_of(story + "Related: dogs", story), holds_most_of(story * 3, story)
    (True, False)
    >>> holds_most_of(story, "Cookies help us. " * 8)
    False
    """
    inner, outer = word_bag(chosen), word_bag(winner)
    size = sum(inner.values())
    if not size:
        return False
    shared = sum((inner & outer).values())
    return shared >= MIN_RULES_INSIDE * size and size >= MIN_RULES_SHARE * sum(outer.values())


def is_sliver_of(winner: str, chosen: str) -> bool:
    """Whether the vote's `winner` is a sliver of the rule chain's `chosen` text, which is not a whole long page.

    The rule chain takes the page's visible text when trafilatura kept little
    of it (a listing's items, a thread's posts); the vote can then bring that
    little back only because trafilatura's passes (precise, recall, the
    baseline, the container of its article) all agree on it. A near-empty
    winner is left to `guard_empty`, which replaces it and says so.

    >>> items = "Brass lamp model 7, $27, in stock. " * 40
    >>> is_sliver_of("Free shipping on orders over $50.", items), is_sliver_of(items[:600], items)
    (True, False)
    >>> is_sliver_of("A short story about the old bridge.", "Menu. A short story about the old bridge. " * 400)
    False
    """
    size, kept = word_count(chosen), word_count(winner)
    return NEAR_EMPTY_WORDS <= kept < MIN_VOTE_SHARE * size and size <= MAX_SLIVERED_WORDS
