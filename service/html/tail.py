"""The visible text of a page's part past the markup budget, read in one linear pass without a parser.

A page whose markup weighs more than `bounds.MARKUP_BUDGET` (some 30,000
tags) is cut before parsing: the parser and trafilatura's tree passes grow
with the markup, and a 10 MB page must be read in seconds. Without more,
whatever lies past the cut is lost, article text included (a long story, a
thread or a listing that runs on). `tail_text` reads that part the cheap way:
tags are dropped, block tags end a line, the content of elements never shown
(scripts, styles, <svg>, <template>, a <select>'s options) is skipped,
character references are decoded. `with_tail` puts it after the chosen text
when that text runs to the cut (it holds the last line read before it): the
part past the cut goes on with it (a story, a thread, a listing); when the
text ended before the cut, what follows is the page's other parts and stays
out. The response says so (metadata["extraction"]["tail"]: the words added;
"cut_at" stays: the parser still read only the part before it).

>>> tail_text('ing.</p><p>Next <b>line</b> &amp; more.</p><script>var a = "<p>x</p>";</script><select><option>Red')
'ing.\\nNext line & more.'
>>> tail_text("<div>One</div><!-- <p>hidden</p> --><br/>Two<svg><text>icon</text></svg>")
'One\\nTwo'
"""
from __future__ import annotations

import html as entities
import re

from .bounds import RAW_TEXT_TAGS
from .text import BLOCK_TAGS, separate_paragraphs, word_count, word_key

# Elements read as text up to their end tag (HTML's raw text and RCDATA elements, as
# bounds reads them): what they hold is skipped whole.
RAW_TAGS = frozenset(RAW_TEXT_TAGS)
# Elements whose content is markup that is never shown as text (nested ones are counted).
HIDDEN_TAGS = frozenset({"svg", "template", "select", "datalist", "head"})
# The text with its tail stops at this many characters: the largest text a request may carry
# (COPYDESK_MAX_BYTES, 2 MiB by default), which the cleaning steps are sized for (a page of
# 8 MB read whole gave a text of 5 MB that took 700 MB and two minutes to clean).
MAX_TEXT_CHARS = 2_000_000
# The last line shown before the cut is read from this many characters of markup before it.
LOOKBACK_CHARS = 100_000
# The last line read before the cut is looked for anywhere in the text from this many words.
MIN_LAST_WORDS = 3
# One token: a comment (to its end, or the page's), a tag (to its ">", or the page's end), or text.
_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<(/?)([a-zA-Z][^\t\n\f\r />]*+)([^>]*+)>?|<[!?/][^>]*+>?|[^<]++|<",
                    re.S)


def with_tail(text: str, before: str, past: str) -> tuple[str, int, int | None]:
    """(`text` with the text of `past` after it, the words added, the character of `past` where
    reading stopped at MAX_TEXT_CHARS or None), or (`text`, 0, None).

    `before`: the page's markup before the cut, `past`: after it. The text
    of `past` is added when `text` holds the last line shown before the cut
    (read the same way from the last LOOKBACK_CHARS of `before`: a cut inside
    a menu or an aside ends on its links, which the text does not hold), on
    that line when the cut fell inside it (before an inline tag), else as
    blocks of their own.

    >>> page = "<nav><a>Menu</a></nav><p>Intro.</p><p>The council "
    >>> with_tail("Intro.\\n\\nThe council", page, "<b>met</b> on Monday.</p><p>It voted.</p>")
    ('Intro.\\n\\nThe council met on Monday.\\n\\nIt voted.', 5, None)
    >>> with_tail("Intro.", "<p>Intro.</p><aside><a>Related stories", "<a>Sign up for our newsletter.</a>")
    ('Intro.', 0, None)
    """
    shown = read_tail(before[-LOOKBACK_CHARS:])[0] if past else ""
    last = next((key for key in map(word_key, reversed(shown.splitlines())) if key), "")
    room = MAX_TEXT_CHARS - len(text)
    if not past or not last or room <= 0 or not runs_to(text, last):
        return text, 0, None
    rest, inline, end = read_tail(past, room)
    words = word_count(rest)
    if not words:
        return text, 0, None
    rest = separate_paragraphs(rest)
    if inline and word_key(text.rstrip().rsplit("\n", 1)[-1]) == last:
        return text.rstrip() + " " + rest, words, end  # the cut fell inside the text's last line
    return text.rstrip() + "\n\n" + rest, words, end


