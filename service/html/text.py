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
from collections import Counter

from .comments import drop_comments

log = logging.getLogger(__name__)

# Never content, wherever they are.
INVISIBLE_TAGS = ("script", "style", "template", "svg", "head", "iframe",
                  "object", "canvas", "select", "option", "datalist")
# Page furniture: dropped unless dropping it would take most of the page.
CHROME_TAGS = ("nav", "aside", "header", "footer", "menu", "dialog")
CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "dialog", "search")
# Elements that end a line of text.
BLOCK_TAGS = frozenset(
    "address article blockquote br dd details div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 "
    "hr li main ol p pre section summary table tbody td tfoot th thead tr ul caption legend".split())
# Elements whose line breaks in the source are the text's own (elsewhere they are whitespace).
KEPT_BREAKS_TAGS = frozenset({"pre", "textarea", "listing", "plaintext", "xmp"})
# Buttons are controls, never content, unless inside a heading (the question of an accordion or FAQ).
_UNHEADED_BUTTONS = "//button[not(ancestor::h1|ancestor::h2|ancestor::h3|ancestor::h4|ancestor::h5|ancestor::h6" \
    "|ancestor::summary|ancestor::dt)]"
# Page furniture (`furniture`): its tags, and with `marked` its roles and aria-hidden elements.
_FURNITURE_TAGS = "|".join("//" + t for t in CHROME_TAGS)
_FURNITURE_MARKED = ("|//*[" + " or ".join(f"@role='{r}'" for r in CHROME_ROLES) + "]"
                     + "|//*[@aria-hidden='true']")
# ...unless it holds the page's <main>: a <header> left unclosed holds the whole page.
_HOLDS_NO_MAIN = "[not(.//main or .//*[@role='main'])]"
# An element whose inline style hides it (display: none, any case or spacing): XPath 1.0 has no lower-case().
_STYLE_HIDDEN_TEST = ("[contains(translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ', 'abcdefghijklmnopqrstuvwxyz'), "
                      "'display:none')]")
_STYLE_HIDDEN = "//*" + _STYLE_HIDDEN_TEST
# Hidden elements and <noscript> are dropped unless they hold this share of the page's words
# or more: then the page is served hidden and shown by its script (streamed rendering), or
# its text is the version for readers without scripts (a forum's crawler view).
MIN_SHOWN_SHARE = 0.5
# <main> is used only when it holds at least this share of the page's words.
MIN_MAIN_SHARE = 0.25
# A text node counts as the article's when it is this long and in the article.
MIN_MATCHED_CHARS = 15
# The article's container holds at least this share of its matched words (not
# sections.MIN_CONTAINER_SHARE: how much of the container's words the article holds).
MIN_HELD_SHARE = 0.8
# A text node is looked for within NEAR_CHARS plus NEAR_REACH times its length after the
# previous one found (what lies between: nodes too short to count), then, out of that order,
# in the whole article: SEARCH_BUDGET times its length in all (plus MIN_SEARCH_BUDGET
# characters); enough for every page but a hostile one.
NEAR_CHARS = 2000
NEAR_REACH = 8
SEARCH_BUDGET = 64
MIN_SEARCH_BUDGET = 1 << 24
# The page without its furniture is used only when it keeps this share of its words.
MIN_FURNISHED_SHARE = 0.2


def visible_text(html: str) -> str:
    """The page's readable text, blocks on their own lines; "" when there is none."""
    return read_page(html)[0]


