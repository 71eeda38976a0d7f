"""A linear pre-pass that bounds what an HTML page can cost the parser.

libxml2 checks each attribute of a tag against all the earlier ones, and
trafilatura's tree passes look at every attribute again, so one `<p>` with
200,000 attributes (1.7 MB) ran for over 20 minutes. `bound_html` tokenizes
the page the way the HTML5 tokenizer (libxml2 2.14's) does, in one regex pass,
and rewrites only what could make the parse expensive:

- a tag keeps its first `MAX_ATTRIBUTES` attributes (real pages use a few),
  each value at most `MAX_VALUE_CHARS`;
- comments go (trafilatura's parser drops them anyway);
- `<` inside raw-text elements (script, style, title, ...) is escaped, so
  their end is where this scan says it is whatever the parser thinks;
- markup past `MARKUP_BUDGET` (tags and attribute values) is not kept.

After it, what the parser sees as tags is exactly what this scan saw, so no
tag can carry more than `MAX_ATTRIBUTES` attributes past it.

>>> bound_html('<p a=1 b="x>y" c>Hi</p>') == '<p a=1 b="x>y" c>Hi</p>'
True
>>> bound_html("<p " + "a " * 100 + ">Hi</p>").count("a")
64
>>> bound_html("a<!-- <p x=1> -->b")
'ab'
>>> bound_html("<script>if (a<b) x = '</div>';</script>")
"<script>if (a\\\\u003cb) x = '\\\\u003c/div>';</script>"
>>> bound_html("<title>a < b</title>")
'<title>a &lt; b</title>'
"""
from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# Most attributes kept per tag: real pages stay far below; the cost of a
# tag grows with the square of its attribute count.
MAX_ATTRIBUTES = 64
# Longest attribute value kept, in characters: trafilatura matches class and
# id values against many patterns (8 MB of class names took 35 s).
MAX_VALUE_CHARS = 2000

_WS = r"[\t\n\f\r ]"
_ATTRIBUTE = (rf"[^\t\n\f\r />][^\t\n\f\r />=]*+"
              rf"(?:{_WS}*+={_WS}*+(?:\"[^\"]*+\"|'[^']*+'|[^\t\n\f\r >]*+))?")
_ATTRIBUTES = rf"(?:[\t\n\f\r /]++|(?>{_ATTRIBUTE}))*+"
# Elements whose content libxml2 2.14 reads as text up to their end tag
# (HTML5 RAWTEXT/RCDATA; noscript is markup to it, scripting being off).
RAW_TEXT_TAGS = ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title")
_RAW = "|".join(RAW_TEXT_TAGS)
_RCDATA = frozenset({"title", "textarea"})
# A run of text and plain tags (quoted or bare values, fewer than
# MAX_ATTRIBUTES attributes, not raw-text elements) that is left as it is: a
# strict subset of what HTML5 reads as one token each, matched without a
# Python call per tag.
_PLAIN_TAG = (rf"</?(?!(?:{_RAW})(?:{_WS}|/|>))[a-z][a-z0-9-]*+"
              rf"(?:{_WS}++[^\t\n\f\r />=\"'<`]++"
              rf"(?:=(?:\"[^\"<>]{{0,{MAX_VALUE_CHARS}}}+\"|'[^'<>]{{0,{MAX_VALUE_CHARS}}}+'"
              rf"|[^\t\n\f\r \"'<>=`]{{1,{MAX_VALUE_CHARS}}}+))?){{0,{MAX_ATTRIBUTES}}}+"
              rf"{_WS}*+/?>")
_PLAIN_RUN = rf"(?:[^<]++|<(?![a-z!?/])|{_PLAIN_TAG})++"
# Every alternative matches once it starts, so the scan never backtracks over
# a token: one pass over the page.
_TOKEN = re.compile(
    rf"(?P<plain>{_PLAIN_RUN})"
    rf"|(?P<comment><!--(?:-?>|.*?(?:--!?>|\Z)))"
    rf"|(?P<bogus><(?:[!?]|/(?![a-z]))[^>]*+>?)"
    rf"|(?P<raw><(?P<rawname>{_RAW})(?={_WS}|/|>|\Z)(?P<rawattrs>{_ATTRIBUTES})"
    rf"(?:>(?P<body>(?:[^<]++|<(?!/(?P=rawname)(?:{_WS}|/|>)))*+))?)"
    rf"|(?P<tag><(?P<slash>/?)(?P<name>[a-z][^\t\n\f\r />]*+)(?P<attrs>{_ATTRIBUTES})(?P<close>>?))",
    re.S | re.I | re.A)
_ONE_ATTRIBUTE = re.compile(rf"(?P<name>[^\t\n\f\r />][^\t\n\f\r />=]*+)"
                            rf"(?:{_WS}*+={_WS}*+(?P<value>\"[^\"]*+\"|'[^']*+'|[^\t\n\f\r >]*+))?", re.S | re.A)
# What markup a page may bring to the parser: TAG_WEIGHT per tag plus one per
# attribute value; trafilatura spends ~10 times as long on a tag as on an
# attribute. The largest development pages (5 MB, 20,000 tags) weigh 250,000.
TAG_WEIGHT = 10
MARKUP_BUDGET = 300_000
# A tag shorter than this cannot hold more than MAX_ATTRIBUTES attributes.
_SHORT_TAG = 2 * MAX_ATTRIBUTES