def capped_text(text: str) -> tuple[str, int]:
    """(`text` cut to MAX_TEXT_CHARS at its last paragraph break before it (or its last space,
    or the limit), the characters left out): one text node of 10 MB is an article of 10 MB.

    >>> capped_text("One.\\n\\nTwo."), capped_text("x" * (MAX_TEXT_CHARS + 5))[1]
    (('One.\\n\\nTwo.', 0), 5)
    """
    if len(text) <= MAX_TEXT_CHARS:
        return text, 0
    cut = text.rfind("\n\n", 0, MAX_TEXT_CHARS + 1)
    if cut <= 0:
        cut = text.rfind(" ", 0, MAX_TEXT_CHARS + 1)
    if cut <= 0:
        cut = MAX_TEXT_CHARS
    return text[:cut].rstrip(), len(text) - cut


def runs_to(text: str, last: str) -> bool:
    """Whether `text` holds `last`, the word key of the last line read before the cut: as a whole
    line of it or its end when `last` is shorter than MIN_LAST_WORDS (a "Share" or "Top" anywhere is no evidence).

    >>> runs_to("It voted to close the bridge.", "close the bridge"), runs_to("Share this. It voted.", "share")
    (True, False)
    """
    if len(last.split()) >= MIN_LAST_WORDS:
        return last in word_key(text)
    return any(word_key(line) == last for line in text.splitlines()) or word_key(text).endswith(" " + last)


def tail_text(html: str) -> str:
    """The text `html` shows, a line per block, whitespace runs collapsed ("" if none); linear in `html`."""
    return read_tail(html)[0]


def read_tail(html: str, room: int = MAX_TEXT_CHARS) -> tuple[str, bool, int | None]:
    """(`tail_text(html)`, whether `html` opens with text before any block tag (the rest of a
    line), the character of `html` where reading stopped once the text had `room` characters
    or None).

    >>> read_tail("<p>One two.</p><p>Three four.</p><p>Five.</p>", room=12)
    ('One two.', False, 18)
    >>> read_tail("<p>" + "word " * 9, room=12)
    ('word word', False, 12)
    """
    parts: list[str] = []
    size = 0
    inline = None  # unknown until the first block tag or the first words
    hidden = 0  # open elements of HIDDEN_TAGS
    at, end = 0, len(html)
    while at < end:
        m = _TOKEN.match(html, at)
        token, name = m.group(0), m.group(2)
        if name is None:  # text, a comment or a bogus tag
            if not hidden and (not token.startswith("<") or token == "<"):
                if size + len(token) > room:
                    if len(token) > room:  # one run longer than any text may be: what fits, to a space
                        cut = token.rfind(" ", 0, room - size)
                        parts.append(token[:max(cut, 0)])
                        at += max(cut, 0)
                    break  # the text stops before this run of it
                parts.append(token)
                size += len(token)
                if inline is None and token.strip():
                    inline = True
            at = m.end()
            continue
        at = m.end()
        name = name.lower()
        closing, selfclosing = m.group(1) == "/", m.group(3).rstrip().endswith("/")
        if name in RAW_TAGS and not closing and not selfclosing:
            close = re.compile(rf"</{name}(?=[\t\n\f\r />]|\Z)", re.I).search(html, at)
            at = close.start() if close else end
        elif name in HIDDEN_TAGS and not selfclosing:
            hidden = max(0, hidden - 1) if closing else hidden + 1
        elif name in BLOCK_TAGS:
            parts.append("\n")
            size += 1
            if inline is None:
                inline = False
    stop = at if at < end else None
    lines = (" ".join(line.split()) for line in entities.unescape("".join(parts)).split("\n"))
    return "\n".join(line for line in lines if line), bool(inline), stop