def read_page(html: str) -> tuple[str, str, frozenset]:
    """(visible text, the page's heading, the texts of its links), from one parse.

    The heading is the page's `<h1>` (what the page says it is about), ""
    unless it has exactly one with words (a blog's name and its post's title
    are two: which one is this page's is not known). The link texts,
    lower-cased words joined by spaces, tell which lines are only links.

    >>> text, heading, links = read_page("<nav><a>Home</a></nav><h1> Brass  lamps </h1><p>Hand made.</p><a>Next</a>")
    >>> text, heading, sorted(links)
    ('Brass lamps\\nHand made.\\nNext', 'Brass lamps', ['home', 'next'])
    >>> read_page("<h1>Cat blog</h1><h1>A cat post</h1>")[1]
    ''
    """
    tree = visible_tree(html)
    if tree is None:
        return "", "", frozenset()
    headings = [h for h in (" ".join(el.text_content().split()) for el in tree.iter("h1")) if word_count(h)]
    heading = headings[0] if len(headings) == 1 else ""
    links = frozenset(filter(None, (word_key(a.text_content()) for a in tree.iter("a"))))
    return furnished_text(tree), heading, links


def word_key(text: str) -> str:
    """The lower-cased words of `text`, joined by single spaces: how lines and links are compared.

    >>> word_key(" Read   more, now! ")
    'read more now'
    """
    return " ".join(re.findall(r"\w+", text.lower()))


def furnished_text(tree) -> str:
    """The text of a visible tree without its furniture, or from its `<main>` (the tree is changed).

    The furniture stays when dropping it would leave under MIN_FURNISHED_SHARE of
    the words a reader is shown: words inside elements the markup itself hides
    (`styled_hidden_words`: a sign-in dialog kept in the footer until clicked)
    are not shown, so they do not make the furniture most of the page.

    >>> dialog = '<div style="display: none">' + "<p>Sign in. Email. Password. Forgot it?</p>" * 30 + "</div>"
    >>> page = "<h1>Sneakers</h1><p>Leather sneakers for work and weekend wear.</p><footer>Help" + dialog + "</footer>"
    >>> furnished_text(parse_html(page))
    'Sneakers\\nLeather sneakers for work and weekend wear.'
    """
    whole = block_text(tree)
    shown = word_count(whole) - styled_hidden_words(tree)
    for el in furniture(tree):
        drop_element(el)
    bare = block_text(tree)
    if word_count(bare) < MIN_FURNISHED_SHARE * shown:
        return whole
    mains = tree.xpath("//main|//*[@role='main']")
    if mains:
        main = "\n".join(filter(None, (block_text(m) for m in mains)))
        if word_count(main) >= MIN_MAIN_SHARE * word_count(bare):
            return main
    return bare


def furniture(tree, marked: bool = True) -> list:
    """The page furniture of `tree` (CHROME_TAGS; with `marked`, also CHROME_ROLES and aria-hidden
    elements), without what holds the page's <main>: the one test of what every candidate drops as
    never content. A <header> left unclosed makes the parser put the rest of the page, <main> with
    it, inside the header: dropping it would drop the page (what is inside it still goes).

    >>> tree = parse_html("<nav>Home</nav><header><p>Free shipping</p><nav>Shop</nav><main><p>A lamp.</p></main>")
    >>> [el.tag for el in furniture(tree)]
    ['nav', 'nav']
    >>> [el.tag for el in furniture(parse_html("<footer>Help</footer><div role=search>Find</div>"), marked=False)]
    ['footer']
    """
    return tree.xpath("(" + _FURNITURE_TAGS + (_FURNITURE_MARKED if marked else "") + ")" + _HOLDS_NO_MAIN)


def styled_hidden_words(tree) -> int:
    """Words inside the elements of `tree` that an inline style hides (display: none), outermost only.

    They stay in the visible tree (a tab's or an accordion's text is hidden the
    same way and is content); only the share tests count them out.

    >>> styled_hidden_words(parse_html('<p>One two</p><div style="DISPLAY:None"><p>Three <b>four</b></p><p style="display:none">five</p></div>'))
    3
    """
    return sum(word_count(block_text(el)) for el in tree.xpath(_STYLE_HIDDEN + "[not(ancestor::*" + _STYLE_HIDDEN_TEST + ")]"))


