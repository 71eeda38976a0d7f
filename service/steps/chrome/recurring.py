"""Lines that recur across the documents of one site: boilerplate learned from a batch.

A page's own evidence cannot tell a site's navigation, newsletter box or
disclaimer from a short paragraph, but a batch can: a line found word for
word in most of the documents of one site is the site's, not any one
article's. `/v1/batch` and the batch CLI count the lines of every document
of a site (`recurring_lines`) and hand each document the recurring ones; the
`chrome` step then deletes them there (`recurring_changes`), with the count
as the evidence. A single document (`/v1/clean`) has no such evidence and
this module does nothing for it.

Only lines outside the article go (before its first prose paragraph or after
its last, as the step finds it): inside it, a line shared by a site's pages
is its template's content (a product page's "Specifications" heading, a
recipe's "Ingredients"), and a page whose article the step cannot find
loses nothing this way. Two more guards keep articles whole:

- only furniture counts (`line_key`): no sentence, no line with a figure,
  no list item, no paragraph; and a group whose documents share several
  sentences (versions of one story, one wire story run by several papers, a
  template with blurbs) has no boilerplate at all (`recurring_lines`);
- in one document, recurring lines may take at most a small share of its
  words (`recurring_changes`): past that, the document is more likely a copy
  than a page with the site's furniture, and none of it goes.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Sequence

from ...edits import Change
from .guard import repeat_key
from .content import is_list_content
from .signals import Line, ends_sentence, shorten_for_message

RULE = "chrome.recurring_line"
# A line is the site's when it is in at least this many documents of the
# group and in at least this share of them: three pages make a pattern, and
# half of a site's pages is more than any one story's quote or heading reaches.
MIN_DOCUMENTS = 3
MIN_SHARE = 0.5
# A line this long is a paragraph, never a site's furniture (menus, labels
# and calls to action are short).
PARAGRAPH_WORDS = 40
# A group whose documents share this many sentences of SENTENCE_WORDS words or
# more shares text, not only furniture: one story in several versions, or a
# template that carries content (a store's section blurbs): it has no
# boilerplate at all.
SHARED_SENTENCES = 3
SENTENCE_WORDS = 6
# In one document, recurring lines may take at most this share of its words
# (the share the page guard allows weak evidence: guard.GUARD_MAX_SHARE).
DOCUMENT_MAX_SHARE = 0.5
CONFIDENCE = 0.9
# Non-blank lines either side of the article that count as its own (see `widen`).
NEAR_LINES = 2
_LETTERS = re.compile(r"[^\W\d_]")
# a bulleted line is a list's item: a product's feature, a spec (content)
_LIST_MARKS = ("- ", "• ", "* ", "– ", "· ")


def line_key(text: str) -> str | None:
    """A line as documents are compared: stripped, single-spaced; None for a line
    that can be no evidence: blank, or fewer than three letters ("1", "|", "--"),
    or a line that says something: a sentence ("Seller assumes all responsibility
    for this listing.") or a fact with a figure ("Return for refund within: 30
    days"), which a site's template may carry as content on every page.

    >>> line_key("  Sign up for our  newsletter "), line_key("12"), line_key(" ")
    ('Sign up for our newsletter', None, None)
    >>> line_key("Free returns within 30 days"), line_key("We ship to every country."), line_key("- Silver")
    (None, None, None)
    """
    key = repeat_key(text)
    if len(_LETTERS.findall(key[:40])) < 3 or any(c.isdigit() for c in key) or ends_sentence(key) \
            or key.startswith(_LIST_MARKS) or is_list_content(key):
        return None
    return key


def document_lines(text: str) -> set[str]:
    """The distinct lines of one document, as compared (`repeat_key`)."""
    return {k for k in map(repeat_key, text.splitlines()) if k}


def is_long_sentence(key: str) -> bool:
    """A sentence of SENTENCE_WORDS words or more.

    >>> is_long_sentence("Share solutions and get help from a friend."), is_long_sentence("Sign in.")
    (True, False)
    """
    return key.count(" ") + 1 >= SENTENCE_WORDS and ends_sentence(key)


def recurring_lines(texts: Sequence[str]) -> frozenset:
    """The line keys that recur across `texts` (the documents of one site).

    >>> page = "Home\\nNews\\n{}\\nSign up for our newsletter\\n"
    >>> stories = ["The council met on Monday.", "Rain is due later.", "A bridge reopened.", "Schools shut."]
    >>> sorted(recurring_lines([page.format(s) for s in stories]))
    ['Home', 'News', 'Sign up for our newsletter']
    >>> recurring_lines([page.format(s) for s in stories[:2]])  # two pages make no pattern
    frozenset()
    >>> story = "\\n".join(f"Paragraph {n} of the one wire story that three papers ran as it came." for n in range(4))
    >>> recurring_lines(["Home\\n" + story] * 3)
    frozenset()
    """
    return recurring_from_counts(Counter(k for t in texts for k in document_lines(t)), len(texts))


def recurring_from_counts(counts: Counter, documents: int) -> frozenset:
    """`recurring_lines` from the number of documents each line is on (`document_lines`
    of each) and the number of documents: for callers that count as they read.

    >>> sorted(recurring_from_counts(Counter({"Menu": 3, "Story one.": 1}), 4))
    ['Menu']
    """
    if documents < MIN_DOCUMENTS:
        return frozenset()
    needed = max(MIN_DOCUMENTS, MIN_SHARE * documents)
    shared = [k for k, n in counts.items() if n >= needed]
    if sum(1 for k in shared if is_long_sentence(k)) >= SHARED_SENTENCES:
        return frozenset()
    return frozenset(k for k in shared if k.count(" ") + 1 < PARAGRAPH_WORDS and line_key(k) == k)


def recurring_by_document(sites: Sequence[str], texts: Sequence[str | None]) -> list[frozenset]:
    """For each document, the recurring lines of its site (`sites[i]`; documents
    without a text, such as those refused, take part in nothing).

    >>> page = "Menu\\nSearch\\n{}\\n"
    >>> found = recurring_by_document(["a", "a", "a", "b"], [page.format(i) for i in "wxyz"])
    >>> [sorted(f) for f in found]
    [['Menu', 'Search'], ['Menu', 'Search'], ['Menu', 'Search'], []]
    """
    groups: dict[str, list[int]] = {}
    for i, (site, text) in enumerate(zip(sites, texts)):
        if text is not None:
            groups.setdefault(site, []).append(i)
    out = [frozenset()] * len(texts)
    for members in groups.values():
        found = recurring_lines([texts[i] for i in members])
        for i in members:
            out[i] = found
    return out


def recurring_changes(lines: Sequence[Line], removed: Iterable[int], recurring: frozenset,
                      article: range) -> list[Change]:
    """Deletions of the lines outside `article` whose key is in `recurring`, but none
    at all when they would take more than DOCUMENT_MAX_SHARE of the document's words.

    `removed`: indices of lines the step already deletes on other evidence;
    `article`: the indices of the article's lines (empty: none found, nothing goes).

    >>> words = ["Home", "Sport", "Weather", "The council met on Monday.", "Share", "Print", "Subscribe"]
    >>> L = [Line(10 * i, 10 * i + 10, w) for i, w in enumerate(words)]
    >>> [(c.start, c.rule) for c in recurring_changes(L, set(), frozenset({"Home", "Subscribe"}), range(3, 4))]
    [(0, 'chrome.recurring_line'), (60, 'chrome.recurring_line')]
    >>> recurring_changes(L, set(), frozenset({"Home", "Subscribe"}), range(0))
    []
    >>> heavy = [Line(0, 30, "Gazette Valley Desk Harbour Notes"), Line(30, 42, "Short note.")]
    >>> recurring_changes(heavy, set(), frozenset({"Gazette Valley Desk Harbour Notes"}), range(1, 2))  # the cap
    []
    """
    if not recurring or not article:
        return []
    article = widen(lines, article)
    removed = set(removed)
    total = hit = 0
    found = []
    for i, line in enumerate(lines):
        words = len(line.text.split())
        total += words
        if i not in removed and i not in article and words and line_key(line.text) in recurring:
            hit += words
            found.append(line)
    if not found or hit > DOCUMENT_MAX_SHARE * total:
        return []
    return [Change(line.start, line.end, "", RULE,
                   f"removed {_shown(line.text)!r}: the same line is on most of this site's documents in the "
                   "batch (site boilerplate)", CONFIDENCE) for line in found]


def widen(lines: Sequence[Line], article: range) -> range:
    """`article` with the NEAR_LINES non-blank lines either side: a section heading
    just before the first paragraph or after the last ("Description", "System
    requirements") is the template's content, not its furniture.

    >>> L = [Line(0, 1, t) for t in ["Menu", "Home", "", "Description", "Text.", "", "Specs", "Footer"]]
    >>> widen(L, range(4, 5))
    range(1, 8)
    """
    first, last = article.start, article.stop - 1
    for _ in range(NEAR_LINES):
        first -= 1
        while first > 0 and not lines[first].text.strip():
            first -= 1
        last += 1
        while last < len(lines) - 1 and not lines[last].text.strip():
            last += 1
    return range(max(first, 0), min(last, len(lines) - 1) + 1)


def _shown(text: str) -> str:
    key = repeat_key(text)
    return shorten_for_message(key)
