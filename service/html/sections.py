"""The article's sections that trafilatura cut, taken back from its container (lxml, no site rules).

trafilatura's article may hold most of a page's visible text and still miss
whole parts of the main content: the sections of a guide under their own
headings, a service page's feature blocks, a list of items in a <div> it
reads as boilerplate. The element holding the article (`text.find_container`)
then has much more text than the article. Its extra text is the article's
own when it is not what trafilatura cuts on purpose:

- forms (a "report this item" or lead form: labels and hints),
- link lists (related stories, menus, tag clouds),
- captions (<figure>, <figcaption>, an element whose class ends in
  "caption": a gallery's captions, repeated slide by slide).

`widened` returns the container's text when the article holds less than
MIN_CONTAINER_SHARE of its words and none of these makes MAX_CUT_SHARE of
the words the container adds; "" otherwise (the article stays).

>>> from service.html.text import find_container
>>> intro, end = "Bread is flour, water and salt, and time.", "Bake it hot, and let it cool before you cut it."
>>> article = intro + "\\n" + end
>>> steps = "".join(f"<h2>Step {i}</h2><p>Mix the dough for ten minutes, then rest it.</p>" for i in range(6))
>>> widened(*find_container(f"<div><p>{intro}</p>{steps}<p>{end}</p></div>", article), article).count("Step")
6
>>> captions = "".join(f"<figure><img><figcaption>Dough on day {i}, left to rise in the cold.</figcaption></figure>"
...                    for i in range(6))
>>> widened(*find_container(f"<div><p>{intro}</p>{captions}<p>{end}</p></div>", article), article)
''
"""
from __future__ import annotations

from .regions import page_blocks
from .text import word_count, word_key

# The container's text replaces an article holding less than this share of its words:
# here, when the article is most of the page; in `extract.choose_text`, when trafilatura
# kept little of the page (one policy for both).
MIN_CONTAINER_SHARE = 0.7
# ...unless forms, link text or captions make this share or more of the words it adds.
MAX_CUT_SHARE = 0.25
# Added blocks whose words are this share or more in links are a link list (related, menus).
MAX_LINK_SHARE = 0.3
# Tags whose text is a caption, and the class ending that marks one.
CAPTION_TAGS = frozenset({"figure", "figcaption"})
CAPTION_CLASS_END = "caption"


def widened(element, container: str, article: str) -> str:
    """`container`, the text of `element` that holds `article` (both from `text.find_container`),
    when it holds the article's cut sections; else "".

    >>> from service.html.text import find_container
    >>> story = "A short story, told in full here."
    >>> widened(*find_container(f"<div><p>{story}</p></div>", story), story)
    ''
    """
    if element is None or not word_count(article):
        return ""
    added = word_count(container) - word_count(article)
    if word_count(article) >= MIN_CONTAINER_SHARE * word_count(container) or added <= 0:
        return ""
    return container if not cut_on_purpose(element, article, added) else ""


def cut_on_purpose(element, article: str, added: int) -> bool:
    """Whether what `element` adds to `article` is mostly what trafilatura cuts on purpose.

    Forms inside the element (not the element itself: some pages wrap
    everything in one <form>) are weighed against the `added` word count;
    link text and captions against the words of the blocks not in the article.
    """
    forms = 0 if element.tag == "form" else sum(word_count(f.text_content()) for f in element.iter("form"))
    if forms >= MAX_CUT_SHARE * added:
        return True
    # the article's lines, compared whole (a block is the article's when it is one of
    # them): a search of the whole article per block made a large page quadratic
    lines = {word_key(line) for line in article.splitlines()}
    words = linked = captioned = 0
    for owner, n, in_links, text in page_blocks(element):
        if word_key(text) in lines:
            continue
        words += n
        linked += in_links
        captioned += n if is_caption(owner) else 0
    return linked >= MAX_LINK_SHARE * max(1, words) or captioned >= MAX_CUT_SHARE * max(1, words)


def is_caption(element) -> bool:
    """Whether `element` or an ancestor is a caption (CAPTION_TAGS, a class ending in CAPTION_CLASS_END).

    >>> import lxml.html
    >>> p = lxml.html.fromstring("<div class='wp-caption'><p class='wp-caption-text'>A dog.</p></div>")
    >>> is_caption(p.find("p")), is_caption(lxml.html.fromstring("<div><p>A dog.</p></div>").find("p"))
    (True, False)
    """
    for el in (element, *element.iterancestors()):
        if el.tag in CAPTION_TAGS:
            return True
        if any(token.endswith(CAPTION_CLASS_END) for token in (el.get("class") or "").lower().split()):
            return True
    return False
