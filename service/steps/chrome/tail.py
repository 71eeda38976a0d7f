"""Where the article ends, where the page's footer begins, and what a list of links below it
may take (used by `chrome.classify_blocks` and `chrome.walk_outward`).

- `trim_article_end`: the article ends with its last run of paragraphs; a
  lone paragraph below it (a newsletter box's pitch, a cookie notice's text)
  is outside, where only evidence removes a line.
- `footer_blocks`: a page ends with its footer (legal links, the copyright
  line, contact details, a cookie notice's settings). Once a line of the
  footer stands below the article, the lines after it are the footer's,
  unless a run of paragraphs follows (a second article, a license text).
- What a list of chrome may not take: the section a heading heads
  (`heads_text`), a term with its description (`describes_term`), a table's
  fields (`is_field_line`, `mark_field_runs`), short sentences
  (`reads_as_sentence`). Deletion needs evidence in proportion to what it
  removes: a heading's evidence covers link-like lines, not text.
"""
from __future__ import annotations

import re

from .content import WRITTEN_MARKERS
from .signals import strip_bullet, true_runs

COPYRIGHT_RULE = "chrome.phrase.copyright"
# Headings of lists of stories, whose links come with a teaser sentence each
# (a comment form's "Reply" also starts a list, but of comments and code).
TEASER_LISTS = ("chrome.phrase.related", "chrome.phrase.recirculation", "chrome.phrase.click_here")
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


# Rules whose line may title a section of an article ("Related", "See also",
# "Table of Contents", "Accessibility", "Google"): not an advertisement's label or
# a share link, which stand between paragraphs as chrome whatever the text around.
HEADING_RULES = ("chrome.phrase.related", "chrome.phrase.navigation", "chrome.phrase.contents",
                 "chrome.phrase.legal", "chrome.phrase.share_buttons")
# A text shows its own headings when SIBLING_HEADINGS other short lines
# (up to SIBLING_MAX_WORDS words, no closing punctuation, no rule's match) stand
# between two paragraphs within SIBLING_REACH blocks of the label.
SIBLING_HEADINGS = 2
SIBLING_REACH = 40
SIBLING_MAX_WORDS = 6
# A page of short sections (a service's offers, each a heading over a sentence or two and a
# button: "StreamStore" / "All your favorite streaming services ...") heads them all alike:
# a widget's label right under a paragraph and over its own section's sentence ("Live TV" /
# "Discover. Watch. Repeat. Explore channels ..."), among BLURB_HEADINGS such headings of the
# page's own within SIBLING_REACH blocks, is one of them. The other HEADING_RULES' labels,
# read so, were mostly a scraped page's buttons ("Email", "Read More", "Close").
BLURB_HEADING_RULES = ("chrome.phrase.widgets",)
BLURB_HEADINGS = 2


