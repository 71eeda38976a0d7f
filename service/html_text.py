"""The visible text of a page or fragment, one block per line (lxml, no scoring).

trafilatura keeps what looks like an article and drops the rest; on product,
listing, forum and collection pages, and on short fragments, it keeps too
little or nothing. `visible_text` is the evidence `extract_html` compares it
with: the page's readable text without the parts that are never content
(scripts, navigation, asides, forms' controls), from `<main>` when the page
marks one that holds a fair share of it.

>>> visible_text("<p>Teh cat sat on the mat.</p>")
'Teh cat sat on the mat.'
>>> visible_text("<nav><a>Home</a></nav><main><h1>Title</h1><p>One <b>bold</b> line.</p></main>")
'Title\\nOne bold line.'
>>> visible_text(" <br> ")
''
"""
from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# Never content, wherever they are.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe",
                  "object", "canvas", "button", "select", "option", "datalist")
# Page furniture: dropped unless dropping it would take most of the page.
CHROME_TAGS = ("nav", "aside", "header", "footer", "menu", "dialog")
CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "dialog", "search")
# Elements that end a line of text.
BLOCK_TAGS = frozenset(
    "address article blockquote br dd details div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 "
    "hr li main ol p pre section summary table tbody td tfoot th thead tr ul caption legend".split())
# <main> is used only when it holds at least this share of the page's words.
MIN_MAIN_SHARE = 0.25
# The page without its furniture is used only when it keeps this share of its words.
MIN_FURNISHED_SHARE = 0.2


def visible_text(html: str) -> str:
    """The page's readable text, blocks on their own lines; "" when there is none."""
    tree = parse_html(html)
    if tree is None:
        return ""
    for el in tree.xpath("|".join("//" + t for t in INVISIBLE_TAGS) + "|//*[@hidden]"):
        _drop(el)
    whole = block_text(tree)
    for el in tree.xpath("|".join("//" + t for t in CHROME_TAGS)
                         + "|//*[" + " or ".join(f"@role='{r}'" for r in CHROME_ROLES) + "]"
                         + "|//*[@aria-hidden='true']"):
        _drop(el)
    bare = block_text(tree)
    if word_count(bare) < MIN_FURNISHED_SHARE * word_count(whole):
        return whole
    mains = tree.xpath("//main|//*[@role='main']")
    if mains:
        main = "\n".join(filter(None, (block_text(m) for m in mains)))
        if word_count(main) >= MIN_MAIN_SHARE * word_count(bare):
            return main
    return bare


def parse_html(html: str):
    """An lxml tree of the page, or None when there is nothing to parse."""
    import lxml.html
    from lxml import etree

    if not re.search(r"\S", html or ""):
        return None
    try:
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(
            remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False))
    except (etree.ParserError, ValueError, TypeError) as exc:
        log.info("no visible text: %s", exc)
        return None


def _drop(el) -> None:
    if el.getparent() is not None:
        el.drop_tree()  # keeps the tail text


def block_text(root) -> str:
    """The text under `root`, a line per block, whitespace runs collapsed.

    >>> import lxml.html
    >>> block_text(lxml.html.fromstring("<div>a <i>b</i><p>c</p>d<br>e</div>"))
    'a b\\nc\\nd\\ne'
    """
    parts: list[str] = []
    for event, el in _walk(root):
        if event == "text":
            parts.append(el)
        elif el in BLOCK_TAGS:
            parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(root):
    """("text", string) and ("block", tag) events in document order, without recursion."""
    stack = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            yield "block", tag
            if el.tail and el is not root:
                yield "text", el.tail
            continue
        yield "block", tag
        if tag and el.text:
            yield "text", el.text
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))


def word_count(text: str) -> int:
    """Words (runs of letters or digits) in `text`.

    >>> word_count("Two words, 3 tokens.")
    4
    """
    return len(re.findall(r"\w+", text))
