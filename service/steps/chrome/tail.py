"""Where the article ends and the page's footer begins (used by `chrome.classify_blocks`).

- `trim_article_end`: the article ends with its last run of paragraphs; a
  lone paragraph below it (a newsletter box's pitch, a cookie notice's text)
  is outside, where only evidence removes a line.
- `footer_blocks`: a page ends with its footer (legal links, the copyright
  line, contact details, a cookie notice's settings). Once a line of the
  footer stands below the article, the lines after it are the footer's,
  unless a run of paragraphs follows (a second article, a license text).
"""
from __future__ import annotations

COPYRIGHT_RULE = "chrome.phrase.copyright"
# Lines that only a page's footer has.
FOOTER_RULES = (COPYRIGHT_RULE, "chrome.phrase.legal")


def trim_article_end(first: int, last: int, in_run: list, matched: list) -> int:
    """The article's last block: the last paragraph of a run (next to another) in first..last.

    >>> trim_article_end(0, 4, [True, True, False, False, False], [None] * 5)
    1
    >>> trim_article_end(2, 2, [False] * 3, [None] * 3)
    2
    """
    runs = [i for i in range(first, last + 1) if in_run[i] and matched[i] is None]
    return runs[-1] if runs else last


def footer_blocks(last: int, verdicts: list, in_run: list, matched: list, settled: bool,
                  end: int) -> range:
    """Blocks of the page's footer: after its first line below the article, up to `end`.

    The footer starts at a copyright line, or at a legal link with another
    within two blocks (a lone "Terms & Conditions" may be a link in a
    sentence). Below a short article (not `settled`: maybe a listing's
    introduction, its items below a menu's legal link) it takes three legal
    lines in a row. A run of paragraphs after the start (in_run, no rule)
    means the page goes on: no footer then.

    >>> class V:
    ...     def __init__(self, rule): self.rule = rule
    >>> c, n = V(COPYRIGHT_RULE), None
    >>> list(footer_blocks(0, [n, c, n, n], [False] * 4, [None] * 4, True, 4))
    [2, 3]
    >>> list(footer_blocks(0, [n, c, n, n], [False] * 4, [None] * 4, False, 4))
    []
    >>> list(footer_blocks(0, [n, c, n, n], [False, False, True, True], [None] * 4, True, 4))
    []
    """
    start = next((i for i in range(last + 1, end) if is_footer(verdicts, i)
                  and (verdicts[i].rule == COPYRIGHT_RULE or is_footer(verdicts, i + 1)
                       or is_footer(verdicts, i + 2))), None)
    if start is None or (not settled and not all(is_footer(verdicts, start + k) for k in range(3))):
        return range(0)
    if any(in_run[i] and matched[i] is None for i in range(start, len(verdicts))):
        return range(0)
    return range(start + 1, end)


def is_footer(verdicts: list, i: int) -> bool:
    """True when block i is removed as a footer's line (FOOTER_RULES).

    >>> class V: rule = "chrome.phrase.legal"
    >>> is_footer([V(), None], 0), is_footer([None], 0), is_footer([], 3)
    (True, False, False)
    """
    return i < len(verdicts) and verdicts[i] is not None and verdicts[i].rule in FOOTER_RULES


def is_section_heading(i: int, matched: list, prose: list) -> bool:
    """True for a footer-link label ("FAQ", "Disclaimer") standing between paragraphs as their heading.

    A footer's links come in runs below the article; the same word right
    after a paragraph and right above another (within two blocks: a
    question, then its answer) heads a section of the article.

    >>> class L: id = "chrome.phrase.legal"
    >>> is_section_heading(1, [None, L(), None, None], [True, False, False, True])
    True
    >>> is_section_heading(1, [None, L(), L(), None], [True, False, False, True])
    False
    >>> is_section_heading(1, [None, L(), None], [False, False, True])
    False
    """
    rule = matched[i]
    if rule is None or rule.id not in FOOTER_RULES or rule.id == COPYRIGHT_RULE or i == 0:
        return False
    if not prose[i - 1] or matched[i - 1] is not None:
        return False
    after = range(i + 1, min(i + 3, len(matched)))
    return (all(matched[j] is None for j in after)
            and any(prose[j] for j in after))
