"""Readers' comment sections inside the article's container (lxml, no site rules).

trafilatura is asked for no comments (`extract._bare_extract`: include_comments=False),
and drops the elements it knows as comment sections. The container of its article
(`text.find_container`) is read again from the page, so when the article is short
beside the page (`extract.choose_text`) or trafilatura cut its sections
(`sections.widened`), the comments below a blog post came back with it: 59 readers'
comments beside a 1,800-word review. `drop_comments` takes them out of the container
the way trafilatura does, by the section's own id or class (`COMMENT_ID`,
`COMMENT_CLASS`: trafilatura's REMOVE_COMMENTS shapes): "comments", "comment-list",
"post-comments", Disqus's thread; not "commentary".

A section that holds MIN_ARTICLE_SHARE or more of the article's words is where the
article is (a forum whose thread is marked as comments, the first post among them)
and stays. And only an article of MIN_STORY_WORDS or more has comments dropped: a
story stands on its own and its readers' comments are remarks on it, where the
replies to a short post (a forum's question, its answers in a section marked
"comments") are the page's content.

>>> import lxml.html
>>> post = "<p>A long review of an old film, read again this winter.</p>"
>>> page = lxml.html.fromstring(f"<div>{post}<div id='comments'><p>Great post!</p><p>Loved it.</p></div></div>")
>>> drop_comments(page, {}, story_words=600)
1
>>> lxml.html.tostring(page)
b'<div><p>A long review of an old film, read again this winter.</p></div>'
"""
from __future__ import annotations

import re

# The id or class of a comment section (trafilatura's REMOVE_COMMENTS_XPATH shapes).
COMMENT_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
COMMENT_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")
# Elements that can be a comment section.
COMMENT_TAGS = frozenset({"div", "section", "ol", "ul", "details"})
# A comment section holding this share of the article's words is the article's place: it stays.
MIN_ARTICLE_SHARE = 0.5
# Comments are dropped only beside an article of this many words or more (a story, not a question).
MIN_STORY_WORDS = 500


def is_comment_section(element) -> bool:
    """Whether `element` is a comment section by its tag and its own id or class.

    >>> import lxml.html
    >>> [is_comment_section(lxml.html.fromstring(h)) for h in (
    ...     "<ol class='commentlist'></ol>", "<div id='comments'></div>", "<div class='commentary'></div>",
    ...     "<li class='comment'></li>", "<section class='post-comments'></section>")]
    [True, True, False, False, True]
    """
    return element.tag in COMMENT_TAGS and bool(
        COMMENT_ID.search(element.get("id") or "") or COMMENT_CLASS.search(element.get("class") or ""))


def comment_sections(element) -> list:
    """The outermost comment sections under `element` (not `element` itself), in document order.

    One walk of the subtree that does not enter a section once found: linear in the page.
    """
    found, stack = [], list(reversed(element))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if is_comment_section(el):
            found.append(el)
        else:
            stack.extend(reversed(el))
    return found


def drop_comments(element, held: dict, total: int = 0, story_words: int = 0) -> int:
    """Drops the comment sections under `element` that hold less than MIN_ARTICLE_SHARE of the
    article's `total` matched words (`held`: matched words per element), when the article has
    `story_words` >= MIN_STORY_WORDS; returns how many.

    >>> import lxml.html
    >>> page = lxml.html.fromstring("<div><div class='comments'><p>The thread's first post.</p></div></div>")
    >>> thread = page.find("div")
    >>> drop_comments(page, {thread: 4}, total=4, story_words=600), drop_comments(page, {}, story_words=80), len(page)
    (0, 0, 1)
    """
    if story_words < MIN_STORY_WORDS:
        return 0
    dropped = 0
    for section in comment_sections(element):
        if held.get(section, 0) >= MIN_ARTICLE_SHARE * max(1, total) and total:
            continue
        section.drop_tree()  # keeps the text after it (its tail)
        dropped += 1
    return dropped
