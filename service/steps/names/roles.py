"""Titles and roles as evidence of who a lone surname heard by ear is ("Prime Minister
Ishiwa", "President Rahmaposa"): which listed people a title fits, from the Wikipedia list
each person's `source` names, and the looser closeness a fitting title allows.

The table is data (rules/names.yaml, entries with a `role`): the title words of an
office and the words of the `source` lists whose people hold it. A title fits a person
when one of the role entries that name the title also names a phrase of the person's
`source`.

>>> roles = [{"id": "r", "role": {"titles": ["prime minister"], "sources": ["heads of state"]}}]
>>> people = [{"id": "p", "canonical": "Shigeru Ishiba", "kind": "person",
...            "source": "Wikipedia: List of current heads of state and government"}]
>>> fitting = build_roles(roles, people)
>>> fitting["prime minister"]
frozenset({'p'})
>>> titles_before("Former Japanese prime minister Ishiwa", 31, fitting)
('prime minister',)
"""
from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from .match import Gazetteer, Match, Part, WindowContext, make_match
from .runs import apposed_title_end, role_phrase_after
from .sound import SUGGEST_CONFIDENCE, double_metaphone, is_rare, metaphones_meet, same_first_sound
from .spoken import readings, spoken_key

# Characters before a surname that its title may take up ("secretary of state for
# foreign affairs" is longer than any title of the table): within the run's reach
TITLE_REACH = 40
# Normalised OSA distance (edits over the longer spelling) under which a surname after
# a title that fits one listed person only is that person: two edits in six letters
CLOSE = 0.34
# ... and under which it is only offered to the editor
NEAR = 0.5
ROLE_CONFIDENCE = 0.8


def build_roles(role_entries, people) -> dict:
    """Title (lower case, single spaces) -> ids of the people whose `source` one of the
    role entries naming the title lists.

    >>> build_roles([{"id": "r", "role": {"titles": ["King"], "sources": ["monarchs"]}}],
    ...             [{"id": "a", "source": "List of monarchs"}, {"id": "b", "source": "x"}])
    {'king': frozenset({'a'})}
    """
    fitting: dict = {}
    for entry in role_entries:
        role = entry["role"]
        sources = [s.lower() for s in role["sources"]]
        ids = {p["id"] for p in people if any(s in p.get("source", "").lower() for s in sources)}
        for title in role["titles"]:
            key = " ".join(title.lower().split())
            fitting[key] = frozenset(fitting.get(key, frozenset()) | ids)
    return fitting