def sibling_headings(texts: list[str], matched: list, prose: list) -> list[int]:
    """Blocks whose rule's line heads a section: a label among the text's own headings, or a written list's.

    A news page's widget label between two paragraphs ("Trending", "Read
    Next") stands in an article without headings of its own; a writer's
    "Related" or "See also" between paragraphs is one of the text's
    section headings, each a short line with a paragraph above and below it
    (or right under the section's own heading: "Key Benefits", then
    "Accessibility"). A label right above an item of a list someone wrote
    (`heads_written_list`) is that list's heading, whatever its neighbours;
    in a text headed in capitals (a manual page), a label in capitals over
    text is one of its headings (`heads_in_capitals`); on a page of short
    sections, each a heading over a sentence of its own, a widget's label
    over its section's sentence is one of them (BLURB_HEADING_RULES).
    Linear: the headings around each label are counted from prefix sums.

    >>> class R: id = "chrome.phrase.related"
    >>> texts = ["A paragraph.", "History", "A paragraph.", "Related", "A paragraph.", "Method", "A paragraph."]
    >>> sibling_headings(texts, [None, None, None, R(), None, None, None], [True, False] * 3 + [True])
    [3]
    >>> sibling_headings(texts[2:5], [None, R(), None], [True, False, True])
    []
    >>> texts = texts[:3] + ["Uses"] + texts[3:] + ["Tests", "A paragraph."]  # right under a heading
    >>> sibling_headings(texts, [None] * 4 + [R()] + [None] * 5, [True, False, True, False, False] + [True, False] * 2 + [True])
    [4]
    >>> class W: id = "chrome.phrase.widgets"
    >>> texts = ["A paragraph.", "Live TV", "Watch. Repeat.", "Sports", "Know the scores.", "Deals", "Save more."]
    >>> sibling_headings(texts, [None, W()] + [None] * 5, [True] + [False] * 6)
    [1]
    """
    n = len(texts)

    def below_text(j: int) -> bool:
        return 0 < j < n - 1 and prose[j + 1] and matched[j + 1] is None and not prose[j] and is_heading_shape(texts[j])

    def between(j: int) -> bool:  # above it a paragraph, or a list's last item (a line longer than a heading)
        return below_text(j) and matched[j - 1] is None and (prose[j - 1] or not is_heading_shape(texts[j - 1]))

    def under_heading(j: int) -> bool:
        # the label heads a subsection right under its section's heading, over a paragraph that
        # ends as a sentence does (a button under a heading stands above a teaser, cut short)
        return (j > 1 and below_text(j) and matched[j - 1] is None and not prose[j - 1]
                and is_heading_shape(texts[j - 1]) and prose[j - 2] and matched[j - 2] is None
                and ends_as_sentence(texts[j + 1]))

    def over_blurb(j: int) -> bool:  # a short line over its section's own sentence, prose or not
        return (0 < j < n - 1 and matched[j + 1] is None and not prose[j] and is_heading_shape(texts[j])
                and ends_as_sentence(texts[j + 1]))
    plain = [0] * (n + 1)  # prefix sums of the text's own headings (no rule's line)
    blurbs = [0] * (n + 1)  # ... and of those over a short section (over_blurb, anything above)
    for j in range(n):
        plain[j + 1] = plain[j] + (matched[j] is None and between(j))
        blurbs[j + 1] = blurbs[j] + (matched[j] is None and over_blurb(j))
    # a manual's headings in capitals over their sections (NAME, SYNOPSIS, ..., SEE ALSO)
    cased = sum(1 for j in range(n - 1) if matched[j] is None and prose[j + 1] and heads_in_capitals(texts, j))
    out = []
    for i, rule in enumerate(matched):
        if rule is None:
            continue
        if rule.id in CASED_HEADING_RULES and cased >= CASED_HEADINGS and heads_in_capitals(texts, i) \
                and matched[i + 1] is None:
            out.append(i)
        elif rule.id in HEADING_RULES and (heads_written_list(texts, i, matched, prose) or (
                (between(i) or under_heading(i))
                and plain[min(n, i + SIBLING_REACH + 1)] - plain[max(0, i - SIBLING_REACH)] >= SIBLING_HEADINGS)):
            out.append(i)
        elif (rule.id in BLURB_HEADING_RULES and over_blurb(i) and prose[i - 1] and matched[i - 1] is None
              and blurbs[min(n, i + SIBLING_REACH + 1)] - blurbs[max(0, i - SIBLING_REACH)] >= BLURB_HEADINGS):
            out.append(i)
    return out


def ends_as_sentence(text: str) -> bool:
    """True for a line that ends as a sentence does, not cut short as a teaser is.

    >>> ends_as_sentence("Discover. Watch. Repeat."), ends_as_sentence("Both for users and..."), ends_as_sentence("Sports")
    (True, False, False)
    """
    body = text.rstrip()
    return body.endswith(SENTENCE_ENDS) and not body.endswith(CUT_ENDS)


# A text whose sections are headed in capitals shows this many such headings of its own over
# paragraphs (a form's or a shop's labels in capitals stand over fields and prices);
# its NAME field and SEE ALSO heading then are headings too.
CASED_HEADINGS = 4
CASED_HEADING_RULES = HEADING_RULES + ("chrome.phrase.comment_fields",)


def heads_in_capitals(texts: list[str], i: int) -> bool:
    """True for a heading-shaped line in capitals over a block of text (not over another label).

    >>> heads_in_capitals(["SYNOPSIS", "git commit [-a | --interactive] [-s] [-v]"], 0)
    True
    >>> heads_in_capitals(["NEWS", "SPORTS"], 0), heads_in_capitals(["Synopsis", "git commit [-a] [-s] [-v]"], 0)
    (False, False)
    >>> heads_in_capitals(["SEE ALSO", "git-add[1], git-rm[1], git-mv[1]"], 0)  # over a list in a line
    True
    """
    body = texts[i].strip()
    return (i + 1 < len(texts) and body.isupper() and is_heading_shape(body)
            and (not is_heading_shape(texts[i + 1]) or is_enumeration(texts[i + 1])))


