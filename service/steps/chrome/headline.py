"""The page's header: the short link-like lines a scraper reads above the page's own headline.

A scraper writes the document's <title> first ("Arrival T-Shirt - Black |
Gymshark"), then the page in its order: the site's header (announcement
bar, menus, account and cart labels, breadcrumbs), and then the page's
headline, its <h1>, which repeats the title's main part ("Arrival
T-Shirt"). A shop's, a category's or a manual's page has no paragraph
above its headline: what stands there is the site's, drawn on every page.

`header_blocks` finds the headline (`find_headline`: the first block that
repeats a part of the title, at or above the article; `find_product_headline`
also reads a shop's <title> without a separator, for chrome.carousels) and gives the blocks
above it and above the page's first paragraph that are link-like (no
sentence, price, quantity, table cell or code: the classifier's
`listable`), but for the KICKER_BLOCKS right above (a brand, a category or
a tagline stands over a product's name; a section's heading over the first
paragraph). A page whose text opens with a paragraph, or whose headline
does not repeat its title, keeps its top as it was.

The title's words are compared as words (any language, any script that
\\w reads); nothing here is English.
"""
from __future__ import annotations

import re

from ...titles import HEADLINE_TITLE, split_title

# Blocks right above the headline kept whatever their shape: a product's brand, a section's
# name or a tagline over the headline ("Bershka" / "Faux leather jacket - black").
KICKER_BLOCKS = 2
# A headline is a short line, no sentence: longer ones, or a line ending with a full stop, are a
# paragraph that happens to start with the title's words ("Birdbuddy produces stunning imagery...").
HEADLINE_MAX_WORDS = 15
# A document's <title> is a line: a longer first line is a paragraph (and a bound on the work
# each block's comparison with it costs).
TITLE_MAX_WORDS = 40
# Share of the title's main part a headline inside the title must repeat ("Faux leather jacket -
# black" in "Bershka Faux leather jacket - black - Zalando"; not a lone "Faux leather").
TITLE_COVER = 0.6
# A line longer than this is no document title, headline or card's label, whatever its words: it
# is not split into words at all (a megabyte's paragraph is read by the classifier, not here).
LABEL_MAX_CHARS = 400
_WORD = re.compile(r"\w+")


def title_words(text: str) -> list[str]:
    """A line's words, lower case, without punctuation.

    >>> title_words("Men's Wool Runner | Allbirds")
    ['men', 's', 'wool', 'runner', 'allbirds']
    """
    return _WORD.findall(text.lower())


def repeats_title(line: str, title: str) -> bool:
    """Whether `line` is the page's headline for the document title `title`.

    The title's parts (split at its separators, `titles.HEADLINE_TITLE`: ": " and a bare "|" too) but the last, which
    names the site, are what a headline repeats: it is one of them, starts
    with one, or stands inside the whole title covering TITLE_COVER of one's
    words. A title without a separator may be a story's or a post's first
    line, not the document's <title>, and so may one of more than
    TITLE_MAX_WORDS words; a lone word is a logo's or a menu's as often as a
    headline.

    >>> t = "Gymshark Arrival T-Shirt - Black | Gymshark"
    >>> repeats_title("Arrival T-Shirt", t), repeats_title("Faux", t), repeats_title("Gymshark", t)
    (True, False, False)
    >>> (repeats_title("Robotic Vacuum Cleaners", "Robotic Vacuum | Slam Mapping | OMNIVISION"),
    ...  repeats_title("Hiking Boots", "Hiking Boots: Shop Boots for Hiking | REI Co-op"),
    ...  repeats_title("Mount Mayhem at Netflix", "Mount Mayhem at Netflix"),
    ...  repeats_title("Birdbuddy Pro takes photos of birds.", "Birdbuddy Pro | Birdbuddy"))
    (True, True, False, False)
    """
    return _repeats(line, title_parts(title))


def title_parts(title: str) -> tuple | None:
    """The words of each of a document title's parts, and all its words; None when it is no <title>.

    >>> title_parts("Beard Oil | Beardbrand")
    ([['beard', 'oil'], ['beardbrand']], 'beard oil beardbrand')
    >>> title_parts("Beard Oil") is None, title_parts("Beard Oil | " + "x" * 400) is None
    (True, True)
    """
    if len(title) > LABEL_MAX_CHARS:
        return None
    whole = title_words(title)
    parts = [p for p in (title_words(part) for part in split_title(title.strip(), **HEADLINE_TITLE)) if p]
    if len(parts) < 2 or len(whole) > TITLE_MAX_WORDS:
        return None
    return parts, " ".join(whole)


