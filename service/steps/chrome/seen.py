"""A short block's test answers kept across documents: a site's menus recur on its pages.

`step.per_block` keeps each block test's answer (a rule's match, sentence shape, list
content, code...) for one run() of the step. A block of at most SHARED_BLOCK_CHARS
characters ("Contact Us", "Privacy Policy", "Share this article") stands on many pages of
one site, and of many sites: on 64 scraped pages of different sites, 1,138 of 7,391
distinct block texts stand on two pages or more, and a quarter of match_rule's time went
to texts another page had already shown. So their answers are also kept here, for the
next document, in one process-wide least-recently-used cache.

Every test kept is a pure function of the block's text and of the run's fixed arguments
(the rule tuple, the language's function words). A `Slot` holds a test with its
arguments and is hashed by identity: one per (test, arguments' identity), so a rules
reload makes new slots, and a kept answer holds its slot, hence its arguments, alive
(an id is never reused while an answer under it is kept).

>>> calls = []
>>> def test(text, extra): calls.append(text); return len(text) + extra
>>> args = (1,)
>>> slot = slot_for(test, args)
>>> answer(slot, "Home"), answer(slot, "Home"), calls
(5, 5, ['Home'])
>>> slot_for(test, args) is slot, slot_for(test, (2,)) is slot
(True, False)
"""
from __future__ import annotations

import threading
from functools import lru_cache

# Blocks up to this many characters are kept: labels, menus, bylines, footers' lines
# (longer blocks are mostly a page's own paragraphs, seen once).
SHARED_BLOCK_CHARS = 120
# Answers kept. Memory: at most ~SHARED_ENTRIES * (SHARED_BLOCK_CHARS * 4 + 200) bytes
# (~22 MB; ~8 MB for ASCII labels), the answers themselves being booleans, a shape's
# class or a rule the rule set holds anyway.
SHARED_ENTRIES = 32_768
# Slots: more than this many means rules were reloaded again and again: the table
# starts afresh (answers under the old slots age out of the cache).
MAX_SLOTS = 64


class Slot:
    """A block test and the fixed arguments it is called with; hashed by identity."""

    __slots__ = ("fn", "args")

    def __init__(self, fn, args: tuple):
        self.fn, self.args = fn, args


_slots: dict = {}  # (test, arguments' ids) -> Slot
_lock = threading.Lock()


def slot_for(fn, args: tuple) -> Slot:
    """The Slot of the test `fn` with the fixed arguments `args` (told apart by identity)."""
    key = (fn, *map(id, args))
    slot = _slots.get(key)
    if slot is not None and all(a is b for a, b in zip(slot.args, args)):
        return slot
    with _lock:
        if len(_slots) >= MAX_SLOTS:
            _slots.clear()
        slot = _slots[key] = Slot(fn, args)
    return slot


def answer(slot: Slot, text: str):
    """slot.fn(text, *slot.args), kept across documents when `text` is a short block."""
    if len(text) > SHARED_BLOCK_CHARS:
        return slot.fn(text, *slot.args)
    return _kept(slot, text)


@lru_cache(maxsize=SHARED_ENTRIES)
def _kept(slot: Slot, text: str):
    return slot.fn(text, *slot.args)