# Commas a line needs to be items written in a row ("git-add[1], git-rm[1], git-mv[1]"):
# a menu's or a form's label has none, a heading at most one ("Fish, Chips").
ENUMERATION_COMMAS = 2


def is_enumeration(text: str) -> bool:
    """True for a line of items written in a row, separated by commas: text, not a label.

    >>> is_enumeration("git-add[1], git-rm[1], git-mv[1]"), is_enumeration("Fish, Chips"), is_enumeration("NEWS")
    (True, False, False)
    """
    return text.count(", ") + text.rstrip().endswith(",") >= ENUMERATION_COMMAS


# A paragraph's closing punctuation (a heading's or a title's line ends without it).
SENTENCE_ENDS = (".", "!", "?", ":", ".”", ".\"", ")")
# A teaser cut short ("Both for users and organizations regardless of..."): no paragraph.
CUT_ENDS = ("...", "…")
# An item someone wrote into a numbered list ("1. Who is this program for?"), as
# content.WRITTEN_MARKERS are the bullets of one: a scraper's link titles carry neither.
_NUMBERED_ITEM = re.compile(r"\d{1,2}(?:\.\d{1,2})*[.)]\s+\S")


def is_written_item(text: str) -> bool:
    """True for an item of a list someone wrote: a bullet or a number before it.

    >>> is_written_item("- Windows 10"), is_written_item("2. Install it"), is_written_item("11.2. Index Types")
    (True, True, True)
    >>> is_written_item("2024 was a year"), is_written_item("3.5 stars")
    (False, False)
    """
    return text.startswith(WRITTEN_MARKERS) or bool(_NUMBERED_ITEM.match(text))


def own_list_items(texts: list[str], matched: list) -> list[int]:
    """Blocks a rule names that are an item of a list someone wrote, between two items of it no rule names.

    A writer's bulleted list of services ("- Sales Copy", "- Email Copy", "- Press Releases")
    holds words a share row is made of; a row of share buttons, a menu's links, a footer's
    legal links stand beside their own kind, which the rules name too, and a scraper's
    link titles carry no marker a writer types. The marker must be the same on both sides.

    >>> own_list_items(["- Ad Copy", "- Email Copy", "- Press Releases"], [None, "share", None])
    [1]
    >>> own_list_items(["- Facebook", "- Email", "- Print"], ["share", "share", "share"])
    []
    >>> own_list_items(["Ad Copy", "Email Copy", "Press Releases"], [None, "share", None])
    []
    """
    out = []
    for i in range(1, len(texts) - 1):
        marker = texts[i][:2]
        if (matched[i] is not None and marker in WRITTEN_MARKERS and matched[i - 1] is None
                and matched[i + 1] is None and texts[i - 1][:2] == marker == texts[i + 1][:2]):
            out.append(i)
    return out


def heads_written_list(texts: list[str], i: int, matched: list, prose: list) -> bool:
    """True for a heading-shaped label right above an item of a written list, with another item beside.

    A manual's "See also" over its references, a spec sheet's "Recommended"
    between two lists of requirements, a FAQ's heading over its numbered
    questions: the list below carries the markers a writer types and a
    scraper's menus lack (`is_written_item`), and another such item stands
    right above the label or right below the first (a list, not one line).
    The label is no item itself (a form's "* Email" among its "* " fields).

    >>> heads_written_list(["- OS: Windows 7", "RECOMMENDED", "- OS: Windows 10"], 1, [None] * 3, [False] * 3)
    True
    >>> heads_written_list(["Watch the video.", "Related", "Story one", "Story two"], 1, [None] * 4, [True] + [False] * 3)
    False
    """
    n = len(texts)
    if (prose[i] or not is_heading_shape(texts[i]) or is_written_item(texts[i]) or i + 1 >= n
            or matched[i + 1] is not None):
        return False
    # an item opening in lower case goes on the label's own line ("On LinkedIn" / "- daily videos")
    return is_written_item(texts[i + 1]) and not strip_bullet(texts[i + 1])[:1].islower() and (
        (i > 0 and is_written_item(texts[i - 1])) or (i + 2 < n and is_written_item(texts[i + 2])))


