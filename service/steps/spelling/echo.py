"""The text's own words as evidence between a typo's candidates ("cached weels ... those wheels").

A typo's candidates are often close on the channel and silent in the bigram list
("random pirt": port, part; "cached weels": weeks, wheels), and the commoner word wins
on its web frequency alone. A text keeps coming back to its subject's words, so a
candidate the text writes elsewhere is likelier here than the web says: a unigram
cache, P(c) = P_web(c) + ECHO_WEIGHT * (uses of c) / (words of the text).

Only the candidates are re-weighed against each other: their total share against
keeping the word (and against a split) stays as it was, so the echo never turns a
kept word into a correction; it picks between corrections. A correction whose share
clears the step's bar only by the echo (no reading did on the web's frequencies alone)
is only suggested (`echo_alone`): the text's words tell close candidates apart, and a
token whose readings are all close may be a term of the text's own. For the same reason
the step's suggestion tests read the share before the echo (a term in technical text,
a name: their bars are shares). Two limits keep the echo to slips of the text's words:
- a candidate the token is one finger slip from (channel.is_finger_slip): a word
  with a plain letter added ("stepi" beside "step") is as often a term built on it;
- uses outside the token's own sentence: a word and its near-spelling in one
  sentence are as often set side by side on purpose ("continue, step, next, stepi";
  "startswith assert or assret") as one mistyped.

>>> from service.steps.spelling.rank import Hypothesis, lexicon_for, _test_dicts
>>> from service.steps.spelling.words import Document
>>> hyps = [Hypothesis("weeks", "edit", -1.0), Hypothesis("wheels", "edit", -3.0), Hypothesis("", "keep", -4.0)]
>>> text = "Build the wheels once. Then use the cached weels."
>>> [h.replacement for h in echo(hyps, "weels", text.index("weels"), lexicon_for(_test_dicts()), Document(text))]
['wheels', '', 'weeks']
>>> text = "Use the wheels or the weels."
>>> [h.replacement for h in echo(hyps, "weels", text.index("weels"), lexicon_for(_test_dicts()), Document(text))]
['weeks', 'wheels', '']
"""
from __future__ import annotations

import math
import re
from dataclasses import replace

from .channel import is_finger_slip
from .rank import best_first, posterior_share

# Weight of the text's own word shares against the web's frequencies: a unigram cache's
# usual share in an interpolated language model (bench/NOTES.md, session 37).
ECHO_WEIGHT = 0.1
# Where a sentence ends: a full stop, question or exclamation mark before a space, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"')\]”’]*\s|\n")


def echo(hyps: list, word: str, start: int, lex, doc) -> list:
    """`hyps` (rank.Hypothesis, best first) with each edit's prior raised by the text's uses
    of the candidate outside the sentence of `word` (at `start`), their total share kept;
    best first again (see the module docstring)."""
    edits = [h for h in hyps if h.kind == "edit"]
    if len(edits) < 2:
        return hyps
    lifts = {}
    span = None
    for h in edits:
        places = doc.places(h.replacement)
        if not places or not is_finger_slip(word, h.replacement):
            continue
        if span is None:
            span = sentence_span(doc.text, start)
        uses = sum(1 for p in places if not span[0] <= p < span[1])
        web = lex.frequency(h.replacement)
        if uses and web > 0:
            lifts[h.replacement] = math.log1p(ECHO_WEIGHT * uses / len(doc.words) / web)
    if not lifts:
        return hyps
    top = edits[0].score
    raised = {h.replacement: h.score + lifts.get(h.replacement, 0.0) for h in edits}
    shift = (math.log(sum(math.exp(h.score - top) for h in edits))
             - math.log(sum(math.exp(s - top) for s in raised.values())))
    out = [replace(h, score=raised[h.replacement] + shift) if h.kind == "edit" else h for h in hyps]
    return best_first(out)


def sentence_span(text: str, pos: int) -> tuple:
    """(start, end) of the sentence holding `pos` (see _SENTENCE_END).

    >>> text = "One. Two words here. Three"
    >>> sentence_span(text, text.index("words")), sentence_span(text, 0)
    ((5, 20), (0, 4))
    """
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, pos - 2000), pos)]
    start = ends[-1] if ends else max(0, pos - 2000)
    m = _SENTENCE_END.search(text, pos, pos + 2000)
    return start, (m.start() + 1 if m else min(len(text), pos + 2000))


def echo_alone(plain: list, fire: float) -> str | None:
    """Why a correction is only suggested when no reading of the token took `fire` of the
    posterior before the echo (`plain`, best first): the echo alone made it; else None.

    >>> from service.steps.spelling.rank import Hypothesis
    >>> close = [Hypothesis("weeks", "edit", -1.0), Hypothesis("wheels", "edit", -1.5), Hypothesis("", "keep", -9.0)]
    >>> echo_alone(close, 0.7), echo_alone(close[:1] + close[2:], 0.7)
    ("the text's other sentences chose it among close readings", None)
    """
    return None if posterior_share(plain) >= fire else "the text's other sentences chose it among close readings"
