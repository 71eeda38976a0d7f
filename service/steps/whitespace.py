"""Whitespace: trailing blanks, runs of spaces, too many blank lines, ends.

Runs last, so that it also tidies the gaps other steps leave behind (a chrome
line removed between two paragraphs).

>>> from service.edits import apply_edits
>>> apply_edits("a  b \\n\\n\\n\\nc\\n\\n", run("a  b \\n\\n\\n\\nc\\n\\n", None))
'a b\\n\\nc\\n'
"""
from __future__ import annotations

import re

from ..edits import Change, SpanSet

ENGLISH_ONLY = False

# (pattern, replacement, rule, message): each a separate, named fix, tried in
# this order; a later fix never touches what an earlier one already changed.
# A replacement of None keeps the line ending style found (CRLF or LF).
_FIXES = (
    (re.compile(r"(?<=\S)(?:[ \t\u00a0]*\r?\n){2,}[ \t\u00a0]*\Z"), None, "whitespace.trailing_lines",
     "removed trailing blank lines"),
    (re.compile(r"\A(?:[ \t\u00a0]*\r?\n)+"), "", "whitespace.leading", "removed leading blank lines"),
    (re.compile(r"(?<=\n)(?:[ \t\u00a0]*\r?\n){2,}"), None, "whitespace.blank_lines",
     "collapsed blank lines"),
    (re.compile(r"[ \t\u00a0]+(?=\r?\n|\Z)"), "", "whitespace.trailing", "removed trailing spaces"),
    (re.compile(r"(?<=\S)[ \t]{2,}(?=\S)"), " ", "whitespace.spaces", "collapsed a run of spaces"),
)


_TAIL = " \t\u00a0\r\n"


def scan_start(rule: str, text: str) -> int:
    """Where a fix's pattern can first match: scanning a 5 KB article from 0
    for a pattern that can only match at its end, or for a run of spaces
    the text does not have, is most of this step's time.

    Trailing blank lines must follow a non-space character and run to the
    end, so only the trailing run of blanks and line breaks can match (the
    lookbehind still sees the character before). A run of two spaces or tabs
    needs "  " or a tab somewhere. Returns len(text) when a fix cannot match.
    """
    if rule == "whitespace.trailing_lines":
        return len(text.rstrip(_TAIL))
    if rule == "whitespace.spaces" and "  " not in text and "\t" not in text:
        return len(text)
    return 0


def run(text: str, ctx) -> list[Change]:
    """Changes that tidy whitespace; line endings (CRLF or LF) are kept as found."""
    changes: list[Change] = []
    taken = SpanSet()  # a list scanned per match made many edits quadratic
    for pattern, replacement, rule, message in _FIXES:
        for m in pattern.finditer(text, scan_start(rule, text)):
            s, e = m.span()
            if s == e or taken.overlaps(s, e):
                continue
            if replacement is None:
                newline = "\r\n" if "\r\n" in m.group(0) else "\n"
                rep = newline
            else:
                rep = replacement
            if rep != m.group(0):
                changes.append(Change(s, e, rep, rule, message, 1.0))
                taken.add(s, e)
    return changes