def is_heading_shape(text: str) -> bool:
    """A short line without closing punctuation: a heading's shape ("Read more:", "Print." are buttons').

    >>> is_heading_shape("See also"), is_heading_shape("Share this:"), is_heading_shape("Next.")
    (True, False, False)
    """
    body = text.strip()
    return (0 < body.count(" ") + 1 <= SIBLING_MAX_WORDS and not body.endswith((".", ":", "!", "?", ",", "…"))
            and any(c.isalpha() for c in body))


def is_table_source(i: int, matched: list, cells: list | None) -> bool:
    """True for a copyright line right below a table's rows: the table's source ("© Agency, used by permission").

    A page's copyright line stands in its footer, below the last paragraph or
    link; a table someone quotes carries its source under it, inside the
    article. `cells`: blocks whose lines hold table cells (signals.mark_cells).

    >>> class C: id = COPYRIGHT_RULE
    >>> is_table_source(1, [None, C(), None], [True, False, False]), is_table_source(1, [None, C()], [False, False])
    (True, False)
    """
    rule = matched[i]
    return bool(cells) and i > 0 and cells[i - 1] and rule is not None and rule.id == COPYRIGHT_RULE


# A line that names a copyright ("(c) Copyright 1990-1994, Hewlett-Packard Company.").
_NAMES_COPYRIGHT = re.compile(r"copyright|©|\(c\)", re.IGNORECASE)


def continues_notice(texts: list[str], i: int, matched: list) -> bool:
    """True for a copyright line right below a copyright notice no rule names: the notice's second line.

    A program's banner in a console listing reads "(c) Copyright 1990-1994,
    Hewlett-Packard Company." / "All rights reserved": the text keeps the
    holder's line, a shape no rule names, and the notice is one, kept whole.
    A site's footer notice is named on its first line ("© 2024 The Courier").

    >>> class C: id = COPYRIGHT_RULE
    >>> banner = ["BootRom Version 1.1", "(c) Copyright 1990-1994, Hewlett-Packard Company.", "All rights reserved"]
    >>> continues_notice(banner, 2, [None, None, C()]), continues_notice(banner, 2, [None, C(), C()])
    (True, False)
    >>> continues_notice(["Contact us", "All rights reserved"], 1, [None, C()])
    False
    """
    rule = matched[i]
    return (rule is not None and rule.id == COPYRIGHT_RULE and i > 0 and matched[i - 1] is None
            and _NAMES_COPYRIGHT.search(texts[i - 1][:200]) is not None)


# A line a writer ends with a full stop, or opens in lower case, is a
# sentence someone wrote (a forum answer's line, a plan's description), not
# a link's title or a label: titles end without one ("?" and "!" they keep)
# and open with a capital in every cased script. Two words or more: "Close."
# is a button, and a tag list's single labels are lower case.
SENTENCE_LINE_MIN_WORDS = 3


def reads_as_sentence(text: str, lower_opening: bool = True) -> bool:
    """True for a short line shaped as a sentence: a full stop at its end, or a lower-case opening.

    `lower_opening=False`: the full stop only (a scraper cuts a sentence at
    each link, and its pieces open in lower case).

    >>> reads_as_sentence("It also lists hidden ones."), reads_as_sentence("but watch out for hidden ones")
    (True, True)
    >>> reads_as_sentence("Could AI change how we shop?"), reads_as_sentence("Get started with the API")
    (False, False)
    >>> reads_as_sentence("Read more..."), reads_as_sentence("developer tools"), reads_as_sentence("Contact us.")
    (False, False, False)
    >>> reads_as_sentence("to get started with the tools", lower_opening=False)
    False
    """
    body = strip_bullet(text.strip())
    if body.count(" ") + 1 < SENTENCE_LINE_MIN_WORDS:
        return False
    end = body.rstrip("\"'”’)]")
    if end.endswith(".") and not end.endswith(("..", "…")):
        return True
    return lower_opening and body[:1].isalpha() and body[:1].islower()


