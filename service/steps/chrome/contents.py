"""A text's own table of contents: `own_contents`.

A site's "Contents" or "Table of Contents" link is navigation
(chrome.phrase.contents removes it). A manual's or a long article's own
table of contents lists the text's own sections: each entry below the
label is the start of one of the text's headings further down ("Google
450+ free certificates ..." over "Google Free Certificates and Badges";
"2 Installation" over "2 Installation" or "Installation"). So a contents
label is the text's when the CONTENTS_MIN_ENTRIES blocks right below it
(after at most CONTENTS_INTRO_BLOCKS sentences that introduce them: "This
article is long. Click on a section to jump to it:") each open with the
first word of a heading that stands further down, a short line with a
paragraph below it. A menu's labels ("Home", "News", "Sport") head no
section of the page.

An entry's first word is read after its number ("1.2", "IV.") and its list
marker: "2 Usage" over "Usage". Linear: the headings' first words are
gathered once, in one pass, and only on a page that shows the label.
"""
from __future__ import annotations

import re

from .signals import strip_bullet

CONTENTS_RULE = "chrome.phrase.contents"
# Entries right below the label that must each open as a later heading does: one or two are
# a coincidence, three are the text's sections in their order.
CONTENTS_MIN_ENTRIES = 3
# Sentences between the label and its first entry ("Click on a section to jump to it:").
CONTENTS_INTRO_BLOCKS = 1
# A heading is a short line (and an entry no longer than a paragraph's first sentence).
HEADING_MAX_WORDS = 12
# A section's number before its title: "1", "2.3", "4)", "IV.", "A."
_NUMBER = re.compile(r"(?:\d+(?:\.\d+)*|[IVXLC]+|[A-Z])[.)]?\s+")
_WORD = re.compile(r"\w+")


def first_word(text: str) -> str:
    """The first word of a line, lower case, after its number and list marker ("" if none).

    >>> first_word("2.1 Basics of Cooking"), first_word("- Google 450+ free certificates"), first_word("...")
    ('basics', 'google', '')
    """
    body = strip_bullet(text.strip())
    m = _NUMBER.match(body)
    if m and m.end() < len(body):
        body = body[m.end():]
    m = _WORD.search(body[:200])
    return m.group().lower() if m else ""


def own_contents(texts: list[str], matched: list, prose: list) -> list[int]:
    """Blocks the contents rule names that head the text's own table of contents (see the module's doc).

    >>> class R: id = CONTENTS_RULE
    >>> body = ["Installation", "Run the installer and follow its steps.", "Usage", "Open a file to start.",
    ...         "Support", "Write to us at any time."]
    >>> texts = ["A short guide to the tool.", "Contents", "1 Installation", "2 Usage", "3 Support"] + body
    >>> prose = [True, False, False, False, False] + [False, True] * 3
    >>> own_contents(texts, [None, R()] + [None] * 9, prose)
    [1]
    >>> menu = ["A short guide to the tool.", "Contents", "Home", "News", "Sport"] + body
    >>> own_contents(menu, [None, R()] + [None] * 9, prose)
    []
    """
    labels = [i for i, rule in enumerate(matched) if rule is not None and rule.id == CONTENTS_RULE]
    if not labels:
        return []
    n = len(texts)
    # the last block at which a heading opening with each word stands: a short line, no rule's,
    # over a paragraph
    heads: dict[str, int] = {}
    for j in range(n - 1):
        if (matched[j] is None and not prose[j] and prose[j + 1]
                and texts[j].count(" ") < HEADING_MAX_WORDS and (word := first_word(texts[j]))):
            heads[word] = j
    out = []
    for i in labels:
        k = i + 1
        while k < n and k - i <= CONTENTS_INTRO_BLOCKS and prose[k] and texts[k].rstrip().endswith(":"):
            k += 1
        entries = range(k, min(n, k + CONTENTS_MIN_ENTRIES))
        if len(entries) == CONTENTS_MIN_ENTRIES and all(
                heads.get(first_word(texts[e]), -1) > entries[-1] for e in entries):
            out.append(i)
    return out