def titles_before(text: str, start: int, fitting: dict) -> tuple:
    """The titles of the table that end right before `start` (one to four words), in
    any case: "Prime Minister", "foreign minister", "Secretary of State".

    >>> titles_before("Foreign Secretary Lamey", 18, {"foreign secretary": frozenset(), "secretary": frozenset()})
    ('foreign secretary', 'secretary')
    >>> titles_before("the president's son Lamey", 20, {"president": frozenset()})
    ()
    """
    words = text[max(0, start - TITLE_REACH):start].lower().split()
    found = []
    for n in (4, 3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            if phrase in fitting:
                found.append(phrase)
    return tuple(found)


def fits_title(gaz: Gazetteer, titles: tuple, entry_id: str) -> bool:
    """Does one of `titles` fit the listed person `entry_id`?

    >>> from .match import build_gazetteer
    >>> g = build_gazetteer([])
    >>> g.roles.update({"king": frozenset({"a"})})
    >>> fits_title(g, ("king",), "a"), fits_title(g, ("king",), "b")
    (True, False)
    """
    return any(entry_id in gaz.roles.get(t, ()) for t in titles)


def foreign_title(gaz: Gazetteer, titles: tuple) -> bool:
    """Is one of `titles` an office of another world than the listed people's, a role
    entry that fits nobody ("club chairman", "coach")? "Club president" is one even
    though "president" alone fits heads of state.

    >>> from .match import build_gazetteer
    >>> g = build_gazetteer([])
    >>> g.roles.update({"president": frozenset({"a"}), "club president": frozenset()})
    >>> foreign_title(g, ("club president", "president")), foreign_title(g, ("president",))
    (True, False)
    """
    return any(not gaz.roles.get(t, True) for t in titles)


def title_vouches(gaz: Gazetteer, text: str, start: int, end: int, entry_id: str) -> bool:
    """Does the title before a lone surname at start:end (or set in apposition around
    it) vouch for the listed person `entry_id`? A title of the role table only for a
    person it fits, an office of another world (`foreign_title`) for nobody, and a word
    the table does not know ("Mr", "Senator") for anyone, as every title did before.

    >>> from .match import build_gazetteer
    >>> g = build_gazetteer([])
    >>> g.roles.update({"prime minister": frozenset({"a"}), "chairman": frozenset()})
    >>> def vouches(text, entry_id="a"):
    ...     start = text.index("Albanizy")
    ...     return title_vouches(g, text, start, start + 8, entry_id)
    >>> vouches("Prime Minister Albanizy"), vouches("Club chairman Albanizy"), vouches("Mr Albanizy", "b")
    (True, False, True)
    >>> vouches("Prime Minister Albanizy", "b"), vouches("Albanizy, the club chairman, said")
    (False, False)
    """
    if not gaz.roles:
        return True
    titles = titles_around(gaz, text, start, end)
    if not titles:
        return True
    return not foreign_title(gaz, titles) and fits_title(gaz, titles, entry_id)


def titles_around(gaz: Gazetteer, text: str, start: int, end: int) -> tuple:
    """The titles of the role table before the run at [start, end) (or before the title it
    is set in apposition to), else those of a role in apposition after it ("Mauro Vejra,
    Brazil's foreign minister,").

    >>> from .match import build_gazetteer
    >>> g = build_gazetteer([])
    >>> g.roles.update({"prime minister": frozenset({"a"}), "foreign minister": frozenset({"b"})})
    >>> titles_around(g, "Prime Minister Albanizy", 15, 23), titles_around(g, "Vejra, Brazil's foreign minister, said", 0, 5)
    (('prime minister',), ('foreign minister',))
    """
    titles = titles_before(text, apposed_title_end(text, start, end) or start, gaz.roles)
    if not titles:
        role = role_phrase_after(text, end)
        titles = titles_before(role, len(role), gaz.roles) if role else ()
    return titles


def closeness(cand: str, surname: str) -> float:
    """Edits over the longer spelling; a spelling Double Metaphone hears as the surname
    counts as one edit closer. Said with the same consonants (`spoken_key`), only the
    vowels' edits count: "Shoelts" is Scholz with one vowel more, four edits written, and
    "Mertsch" is no Merkel.

    >>> round(closeness("baroh", "barrot"), 2), round(closeness("ichiba", "ishiba"), 2)
    (0.33, 0.0)
    >>> round(closeness("shoelts", "scholz"), 2), round(closeness("mertsch", "merkel"), 2)
    (0.17, 0.57)
    """
    edits = OSA.distance(cand, surname) - (1 if metaphones_meet(cand, surname) else 0)
    written = max(edits, 0) / max(len(cand), len(surname))
    said, listed = spoken_key(cand), spoken_key(surname)
    if _VOWEL.sub("", said) != _VOWEL.sub("", listed):
        return written
    return min(written, OSA.distance(said, listed) / max(len(said), len(listed)))


_VOWEL = re.compile("[aeiouy]")


def match_by_role(word: Part, gaz: Gazetteer, titles: tuple, ctx: WindowContext) -> Match | None:
    """A lone, rare surname after a title that fits listed people: applied when exactly
    one person the title fits is CLOSE (and begins with its sound) and no other listed
    person of another surname is; suggested when the closest fitting one is only NEAR, or several are close.

    >>> from .match import build_gazetteer, parse_parts
    >>> g = build_gazetteer([{"id": "m", "canonical": "Friedrich Merz", "kind": "person"}])
    >>> ctx = WindowContext(lambda w: False)
    >>> match_by_role(parse_parts("Mehrz")[0], g, ("chancellor",), ctx) is None  # no role table
    True
    >>> g.roles.update({"chancellor": frozenset({"m"})})
    >>> match_by_role(parse_parts("Mehrz")[0], g, ("chancellor",), ctx).replacement
    'Merz'
    >>> match_by_role(parse_parts("Markus")[0], g, ("chancellor",), ctx) is None
    True
    """
    roles = gaz.roles
    if not roles or not titles or word.initial or ctx.is_word(word.key) or not is_rare(word.key):
        return None
    if foreign_title(gaz, titles):
        return None  # "club president": the office is not a listed person's
    fit = frozenset().union(*(roles.get(t, frozenset()) for t in titles))
    scored = {}  # entry id -> (closeness, form)
    for surname, form in (pair for items in gaz.alone.values() for pair in items):
        if surname in ctx.others or not same_first_sound(word.key, surname):
            continue
        score = closeness(word.key, surname)
        if score <= NEAR and score < scored.get(form.entry.id, (1.0, None))[0]:
            scored[form.entry.id] = (score, form)
    fitting = sorted((s, i) for i, (s, _) in scored.items() if i in fit)
    if not fitting:
        return None
    best, entry_id = fitting[0]
    form = scored[entry_id][1]
    # namesakes ("Penny Wong", "Lawrence Wong") are one correction of a lone surname
    close = {scored[i][1].parts[-1].key for i, (s, _) in scored.items() if s <= CLOSE}
    sure = best <= CLOSE and close == {form.parts[-1].key} and begin_alike(word.key, form.parts[-1].key)
    if not sure and sum(1 for s, _ in fitting if s == best) > 1:
        return None  # two fitting people equally near: nothing to offer
    return make_match((word,), form.entry.surname, "names.role", ROLE_CONFIDENCE if sure else SUGGEST_CONFIDENCE,
                      form)


def begin_alike(said: str, listed: str) -> bool:
    """Double Metaphone hears the same first consonant, or the word read as its language
    reads it (`spoken.readings`) begins as the listed name is said (`spoken_key`, two letters):
    German ch is the kh of Khamenei ("Chamenej", read Hamenej), which Double Metaphone
    hears as k.

    >>> begin_alike("chamenej", "khamenei"), begin_alike("mehrz", "merz"), begin_alike("sholts", "scholz")
    (True, True, True)
    >>> begin_alike("chamenej", "kamenev"), begin_alike("ishiwa", "kishida")
    (False, False)
    """
    if double_metaphone(said)[0][:1] == double_metaphone(listed)[0][:1]:
        return True
    first = spoken_key(listed)[:2]
    return any(spoken_key(r)[:2] == first for r in readings(said)[1:])