def bound_html(html: str, budget: int | None = None) -> str:
    """The page with each tag's attributes capped, comments dropped, raw text escaped.

    Markup past `budget` (MARKUP_BUDGET: TAG_WEIGHT per tag plus one per
    attribute value) is not kept: parsing and extraction cost grows with both.

    >>> bound_html("<p>a</p>" * 3, budget=2 * TAG_WEIGHT)
    '<p>a</p>'
    """
    return bound_page(html, budget)[0]


def bound_page(html: str, budget: int | None = None) -> tuple[str, int | None]:
    """(`bound_html(html, budget)`, the character of `html` where it was cut over the
    budget, or None): what the response reports, so a cut page is never silent.

    >>> bound_page("<p>a</p>" * 3, budget=2 * TAG_WEIGHT)
    ('<p>a</p>', 8)
    >>> bound_page("<p>a</p>")
    ('<p>a</p>', None)
    """
    budget = MARKUP_BUDGET if budget is None else budget
    if "<" not in html:
        return html, None
    pieces, weight, end = [], 0, 0
    for m in _TOKEN.finditer(html):
        markup, text = _bounded_token(m)
        cost = markup_weight(markup)
        if weight + cost > budget:
            log.info("page cut near character %d of %d: over the markup budget", m.start(), len(html))
            kept = cut_markup(markup, budget - weight)
            pieces.extend((html[end:m.start()], kept))
            return "".join(pieces), m.start() + len(kept)
        weight += cost
        pieces.extend((html[end:m.start()], markup, text))
        end = m.end()
    pieces.append(html[end:])
    return "".join(pieces), None


def markup_weight(markup: str) -> int:
    """What `markup` costs the parser, in MARKUP_BUDGET units.

    >>> markup_weight('<p class="a">b</p>')
    21
    """
    return TAG_WEIGHT * markup.count("<") + markup.count("=")


def cut_markup(markup: str, room: int) -> str:
    """The start of `markup` that weighs at most `room`, cut before a `<`.

    >>> cut_markup("<p>a</p><p>b</p>", 25)
    '<p>a</p>'
    """
    weight, cut = 0, 0
    for m in re.finditer("[<=]", markup):
        if m.group() == "<":
            cut = m.start()
        weight += TAG_WEIGHT if m.group() == "<" else 1
        if weight > room:
            return markup[:cut]
    return markup


def _bounded_token(m: re.Match) -> tuple[str, str]:
    """(markup, raw text after it) that replace one token."""
    if m.group("plain") is not None or m.group("bogus") is not None:
        return m.group(0), ""
    if m.group("comment") is not None:
        return "", ""
    if m.group("raw") is not None:
        name = m.group("rawname")
        head = f"<{name}{bound_attributes(m.group('rawattrs'))}"
        body = m.group("body")
        if body is None:
            return head, ""
        return head + ">", escape_raw_text(body, name.lower() in _RCDATA)
    token = m.group(0)
    if len(token) <= _SHORT_TAG:
        return token, ""
    return f"<{m.group('slash')}{m.group('name')}{bound_attributes(m.group('attrs'))}{m.group('close')}", ""


def bound_attributes(attrs: str) -> str:
    """The first MAX_ATTRIBUTES of a tag's attributes, values cut to MAX_VALUE_CHARS.

    >>> bound_attributes(' a=1  b="2 3"')
    ' a=1  b="2 3"'
    >>> bound_attributes(" x" * 70) == " x" * MAX_ATTRIBUTES
    True
    >>> len(bound_attributes(" class='" + "x " * 5000 + "'")) == len(" class=''") + MAX_VALUE_CHARS
    True
    """
    if len(attrs) <= _SHORT_TAG:
        return attrs
    kept = []
    for a in _ONE_ATTRIBUTE.finditer(attrs):
        if len(kept) == MAX_ATTRIBUTES:
            break
        kept.append(" " + a.group("name") + ("" if a.group("value") is None else "=" + cut_value(a.group("value"))))
    return "".join(kept)


def cut_value(value: str) -> str:
    """An attribute value cut to MAX_VALUE_CHARS, in its own quotes.

    >>> cut_value('"' + "a" * 3000 + '"') == '"' + "a" * MAX_VALUE_CHARS + '"'
    True
    """
    if len(value) <= MAX_VALUE_CHARS:
        return value
    if value[0] in "\"'" and value[-1] == value[0] and len(value) > 1:
        return value[0] + value[1:1 + MAX_VALUE_CHARS] + value[0]
    return value[:MAX_VALUE_CHARS]


def escape_raw_text(body: str, rcdata: bool) -> str:
    """Raw element content with no `<` left, so nothing in it can open or close a tag.

    >>> escape_raw_text("a<b", rcdata=True), escape_raw_text("a<b", rcdata=False)
    ('a&lt;b', 'a\\\\u003cb')
    """
    if "<" not in body:
        return body
    return body.replace("<", "&lt;" if rcdata else "\\u003c")

