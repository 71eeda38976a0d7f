"""Headings of a how-to text: a run of imperatives (`imperative_heading`).

A guide sets its steps as headings that open with a verb's base form ("Determine
Your Energy Needs", "Get the Necessary Permits", "Buy the Necessary Materials"). A
heading there that opens with a verb is one of the run, however the bigrams read its
first word against a preposition ("By the ...": "by the" is 100 times "buy the"): a
change to a word that is no verb is held as a suggestion (clauses.clause_score).

A heading: a line of at most HEADING_MAX_WORDS words, with no sentence punctuation at
its end, most of whose longer words are capitalised (title case).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .wordclass import _base_forms, readings

HEADING_MAX_WORDS = 12
# Share of the words of 4+ letters written capitalised in a title-case line.
TITLE_SHARE = 0.6
# Other headings of the text that open with a verb before the run is read as one.
RUN_MIN = 3
_LINE_END = (".", "?", "!", ":", ";", ",")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def is_heading(line: str) -> bool:
    """True for a short title-case line without sentence punctuation at its end.

    >>> is_heading("Get the Necessary Permits"), is_heading("Get the permits before you start."), is_heading("Get ready")
    (True, False, False)
    """
    line = line.strip()
    words = _WORD.findall(line)
    if not words or len(line.split()) > HEADING_MAX_WORDS or line.endswith(_LINE_END):
        return False
    long = [w for w in words if len(w) >= 4]
    return len(long) >= 2 and sum(w[0].isupper() for w in long) >= TITLE_SHARE * len(long)


def opens_with_verb(line: str) -> bool:
    """True when the line's first word is a verb's base form ("Get", "Choose").

    >>> opens_with_verb("Choose the Right Kit"), opens_with_verb("Solar Panel Wiring")
    (True, False)
    """
    m = _WORD.match(line.strip())
    if m is None:
        return False
    word = m.group().lower()
    return "VERB" in readings(word) and word in _base_forms(word)


def imperative_heading(text: str, start: int) -> bool:
    """True when the word at `start` opens a heading and RUN_MIN other headings of the text
    open with a verb (module docstring).

    >>> t = "Plan the Roof Work\\nGet the Right Permits\\nHire a Local Crew\\nBuy the Spare Parts Early\\n"
    >>> imperative_heading(t, t.index("Buy")), imperative_heading(t.replace("Hire", "The"), t.index("Buy"))
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    line_end = text.find("\n", start)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    if not is_heading(line):
        return False
    runs = verb_headings(text)
    return sum(runs.values()) - runs[line] >= RUN_MIN


@lru_cache(maxsize=4)
def verb_headings(text: str) -> Counter:
    """The text's headings that open with a verb (stripped), with how often each stands:
    read once per text, however many of its sites ask (a page of many headings stays linear).

    >>> verb_headings("Plan the Roof Work\\nGet the Right Permits\\nSolar Panel Wiring\\nPlan the Roof Work\\n")
    Counter({'Plan the Roof Work': 2, 'Get the Right Permits': 1})
    """
    return Counter(s for s in (other.strip() for other in text.splitlines()) if is_heading(s) and opens_with_verb(s))
