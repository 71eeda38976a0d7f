"""The by-ear safety net: a capitalised segment no tier read otherwise than as written, where
the text says a listed person stands, loosely close to that person's name, is offered to the
editor (a suggestion, never a change).

Where a listed person stands (the evidence):

  title      a title or role that fits the person, before the segment, set in apposition
             to it or after it ("Chief Adviser Younes", "Kim Chen Yn, the North Korean
             leader,"); a title the role table does not know ("Lord", "Mr") fits anyone;
             an office of another world ("club chairman") no listed person
  surname    the segment ends in the person's surname as listed ("Fransua Bayrou"); a
             given name as listed says less ("Mike Pearce" is someone else): only with a
             title that fits

Loosely close (`loose_part`): each part other than as listed, as written or as its
language reads it (`spoken.readings`, `spoken.letters_said`), within roles.NEAR of the
listed part (the correcting tiers ask roles.CLOSE or a sound test), beginning with its
sound; a lone surname within LONE_NEAR; a common English word is never a name heard
loosely. One person only: two people equally near offer nothing.

>>> from .match import build_gazetteer, parse_parts
>>> g = build_gazetteer([{"id": "k", "canonical": "Kim Jong Un", "kind": "person"}])
>>> g.roles.update({"leader": frozenset({"k"})})
>>> offer_by_net(parse_parts("Kim Chen Yn", 11), [g], "The leader Kim Chen Yn spoke", True).replacement
'Kim Jong Un'
>>> offer_by_net(parse_parts("Kim Chen Yn"), [g], "Kim Chen Yn spoke", False) is None
True
"""
from __future__ import annotations

from ...lexicon import is_common_word
from .match import Gazetteer, Match, make_match, normalise_surface
from .roles import CLOSE, NEAR, closeness, foreign_title, titles_before
from .runs import apposed_title_end, apposition_after, role_in
from .scan import cached_on
from .sound import SUGGEST_CONFIDENCE, consonant_skeleton, same_first_sound
from .spoken import letters_said, readings, spoken_key

# A lone surname after a title says less than a full name: it must be as close as the
# correcting tiers' roles.CLOSE (a title the role table does not know, "Lord", "Mr", fits
# anyone; "Emperor Meiji" is no May)
LONE_NEAR = CLOSE
# Parts this short are only loosely close beside a part as listed ("Kim Chen Yn"), never alone
SHORT_PART = 3


def loose_part(said: str, text: str, listed: str, near: float = NEAR, consonants: bool = False) -> float | None:
    """How close (`roles.closeness`) part `said` (its key; `text` as written) is to the
    `listed` part, as written or as its letters may be read (`readings`, `letters_said`),
    beginning with its sound; None beyond `near`. With `consonants`, the part as written
    must be said with the listed part's consonants (`consonant_skeleton` of the
    `spoken_key`: "Younes" for Yunus; "Meiji", though read Meiyi, is no May).

    >>> loose_part("younes", "Younes", "yunus"), loose_part("yn", "Yn", "un"), loose_part("chen", "Chen", "jong")
    (0.17, 0.0, 0.5)
    >>> loose_part("fransua", "Fransua", "francois"), loose_part("maria", "Maria", "mike")
    (0.5, None)
    >>> loose_part("kamerun", "Kamerun", "cameron", CLOSE, True), loose_part("meiji", "Meiji", "may", CLOSE, True)
    (0.14, None)
    """
    written = [said, *filter(None, [letters_said(text)])]
    if consonants and all(_consonants(w) != _consonants(listed) for w in written):
        return None
    heard = [r for w in written for r in readings(w)]
    scores = [closeness(r, listed) for r in heard if same_first_sound(r, listed)]
    best = min(scores, default=None)
    return None if best is None or best > near else round(best, 2)


def fitting_titles(text: str, seg: tuple, after_title: bool, gaz: Gazetteer,
                   apposition: str | None = None) -> tuple[frozenset | None, bool]:
    """(ids of the people a title before, in apposition to or after the segment fits, whether
    a title stands there that the role table does not know). None for an office of another
    world ("club chairman"): the segment is someone else. Only people the gazetteer lists:

    >>> from types import SimpleNamespace as Seen
    >>> from .match import build_gazetteer
    >>> g = build_gazetteer([{"id": "a", "canonical": "Shigeru Ishiba", "kind": "person"},
    ...                      {"id": "b", "canonical": "Keir Starmer", "kind": "person"}])
    >>> g.roles.update({"prime minister": frozenset({"a", "z"}), "king": frozenset({"b"})})
    >>> fit, generic = fitting_titles("Prime Minister Ishiwa", (Seen(start=15, end=21),), True, g)
    >>> sorted(fit), generic
    (['a'], False)
    """
    start, end = seg[0].start, seg[-1].end
    titles = titles_before(text, apposed_title_end(text, start, end) or start, gaz.roles) if after_title else ()
    role = role_in(apposition_after(text, end) if apposition is None else apposition)
    if role:
        titles += titles_before(role, len(role), gaz.roles)
    if titles and foreign_title(gaz, titles):
        return None, False
    # the listed people any of the titles fits (`fits_title` for each of them, without a
    # pass over every listed id per segment)
    fit = frozenset(i for t in titles for i in gaz.roles.get(t, ()) if i in gaz.by_id)
    return fit, after_title and not titles


