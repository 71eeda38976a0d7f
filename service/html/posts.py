"""A choice that is one post of a thread widens to the thread (lxml, no site rules).

trafilatura, and the candidates built on it, read a forum thread's first post
as the article: the longest block of prose, with the replies as repeated
blocks beside it. Posts are written in sibling elements of one shape (the
same tag and classes), each with prose of its own. When the element holding
the chosen text, or its parent, is one of MIN_POSTS or more such siblings and
the chosen text has less than MAX_POST_SHARE of their parent's words, the
parent's text (the thread) replaces it. A news story is one element; the
teasers beside it are links, not prose, so they make no run of posts.

>>> posts = "".join(f"<div class=post><p>Reply {i}: the lamp hums when the dimmer is low, "
...                 f"and a new bulb fixed it for me.</p></div>" for i in range(4))
>>> page = "<nav><a>Forum</a></nav><div class=thread>" + posts + "</div>"
>>> thread_of(page, "Reply 0: the lamp hums when the dimmer is low, and a new bulb fixed it for me.").count("Reply")
4
>>> thread_of(page, "A lamp story that is not on this page at all, nowhere.")
''
"""
from __future__ import annotations

from .regions import block_value, is_sentence, page_blocks
from .text import block_text, container_element, visible_tree, word_count

# Fewest sibling elements of one shape, each with prose, that make a thread's posts.
MIN_POSTS = 3
# The chosen text widens to the thread when it has less than this share of the thread's words.
MAX_POST_SHARE = 0.5
# The run of posts is looked for at the element holding the choice and this many levels above it.
POST_LEVELS = 2


def thread_of(html: str, chosen: str) -> str:
    """The text of the thread that `chosen` is one post of, a line per block; "" when it is not a post."""
    tree = visible_tree(html)
    if tree is None or not word_count(chosen):
        return ""
    element = container_element(tree, chosen)
    for _ in range(POST_LEVELS):
        parent = element.getparent() if element is not None else None
        if parent is None:
            return ""
        shape = (element.tag, element.get("class"))
        run = [el for el in parent if isinstance(el.tag, str) and (el.tag, el.get("class")) == shape]
        if sum(1 for el in run if has_prose(el)) >= MIN_POSTS:
            thread = block_text(parent)
            return thread if word_count(chosen) < MAX_POST_SHARE * word_count(thread) else ""
        element = parent
    return ""


def has_prose(element) -> bool:
    """Whether `element` holds a block that reads as prose and is not mostly link text."""
    return any(block_value(words, linked, text) > 0 and is_sentence(words, text)
               for _, words, linked, text in page_blocks(element))