def heads_text(heading, prose: bool, text: str) -> bool:
    """True when `heading` (the Verdict of the line above, or None) heads a list of links and
    the line below it (`text`; `prose`: read as prose) is text: prose or a sentence.

    A heading of links ("See also", "Related": TEASER_LISTS) takes the
    link-like lines right after it; a sentence or a paragraph right below it
    is the section it heads (an answer, a note), and no list started there.
    walk_outward asks only when the heading opened the list: inside a list
    of chrome already begun, a comment form's heading and its notice are
    more of it. A title with a price or a number ("5 Best Keyboards Under
    $100") is a link still.

    >>> class V: rule, starts_list = "chrome.phrase.related", True
    >>> heads_text(V(), True, "Use a glob instead, it skips the files"), heads_text(V(), False, "Use a glob instead.")
    (True, True)
    >>> heads_text(V(), False, "Quad ministers meet in Tokyo"), heads_text(None, True, "Text.")
    (False, False)
    """
    return (heading is not None and heading.starts_list and heading.rule in TEASER_LISTS
            and (prose or reads_as_sentence(text, lower_opening=False)))


# A paragraph a list of links ran past above the article (a teaser: kept,
# walk_outward) keeps its headline: the title the list took right above it,
# across at most HEADLINE_REACH lines (a dateline, a credit) between them,
# once the page shows LISTING_MIN_ITEMS such items (a listing: the "article"
# is one of its items). One such pair is as often a header's notice under a
# title; below the article, titles with teasers are a related-stories box.
HEADLINE_REACH = 2
LISTING_MIN_ITEMS = 3
# A story's headline has six words or more; a menu's promoted entries and a
# site's section teasers are headed by a name ("MIT Sloan Fellows MBA").
HEADLINE_MIN_WORDS = 6


def headlines_of_kept_teasers(kept: list[bool], removed: list[bool], taken: list[bool],
                              texts: list[str]) -> list[int]:
    """Blocks to give back: the headline above each kept teaser, with the taken lines between.

    `kept`: a paragraph above the article that stays (a listing's teaser: a
    paragraph, not a menu entry's one-line description);
    `removed`: a line the step removes; `taken`: one a list of chrome took
    as a link on no evidence of its own; `texts`: each block's text (a
    headline has HEADLINE_MIN_WORDS). A story's title, date and teaser are one item of the page: keeping
    the teaser and deleting its title leaves half an item (a listing read as
    a list of links). The headline is the farthest title in the run of
    removed lines right above the teaser (a date under it may be as long).

    >>> item = ["Rail strike called off after late talks", "March 4, 2026 •", "The unions said ..."]
    >>> kept, removed, taken = [False, False, True] * 3, [True, True, False] * 3, [True, True, False] * 3
    >>> headlines_of_kept_teasers(kept, removed, taken, item * 3)
    [0, 1, 3, 4, 6, 7]
    >>> headlines_of_kept_teasers(kept, removed, [True, False, False] * 3, item * 3)
    [0, 3, 6]
    >>> headlines_of_kept_teasers(kept[:6], removed[:6], taken[:6], item * 2)
    []
    >>> headlines_of_kept_teasers(kept, removed, taken, ["MIT Sloan Fellows MBA", "", "The programme ..."] * 3)
    []
    """
    items = []
    for i, stays in enumerate(kept):
        if not stays:
            continue
        above = []
        for j in range(i - 1, max(-1, i - 2 - HEADLINE_REACH), -1):
            if not removed[j]:
                break
            above.append(j)
        titles = [j for j in above if taken[j] and texts[j].count(" ") + 1 >= HEADLINE_MIN_WORDS]
        if titles:
            items.append([j for j in range(titles[-1], i) if taken[j]])
    if len(items) < LISTING_MIN_ITEMS:
        return []
    return sorted({j for item in items for j in item})


# describes_term: pieces of evidence within TERM_WINDOW blocks of a term that
# make its neighbourhood chrome.
TERM_WINDOW = 3
TERM_MAX_EVIDENCE = 2
# A feature's description is a sentence or two; a longer one under a short
# title is a story's teaser ("Part 2: ..." of a series).
DESCRIPTION_MAX_WORDS = 25


