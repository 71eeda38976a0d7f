"""A product's customer reviews, read from the rating distribution that opens them.

A shop's product page ends with its customers' reviews: a summary (the
average, the number of ratings, "Write a review"), the distribution of the
ratings (five lines 5, 4, 3, 2, 1, each with its count or share: "5 stars /
106 / 4 stars / 26 / ..."), sort and filter options, then review after
review (a title, the text, the reviewer's name and place, "Helpful?",
"Report"), then other products' carousels and the footer. The reviews are
other writers' text about the product, not the product's page, and the
distribution is their one mark a scraper keeps whatever the shop: the same
five steps counting down, each a digit and the same word or symbol after
it, each followed by a number.

`customer_reviews` gives the blocks from that distribution (and the few
short lines of its summary right above it) to the page's end. Nothing
below a distribution is the product's own on a shop's page: the product's
description, specifications and price stand above its reviews. A
distribution needs the page's prose above it (it is not the page's top)
and its five steps' counts; a list counting down ("5 / 4 / 3 / 2 / 1" of a
countdown, "5 Months Out"), a table of versions ("5.2 / 5.0 / 4.2") or a
form's rating scale ("1 2 3 4 5" again and again) is none. Only shapes are
read: no word list, any language.
"""
from __future__ import annotations

import re

# A step of the distribution: a digit 5..1 alone or with at most two words or symbols after it
# ("5", "5 stars", "5 star reviews", "5 ★"); no decimal, ratio or time ("5.2", "5/5", "5:30").
STEP = re.compile(r"^\W*([1-5])(?![\d.,:/])\W*(?:[^\W\d]+\W*){0,2}$")
# A step's count or share: "106", "1,005", "44%", "(260)".
COUNT = re.compile(r"^\W*\d[\d,.]*\s*%?\W*$")
# Blocks from one step to the next (its count, a bar's label, a second count between).
STEP_MAX_GAP = 4
# Short blocks right above the distribution that are its summary ("Customer Reviews / 4.1 /
# Based on 14 Reviews"): at most this many, each a heading of at most SUMMARY_HEADING_WORDS words
# or a figure with at most SUMMARY_MAX_WORDS words (a question of an FAQ above them stays).
SUMMARY_REACH = 3
SUMMARY_HEADING_WORDS = 3
SUMMARY_MAX_WORDS = 6
# A step or a summary line is short: longer blocks are never read as one.
STEP_MAX_CHARS = 40


def rating_distribution(texts: list[str]) -> list[int] | None:
    """The blocks of the first rating distribution's five steps (5 down to 1), or None.

    The five steps share their words after the digit, stand within STEP_MAX_GAP blocks of each
    other with no other line of their shape between, and each has a count (a number or a share)
    between it and the next step (the last one within STEP_MAX_GAP blocks after it).

    >>> rating_distribution(["Reviews", "5 stars", "106", "4 stars", "26", "3 stars", "15",
    ...                      "2 stars", "5", "1 stars", "7", "Great pack!"])
    [1, 3, 5, 7, 9]
    >>> rating_distribution(["5 ★", "57%", "8", "4 ★", "21%", "3", "3 ★", "7%", "1", "2 ★", "7%", "1",
    ...                      "1 ★", "7%", "1"])
    [0, 3, 6, 9, 12]
    >>> rating_distribution(["5", "4", "3", "2", "1", "0"])  # a countdown: no counts
    >>> rating_distribution(["Star Rating", "1", "2", "3", "4", "5", "1", "2", "3", "4", "5", "1", "2",
    ...                      "3", "4", "5", "1"])  # a form's scales, again and again
    >>> rating_distribution(["5.2", "15", "5.0", "12", "4.2", "9", "4.1", "3", "4.0", "2"])  # versions
    """
    # a step's shape: its text less its digit ("5 ★" and "3 ★" alike, "3" another)
    steps = [(k, int(m.group(1)), " ".join((t[:m.start(1)] + t[m.end(1):]).lower().split()))
             for k, t in enumerate(texts) if len(t) <= STEP_MAX_CHARS and (m := STEP.match(t))]
    for a, (k, value, words) in enumerate(steps):
        if value != 5:
            continue
        found = [k]
        for k2, value2, words2 in steps[a + 1:]:
            if k2 - found[-1] > STEP_MAX_GAP:
                break  # past the next step's reach: each scan reads a few blocks, whatever the page
            if words2 != words:
                continue
            if value2 != 5 - len(found):
                break  # a line of the steps' shape out of order: no distribution
            found.append(k2)
            if len(found) == 5:
                break
        if len(found) < 5:
            continue
        bounds = list(zip(found, found[1:] + [min(len(texts), found[-1] + 1 + STEP_MAX_GAP)]))
        if all(any(COUNT.match(texts[j]) for j in range(s + 1, e)) for s, e in bounds):
            return found
    return None


def is_summary_line(text: str, prose: bool) -> bool:
    """A line of a distribution's summary: a heading of a few words, or a figure with its words.

    >>> [is_summary_line(t, False) for t in ("Customer Reviews", "4.1", "Based on 14 Reviews",
    ...                                      "Which bits does the Moray include?")]
    [True, True, True, False]
    """
    words = len(text.split())
    return (not prose and len(text) <= STEP_MAX_CHARS
            and (words <= SUMMARY_HEADING_WORDS or (words <= SUMMARY_MAX_WORDS and any(c.isdigit() for c in text))))


def customer_reviews(texts: list[str], prose: list[bool]) -> range:
    """The blocks of a product's customer reviews: from their rating distribution to the page's end.

    `texts`: each block's text; `prose`: blocks with sentence structure.

    >>> texts = ["Trail Pack | Shop", "Trail Pack", "$99.00",
    ...          "A pack for the trail, with room for a day's gear and a cover for the rain.",
    ...          "Customer Reviews", "4.4", "5 stars", "106", "4 stars", "26", "3 stars", "15", "2 stars", "5",
    ...          "1 stars", "7", "Great bag, gets the job done.", "I used it on many short hikes and had no "
    ...          "complaints at all about it.", "Ryken", "Helpful?"]
    >>> list(customer_reviews(texts, [len(t.split()) > 8 for t in texts]))
    [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    >>> customer_reviews(texts[4:], [False] * 16)  # no prose above it: the page's own top
    range(0, 0)
    """
    steps = rating_distribution(texts)
    if steps is None:
        return range(0)
    start = steps[0]
    while steps[0] - start < SUMMARY_REACH and start > 0 and is_summary_line(texts[start - 1], prose[start - 1]):
        start -= 1
    if not any(prose[:start]):
        return range(0)
    return range(start, len(texts))
