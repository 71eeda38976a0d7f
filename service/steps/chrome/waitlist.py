"""A sign-up sentence about an item the page itself presents is the page's: `own_waitlists`.

A site's newsletter box asks for an e-mail address for the site's news in
general: "Enter your email address to subscribe to this blog and receive
notifications of new posts." A shop's page for a product that is not out yet
asks for it about that product: "Enter your email to be the first to know when
the Nature Station launches." There the sentence is the product's own text
(WCXB keeps it as main content), and it is all a reader learns of the launch.

What tells them apart is the name and its place: the waitlist stands in the
item's card and names it, a name of at least NAME_MIN_WORDS capitalised
words that stands alone on a line at most CARD_REACH blocks above it (the
item's heading), with a sentence no rule names between them that names it
again (the item's description). A newsletter's own name ("The Morning
Brief") may stand over its box, but no paragraph of the page's describes it
there; a site's name or the page's topic in a sign-up far below their
heading ("Get the Good On You newsletter", "subscribe to more information
about Social Media Marketing") is no card's. Only a sentence-shaped line a
sign-up rule names is read.
"""
from __future__ import annotations

import re

# Rules whose line asks for a reader's address (a newsletter or a sign-up box):
# the only rules whose sentence can be an item's waitlist.
SIGNUP_RULES = frozenset({"chrome.phrase.newsletter"})
# Words of the item's name: one capitalised word is as often the site's own name
# or a sentence's first word ("Enter", "Subscribe").
NAME_MIN_WORDS = 2
# A name: two to five capitalised words ("Nature Station", "Smart Bird Feeder Pro").
# Blocks from an item's heading to its waitlist: the heading, a description, a few
# feature labels, a button and a question ("Join Waitlist", "Want early access?").
CARD_REACH = 10
NAME = re.compile(r"\b[A-Z][\w'’&-]*(?: [A-Z0-9][\w'’&-]*){1,4}\b")


def names_in(text: str) -> list[str]:
    """The runs of NAME_MIN_WORDS or more capitalised words in `text`, not the line's first word.

    >>> names_in("Enter your email to be the first to know when the Nature Station launches.")
    ['Nature Station']
    >>> names_in("Subscribe To Our Newsletter for news")  # the line's own first words are no name
    []
    """
    out = []
    for m in NAME.finditer(text):
        name = m.group(0)
        if m.start() == len(text) - len(text.lstrip()):
            continue  # a title-cased line ("Sign Up For Updates") names nothing
        if len(name.split()) >= NAME_MIN_WORDS:
            out.append(name)
    return out


def own_waitlists(texts: list[str], matched: list, prose: list) -> list[int]:
    """Blocks a sign-up rule names whose sentence names an item the page heads and describes.

    >>> class R: id = "chrome.phrase.newsletter"
    >>> texts = ["Nature Station", "Invite pollinators to your yard with the Nature Station.",
    ...          "Join Waitlist", "Enter your email to be the first to know when the Nature Station launches."]
    >>> own_waitlists(texts, [None, None, R(), R()], [False, True, False, True])
    [3]
    >>> box = ["The Morning Brief", "Enter your email to get The Morning Brief every weekday."]
    >>> own_waitlists(box, [None, R()], [False, True])  # a newsletter's name over its box: not described
    []
    >>> own_waitlists(texts[:1] + texts[2:], [None, R(), R()], [False, False, True])  # no description
    []
    >>> far = texts[:2] + ["Buy Now"] * CARD_REACH + texts[3:]
    >>> own_waitlists(far, [None] * (len(far) - 1) + [R()], [False, True] + [False] * CARD_REACH + [True])
    []
    """
    out = []
    for j, rule in enumerate(matched):
        if rule is None or rule.id not in SIGNUP_RULES or not prose[j]:
            continue
        names = set(names_in(texts[j]))
        for h in range(max(0, j - CARD_REACH), j):
            name = texts[h].strip()
            if name in names and any(name in texts[k] and prose[k] and matched[k] is None
                                     for k in range(h + 1, j)):
                out.append(j)
                break
    return out
