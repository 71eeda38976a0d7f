"""A space where a page's layout separates two inline elements that its markup writes together.

Card grids, menus and tag lists put their items in sibling inline elements
with no whitespace between them (`<span>Osprey</span><span>Atmos 65 Pack</span>`,
`<a>Careers</a><a>Login</a>`) and let the style sheet set them apart (blocks,
flex items, margins). Read without the style sheet, every extractor glues
them: "OspreyAtmos 65 Pack", "CareersLogin", one word that is in no text. A
word that ends in a lower-case letter at an element's end, followed at once
by an element whose text starts with a capital, is two items: a single word
is not split into elements with its second part capitalised (a drop cap is
one capital, then lower case: it stays joined).

>>> space_inline_joins('<span>Osprey</span><span class="t">Atmos 65 Pack</span>')
'<span>Osprey</span> <span class="t">Atmos 65 Pack</span>'
>>> space_inline_joins("<p><b>T</b>he story</p><a>iPhone</a><a>cases</a>")
'<p><b>T</b>he story</p><a>iPhone</a><a>cases</a>'
"""
from __future__ import annotations

import re

# Elements shown inline unless styled otherwise: the ones an item's text sits in.
INLINE_TAGS = "a|abbr|b|bdi|cite|em|i|label|mark|small|span|strong|time|u"
_JOIN = re.compile(rf"(\w)(</(?:{INLINE_TAGS})\s*>)(?=<(?:{INLINE_TAGS})(?:\s[^<>]*)?>(\w))", re.I)


def space_inline_joins(html: str) -> str:
    """`html` with a space after each inline element that ends a word in lower case right before one that starts in a capital."""
    def join(m: re.Match) -> str:
        if m.group(1).islower() and m.group(3).isupper():
            return m.group(1) + m.group(2) + " "
        return m.group(0)
    return _JOIN.sub(join, html)
