"""The page region that holds its main text, chosen by DOM features (lxml, no site rules).

A page is read as blocks (runs of text between block tags), each owned by
the nearest block element. A block is worth its words when it reads as prose
(sentence punctuation, few of its words in links), part of them when it is a
short label, and costs its words when it is mostly link text (menus, link
farms, "related" lists). Every element scores the sum of the blocks under
it; the region is the element with the best score: the smallest part of the
page that holds its prose without its link lists. It is one candidate among
trafilatura's (`extract.choose_text`): it keeps the item lines of listings,
products and forums that trafilatura drops, and never picks a menu.

>>> page = ("<nav><a>Home</a> <a>Shop</a></nav><div><ul>" + "<li><a>Another story</a></li>" * 5
...         + "</ul><div><h1>Brass lamps</h1><p>" + "A lamp in brass, hand made in Lisbon. " * 3
...         + "</p><p>Price: $20</p></div></div>")
>>> region_text(page)
'Brass lamps\\nA lamp in brass, hand made in Lisbon. A lamp in brass, hand made in Lisbon. \
A lamp in brass, hand made in Lisbon.\\nPrice: $20'
>>> region_text("<ul><li><a>Home</a></li><li><a>About us</a></li></ul>")
''
"""
from __future__ import annotations

import re

from .text import BLOCK_TAGS, drop_element, block_text, furniture, visible_tree, word_count

# Elements that start a new block besides BLOCK_TAGS.
REGION_BLOCK_TAGS = BLOCK_TAGS | frozenset({"body", "html", "form", "center", "nav", "aside", "header",
                                            "footer", "menu", "dialog"})
# A block whose words are this share or more in links is a link list: it costs its words.
MAX_LINK_DENSITY = 0.5
# A block reads as prose with this many words and sentence punctuation...
MIN_SENTENCE_WORDS = 6
# ...and then is worth all its words; a shorter label (a name, a price) this share of them.
LABEL_WEIGHT = 0.5
# The region around the page's name holds this share of the words after it (`region_around`).
MIN_AROUND_SHARE = 0.5
# Sentence punctuation in any script: inside the block or at its end.
_SENTENCE = re.compile(r"[.!?\u3002\uff01\uff1f\u0964:;](?:[\s\"'\u201d\u2019)\]]|$)")


def region_text(html: str) -> str:
    """The text of the page's best-scoring region, a line per block; "" when no region has worth.

    >>> region_text("<div><p>One line of prose, with a full stop at its end.</p></div><div><a>x</a></div>")
    'One line of prose, with a full stop at its end.'
    """
    tree = visible_tree(html)
    if tree is None:
        return ""
    for el in furniture(tree, marked=False):  # its tags only: a role can mark the page's own part (bench/NOTES.md)
        drop_element(el)
    best = best_region(tree)
    return block_text(best) if best is not None else ""


def best_region(root):
    """The element under `root` whose blocks score highest, or None when none scores above 0.

    Ties go to the outer element (it holds the same worth and more context).
    """
    score: dict = {}
    depth = {root: 0}
    for owner, words, linked, text in page_blocks(root):
        value = block_value(words, linked, text)
        el = owner
        while el is not None:
            score[el] = score.get(el, 0.0) + value
            el = el.getparent()
    if not score:
        return None
    for el in score:
        depth.setdefault(el, sum(1 for _ in el.iterancestors()))
    best = max(score, key=lambda el: (score[el], -depth[el]))
    return best if score[best] > 0 else None


def block_value(words: int, linked: int, text: str) -> float:
    """What a block adds to the regions that hold it: prose its words, labels part, link lists minus.

    >>> block_value(10, 0, "A lamp in brass, hand made in Lisbon today.")
    10.0
    >>> block_value(2, 0, "Price: $20")
    1.0
    >>> block_value(2, 2, "About us")
    -2.0
    """
    if words == 0:
        return 0.0
    if linked >= MAX_LINK_DENSITY * words:
        return -float(words)
    own = float(words - linked)
    return own if is_sentence(words, text) else LABEL_WEIGHT * own


