"""The guard by the page's own name: a choice that names nothing of the page and lies away from its heading.

Every candidate the vote weighs can settle on the wrong part of a page: a
consent dialog's prose, a shipping banner, a sidebar of promotions, one
teaser of a listing. The page says what it is about twice, in its <h1> and in
its <title>, in whatever language it is written; the part it is about sits
under that heading. A chosen text that holds (almost) none of the words of
either, and either lies mostly outside the visible text from the heading on
or starts far below the heading (it threw away the text right under it), took
another part of the page: the region around the page's name replaces it
(`regions.region_around`: the smallest element holding the name and most of
what follows it), else the visible text from the heading on, and the
response says so (`extract_html`'s metadata["extraction"]["guard"]).
A news story's body need not repeat its headline, so the missing name alone
is never enough: the skipped or outside text is the evidence, in proportion
to what the choice kept.

>>> story = "The council voted on Monday to close the old bridge to lorries. " * 30
>>> cookies = "We use cookies to measure visits and show offers. You may accept or refuse them."
>>> visible = "Home\\nBridge closed\\n" + story + "\\n" + cookies
>>> source, text, why = guard_unnamed(cookies, visible, "Bridge closed", "Bridge closed | City News")
>>> source, text[:13]
('headed', 'Bridge closed')
>>> page = "<div><h1>Bridge closed</h1><p>" + story + "</p></div><div><p>" + cookies + "</p></div>"
>>> source, text, why = guard_unnamed(cookies, visible, "Bridge closed", "Bridge closed | City News", html=page)
>>> source, text[:13], text.endswith("to lorries."), why[-34:]
('named', 'Bridge closed', True, 'the region around it has 362 words')
>>> guard_unnamed(story, visible, "Bridge closed", "Bridge closed | City News")
('', '', '')
"""
from __future__ import annotations

from ..titles import PAGE_TITLE, split_title
from .regions import region_around
from .text import holds_heading, separate_paragraphs, word_bag, word_count, word_key

# A choice that holds less than this share of the distinct words of the page's
# name (its heading, else the longest part of its title) does not name the page.
MAX_UNNAMED_SHARE = 0.34
# ...and it took another part of the page when less than this share of its
# words are in the visible text from the heading on (a banner above the heading)...
MIN_HEADED_INSIDE = 0.5
# ...or when the text it skipped between the heading and its own first line has
# this many words and this share of its own words (a consent dialog or a
# promotion further down, the heading's own text left out).
MIN_SKIPPED_WORDS = 100
MIN_SKIPPED_SHARE = 0.5
# A line of the choice is looked for under the heading when it has this many words.
MIN_FOUND_LINE_WORDS = 4


def guard_unnamed(chosen: str, visible: str, heading: str, title: str, links=frozenset(),
                  html: str = "") -> tuple[str, str, str]:
    """(source, text, why) when `chosen` took another part of the page; ("", "", "") otherwise.

    `visible`: the page's visible text, a line per block; `heading`: its one
    <h1> or ""; `title`: its <title> or ""; `links`: the word keys of its links;
    `html`: the page. The text is the region around the page's name (source
    "named"), or the visible text from the heading on (source "headed") when
    no element of the page holds the name as one block.
    The text from the heading on starts at the first line naming the page: at
    the <h1> or above it (a breadcrumb), so it always holds the heading's part.
    A title's part is only words: the first line holding it may be a menu's or
    a footer's link, so a name from the title that is a link's text is no evidence.
    """
    name = page_name(heading, title)
    if not name or (not heading and word_key(name) in links) or named_share(chosen, name) >= MAX_UNNAMED_SHARE:
        return "", "", ""
    headed = text_from_heading(visible, name)
    if not headed:
        return "", "", ""
    inside = share_inside(chosen, headed)
    if inside < MIN_HEADED_INSIDE:
        why = f"{inside:.0%} of it under the heading"
    else:
        # Inside the headed text, only a choice that names no part of the title either
        # (a blog's <h1> is its name, the <title> the post's) and skipped much is taken as lost.
        skipped, words = skipped_words(chosen, headed), word_count(chosen)
        if named_share(chosen, heading, *title_parts(title)) >= MAX_UNNAMED_SHARE:
            return "", "", ""
        if skipped < max(MIN_SKIPPED_WORDS, MIN_SKIPPED_SHARE * words):
            return "", "", ""
        why = f"it starts {skipped} words below the heading"
    around = separate_paragraphs(region_around(html, name))  # a blank line between blocks, as `headed`
    source, text = ("named", around) if word_count(around) else ("headed", headed)
    part = "the region around it" if source == "named" else "the text from the heading on"
    return source, text, f"the choice holds none of the page's name {name!r}, {why}; {part} has {word_count(text)} words"


