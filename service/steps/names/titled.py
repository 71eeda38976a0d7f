"""A title before a name as evidence of who it is, for `step.match_segment`: whether a title
vouches for a lone surname heard by ear (`unless_title_misfits`), makes a full name only
suggested a correction (`vouch_by_title`), or says whose a surname heard further off is
(`match_after_role`). The role table and closeness are `roles`'.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...edits import DEFAULT_MIN_CONFIDENCE
from .ear import given_agree
from .match import WindowContext, parse_parts  # noqa: F401 (the doctests parse parts)
from .roles import (CLOSE, ROLE_CONFIDENCE, closeness, fits_title, foreign_title, match_by_role, title_vouches,
                    titles_around, titles_before)
from .native import heard_surnames
from .runs import apposed_title_end
from .spoken import readings

if TYPE_CHECKING:
    from .step import WindowMemo

MIN_APPLY = DEFAULT_MIN_CONFIDENCE  # below it a match is a suggestion


def unless_title_misfits(memo: WindowMemo, window: tuple, hit, untitled: WindowContext):
    """A lone surname heard by ear after a title that does not vouch for that person
    (roles.title_vouches: "Club chairman Albanizy", "Foreign Minister Albanizy") is matched
    as if no title stood before it."""
    if hit.rule not in ("names.fuzzy", "names.split"):
        return hit
    for gaz in memo.gazetteers:
        if hit.entry_id in gaz.by_id:
            if title_vouches(gaz, memo.text, hit.start, hit.end, hit.entry_id):
                return hit
            return memo.match(window, untitled, True)
    return hit


def vouch_by_title(memo: WindowMemo, hit, last):
    """A full name only suggested by ear, after a title that fits that listed person,
    whose surname (the window's `last` part) is CLOSE to the listed one: applied, as the
    title and the given name both say who it is ("Former prime minister Theresa Maye",
    "Foreign Minister Wang Yee"); a role in apposition after the name is such a title
    (`runs.role_phrase_after`), and the surname may be close to the listed one as said
    (`said_close`). Another outlet's spelling (`variant`) stays the style's.
    After an office of another world (roles.foreign_title: "Samsung chairman Lee Jae-yong")
    the suggestion is dropped (None): the title says it is someone else."""
    if hit.rule != "names.fuzzy" or hit.variant or last.initial:
        return hit
    for gaz in memo.gazetteers:
        entry = gaz.by_id.get(hit.entry_id)
        if entry is None:
            continue
        titles = titles_around(gaz, memo.text, hit.start, hit.end) if gaz.roles else ()
        if fits_title(gaz, titles, hit.entry_id) and said_close(last.key, entry):
            return replace(hit, confidence=ROLE_CONFIDENCE)
        return None if foreign_title(gaz, titles) else hit
    return hit


def said_close(key: str, entry) -> bool:
    """A surname CLOSE to the listed one as written, as its language says it
    (`native.heard_surnames`) or as its letters read (`spoken.readings`: Biden said Baiden,
    "Joe Baydn").

    >>> from .match import build_gazetteer
    >>> entry = build_gazetteer([{"id": "b", "canonical": "Joe Biden", "kind": "person"}]).by_id["b"]
    >>> said_close("baydn", entry), said_close("bidwell", entry)
    (True, False)
    """
    last = entry.parts[-1]
    said = {*heard_surnames(last.key, last.text, entry.canonical), *readings(last.key)}
    return min(closeness(key, s) for s in said) <= CLOSE


def is_initialled_surname(seg: tuple) -> bool:
    """A surname alone, or after initials only ("Jayasankar", "S. Jayasankar").

    >>> is_initialled_surname(parse_parts("S. Jayasankar")), is_initialled_surname(parse_parts("Subrahmanyam Jayasankar"))
    (True, False)
    """
    return not seg[-1].initial and all(p.initial for p in seg[:-1])


def match_after_role(memo: WindowMemo, seg: tuple, ctx: WindowContext, suggested=None):
    """A surname after a title, alone or after initials that agree with the person's
    given names, heard further off than the other tiers allow or only suggested by them,
    where the title says whose it is (roles.py): None when the title does not speak, or
    fits the person already suggested."""
    word = seg[-1]
    start = seg[0].start
    for gaz in memo.gazetteers:
        titles = titles_before(memo.text, apposed_title_end(memo.text, start, word.end) or start,
                               gaz.roles) if gaz.roles else ()
        hit = match_by_role(word, gaz, titles, ctx) if titles else None
        entry = gaz.by_id[hit.entry_id] if hit is not None else None
        if entry is not None and len(seg) > 1 and given_agree(seg[:-1], entry.parts[:-1],
                                                               whole=entry.canonical) != "weak":
            return None  # "R. Jayasankar" is no S. Jaishankar
        if hit is not None and (suggested is None or hit.confidence >= MIN_APPLY
                                or not fits_title(gaz, titles, suggested.entry_id)):
            return hit
    return None
