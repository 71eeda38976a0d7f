"""A shop's or a site's filters with their counts: "Brand / Altra (73) / Brooks (71) / HOKA (61)".

A category page, a search result or a blog's sidebar offers filters: each
option a short label with the number of items it would show, "Altra (73)"
on one line or the label and "(73)" on two (a scraper's get_text cuts at
the count's <span>). A run of such options is the page's faceted
navigation (by brand, size, colour, price) or an archive's months ("March
2025 (12)"): no one writes a text as labels each closed by a bracketed
count, several in a row.

`filter_options` gives the blocks of runs of at least FACET_MIN_OPTIONS
options (`option_at`), each at most FACET_MAX_GAP blocks from the next (a
group's heading, "Filter by", "Find a brand", stands between two groups),
from the first option's label to the last one's count. It reads shapes
only: a label of at most LABEL_MAX_WORDS words that ends no sentence and
a count in round brackets; no word list, any language. What stays:

- a list someone wrote (a bullet or a number before each item,
  tail.is_written_item): a writer's list of categories with their counts;
- labels with a rating drawn in symbols ("Python ★★★★★(13)": a course list
  with its reviews' count) or longer than a filter's ("Introduction to
  Responsible AI from Google (29)");
- a year in brackets ("Casablanca (1942)": a list of films or books);
- counts that number the items 1, 2, 3, ... (a numbering, not counts);
- a run inside the article, between its first and last paragraphs: a report's own list
  ("Labour (412)", "Conservative (121)": seats per party), never a page's filters.
"""
from __future__ import annotations

import re
import unicodedata

from .tail import is_written_item

# Options a run of filters needs: two or three labelled counts are a text's own ("Comments (3)").
FACET_MIN_OPTIONS = 4
# Blocks between one option's count and the next option's label: a group's heading and its
# search box ("Filter by", "Brand", "Find a brand") stand between two groups of one panel. Each
# must be a label too: a sentence between two "options" (a product card's description between
# its price and review count and the next card's) ends the run, which never takes a text's prose.
FACET_MAX_GAP = 3
# A filter's label is a name, a size, a colour or a range: a few words ("Women's Trail-Running Shoes").
LABEL_MAX_WORDS = 5
# A line longer than this is no option (a megabyte's paragraph is not matched at all).
OPTION_MAX_CHARS = 80

# A count alone in round brackets: "(73)", "(1,204)", "(12 )".
_COUNT = re.compile(r"\(\s*(\d{1,3}(?:[,.\u00a0 ]?\d{3})*)\s*\)")
# A label and its count on one line: "Altra (73)", "Ship to Address (657)".
_LABELLED = re.compile(r"(?P<label>[^()\[\]]+?)\s*" + _COUNT.pattern)
# A four-digit count that is a year: "Casablanca (1942)" names a film, not a filter.
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def count_of(text: str) -> int | None:
    """The count of a line that is a count alone in round brackets, else None.

    >>> count_of("(73)"), count_of(" (1,204) "), count_of("(1942)"), count_of("(73) more"), count_of("73")
    (73, 1204, None, None, None)
    """
    m = _COUNT.fullmatch(text.strip()) if len(text) <= OPTION_MAX_CHARS else None
    if m is None or _YEAR.fullmatch(m.group(1)):
        return None
    return int(re.sub(r"\D", "", m.group(1)))


def is_label(text: str) -> bool:
    """True for a filter's label: LABEL_MAX_WORDS words or fewer, no sentence's end, no list
    marker, no symbol drawn as a picture (a rating's stars).

    >>> is_label("Women's Trail-Running Shoes"), is_label("$100.00 to $199.99"), is_label("4 & up")
    (True, True, True)
    >>> is_label("- Road Bike Helmets"), is_label("It works."), is_label("Python ★★★★★"), is_label("Altra (73)")
    (False, False, False, False)
    """
    text = text.strip()
    if not text or len(text) > OPTION_MAX_CHARS or len(text.split()) > LABEL_MAX_WORDS:
        return False
    if text.endswith((".", "!", "?", ":", ";")) or is_written_item(text) or _COUNT.search(text):
        return False
    return not any(unicodedata.category(c) == "So" for c in text)


def option_at(texts: list[str], k: int) -> tuple[int, int] | None:
    """(first block, count) of the filter option whose count block `k` holds, or None.

    >>> option_at(["Altra", "(73)"], 1), option_at(["Altra (73)"], 0), option_at(["(73)"], 0)
    ((0, 73), (0, 73), None)
    >>> option_at(["It works.", "(2)"], 1), option_at(["Casablanca (1942)"], 0)
    (None, None)
    """
    text = texts[k]
    if len(text) > OPTION_MAX_CHARS:
        return None
    count = count_of(text)
    if count is not None:  # the count on its own line, the label (no count of its own) on the line above
        return (k - 1, count) if k > 0 and is_label(texts[k - 1]) else None
    m = _LABELLED.fullmatch(text.strip())
    if m is None or _YEAR.fullmatch(m.group(2)) or not is_label(m.group("label")):
        return None
    return k, int(re.sub(r"\D", "", m.group(2)))


def filter_options(texts: list[str], article: range = range(0)) -> list[int]:
    """Blocks of runs of filter options with their counts (see the module's doc).

    `article`: the blocks of the page's article (between its first and last paragraphs, as
    the classifier found it): a run inside it is the text's own list (an election's seats
    per party between two paragraphs of the report) and stays.

    >>> filter_options(["Shoes", "Brand", "Altra", "(73)", "Brooks", "(71)", "HOKA", "(61)",
    ...                 "Saucony", "(53)", "Size", "6 (12)", "7 (30)", "A sentence of the page."])
    [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    >>> filter_options(["Notes (1)", "Tables (2)", "Figures (3)", "Index (4)"])  # a numbering
    []
    >>> filter_options(["Altra (73)", "Brooks (71)", "HOKA (61)"])  # three: a text's own
    []
    >>> filter_options(["A.", "Labour (412)", "Conservative (121)", "Liberal Democrats (72)", "SNP (9)", "B."],
    ...                range(0, 6))  # inside the article
    []
    >>> filter_options(["$499.95", "(513)", "A fast espresso machine.", "Pros: compact", "Bambino", "$219.95",
    ...                 "(28)", "A capsule machine.", "Vertuo", "$189.95", "(24)", "A mini machine.", "Essenza",
    ...                 "$179.95", "(11)"])  # product cards: a price and its reviews' count, a description between
    []
    """
    out: list[int] = []
    run: list[tuple[int, int, int]] = []  # (first block, count block, count) per option

    def close() -> None:
        counts = [c for _, _, c in run]
        numbering = counts == list(range(counts[0], counts[0] + len(counts))) if counts else False
        inside = article.start < run[0][0] and run[-1][1] < article.stop - 1
        if len(run) >= FACET_MIN_OPTIONS and not numbering and not inside:
            out.extend(range(run[0][0], run[-1][1] + 1))
        run.clear()

    for k in range(len(texts)):
        option = option_at(texts, k)
        if option is None:
            continue
        start, count = option
        if run and (start - run[-1][1] - 1 > FACET_MAX_GAP
                    or not all(is_label(texts[j]) for j in range(run[-1][1] + 1, start))):
            close()
        run.append((start, k, count))
    if run:
        close()
    return out