def visible_tree(html: str):
    """The page's tree without what is never shown, or None.

    A button inside a heading is the heading (an accordion's or FAQ's
    question) and stays; hidden elements and <noscript> stay when they hold
    most of the page's text (a page streamed hidden and shown by its script,
    a forum's text for readers without scripts).

    >>> block_text(visible_tree("<h3><button>How do I pay?</button></h3><p>By card.</p><button>Buy</button>"))
    'How do I pay?\\nBy card.'
    >>> block_text(visible_tree("<p>Menu</p><div hidden><p>The whole story, streamed in.</p></div>"))
    'Menu\\nThe whole story, streamed in.'
    """
    tree = parse_html(html)
    if tree is None:
        return None
    for el in tree.xpath("|".join("//" + t for t in INVISIBLE_TAGS) + "|" + _UNHEADED_BUTTONS):
        drop_element(el)
    unshown = tree.xpath("//*[@hidden or self::noscript][not(ancestor::*[@hidden or self::noscript])]")
    words = sum(word_count(el.text_content()) for el in unshown)
    if unshown and words < MIN_SHOWN_SHARE * word_count(tree.text_content()):
        for el in unshown:
            drop_element(el)
    return tree


def find_container(html: str, article: str) -> tuple:
    """(element, text): the smallest element that holds most of `article`, and its text
    ((None, "") if none does).

    trafilatura drops list items, table rows and short posts inside the
    article's own container; the container's text keeps them while what is
    outside it (site navigation, footers) stays out. Readers' comment sections
    inside it are dropped beside a story (`comments.drop_comments`), as trafilatura drops them.
    The element is returned too, for what reads its structure (`sections.widened`),
    so the page is parsed and searched once.

    >>> page = ("<nav>Home Shop</nav><div><p>A lamp in brass, hand made.</p>"
    ...         "<p>Ships from Lisbon in two days.</p><ul><li>$20</li></ul></div>")
    >>> find_container(page, "A lamp in brass, hand made.\\nShips from Lisbon in two days.")[1]
    'A lamp in brass, hand made.\\nShips from Lisbon in two days.\\n$20'
    """
    tree = visible_tree(html)
    if tree is None:
        return None, ""
    held, total = article_words(tree, article)
    element = smallest_holder(held, total)
    if element is None:
        return None, ""
    drop_comments(element, held, total, word_count(article))
    return element, block_text(element)


def container_element(tree, article: str):
    """The smallest element of `tree` holding MIN_HELD_SHARE of the words of `article`'s lines
    found in it (text nodes of MIN_MATCHED_CHARS or more), or None."""
    return smallest_holder(*article_words(tree, article))


def article_words(tree, article: str) -> tuple[dict, int]:
    """({element: words of `article` under it}, all its words found in `tree`): text nodes of
    MIN_MATCHED_CHARS or more that are in the article."""
    target = " ".join(article.replace("\n- ", "\n").split()).lower()
    held: dict = {}
    total = 0
    if not target:
        return held, total
    found = substring_test(target)
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            line = " ".join((text or "").split()).lower()
            if owner is None or len(line) < MIN_MATCHED_CHARS or not found(line):
                continue
            words = word_count(line)
            total += words
            for e in (owner, *owner.iterancestors()):
                held[e] = held.get(e, 0) + words
    return held, total


def smallest_holder(held: dict, total: int):
    """The deepest element holding MIN_HELD_SHARE of `total` (`article_words`), or None."""
    inner = [(len(list(e.iterancestors())), i, e) for i, (e, n) in enumerate(held.items())
             if n >= MIN_HELD_SHARE * total]
    return max(inner)[2] if inner else None