def _repeats(line: str, title: tuple | None) -> bool:
    """repeats_title for a title's parts as title_parts gives them."""
    if title is None or len(line) > LABEL_MAX_CHARS:
        return False
    words = title_words(line)
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or line.rstrip().endswith("."):
        return False  # a lone word is a logo's or a menu's as often
    parts, whole = title
    joined = " ".join(words)
    inside = f" {joined} " in f" {whole} "
    for main in parts[:-1]:
        if words == main or (joined + " ").startswith(" ".join(main) + " "):
            return True
        if inside and len(set(words) & set(main)) >= TITLE_COVER * len(set(main)):
            return True
    return False


def find_headline(texts: list) -> int | None:
    """The first block after the title (block 0) that repeats the title (repeats_title), or None.

    A title or a block of more than LABEL_MAX_CHARS characters is no title or headline and is not
    split into words.

    >>> find_headline(["Arrival T-Shirt | Gymshark", "Men", "Sale", "Arrival T-Shirt", "A top."])
    3
    >>> find_headline(["Arrival T-Shirt", "Men", "Arrival T-Shirt"])
    """
    if not texts:
        return None
    title = title_parts(texts[0])
    if title is None:
        return None
    return next((k for k in range(1, len(texts)) if _repeats(texts[k], title)), None)


def find_product_headline(texts: list) -> int | None:
    """The block of a product's headline: find_headline, or for a first line without a separator
    ("Forza Horizon 5 on Steam"), the first block of 2+ words that is a run of its words covering
    TITLE_COVER of them ("Forza Horizon 5"), no sentence. A shop's <title> may name the product and
    its store in a phrase; a news page's first line without a separator may be a story's, so the
    site's header (`header_blocks`) reads find_headline alone.

    >>> find_product_headline(["Forza Horizon 5 on Steam", "Store", "Forza Horizon 5", "$59.99"])
    2
    >>> find_product_headline(["Forza Horizon 5 on Steam", "Store", "Horizon", "Steam deals"]) is None
    True
    """
    if not texts or len(texts[0]) > LABEL_MAX_CHARS:
        return None
    found = find_headline(texts)
    if found is not None:
        return found
    title = title_words(texts[0])
    if not 2 <= len(title) <= TITLE_MAX_WORDS:
        return None
    whole = f" {' '.join(title)} "
    for k in range(1, len(texts)):
        if len(texts[k]) > LABEL_MAX_CHARS:
            continue
        words = title_words(texts[k])
        if (2 <= len(words) <= HEADLINE_MAX_WORDS and len(words) >= TITLE_COVER * len(title)
                and f" {' '.join(words)} " in whole and not texts[k].rstrip().endswith(".")):
            return k
    return None


def header_blocks(texts: list, paragraphs: list, listable: list, first: int) -> list:
    """The blocks of the site's header above the page's headline that may go.

    `texts`: each block's text (block 0: the document's <title>); `paragraphs`:
    the classifier's good blocks (long, function-word-rich); `listable`:
    link-like blocks; `first`: the article's first block. The headline
    stands at or above the article; the header ends KICKER_BLOCKS above the
    headline or above the page's first paragraph, whichever comes first (a
    modal's or a banner's paragraph may stand in the header: what is below
    it is not known to be the header's; a section's heading right above the
    paragraph stays). Short sentences and list content above it stay too (not
    `listable`).

    >>> texts = ["Arrival T-Shirt | Gymshark", "Sign in", "Women", "Men", "Sale", "Gymshark", "Arrival T-Shirt",
    ...          "The Arrival T-Shirt is your admission to a new approach to training."]
    >>> prose = [False] * 7 + [True]
    >>> header_blocks(texts, prose, [not p for p in prose], 7)
    [1, 2, 3]
    >>> header_blocks(texts, prose, [not p for p in prose], 2)  # the article starts above the headline
    []
    >>> header_blocks(texts, [False] * 3 + [True] + [False] * 4, [True] * 8, 7)  # a paragraph at block 3
    []
    """
    headline = find_headline(texts[:first + 1])
    if headline is None:
        return []
    top = next((k for k in range(len(paragraphs)) if paragraphs[k]), len(paragraphs))
    return [i for i in range(1, min(min(headline, top) - KICKER_BLOCKS, first)) if listable[i]]
