"""A thread's posts as the page declares them (schema.org markup), the text when they are inside it.

A forum page marks its posts for search engines: microdata (an element
`itemscope itemtype="https://schema.org/Comment"` whose body carries
`itemprop="text"`) or JSON-LD (a DiscussionForumPosting and its `comment`
list, each with a `text`). That is the site's own statement of where each
post's words are, in any language. The chosen text of a thread also holds
what sits around the posts: each poster's profile box (join date, post count,
rank), signatures, reaction bars, "Quote / Reply" rows, a list of similar
threads. When the declared bodies are inside the chosen text (MIN_HELD_SHARE
of their words) and are a part of it only (under MAX_DECLARED_SHARE of its
words), the text is cut to the page's <h1> and the bodies.

Questions and Answers are not read at all: a page's FAQ marks its help boxes
with them (a product's or a service's, inside a FAQPage or not), and anything
inside a FAQPage is skipped. A page whose own body is declared as another
type (a BlogPosting's `articleBody`) has readers' comments, not a thread: its
Comments are never read. A single body (an article's own `articleBody`, a thread's
opening post alone in its JSON-LD) is not a thread: at least MIN_POSTS are.

>>> post = '<div itemscope itemtype="https://schema.org/Comment"><span>Joined 2019</span><div itemprop="text"><p>{}</p></div></div>'
>>> page = "<h1>Lamp hums</h1>" + "".join(post.format(f"Reply {i}: a new bulb fixed the hum for me.") for i in range(3))
>>> posts = declared_posts(page)
>>> posts[0]
'Reply 0: a new bulb fixed the hum for me.'
>>> chosen = "Lamp hums\\n\\n" + "\\n\\n".join(f"Joined 2019\\n\\n{p}\\n\\nLike Quote Reply" for p in posts)
>>> print(with_declared_posts(chosen, posts, "Lamp hums")[0])
Lamp hums
<BLANKLINE>
Reply 0: a new bulb fixed the hum for me.
<BLANKLINE>
Reply 1: a new bulb fixed the hum for me.
<BLANKLINE>
Reply 2: a new bulb fixed the hum for me.
"""
from __future__ import annotations

import json
import re

from .tail import tail_text
from .text import block_text, holds_heading, visible_tree, word_bag, word_count

# The schema.org types whose `text` (or `articleBody`) is one post of a thread.
POST_TYPES = frozenset({"DiscussionForumPosting", "Comment", "SocialMediaPosting"})
# A type whose posts are a page's FAQ (help boxes), never its thread.
FAQ_TYPES = frozenset({"FAQPage"})
# The properties that hold a post's body.
BODY_PROPERTIES = frozenset({"text", "articleBody"})
# Fewest declared bodies that make a thread.
MIN_POSTS = 2
# The bodies replace the text when this share of their words or more is in it ...
MIN_HELD_SHARE = 0.9
# ... and they are less than this share of its words (they cut something).
MAX_DECLARED_SHARE = 0.9
# JSON-LD blocks are read up to this many characters each, and this many blocks a page.
MAX_JSON_CHARS = 2_000_000
MAX_JSON_BLOCKS = 50

_JSON_LD = re.compile(r"<script\b[^>]{0,400}?application/ld\+json[^>]{0,400}>", re.IGNORECASE)
_SCRIPT_END = re.compile(r"</script", re.IGNORECASE)
# Screens before a parse: a body property, and a post type, named anywhere in the page.
_BODY_PROPERTY = re.compile(r"""itemprop\s*=\s*["']?(?:text|articleBody)\b""", re.IGNORECASE)
_POST_TYPE = re.compile("|".join(sorted(POST_TYPES)))


def declared_posts(html: str) -> list[str]:
    """The bodies of the posts the page declares, from its microdata or its JSON-LD (the one
    with more words), each a block of lines; [] when it declares none.

    >>> declared_posts('<script type="application/ld+json">{"@type": "DiscussionForumPosting", "text": "First &amp; only.",'
    ...                ' "comment": [{"@type": "Comment", "text": "<p>A reply.</p>"}]}</script>')
    ['First & only.', 'A reply.']
    >>> declared_posts('<script type="application/ld+json">[{"@type": "Comment", "text": "<p>A <b>short</b> reply.</p>"},'
    ...                ' {"@type": "Comment", "text": "Line one.<br>Line two."}]</script>')  # inline tags break no line
    ['A short reply.', 'Line one.\\nLine two.']
    >>> declared_posts('<script type="application/ld+json">{"@type": "FAQPage", "mainEntity": [{"@type": "Question",'
    ...                ' "acceptedAnswer": {"@type": "Answer", "text": "Yes."}}]}</script>')
    []
    """
    marked, linked = microdata_posts(html), json_ld_posts(html)
    return max((marked, linked), key=lambda posts: sum(map(word_count, posts)))


