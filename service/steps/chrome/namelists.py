"""Runs of labels that are the page's own list of names, not a menu.

A menu names unrelated places ("About", "Careers", "Press"). A run whose
labels share their first or last word names one family's members or one
kind's sorts (`names_variants`); a run between the article's paragraphs
that knows only a few networks' names is a manual's list of providers or
integrations (`named_lists`), not a row of share buttons.
"""
from __future__ import annotations

from . import signals as sig

# The share of a run's labels that share a word with a neighbour (names_variants):
# menus.late_menu_runs takes no such run, below or above the article.
VARIANTS_MIN_SHARED = 0.5


def names_variants(labels: list[str]) -> bool:
    """True when VARIANTS_MIN_SHARED of `labels` share their first word, or their last, with a neighbour.

    A shared first word names one family's members ("Velvet Blue", "Velvet
    Grey"; "County Antrim", "County Down"), a shared last word one kind's
    sorts ("Logo Designers", "Web Designers"; "Navy Blue", "Sky Blue"): either
    way the page's own list of items, where a footer's column names unrelated
    places ("About", "Careers", "Press").

    >>> names_variants(["velvet blue", "velvet grey", "velvet red", "linen"]), names_variants(["Albania", "Algeria"])
    (True, False)
    >>> names_variants(["Logo Designers", "Web Designers", "Book Cover Designers", "Help"])
    True
    >>> names_variants(["About", "Careers", "Press", "Gift Cards", "Store Locator"])
    False
    """
    words = [label.lower().split() for label in labels]
    return any(shares_with_neighbour([w[end] if w else "" for w in words]) >= VARIANTS_MIN_SHARED * len(words)
               for end in (0, -1))


def shares_with_neighbour(words: list[str]) -> int:
    """How many of `words` equal the word before or after them.

    >>> shares_with_neighbour(["county", "county", "help", "county"])
    2
    """
    return sum(1 for k, word in enumerate(words)
               if (k and words[k - 1] == word) or (k + 1 < len(words) and words[k + 1] == word))


# A run of labels between two of the page's paragraphs whose only known
# labels are networks' names ("Facebook", "Google": the share buttons'
# words), and few of them, is the article's own list of names (a manual's
# supported providers or integrations): a row of share buttons is made of
# such names nearly all through, and a menu between paragraphs carries other
# known labels ("Home", "Sign in").
NAMED_LIST_RULES = ("chrome.phrase.share_buttons",)
NAMED_LIST_MAX_KNOWN = 0.25


def named_lists(flags: list[bool], matched: list, prose: list) -> list[int]:
    """The known labels (networks' names) of runs of labels that are the article's own list of names.

    `flags`: True for each block a menu run is made of (menus.label_flags).
    Such a run stands between the page's first and last paragraph (`prose`),
    and its known labels are all NAMED_LIST_RULES' and fewer than
    NAMED_LIST_MAX_KNOWN of it.

    >>> class R: id = "chrome.phrase.share_buttons"
    >>> names = "Apple Bitbucket Discord Facebook Figma GitHub GitLab Kakao Notion Slack Zoom".split()
    >>> matched = [None] + [R() if n == "Facebook" else None for n in names] + [None]
    >>> flags, prose = [False] + [True] * 11 + [False], [True] + [False] * 11 + [True]
    >>> named_lists(flags, matched, prose), named_lists(flags, matched, prose[:-1] + [False])
    ([4], [])
    >>> row = matched[:1] + matched[3:6] + matched[-1:]  # Discord, Facebook, Figma
    >>> named_lists([False, True, True, True, False], row, [True, False, False, False, True])
    []
    """
    paragraphs = [k for k, p in enumerate(prose) if p]
    if not paragraphs:
        return []
    out = []
    for i, j in sig.true_runs(flags):
        known = [k for k in range(i, j) if matched[k] is not None]
        if (paragraphs[0] < i and j <= paragraphs[-1] and len(known) < NAMED_LIST_MAX_KNOWN * (j - i)
                and all(matched[k].id in NAMED_LIST_RULES for k in known)):
            out.extend(known)
    return out
