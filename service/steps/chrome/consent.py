"""A cookie consent panel at the page's end: the notice, its settings and their descriptions.

A consent manager (a cookie banner with its "Privacy Preference Center",
the purposes and vendors of an ad network's consent framework) is drawn
into the page last, so a scraper reads it below everything else. Its
descriptions are sentences ("These cookies allow us to count visits..."),
which a list of chrome never takes; they stop the footer
(`tail.footer_blocks`) and may even be taken for the article. The panel is
known by its place and by its own lines: below the page's footer line, a
cookie notice (`is_notice`) opens it, CONSENT_MIN_LINES of its lines
(`is_panel_line`: the cookie rules' lines, short labels naming cookies)
stand from there, no two of them more than CONSENT_REACH blocks apart, the
last within CONSENT_REACH blocks of the page's end. Then the notice and all
below it go; otherwise nothing does (evidence in proportion: one notice
takes its own line, as before).

The cookie rules are English phrase rules (rules/chrome.yaml) and the
notice's words are English: a page in another language shows no notice
here, and its panel stays.
"""
from __future__ import annotations

import re

from .tail import COPYRIGHT_RULE, FOOTER_RULES

# The rule of a cookie notice's sentence ("We use cookies to ...", "Accept all cookies").
CONSENT_NOTICE = "chrome.phrase.cookies"
# The rules whose lines belong to a consent panel: the notice, the panel's labels.
CONSENT_RULES = (CONSENT_NOTICE, "chrome.phrase.cookie_labels")
# A notice the rule does not word ("Etsy uses cookies and similar technologies to give you a better
# experience"): a sentence naming cookies and what a consent panel asks for, NOTICE_MIN_WORDS long.
NOTICE_WORDS = re.compile(r"(?=.*\bcookies?\b)(?=.*\b(?:consent|accept|partners|privacy|personali[sz]\w*|preferences|"
                          r"experience|analy[sz]e|advertising)\b)", re.I | re.S)
NOTICE_MIN_WORDS = 8
# A panel's own label naming cookies ("Targeting Cookies", "Cookie List"): at most LABEL_MAX_WORDS words.
COOKIE_LABEL = re.compile(r"\bcookies?\b", re.I)
LABEL_MAX_WORDS = 5
# Cookie rules' lines a panel needs from its notice on: a lone banner is its own line.
CONSENT_MIN_LINES = 3
# Blocks between two of the panel's cookie lines, and from its last one to the page's end:
# a purpose's description, its partners' count and its switch come between two labels.
CONSENT_REACH = 40