def microdata_posts(html: str) -> list[str]:
    """The outermost elements with a body property (`itemprop="text"`) whose item is a post, outside a FAQ."""
    if not (_BODY_PROPERTY.search(html) and _POST_TYPE.search(html)):
        return []  # no parse for a page that declares no post's body
    tree = visible_tree(html)
    if tree is None:
        return []
    bodies = [el for el in tree.iter() if isinstance(el.tag, str) and el.get("itemprop") in BODY_PROPERTIES]
    inside = set()
    posts = []
    for el in bodies:
        if any(a in inside for a in el.iterancestors()):
            continue
        scopes = [type_name(a.get("itemtype")) for a in (el, *el.iterancestors())
                  if a.get("itemscope") is not None and a.get("itemtype")]
        if FAQ_TYPES.intersection(scopes):
            continue
        if not scopes or scopes[0] not in POST_TYPES:
            return []  # an article's or a page's own body: the posts are its readers' comments
        inside.add(el)
        text = block_text(el)
        if word_count(text):
            posts.append(text)
    return posts


def json_ld_posts(html: str) -> list[str]:
    """The `text` (or `articleBody`) of each post object in the page's JSON-LD, outside a FAQ."""
    if not _POST_TYPE.search(html):
        return []
    posts: list[str] = []
    start = 0
    for _ in range(MAX_JSON_BLOCKS):  # each block found by its end tag once: linear in the page
        block = _JSON_LD.search(html, start)
        end = _SCRIPT_END.search(html, block.end()) if block else None
        if end is None:
            break
        start, source = end.end(), html[block.end():end.start()]
        if not _POST_TYPE.search(source):
            continue
        try:
            data = json.loads(source[:MAX_JSON_CHARS])
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:  # no recursion: a hostile page may nest deeply
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
                continue
            if not isinstance(item, dict):
                continue
            kinds = item.get("@type")
            kinds = {type_name(k) for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}
            if kinds & FAQ_TYPES:
                continue
            if isinstance(item.get("articleBody"), str) and not kinds & POST_TYPES:
                return []  # an article's own body: the posts are its readers' comments
            if kinds & POST_TYPES:
                body = next((item[k] for k in ("articleBody", "text") if isinstance(item.get(k), str)), "")
                text = tail_text(body)  # a body may hold HTML: its text, a line per block
                if word_count(text):
                    posts.append(text)
            stack.extend(reversed([v for v in item.values() if isinstance(v, (dict, list))]))
    return posts


def type_name(itemtype: str | None) -> str:
    """The schema.org type's name: "https://schema.org/Comment" -> "Comment" (the first of several).

    >>> type_name("http://schema.org/DiscussionForumPosting"), type_name("Comment"), type_name(None)
    ('DiscussionForumPosting', 'Comment', '')
    """
    first = (itemtype or "").split()[0] if (itemtype or "").split() else ""
    return first.rstrip("/").rsplit("/", 1)[-1]


def with_declared_posts(text: str, posts: list[str], heading: str = "") -> tuple[str, int]:
    """(the page's `heading` and the declared `posts`, the words cut) when the posts are inside `text`
    and only a part of it; (`text`, 0) otherwise.

    >>> with_declared_posts("Joined 2019\\n\\nA reply.", ["A reply."])
    ('Joined 2019\\n\\nA reply.', 0)
    """
    if len(posts) < MIN_POSTS:
        return text, 0
    inner, outer = word_bag("\n".join(posts)), word_bag(text)
    size, total = sum(inner.values()), sum(outer.values())
    if not size or sum((inner & outer).values()) < MIN_HELD_SHARE * size or size >= MAX_DECLARED_SHARE * total:
        return text, 0
    head = [heading] if heading and not holds_heading("\n".join(posts), heading) else []
    cut = "\n\n".join(line for block in (*head, *posts) for line in block.split("\n"))
    return cut, total - word_count(cut)