def offer_by_net(seg: tuple, gazetteers, text: str, after_title: bool, apposition: str | None = None) -> Match | None:
    """A suggestion for a segment no tier matched (module doc), or None. `apposition`: the
    clause in apposition after the segment (`runs.apposition_after`), when the caller has read it."""
    if not seg or any(p.initial or not p.key for p in seg):
        return None
    for gaz in gazetteers:
        fit, generic = fitting_titles(text, seg, after_title, gaz, apposition) if gaz.roles else (frozenset(), after_title)
        if fit is None:
            return None  # an office of another world: someone else
        # the surname as listed; a given name as listed says less ("Mike Pearce" is someone
        # else): only where a title fits too
        beside = {f.entry.id for f in gaz.full_by_surname.get(seg[-1].key, ())} if len(seg) > 1 else set()
        candidates = set(fit) | beside
        if generic and len(seg) == 1:
            candidates |= _people_sounding(gaz, seg[0])
        scored = []
        for entry_id in candidates:
            score = _score(seg, gaz.by_id[entry_id].parts, entry_id in beside or entry_id in fit)
            if score is not None:
                scored.append((score, entry_id))
        if not scored:
            continue
        scored.sort()
        best, entry_id = scored[0]
        if any(s == best and i != entry_id for s, i in scored[1:]):
            return None  # two people equally near: nothing to offer
        entry = gaz.by_id[entry_id]
        form = gaz.exact[normalise_surface(entry.canonical)]
        replacement = entry.surname if len(seg) == 1 and len(entry.parts) > 1 else entry.canonical
        return make_match(seg, replacement, "names.fuzzy", SUGGEST_CONFIDENCE, form)
    return None


def _consonants(word: str) -> str:
    return consonant_skeleton(spoken_key(word))


def _all_people(gaz: Gazetteer) -> frozenset:
    return cached_on(gaz, "net_people", lambda: frozenset(
        e.id for e in gaz.entries if e.kind == "person" and e.surname_alone and not any(p.initial for p in e.parts)))


def _people_by_consonants(gaz: Gazetteer) -> dict:
    """`_all_people` by the consonants of their surname (`_consonants`)."""
    def build():
        out: dict = {}
        for entry_id in _all_people(gaz):
            out.setdefault(_consonants(gaz.by_id[entry_id].parts[-1].key), set()).add(entry_id)
        return out
    return cached_on(gaz, "net_people_by_consonants", build)


def _people_sounding(gaz: Gazetteer, part) -> set:
    """The people of `_all_people` whose surname a lone `part` may be heard as: those said
    with its consonants, as written or as its letters are said (the test `loose_part`
    makes first for a lone part). The others' `_score` is None: not scored at all, which
    is most of a generic title's ~150 people.

    >>> from .match import build_gazetteer, parse_parts
    >>> g = build_gazetteer([{"id": "y", "canonical": "Muhammad Yunus", "kind": "person"},
    ...                      {"id": "s", "canonical": "Keir Starmer", "kind": "person"}])
    >>> sorted(_people_sounding(g, parse_parts("Younes")[0])), sorted(_people_sounding(g, parse_parts("Stramer")[0]))
    (['y'], ['s'])
    """
    index = _people_by_consonants(gaz)
    found: set = set()
    for written in filter(None, [part.key, letters_said(part.text)]):
        found |= index.get(_consonants(written), set())
    return found


def _score(seg: tuple, listed: tuple, full_near: bool) -> float | None:
    """The summed closeness of the segment's parts to the listed person's, part for part;
    a lone part to the surname, within LONE_NEAR and with its consonants; in a full name each part within roles.NEAR
    (`full_near`, a title that fits or the surname as listed), a short part only beside a
    part as listed. None when a part is not loosely close or the whole is as listed."""
    lone = len(seg) == 1
    if lone:
        listed = listed[-1:]
    elif not full_near:
        return None
    if len(seg) != len(listed) or any(p.initial for p in listed):
        return None
    near = LONE_NEAR if lone else NEAR
    total, exact = 0.0, sum(said.key == known.key for said, known in zip(seg, listed))
    if exact == len(seg):
        return None
    for said, known in zip(seg, listed):
        if said.key == known.key:
            continue
        if is_common_word(said.key) or len(said.key) < SHORT_PART and not exact:
            return None
        score = loose_part(said.key, said.text, known.key, near, consonants=lone)
        if score is None:
            return None
        total += score
    return total