def is_sentence(words: int, text: str) -> bool:
    """Whether a block reads as prose: enough words and sentence punctuation (any language).

    >>> is_sentence(8, "Der Hund schläft im Garten, die Katze nicht."), is_sentence(3, "Home, About, Shop")
    (True, False)
    """
    return words >= MIN_SENTENCE_WORDS and _SENTENCE.search(text) is not None


def page_blocks(root):
    """(owner element, words, words in links, text) of each block under `root`, in document order.

    >>> import lxml.html
    >>> [(el.tag, w, l) for el, w, l, _ in page_blocks(lxml.html.fromstring(
    ...     "<div><p>Read <a>the whole story</a></p>tail words</div>"))]
    [('p', 4, 3), ('div', 2, 0)]
    """
    blocks = []
    parts: list[str] = []
    linked = 0
    owner = root

    def flush(next_owner):
        nonlocal parts, linked, owner
        text = " ".join("".join(parts).split())
        if text:
            blocks.append((owner, word_count(text), linked, text))
        parts, linked, owner = [], 0, next_owner

    # (element, closing, inside a link): an explicit stack, as pages nest deeply
    stack = [(root, False, False)]
    while stack:
        el, closing, in_link = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            if tag in REGION_BLOCK_TAGS:
                parent = el.getparent()
                flush(parent if parent is not None else el)
            if el.tail and el is not root:
                parts.append(el.tail)
                linked += word_count(el.tail) if in_link else 0
            continue
        if tag in REGION_BLOCK_TAGS:
            flush(el)
        inner = in_link or tag == "a"
        if tag and el.text:
            parts.append(el.text)
            linked += word_count(el.text) if inner else 0
        stack.append((el, True, in_link))
        stack.extend((child, False, inner) for child in reversed(el))
    flush(root)
    return blocks


def region_around(html: str, name: str) -> str:
    """The text of the smallest element holding the page's `name` and most of what follows it; "" when none.

    The page names itself (its <h1>, a part of its <title>) above the part it
    is about. The element holding the first block that names the page grows
    outward until it holds MIN_AROUND_SHARE of the words that follow the name:
    the posts, items or prose under the heading, without the "related" lists,
    promotions and footers that a wider cut (everything from the heading on)
    keeps. Furniture (`text.furniture`) is not counted, unless it holds the
    name (an article's own <header>).

    >>> page = ("<div><p>" + "Free shipping on all orders this week, and free returns. " * 4 + "</p></div>"
    ...         "<div><div><h1>Brass lamps</h1></div><p>Turned by hand in Lisbon, each one signed.</p>"
    ...         "<ul><li>Desk lamp, $20</li><li>Floor lamp, $40</li></ul></div>"
    ...         "<div><p>You may also like: copper pans, tin cups</p></div><footer>Shop</footer>")
    >>> region_around(page, "Brass lamps")
    'Brass lamps\\nTurned by hand in Lisbon, each one signed.\\nDesk lamp, $20\\nFloor lamp, $40'
    >>> region_around(page, "Copper kettles")
    ''
    """
    from .text import word_key

    tree = visible_tree(html)
    key = word_key(name)
    if tree is None or not key:
        return ""
    blocks = page_blocks(tree)
    at = next((i for i, (_, _, _, text) in enumerate(blocks) if key in word_key(text)), None)
    if at is None:
        return ""
    anchor = blocks[at][0]
    ancestors = [anchor, *anchor.iterancestors()]
    chrome = set(furniture(tree)) - set(ancestors)
    held = dict.fromkeys(ancestors, 0)
    total = 0
    for owner, words, _, _ in blocks[at + 1:]:
        lineage = (owner, *owner.iterancestors())
        if any(el in chrome for el in lineage):
            continue
        total += words
        for el in lineage:
            if el in held:
                held[el] += words
    region = next(el for el in ancestors if held[el] >= MIN_AROUND_SHARE * total or el is ancestors[-1])
    return block_text(region)