def consent_panel(texts: list, matched: list, top: int, in_run: list) -> range:
    """Blocks of a cookie consent panel below the page's footer line, running to the page's end.

    `texts`: each block's text; `matched`: the rule each block matches (or
    None); `top`: the page's first paragraph; `in_run`: paragraphs next to
    paragraphs. The page's text ends with its footer (a copyright line, or a
    legal link with another within two blocks, below `top`); a cookie notice
    after it (is_notice) opens the overlay drawn last, and the panel's lines
    (is_panel_line) stand through it to the page's end. A run of paragraphs
    between the footer line and the notice (the line was a sidebar's, a
    cookie policy's own text follows) leaves the page alone.

    >>> class R:
    ...     def __init__(self, id): self.id = id
    >>> n, c, l, k = None, R(CONSENT_NOTICE), R("chrome.phrase.cookie_labels"), R(COPYRIGHT_RULE)
    >>> t, f = ["x"] * 8, [False] * 8
    >>> list(consent_panel(t, [n, k, c, n, l, n, l, n], 0, f))
    [2, 3, 4, 5, 6, 7]
    >>> list(consent_panel(t[:6], [n, k, c, n, l, n], 0, f))  # two cookie lines: the notice alone
    []
    >>> list(consent_panel(["x"] * 10, [n, k, n, n, c, n, l, n, l, n], 0, [False, False, True, True] + [False] * 6))
    []
    >>> list(consent_panel(t, [n, n, c, n, l, n, l, n], 0, f))  # no footer line above: maybe the page's text
    []
    >>> list(consent_panel(t, [k, n, c, n, l, n, l, n], 1, f))  # the footer line above the first paragraph
    []
    >>> list(consent_panel(["x"] * 46, [n, k, c, l, l] + [n] * 41, 0, [False] * 46))  # the page goes on past the panel
    []
    >>> # a notice far above the panel: the panel opens with its own
    >>> list(consent_panel(["x"] * 50, [n, k, c] + [n] * 41 + [c, n, l, n, l, n], 0, [False] * 50))
    [44, 45, 46, 47, 48, 49]
    >>> notice = "Etsy uses cookies and similar technologies to give you a better experience."
    >>> list(consent_panel(["x", "©", notice, "x", "Targeting Cookies", "Reject All"], [n, k, n, n, n, l], 0, f))
    [2, 3, 4, 5]
    >>> # sentences and labels naming cookies, none a rule's: an article on cookies, not a panel
    >>> list(consent_panel(["x", "©", notice, "x", "Targeting Cookies", "Cookie List"], [n, k] + [n] * 4, 0, f))
    []
    """
    ended = next((i for i in range(top + 1, len(matched)) if is_footer_line(matched, i)
                  and (matched[i].id == COPYRIGHT_RULE or is_footer_line(matched, i + 1)
                       or is_footer_line(matched, i + 2))), None)
    if ended is None:
        return range(0)
    # the panel's lines, from the page's end up while each stands within CONSENT_REACH of the next
    chain: list[int] = []
    for i in range(len(matched) - 1, ended, -1):
        if (chain[-1] if chain else len(matched) - 1) - i > CONSENT_REACH:
            break
        if is_panel_line(texts[i], matched[i]) or is_notice(texts[i], matched[i]):
            chain.append(i)
    # it opens with its first notice
    start = next((i for i in reversed(chain) if is_notice(texts[i], matched[i])), None)
    if start is None or sum(1 for i in chain if i >= start) < CONSENT_MIN_LINES:
        return range(0)
    # a panel is interface text: one of its lines is a cookie rule's (a consent label, "Accept All",
    # or a notice in the rule's wording), not only sentences and labels naming cookies (an article
    # on cookie law below a photo's credit)
    if not any(i >= start and matched[i] is not None and matched[i].id in CONSENT_RULES for i in chain):
        return range(0)
    # a run of paragraphs between the footer and the notice: the page's text goes on below its footer line
    if any(in_run[i] and matched[i] is None for i in range(ended + 1, start)):
        return range(0)
    return range(start, len(matched))


def is_footer_line(matched: list, i: int) -> bool:
    """True when block i matches a rule of the page's footer (a legal link, the copyright line)."""
    return i < len(matched) and matched[i] is not None and matched[i].id in FOOTER_RULES


def is_notice(text: str, rule) -> bool:
    """True for a cookie notice: the rule's line, or a sentence naming cookies and what consent asks.

    >>> is_notice("We and our partners use cookies to personalise ads and analyse our traffic.", None)
    True
    >>> is_notice("Bake the cookies for twelve minutes until golden and let them cool.", None)
    False
    """
    if rule is not None:
        return rule.id == CONSENT_NOTICE
    return len(text.split()) >= NOTICE_MIN_WORDS and NOTICE_WORDS.match(text) is not None


def is_panel_line(text: str, rule) -> bool:
    """True for a line of a consent panel: a cookie rule's, or a short label naming cookies.

    >>> is_panel_line("Strictly Necessary Cookies", None), is_panel_line("Cookies and cream", None)
    (True, True)
    >>> is_panel_line("The cookies were still warm when the guests came in.", None)
    False
    """
    if rule is not None:
        return rule.id in CONSENT_RULES
    return (len(text.split()) <= LABEL_MAX_WORDS and not text.rstrip().endswith((".", "!", "?"))
            and COOKIE_LABEL.search(text) is not None)