def describes_term(name: str, titled: bool, copies: int, text: str, near: list) -> bool:
    """True when `text` is a sentence describing the short line `name` above it.

    A plan's or a feature's name (two or three words) and its description:
    a list of links has titles of four words or more (`titled`) and no
    statement below a short one; a lone word above a sentence is as often a
    widget's heading ("About"), and a label the page shows again and again
    (`copies`) is a list's category tag above each teaser. Amid dense chrome
    (`near`: the evidence, or None, of the blocks around the name; a
    settings dialog's title and instructions between its buttons) the pair
    is chrome too.

    >>> describes_term("Custom Proposal", False, 1, "A plan drawn up for your team alone.", [None] * 7)
    True
    >>> describes_term("Custom Proposal", False, 2, "A plan drawn up for your team alone.", [None] * 7)
    False
    >>> describes_term("About", False, 1, "We are a small team.", [None] * 7)
    False
    """
    if (titled or " " not in name or copies != 1 or not reads_as_sentence(text)
            or text.count(" ") >= DESCRIPTION_MAX_WORDS):
        return False
    return sum(v is not None for v in near) < TERM_MAX_EVIDENCE


# A field of a specification table or a reference list: a short capitalised
# label (three words at most), a colon, and its value: a link, a lower-case
# description, or one word ("Material: brushed aluminium", "Source code:
# https://…", "License: MIT"). A headline with a kicker
# ("Markets: Stocks Rally As Rates Fall") goes on in capitals.
_FIELD = re.compile(r"(?:[-*•]\s)?[A-Z][^\s:]*(?:\s[^\s:]+){0,2}:\s+(\S.*)")
FIELD_MAX_CHARS = 160


def is_field_line(text: str) -> bool:
    """True for a "Label: value" line of a table or a reference list (see _FIELD).

    >>> is_field_line("Material: brushed aluminium"), is_field_line("- Source code: https://example.org/tool")
    (True, True)
    >>> is_field_line("Finish: matte"), is_field_line("License: MIT"), is_field_line("Posts: 96")
    (True, True, False)
    >>> is_field_line("Markets: Stocks Rally As Rates Fall"), is_field_line("Why the deal matters: what to know")
    (False, False)
    >>> is_field_line("Share this:")
    False
    """
    text = text.strip()
    if len(text) > FIELD_MAX_CHARS or ":" not in text:
        return False
    m = _FIELD.fullmatch(text)
    if m is None:
        return False
    value = m.group(1)
    # (a bare count is a profile's or a thread's counter: "Posts: 96")
    return (value[:1].islower() or "://" in value or "www." in value
            or (" " not in value and any(map(str.isalpha, value))))


def mark_field_runs(texts: list[str], fields: list[bool]) -> list[bool]:
    """True for field lines in a run of two or more whose labels all differ: a table's rows, a reference list.

    A lone "Label: value" line is as often a link's title ("Part 2: Scaling
    up"), and a menu's labels repeat their prefix ("Guides: Setup", "Guides:
    Backup", "Tools: Search").

    >>> mark_field_runs(["Size: large", "Finish: matte", "Home", "Note: see above"], [True, True, False, True])
    [True, True, False, False]
    >>> mark_field_runs(["Guides: Setup", "Guides: Backup", "Tools: Search"], [True, True, True])
    [False, False, False]
    """
    out = [False] * len(fields)
    for k, j in true_runs(fields):
        labels = [texts[m].split(":", 1)[0].strip().lower() for m in range(k, j)]
        if j - k >= 2 and len(set(labels)) == len(labels):
            out[k:j] = [True] * (j - k)
    return out


def starts_chrome_run(order: list[int], step: int, evidence: list, settled: bool = False,
                      window: int = 2) -> bool:
    """True when the evidence at `order[step]` is followed by more within `window` blocks.

    One odd line after an article may be the article's own (a list item, a
    credit line); two chrome lines in a row mark where the page's chrome
    begins (metadata lines do not count: a listing has them on every item).
    The last block of the text needs no company.

    >>> from types import SimpleNamespace as Evidence
    >>> v, meta = Evidence(metadata=False), Evidence(metadata=True)
    >>> starts_chrome_run([5, 6, 7], 0, [None] * 5 + [v, None, v])
    True
    >>> starts_chrome_run([5, 6, 7, 8], 0, [None] * 5 + [v, None, None, v])
    False
    >>> starts_chrome_run([5, 6, 7], 0, [None] * 5 + [v, None, meta])
    False
    """
    ahead = order[step + 1:step + 1 + window]
    return not ahead or any(evidence[j] is not None and (settled or not evidence[j].metadata) for j in ahead)
