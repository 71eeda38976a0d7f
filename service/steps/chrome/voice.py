"""A notice the writer wrote in the text's own conversational voice is the text's: `own_asides`.

A site's disclaimer box is boilerplate in a legal register: "This article is
intended for informational purposes only and is not a substitute for medical
advice." A writer's own aside that opens with "Disclaimer:" between their
paragraphs speaks as they do, with the contractions of conversation:
"Disclaimer: Please don't play it loud at night. If you can't use it
responsibly, don't use it at all!" Legal, medical and affiliate notices are
written without contractions. So a block that a notice rule names is kept
when it is sentence-shaped, stands neither first nor last on the page, has a
kept paragraph right above it (the page's header and footer do not), and
carries at least MIN_CONTRACTIONS contractions of the conversational kind.

A label a rule names that asks a question between two of the writer's
paragraphs ("Comments?" closing an e-mail, before the next paragraph) is the
writer's too (`own_questions`): a row of buttons or a widget's label carries
no question mark, and a site's own questions ("Need help?") stand in its
header, footer or forms, not between two paragraphs.
"""
from __future__ import annotations

import re

# Rules whose match is a notice written in sentences (a disclaimer box): the
# only rules whose line can be a writer's aside.
NOTICE_RULES = frozenset({"chrome.phrase.disclaimer"})
# Contractions a text needs before it counts as written in a conversational
# voice: one may be a quoted phrase; two are the writer's way of speaking.
MIN_CONTRACTIONS = 2
# "don't", "can’t", "you're", "we've", "I'll", "I'm": a pronoun's or a
# negation's contraction. Not "'s" or "'d": possessives ("the hostel's") and
# names (O'Neill's) would read as voice.
CONTRACTION = re.compile(r"\b\w+(?:n['’]t|['’](?:re|ve|ll|m))\b", re.IGNORECASE)


def speaks_casually(text: str) -> bool:
    """True when a text carries MIN_CONTRACTIONS conversational contractions.

    >>> speaks_casually("If you can’t use it responsibly, don’t use it at all!")
    True
    >>> speaks_casually("This article is not a substitute for medical advice. Consult a doctor.")
    False
    >>> speaks_casually("The hostel's common room and O'Neill's pub aren't quiet.")
    False
    """
    found = 0
    for _ in CONTRACTION.finditer(text):
        found += 1
        if found >= MIN_CONTRACTIONS:
            return True
    return False


def own_asides(texts: list[str], matched: list, prose: list) -> list[int]:
    """Blocks a notice rule names that are the writer's aside: casual sentences with a paragraph above.

    >>> class R: id = "chrome.phrase.disclaimer"
    >>> aside = "Disclaimer: Please don't play it in a dorm at night. If you can't, don't use it!"
    >>> texts = ["Our list of speakers, for every budget.", aside, "Let's plug in."]
    >>> own_asides(texts, [None, R(), None], [True, True, False])
    [1]
    >>> legal = "Disclaimer: This article is for information only. It is not medical advice."
    >>> own_asides([texts[0], legal, texts[2]], [None, R(), None], [True, True, False])
    []
    >>> own_asides(texts[1:], [R(), None], [True, False])  # the page's first block: its header's
    []
    >>> own_asides(texts[:2], [None, R()], [True, True])  # the page's last block: its footer's
    []
    """
    out = []
    for j in range(1, len(texts) - 1):
        rule = matched[j]
        if (rule is not None and rule.id in NOTICE_RULES and prose[j] and prose[j - 1] and matched[j - 1] is None
                and speaks_casually(texts[j])):
            out.append(j)
    return out


def own_questions(texts: list[str], matched: list, prose: list) -> list[int]:
    """Blocks a rule names that ask a question, between two paragraphs no rule names.

    >>> class R: id = "chrome.phrase.share_buttons"
    >>> texts = ["I will not commit it until the others are done.", "Comments?", "It went in on March 2nd."]
    >>> own_questions(texts, [None, R(), None], [True, False, True])
    [1]
    >>> own_questions(["I will not commit it.", "Comments", "It went in."], [None, R(), None], [True, False, True])
    []
    >>> own_questions(["Home", "Comments?", "It went in on March 2nd."], [None, R(), None], [False, False, True])
    []
    """
    out = []
    for j in range(1, len(texts) - 1):
        if (matched[j] is not None and texts[j].rstrip().endswith("?") and prose[j - 1] and prose[j + 1]
                and matched[j - 1] is None and matched[j + 1] is None):
            out.append(j)
    return out