def page_name(heading: str, title: str) -> str:
    """What the page calls itself: its heading, else the longest part of its title.

    >>> page_name("", "City News - Bridge closed to lorries"), page_name("Bridge closed", "City News")
    ('Bridge closed to lorries', 'Bridge closed')
    """
    if heading:
        return heading
    parts = title_parts(title)
    return max(parts, key=word_count) if parts else ""


def title_parts(title: str) -> list[str]:
    """The parts of a page's title between separators (`titles.PAGE_TITLE`: " : " and " / " too), each with words.

    >>> title_parts("Bridge closed | City News"), title_parts("")
    (['Bridge closed', 'City News'], [])
    """
    return [part.strip() for part in split_title(title or "", **PAGE_TITLE) if word_count(part)]


def named_share(chosen: str, *names: str) -> float:
    """The largest share of the distinct words of one of `names` that `chosen` holds (1.0 when no name has words).

    >>> named_share("The bridge is closed.", "Bridge closed")
    1.0
    >>> named_share("We use cookies.", "Bridge closed", "City News"), named_share("City News cookies.", "Bridge closed", "City News")
    (0.0, 1.0)
    """
    names = [n for n in names if word_count(n)]
    if not names:
        return 1.0
    bag = word_bag(chosen)

    def share(name: str) -> float:
        words = set(word_bag(name))
        return sum(1 for w in words if w in bag) / len(words)
    return max(share(n) for n in names)


def share_inside(chosen: str, headed: str) -> float:
    """The share of the words of `chosen` that are also in `headed` (bags of words).

    >>> share_inside("a b c d", "a b x")
    0.5
    """
    inner, outer = word_bag(chosen), word_bag(headed)
    size = sum(inner.values())
    return sum((inner & outer).values()) / size if size else 0.0


def skipped_words(chosen: str, headed: str) -> int:
    """Words of `headed` before the line holding the first long line of `chosen`; -1 when it is not found.

    >>> skipped_words("Accept all cookies here now.", "Bridge closed\\nThe council voted.\\nAccept all cookies here now.")
    5
    >>> skipped_words("Nothing like it at all.", "Bridge closed")
    -1
    """
    lines = headed.splitlines()
    for line in chosen.splitlines():
        if word_count(line) < MIN_FOUND_LINE_WORDS:
            continue
        key = word_key(line)[:60]
        for i, under in enumerate(lines):
            if key in word_key(under):
                return sum(word_count(above) for above in lines[:i])
        return -1
    return -1


def text_from_heading(visible: str, heading: str) -> str:
    """The lines of `visible` from the first one holding `heading` on, a blank line between them; "" if none.

    >>> text_from_heading("Menu\\nBrass lamps\\nHand made.", "Brass lamps")
    'Brass lamps\\n\\nHand made.'
    >>> text_from_heading("Menu", "Brass lamps")
    ''
    """
    lines = visible.splitlines()
    for i, line in enumerate(lines):
        if holds_heading(line, heading):
            return separate_paragraphs("\n".join(lines[i:]))
    return ""
