"""A web form below the article, from its first field to its last: `form_blocks`.

A shop's or a service's page ends, below its own text, with the site's dialogs
as the scraper found them in the markup: a sign-in and a registration form, a
contact form, a cart drawer. A form shows its fields by shape in any language:
each required field's label carries a star ("Email Address*", "First name: *",
"Select your job level... *") or the star stands alone on the line after its
label ("Password", "*"). FORM_MARKS such marks, each within FORM_REACH blocks
of the one before, are a form's fields; no text a reader keeps is written so
(a footnote's star opens its line, a list's marker too). What stands between
them is the form's: field labels, a select's options, the hints under a
password field, a consent's sentence. Deletion needs evidence in proportion to
what it removes: the form goes from its first field to its last, not the page
below it (a form in the middle of a page, more of the page's text after it).
"""
from __future__ import annotations

import re

# Marks of required fields that make a form, each within FORM_REACH blocks of the one
# before (a label, its star, a hint line, the next label ...).
FORM_MARKS = 3
FORM_REACH = 8
# A field's label: a few words, no sentence's end, then a star ("Email Address*",
# "Phone: *", "Select your job level... *"), or the star alone on its line. A colon
# only right before the star: "Illnesses: 15 days *" is a value with its footnote mark.
FIELD_MAX_WORDS = 6
FIELD_MARK = re.compile(r"^(?:[^*.!?:]*?(?:\.\.\.|…)?\s*:?\s*)?\*$")


def is_field_mark(text: str) -> bool:
    """True for a required field's label ending in a star, or the star alone on its line.

    >>> [is_field_mark(t) for t in ["Email Address*", "First name: *", "*", "Select your job level... *"]]
    [True, True, True, True]
    >>> [is_field_mark(t) for t in ["*Terms apply", "* Free shipping", "Prices from $20*", "a b c d e f g*"]]
    [False, False, True, False]
    >>> is_field_mark("Delivery is free on orders over $50. *"), is_field_mark("Illnesses: 15 days *")
    (False, False)
    """
    text = text.strip()
    return bool(FIELD_MARK.match(text)) and len(text.split()) <= FIELD_MAX_WORDS + (text[-2:] == " *")


def form_blocks(texts: list[str], after: int, end: int) -> list[int]:
    """Blocks of the forms in after+1..end-1: each chain of FORM_MARKS+ field marks, FORM_REACH apart at most, first to last.

    >>> texts = ["{P1}", "Sign in", "Email*", "Password", "*", "Keep me signed in", "Phone: *", "{P2}", "{P3}"]
    >>> form_blocks(texts, 0, len(texts))
    [2, 3, 4, 5, 6]
    >>> form_blocks(texts, 0, 5)  # two marks before the end
    []
    >>> form_blocks(["{P1}", "Email*"] + ["a"] * 8 + ["Name*", "Phone*"], 0, 12)  # 9 blocks apart
    []
    """
    marks = [i for i in range(after + 1, end) if is_field_mark(texts[i])]
    out: list[int] = []
    chain: list[int] = []
    for i in marks + [end + FORM_REACH + 1]:  # a sentinel closes the last chain
        if chain and i - chain[-1] > FORM_REACH:
            if len(chain) >= FORM_MARKS:
                out.extend(range(chain[0], chain[-1] + 1))
            chain = []
        chain.append(i)
    return out