def substring_test(target: str):
    """found(line): `line in target`, for the page's text nodes met in the order of `target`.

    A search of the whole article per text node is quadratic in the page (a 3 MB article:
    30 s). Lines are read in page order, which is the article's: each is looked for first
    just after the previous one found. A line whose inner words are not all words of the
    target cannot be in it. Only the rest (out of order, or not there) are searched
    whole, up to SEARCH_BUDGET times the target's length; past it, they count as not found
    (a hostile page; the container is then read from the lines found so far).

    >>> found = substring_test("the council met on monday. the budget passed.")
    >>> found("the budget passed"), found("the council met"), found("a budget passed"), found("council")
    (True, True, False, True)
    """
    words = set(target.split(" "))
    cursor = 0
    budget = SEARCH_BUDGET * len(target) + MIN_SEARCH_BUDGET

    def found(line: str) -> bool:
        nonlocal cursor, budget
        inner = line.split(" ")[1:-1]
        if not all(w in words for w in inner):
            return False
        at = target.find(line, cursor, cursor + NEAR_CHARS + (NEAR_REACH + 1) * len(line))
        if at < 0:
            if budget <= 0:
                return False
            budget -= len(target)
            at = target.find(line)
            if at < 0:
                return False
        cursor = at + len(line)
        return True
    return found


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


def drop_element(el) -> None:
    """Removes `el` and what it holds from its tree, keeping the text after it (its tail);
    the root stays. Shared by the candidates that strip chrome (regions, cards)."""
    if el.getparent() is not None:
        el.drop_tree()  # keeps the tail text


def block_text(root) -> str:
    """The text under `root`, a line per block, whitespace runs collapsed.

    A line break in the page's source is only whitespace (the browser shows a
    space), except inside <pre> and <textarea>: "Title:\\n  The story" is one line.

    >>> import lxml.html
    >>> block_text(lxml.html.fromstring("<div>a <i>b</i><p>c</p>d<br>e</div>"))
    'a b\\nc\\nd\\ne'
    >>> block_text(lxml.html.fromstring("<div><span>Title:</span>\\n  The story<pre>x = 1\\ny = 2</pre></div>"))
    'Title: The story\\nx = 1\\ny = 2'
    """
    parts: list[str] = []
    kept = 0  # open <pre>/<textarea> elements: their line breaks are the text's own
    for event, el in _walk(root):
        if event == "text":
            parts.append(el if kept else el.replace("\n", " ").replace("\r", " "))
        else:
            kept += (event == "open") - (event == "close") if el in KEPT_BREAKS_TAGS else 0
            if el in BLOCK_TAGS:
                parts.append("\n")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(root):
    """("text", string), ("open", tag) and ("close", tag) events in document order, without recursion."""
    stack = [(root, False)]
    while stack:
        el, closing = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            yield "close", tag
            if el.tail and el is not root:
                yield "text", el.tail
            continue
        yield "open", tag
        if tag and el.text:
            yield "text", el.text
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))


def holds_heading(text: str, heading: str) -> bool:
    """Whether `text` has the words of `heading` in a row (case and punctuation aside).

    >>> holds_heading("Brass  lamps, hand made", "brass lamps"), holds_heading("lamps of brass", "brass lamps")
    (True, False)
    """
    return word_key(heading) in word_key(text)


def separate_paragraphs(text: str) -> str:
    """One block per line of trafilatura's output, a blank line between blocks.

    >>> separate_paragraphs("First.\\nSecond.\\n\\n\\nThird. ")
    'First.\\n\\nSecond.\\n\\nThird.'
    """
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def word_bag(text: str) -> Counter:
    """How often each lower-cased word occurs in `text`: how candidate texts are compared.

    >>> sorted(word_bag("The cat, the mat.").items())
    [('cat', 1), ('mat', 1), ('the', 2)]
    """
    return Counter(re.findall(r"\w+", text.lower()))


def word_count(text: str) -> int:
    """Words (runs of letters or digits) in `text`.

    >>> word_count("Two words, 3 tokens.")
    4
    """
    return len(re.findall(r"\w+", text))


def link_share(text: str, links) -> float:
    """The share of the words of `text` in lines that are only a link's text (`links`: their word keys).

    >>> round(link_share("Home\\nAbout us\\nA story about cats.", {"home", "about us"}), 3)
    0.429
    """
    words = linked = 0
    for line in text.splitlines():
        n = word_count(line)
        words += n
        linked += n if word_key(line) in links else 0
    return linked / words if words else 0.0
