"""The page's own description put before a text that says nothing of the page.

A page says what it is about in its <meta> description (description,
og:description, twitter:description), written by the site for search
engines and link previews. Two kinds of page leave the extractor with
nothing else worth keeping:
- a post whose body a script draws (a forum thread, a blog served as an
  app shell): its markup shows no text at all, but a page that declares a
  publication date (article:published_time, og:type "article") is a post,
  and its description is the post's opening;
- a short text that names nothing of the page (a cookie line, a shipping
  note, a search box's prompt chosen beside a script-drawn grid): the
  description, when it names the page (its <h1> or a part of its <title>),
  is the one line the page has about itself.
A page that declares no publication date and shows its description word for
word (`shown_apart`: a product's or a game's short description box, a thread's
opening post) has that line beside the part the text holds: a text of any
length that lacks it gets it back. A dated page's description is a story's
standfirst, which a story's text may leave out on purpose (tune: it cost the
stories more than it gave).
The description goes before the text; nothing is removed, and the response
counts its words (`extract_html`'s metadata["extraction"]["described"]).
An undated shell (a home page that a script draws whole) stays empty: its
description is the site's pitch, not a main text.

>>> page = ('<html><head><title>Brass lamps | Shop</title><meta name="description" '
...         'content="Brass lamps turned by hand in Lisbon."></head><body><p>Accept cookies</p></body></html>')
>>> with_description("Accept cookies", read_head(page), ("", "Brass lamps", "Shop"))
('Brass lamps turned by hand in Lisbon.\\n\\nAccept cookies', 7)
>>> with_description("Brass lamps, turned by hand.", read_head(page), ("", "Brass lamps", "Shop"))
('Brass lamps, turned by hand.', 0)
>>> post = page.replace("<title>", '<meta property="article:published_time" content="2024-01-02"><title>')
>>> with_description("", read_head(post), ()), with_description("", read_head(page), ())
(('Brass lamps turned by hand in Lisbon.', 7), ('', 0))
"""
from __future__ import annotations

import html as htmlib
import re

from .named import MAX_UNNAMED_SHARE, named_share
from .text import word_bag, word_count, word_key

# The <meta> names whose content describes the page, in the order read (the longest is kept).
DESCRIPTION_NAMES = ("description", "og:description", "twitter:description")
# <meta> values that declare the page a post with a publication date.
DATED_NAMES = ("article:published_time", "og:article:published_time")
DATED_TYPES = ("article",)
# A text with fewer words than this shows nothing of the page.
MIN_SHOWN_WORDS = 5
# A text with fewer words than this is short enough (a banner, a prompt, a note) that the
# description may be all the page says about itself.
MAX_SHORT_WORDS = 50
# The description is in the text already when this share of its words is there.
MAX_HELD_SHARE = 0.5
# A description shown on the page word for word is put back before a text of any length
# from this many words (`shown_apart`): shorter ones are a page's name or a slogan.
MIN_SHOWN_DESCRIPTION_WORDS = 8
# Only the head's first this many characters are read: <meta> tags sit at the top.
MAX_HEAD_CHARS = 300_000

_META = re.compile(r"<meta\b[^>]{0,4000}>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")


def with_description(text: str, head: tuple[str, bool], names, visible: str = "") -> tuple[str, int]:
    """(`text` with the page's description before it, the description's words) or (`text`, 0).

    `head`: the page's (description, dated) (`read_head`); `names`: its <h1> and
    the parts of its <title> (`named.title_parts`); `visible`: the page's visible text.
    """
    description, dated = head
    if description and shown_apart(text, description, visible, dated):
        shown = shown_line(description, visible)
        return "\n\n".join(filter(None, (shown, text))), word_count(shown)
    words = word_count(text)
    if words >= MAX_SHORT_WORDS or not description or holds_description(text, description):
        return text, 0
    named = [n for n in names if word_count(n)]
    shows_nothing = words < MIN_SHOWN_WORDS and dated
    says_nothing = (bool(named) and named_share(text, *named) < MAX_UNNAMED_SHARE
                    and named_share(description, *named) >= MAX_UNNAMED_SHARE)
    if not (shows_nothing or says_nothing):
        return text, 0
    return "\n\n".join(filter(None, (description, text))), word_count(description)


def shown_apart(text: str, description: str, visible: str, dated: bool) -> bool:
    """Whether an undated page shows its description word for word in `visible` and `text` does not hold it so.

    >>> box = "Arthur and his gang are outlaws on the run across the west."
    >>> shown_apart("About this game. A long story.", box, "Store\\n" + box + "\\nAbout this game", False)
    True
    >>> shown_apart("About. " + box, box, box, False), shown_apart("About.", box, box, True)
    (False, False)
    >>> shown_apart("About.", box, "Store", False), shown_apart("About.", "Outlaws on the run.", "Outlaws on the run.", False)
    (False, False)
    """
    if dated or word_count(description) < MIN_SHOWN_DESCRIPTION_WORDS:
        return False
    key = f" {word_key(description)} "
    return key in f" {word_key(visible)} " and key not in f" {word_key(text)} "


def shown_line(description: str, visible: str) -> str:
    """The first line of `visible` holding `description` word for word (a post it is cut from), else `description`.

    >>> shown_line("Hey all, I got a tank for free and...", "Menu\\nHey all, I got a tank for free and a stand.\\nReply")
    'Hey all, I got a tank for free and a stand.'
    >>> shown_line("Outlaws on the run.", "Outlaws on\\nthe run.")
    'Outlaws on the run.'
    """
    key = f" {word_key(description)} "
    return next((line.strip() for line in visible.splitlines() if key in f" {word_key(line)} "), description)


def holds_description(text: str, description: str) -> bool:
    """Whether MAX_HELD_SHARE of the description's words are in `text` already.

    >>> holds_description("Brass lamps, turned by hand in Lisbon.", "Brass lamps turned by hand."), holds_description("", "x")
    (True, False)
    """
    inner, outer = word_bag(description), word_bag(text)
    size = sum(inner.values())
    return size > 0 and sum((inner & outer).values()) >= MAX_HELD_SHARE * size


def read_head(html: str) -> tuple[str, bool]:
    """(the page's longest <meta> description, whether it declares a publication date); one linear pass.

    >>> read_head('<meta content="A &amp; B" property="og:description"><meta property="og:type" content="article">')
    ('A & B', True)
    >>> read_head("<p>no head</p>")
    ('', False)
    """
    description, dated = "", False
    for tag in _META.finditer(html, 0, min(len(html), MAX_HEAD_CHARS)):
        attributes = {k.lower(): v.strip("\"'") for k, v in _ATTRIBUTE.findall(tag.group(0))}
        name = (attributes.get("property") or attributes.get("name") or "").strip().lower()
        content = re.sub(r"\s+", " ", htmlib.unescape(attributes.get("content", ""))).strip()
        if name in DESCRIPTION_NAMES and len(content) > len(description):
            description = content
        elif name in DATED_NAMES and content or name == "og:type" and content.lower() in DATED_TYPES:
            dated = True
    return description, dated
