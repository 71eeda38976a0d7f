"""The by-ear tiers of the name matcher: a window no exact tier matched, spelled as
heard ("Keir Stammer", "German chancellor Friedrich Mertz", "President Erdowan").

`match_window` tries the exact tiers of `match` in every gazetteer, then these:

  full       given names agree (or are heard alike before a listed surname) and the
             rest, joined, is the surname by edit distance or sound (`sound`)
  split      a lone surname heard as two words, vouched for by a title or a mention
  lone       a lone surname: a rare spelling one edit off, or after a title one heard
             as exactly one listed person

Applied or suggested by how much the sentence says who it is (`sound.fuzzy_confidence`).

>>> g = build_gazetteer([{"id": "p.modi", "canonical": "Narendra Modi", "kind": "person"}])
>>> m = match_window(parse_parts("Modhi"), [g], WindowContext(lambda w: False))
>>> (m.replacement, m.rule)
('Modi', 'names.fuzzy')
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from rapidfuzz.distance import OSA

from .match import (PARTICLES, Entry, Form, Gazetteer, Match, Part, WindowContext, has_acronym, letters_of,
                    make_match, match_exact)
from .match import build_gazetteer, parse_parts  # noqa: F401 (the doctests build their gazetteers)
from .native import given_keys, heard_surnames
from .roles import CLOSE, closeness
from .romanise import one_name, other_forms
from .scan import cached_on
from .spoken import letters_said, spoken_key, voiced_otherwise
from .sound import (SUGGEST_CONFIDENCE, consonant_skeleton, consonants_heard_alike, ends_in_another_vowel,
                    final_vowel_differs, fuzzy_confidence, heard_as,
                    is_distinctive, is_rare, is_unseen, letters_heard_alike, metaphones_meet, primary_metaphone,
                    readings, same_first_sound, same_syllables, similar_word, sounds_like, spoken_alike)


def match_window(parts: tuple, gazetteers, ctx: WindowContext, text: str | None = None,
                 fuzzy: bool = True):
    """The best match of a window in the gazetteers (request names first), or None.

    Exact tiers are tried in every gazetteer before any fuzzy one; with
    `fuzzy` False only the exact tiers run.
    """
    hit = match_exact(parts, gazetteers, text)
    if hit is not None or not fuzzy:
        return hit
    return match_by_ear(parts, gazetteers, ctx)


def match_by_ear(parts: tuple, gazetteers, ctx: WindowContext):
    """The fuzzy tiers of `match_window`, for a window no exact tier matched."""
    if not any(p.key for p in parts):
        return None
    found = _match_by_ear(parts, gazetteers, ctx)
    said = said_parts(parts) if found is None or found.confidence <= SUGGEST_CONFIDENCE else None
    heard = _match_by_ear(said, gazetteers, ctx) if said is not None else None
    # read as said, the window may be matched more surely ("Serdžo", Serdzho: the dzh of a soft g)
    return heard if heard is not None and (found is None or heard.confidence > found.confidence) else found


def said_parts(parts: tuple) -> tuple | None:
    """The window with the letters the fold loses read as their language says them
    (`spoken.letters_said`: "Mike Pänz" heard as Penz, "Olaf Šolc" as Sholc), the text and
    spans as written; None when no part has such letters.

    >>> [p.key for p in said_parts(parse_parts("Olaf Šolc"))], said_parts(parse_parts("Olaf Scholz"))
    (['olaf', 'sholc'], None)
    """
    said = [letters_said(p.text) for p in parts]
    if not any(said):
        return None
    return tuple(p if s is None or p.initial else replace(p, key=letters_of(s).lower()) for p, s in zip(parts, said))


def _match_by_ear(parts: tuple, gazetteers, ctx: WindowContext):
    for gaz in gazetteers:
        if has_acronym(parts, gaz.capital_given):
            continue
        found = match_fuzzy(parts, gaz, ctx)
        if found is not None:
            # heard by ear, yet spelled as listed ("Volodymyr Zelenskiy")
            return replace(found, variant=is_variant_spelling(parts, gaz.by_id[found.entry_id]))
    return None


def is_variant_spelling(parts: tuple, entry: Entry) -> bool:
    """Every part spelled as in the canonical or a listed variant, and some
    as in a variant: another outlet's spelling, whichever tier found it.

    >>> g = build_gazetteer([{"id": "z", "canonical": "Volodymyr Zelenskyy", "kind": "person",
    ...                       "variants": ["Zelenskiy"]}])
    >>> [is_variant_spelling(parse_parts(w), g.by_id["z"]) for w in ("Volodymyr Zelenskiy", "V. Zelenskiy")]
    [True, False]
    """
    if not entry.variant_keys:
        return False
    own = {p.key for p in entry.parts}
    keys = [p.key for p in parts]
    return all(k in own or k in entry.variant_keys for k in keys) and any(k not in own for k in keys)


def match_fuzzy(parts: tuple, gaz: Gazetteer, ctx: WindowContext):
    """A person's name spelled by ear, with initials merged or split."""
    if len(parts) > 1:
        if all(p.text in PARTICLES for p in parts[:-1]):
            return match_after_particles(parts, gaz, ctx)
        return (match_full_forms(parts, gaz, ctx.is_word, ctx.after_title) or match_split_surname(parts, gaz, ctx)
                or match_past_initials(parts, gaz, ctx))
    word = parts[0]
    if word.initial or ctx.prev_is_name or ctx.is_word(word.key) or word.key in ctx.others:
        return None
    near = [(OSA.distance(word.key, surname), surname, form)
            for surname, form in gaz.alone.get(word.key[:1], ())
            if similar_word(word.key, surname, confirmed=False)]
    if not near:
        return match_lone_by_ear(word, gaz, ctx)
    _, surname, form = min(near, key=lambda t: (t[0], t[1]))
    if surname in ctx.others:
        return None  # the text has another person of that surname: a lone one is ambiguous
    # A rare spelling is a slip of the ear; a common one ("Viera") is another
    # name unless a title or the person's mention elsewhere says otherwise.
    backed = ctx.after_title or ctx.mentioned_elsewhere(form.entry.id, word.start)
    if not backed and not is_rare(word.key):
        return None
    doubtful = ctx.lone_is_doubtful(surname) or ends_in_another_vowel(word.key, surname)  # "Pompei" may be the town
    confidence = 0.85 if backed else SUGGEST_CONFIDENCE if doubtful else 0.75
    return make_match(parts, form.entry.surname, "names.fuzzy", confidence, form)


def match_after_particles(parts: tuple, gaz: Gazetteer, ctx: WindowContext):
    """A lone surname by ear after the particles the listed name writes before it
    ("Commission president von der Lajen"): the surname matched alone, the particles kept.

    >>> g = build_gazetteer([{"id": "u", "canonical": "Ursula von der Leyen", "kind": "person"}])
    >>> titled = WindowContext(lambda w: False, after_title=True)
    >>> m = match_after_particles(parse_parts("von der Lajen"), g, titled)
    >>> (m.replacement, m.start)
    ('Leyen', 8)
    >>> match_after_particles(parse_parts("van der Lajen"), g, titled) is None
    True
    """
    hit = match_fuzzy(parts[-1:], gaz, ctx)
    if hit is None:
        return None
    listed = [p.key for p in gaz.by_id[hit.entry_id].parts[:-1]][-(len(parts) - 1):]
    return hit if listed == [p.key for p in parts[:-1]] else None


def match_past_initials(parts: tuple, gaz: Gazetteer, ctx: WindowContext):
    """A full name with a middle initial the list does not write ("Donald J. Chrump"): the
    given names and surname matched without it, the initial kept as written.

    >>> g = build_gazetteer([{"id": "t", "canonical": "Donald Trump", "kind": "person"}])
    >>> match_past_initials(parse_parts("Donald J. Trumpp"), g, WindowContext(lambda w: False)).replacement
    'Donald J. Trump'
    """
    if parts[0].initial or not any(p.initial for p in parts[1:-1]):
        return None
    middle = {i for i, p in enumerate(parts) if p.initial and 0 < i < len(parts) - 1}
    names = tuple(p for i, p in enumerate(parts) if i not in middle)
    hit = match_full_forms(names, gaz, ctx.is_word, ctx.after_title)
    entry = gaz.by_id[hit.entry_id] if hit is not None else None
    if entry is None or len(entry.parts) != len(names) or any(p.initial for p in entry.parts):
        return None
    listed = iter(entry.parts)  # the listed parts, in the places of the window's names
    said = [p.text + "." * (p.end - p.start > len(p.text)) if i in middle else next(listed).text
            for i, p in enumerate(parts)]
    return replace(hit, start=parts[0].start, end=parts[-1].end, replacement=" ".join(said))


def match_full_forms(parts: tuple, gaz: Gazetteer, is_word, after_title: bool):
    """`match_full` against every person of the window's first letter, or of its surname,
    answered once per window spelling: it reads only the parts' keys and initials, the
    flag, and whether each tail is a word (asked here for every tail, as the key), and
    its match spans the whole window. The same windows ("Prime Minister", "White
    House") recur from page to page; each cost ~5 match_full calls.

    >>> g = build_gazetteer([{"id": "s", "canonical": "Keir Starmer", "kind": "person"}])
    >>> m = match_full_forms(parse_parts("Keir Stammer"), g, lambda w: False, False)
    >>> again = match_full_forms(parse_parts("Keir Stammer", 7), g, lambda w: False, False)
    >>> (m.replacement, m.start, m.end), (again.replacement, again.start, again.end)
    (('Keir Starmer', 0, 12), ('Keir Starmer', 7, 19))
    """
    keys = tuple((p.key, p.initial) for p in parts)
    words = tuple(is_word("".join(p.key for p in parts[-k:])) for k in range(1, len(parts)))
    memo, key = cached_on(gaz, "full_forms", dict), (keys, after_title, words)
    hit = memo.get(key, _MISSING)
    if hit is _MISSING:
        found = _match_full_forms(parts, gaz, is_word, after_title)
        hit = None if found is None else (found.replacement, found.rule, found.confidence, found.entry_id,
                                          found.variant)
        if len(memo) >= FULL_FORMS_MEMO:
            memo.clear()
        memo[key] = hit
    return None if hit is None else Match(parts[0].start, parts[-1].end, *hit)


FULL_FORMS_MEMO = 65536  # window spellings kept per gazetteer
_MISSING = object()


def _match_full_forms(parts: tuple, gaz: Gazetteer, is_word, after_title: bool):
    # the surname as listed after a given name heard with another first letter ("Shi Jinping")
    heard_given = [f for f in gaz.full_by_surname.get(parts[-1].key, ()) if f.key[:1] != parts[0].key[:1]]
    # after a title, a given name and surname both heard ("President Wolodymyr Selenskyj")
    heard_both = [f for letter in letters_heard_alike(parts[0].key[:1]) for f in gaz.full.get(letter, ())
                  if f not in heard_given] if after_title else []
    # a first part read in another romanisation, with another first letter ("Hsi" as Xi)
    first = parts[0].key[:1]
    read_as = sorted({r[:1] for r in readings(parts[0].key)[1:]} - {first} - set(letters_heard_alike(first))) \
        if not parts[0].initial else []
    read_first = [f for letter in read_as for f in gaz.full.get(letter, ()) if f not in heard_given]
    suggestion = None
    for form in (*gaz.full.get(first, ()), *heard_given, *heard_both, *read_first):
        found = match_full(parts, form, is_word, after_title)
        if found is not None and found.confidence > SUGGEST_CONFIDENCE:
            return found  # a form that applies wins over one only suggested ("Kim Jong-un")
        suggestion = suggestion or found
    return suggestion


def match_lone_by_ear(word: Part, gaz: Gazetteer, ctx: WindowContext):
    """A lone surname right after a title or role, heard rather than read ("President
    Erdowan", "Chancellor Sholts"), in a spelling nobody writes: applied when
    `heard_as` agrees, suggested when only `sounds_like` does; one listed person only.

    >>> g = build_gazetteer([{"id": "e", "canonical": "Recep Tayyip Erdoğan", "kind": "person"}])
    >>> titled = WindowContext(lambda w: False, after_title=True)
    >>> match_lone_by_ear(parse_parts("Erdowan")[0], g, titled).replacement
    'Erdoğan'
    >>> match_lone_by_ear(parse_parts("Erdowan")[0], g, WindowContext(lambda w: False)) is None
    True
    >>> match_lone_by_ear(parse_parts("Erduan")[0], g, titled).replacement  # the ğ is silent
    'Erdoğan'
    """
    if not ctx.after_title or not is_rare(word.key):
        return None
    found = {}
    for surname, form in (pair for items in gaz.alone.values() for pair in items):
        if surname in ctx.others:
            continue  # the text names another person of that surname
        heard = heard_surnames(surname, form.parts[-1].text, form.entry.canonical)
        if word.key in heard[1:] or any(heard_as(word.key, said) for said in heard):
            found.setdefault(form.entry.id, (0.85, form))
        elif any(sounds_like(word.key, said) or voiced_otherwise(word.key, said) for said in heard):
            # heard alike, or but for the voicing of its first stop ("President Drumpp")
            found.setdefault(form.entry.id, (SUGGEST_CONFIDENCE, form))
    if len(found) != 1:
        return None
    confidence, form = next(iter(found.values()))
    return make_match((word,), form.entry.surname, "names.fuzzy", confidence, form)


def match_split_surname(parts: tuple, gaz: Gazetteer, ctx: WindowContext):
    """A lone surname heard as two words ("Minister Jai Shankar"), only where a
    title or the person's mention elsewhere vouches for it: "Jai Shankar" alone
    is a common name of other people.

    >>> g = build_gazetteer([{"id": "p", "canonical": "S. Jaishankar", "kind": "person"}])
    >>> match_split_surname(parse_parts("Jai Shankar"), g, WindowContext(lambda w: False)) is None
    True
    >>> match_split_surname(parse_parts("Jai Shankar"), g, WindowContext(lambda w: False, after_title=True)).replacement
    'Jaishankar'
    """
    key = "".join(p.key for p in parts)
    entry_id = gaz.surnames.get(key)
    if entry_id is None or any(p.initial for p in parts) or ctx.prev_is_name:
        return None
    if not (ctx.after_title or ctx.mentioned_elsewhere(entry_id, parts[0].start)):
        return None
    entry = gaz.by_id[entry_id]
    return Match(parts[0].start, parts[-1].end, entry.surname, "names.split", 0.85, entry_id)


# "Son of" in Arabic names, written ibn or bin (and ben in the Maghreb)
SON_OF = frozenset({"ibn", "bin", "ben"})


def given_agree(ours: tuple, theirs: tuple, hear: bool = False, whole: str = "") -> str | None:
    """'strong' when a full given name agrees, 'weak' for initials only, None if not;
    with `hear`, 'heard' when a given name only sounds alike ("Lee" for Li, "Shi" for Xi).
    A listed given name is also read as the language of the `whole` listed name says it
    (`native.given_keys`: "Rejep" for the Turkish Recep, "Radoswaw" for the Polish Radosław).

    >>> given_agree(parse_parts("S"), parse_parts("S.")), given_agree(parse_parts("Ravi"), parse_parts("S."))
    ('weak', None)
    >>> given_agree(parse_parts("Shi"), parse_parts("Xi"), hear=True), given_agree(parse_parts("Eva"), parse_parts("Mélanie"), hear=True)
    ('heard', None)
    >>> given_agree(parse_parts("Dmitrij"), parse_parts("Dmitry"))
    'strong'
    >>> given_agree(parse_parts("Rejep"), parse_parts("Recep"), whole="Recep Tayyip Erdoğan")
    'strong'
    >>> given_agree(parse_parts("Rejep"), parse_parts("Recep"), whole="Recep Smith")
    """
    if len(ours) != len(theirs):
        return None
    strength = "weak"
    for a, b in zip(ours, theirs):
        if a.initial:
            if a.key != b.key[:1]:
                return None
        elif b.initial:
            return None
        elif a.key in SON_OF and b.key in SON_OF:
            continue  # Arabic ibn and bin, "son of", are one word ("Mohammed ibn Salman")
        elif (any(similar_word(said, listed, confirmed=False) for said in readings(a.key)
                  for listed in (b.key, *given_keys(b.text, whole))) or one_name(a.key, b.key)):
            # a given name written alike, read as in its language ("Dmitrij" as Dmitri), or
            # another language's form of it ("Yitzhak" for Isaac)
            strength = "strong" if strength != "heard" else strength
        elif hear and sounds_like(a.key, b.key):
            strength = "heard"
        else:
            return None
    return strength


# A part an ear may write close to the listed one (`closeness`, at most CLOSE) must have this
# many letters: in "Yu" and "Yi" every code and edit count is one sound off.
CLOSE_MIN_LETTERS = 3


def close_part(said: str, listed: str) -> bool:
    """Part `said` of a window is close by sound or letters to the listed part (`roles.closeness`
    at most CLOSE: two edits in six letters, a Double Metaphone code met counting one edit
    less, only the vowels' edits where the consonants are said alike), in a part long enough.

    >>> close_part("maikel", "mike"), close_part("chigerou", "shigeru"), close_part("chaemyung", "jaemyung")
    (True, True, True)
    >>> close_part("michael", "mike"), close_part("mark", "mike"), close_part("yu", "yi")
    (False, False, False)
    """
    return (min(len(said), len(listed)) >= CLOSE_MIN_LETTERS
            and closeness(said, listed) <= CLOSE)


def heard_close(said: str, listed: str) -> bool:
    """A given name an ear may write for the listed one: `close_part`, beginning with its sound
    (`same_first_sound`, or a first consonant Double Metaphone hears as one: French ch and
    English sh, "Chigerou" for Shigeru), and at most one consonant heard otherwise
    (`consonant_skeleton` of the `spoken_key`: "Maikel" adds an l to Mike, "Redzhep" says
    Rejep's j; "Irrfan" is not Imran, nor "Wladyslaw" Radoslaw).

    >>> heard_close("chigerou", "shigeru"), heard_close("maikel", "mike"), heard_close("redzhep", "rejep")
    (True, True, True)
    >>> heard_close("wladyslaw", "radoslaw"), heard_close("irrfan", "imran")
    (False, False)
    """
    if not close_part(said, listed):
        return False
    if not (same_first_sound(said, listed) or primary_metaphone(said)[:1] == primary_metaphone(listed)[:1] != ""):
        return False
    heard, known = consonant_skeleton(spoken_key(said)), consonant_skeleton(spoken_key(listed))
    return OSA.distance(heard, known, score_cutoff=2) <= 1


def given_close(ours: tuple, theirs: tuple, whole: str = "") -> bool:
    """Given names that `given_agree` does not accept, each written as listed or `close_part`
    to it as an ear hears it (`heard_close`), read as in its language
    (`native.given_keys`); no initials. The fallback for a name whose surname is written as
    listed: "Maikel Pence", "Chigerou Ishiba", "Redjep Tayyip Erdoğan"; "Władysław Sikorski"
    is another Sikorski.

    >>> given_close(parse_parts("Maikel"), parse_parts("Mike")), given_close(parse_parts("Karen"), parse_parts("Mike"))
    (True, False)
    >>> given_close(parse_parts("Faycal bin"), parse_parts("Faisal bin")), given_close(parse_parts("M."), parse_parts("Mike"))
    (True, False)
    >>> given_close(parse_parts("Wladyslaw"), parse_parts("Radoslaw"))
    False
    >>> given_close(parse_parts("Itzhak"), parse_parts("Isaac")), given_close(parse_parts("Isidor"), parse_parts("Isaac"))
    (True, False)
    """
    if len(ours) != len(theirs) or any(p.initial for p in ours + theirs):
        return False
    # a listed given name in the language's other forms too ("Itzhak" close to Yitzhak, Isaac)
    return all(a.key == b.key or a.key in SON_OF and b.key in SON_OF
               or any(heard_close(said, listed) for said in readings(a.key)
                      for listed in (b.key, *given_keys(b.text, whole), *other_forms(b.key)))
               for a, b in zip(ours, theirs))


@dataclass(frozen=True)
class Heard:
    """What a window says about one listed form: the window's surname as written
    (`tail`, its last parts joined), the listed `surname`, how the given names agree
    (`given_agree`, or "close": `given_close`), whether a title or role comes before,
    and whether a given name few people share (`distinctive`) vouches for the person.
    Costly sound tests are computed once, when a tier first asks."""

    tail: str
    surname: str
    said: tuple  # the surname's keys as listed and as its language says it (`heard_surnames`)
    given: str
    after_title: bool
    distinctive: bool
    tail_is_word: bool
    tail_has_initial: bool
    given_rare: bool = False  # the given names not spelled as listed are spellings nobody writes

    @cached_property
    def rare(self) -> bool:
        return is_rare(self.tail)

    @cached_property
    def unseen(self) -> bool:
        return not self.tail_is_word and is_unseen(self.tail)

    @cached_property
    def same_sound(self) -> bool:
        return any(same_syllables(self.tail, said) and metaphones_meet(self.tail, said)
                   and not final_vowel_differs(self.tail, said) for said in self.said)

    @cached_property
    def written_alike(self) -> bool:
        return similar_word(self.tail, self.surname, confirmed=self.given == "strong", distinctive=self.distinctive)

    @cached_property
    def sounds(self) -> bool:
        return any(sounds_like(self.tail, said) for said in self.said)

    @cached_property
    def spoken(self) -> bool:
        return self.tail in self.said[1:] or any(spoken_alike(self.tail, said) for said in self.said)

    @cached_property
    def heard(self) -> bool:
        return self.tail in self.said[1:] or any(heard_as(self.tail, said) for said in self.said)

    @cached_property
    def voiced(self) -> bool:
        return any(voiced_otherwise(self.tail, said) for said in self.said)

    @cached_property
    def close(self) -> bool:
        # the listed surname as written, or as its letters may be read (`readings`: Pinyin's q
        # as ch, "Kö-tschiang" for Keqiang) beginning with the same letter ("Kerchiang" is
        # not Qiang read Chiang)
        return not self.tail_is_word and not self.tail_has_initial and any(
            close_part(self.tail, said) or any(close_part(self.tail, heard) and self.tail[:1] == heard[:1]
                                               for heard in readings(said)[1:])
            for said in self.said)


@dataclass(frozen=True)
class Tier:
    """One row of the by-ear policy: when it `holds`, the window is the person with
    `confidence` (None: it is no match, and no later row is tried); `reason` says why.
    With `initials_rule`, initials merged into the surname ("S.J. Shankar") are
    recorded as `names.initials` rather than `names.fuzzy`."""

    reason: str
    holds: Callable[[Heard], bool]
    confidence: Callable[[Heard], float] | None
    initials_rule: bool = False


def _written_or_heard_after_title(h: Heard) -> bool:
    return h.written_alike or h.after_title and (
        h.given == "strong" and h.heard or h.rare and h.spoken)


# Tried in order; the first row that holds decides. Each row was measured on the
# names-by-ear lists (bench/names_by_ear.py) and the others they hold.
FULL_NAME_TIERS = (
    Tier("the surname as listed after given names only close to the listed ones by sound or "
         "letters (`given_close`: \"Maikel Pence\", \"Chigerou Ishiba\"): the editor decides "
         "(a title that fits the person applies it: titled.vouch_by_title)",
         lambda h: h.given == "close",
         lambda h: SUGGEST_CONFIDENCE),
    Tier("a given name heard alike before the listed surname as written (\"Lee Keqiang\"), "
         "or after a title before one spoken alike: applied after a title, or when the given "
         "name is a spelling nobody writes before a surname few people share (\"Antonee Blinken\"; "
         "\"Camala Harris\" may be another Harris), else the editor decides",
         lambda h: h.given == "heard",
         lambda h: 0.85 if h.after_title or h.given_rare and h.tail in h.said and is_distinctive(h.surname)
         else SUGGEST_CONFIDENCE),
    Tier("initials alone do not vouch for a word (\"A. Bang\" is no Ajay Banga)",
         lambda h: h.given == "weak" and h.tail != h.surname and h.tail_is_word,
         None),
    Tier("the full given name and a surname heard as the listed one (`heard_as`) in a spelling "
         "no text writes, with its syllables and Double Metaphone consonants (\"Angela Merckle\", "
         "\"Recep Tayyip Erdooan\"): a slip of the ear, where a rare surname people write is "
         "another person's (\"Pedro Sanchis\", \"Kaja Kallan\" with other consonants)",
         lambda h: h.given == "strong" and h.unseen and h.heard and h.same_sound,
         lambda h: 0.85),
    Tier("the surname written alike, or after a title heard as the listed one",
         _written_or_heard_after_title,
         lambda h: fuzzy_confidence(h.tail, h.surname, h.distinctive, h.after_title),
         initials_rule=True),
    Tier("heard alike but spelled further off (\"Justin Trudo\") after a title or role "
         "and given names that agree: shown to the editor, never applied",
         lambda h: h.after_title and h.sounds,
         lambda h: SUGGEST_CONFIDENCE),
    Tier("no title, the full given name, a surname spoken alike (\"Vladimir Pootin\"): a "
         "spelling nobody writes is a slip of the ear; a real surname is another person's",
         lambda h: h.given == "strong" and h.spoken,
         lambda h: 0.85 if h.rare and not h.tail_is_word else SUGGEST_CONFIDENCE),
    Tier("after a title or role, the full given name as listed and a surname only close to the "
         "listed one by sound or letters (`close_part`: \"President Lee Chae-myung\", in another "
         "romanisation): the editor decides (a title that fits the person applies it)",
         lambda h: h.given == "strong" and h.after_title and h.close,
         lambda h: SUGGEST_CONFIDENCE),
    Tier("the full given name as listed and the surname but for the voicing of its first stop "
         "(`voiced_otherwise`: \"Mike Bence\"): the editor decides",
         lambda h: h.given == "strong" and h.voiced,
         lambda h: SUGGEST_CONFIDENCE),
    Tier("only Double Metaphone hears them alike, no title, but a given name few people "
         "share or a spelling nobody writes (\"Shinzo Abbey\"): the editor decides",
         lambda h: (h.given == "strong" and (h.distinctive or h.rare) and same_syllables(h.tail, h.surname)
                    and (h.sounds or consonants_heard_alike(h.tail, h.surname))),
         lambda h: SUGGEST_CONFIDENCE),
)


def match_full(parts: tuple, form: Form, is_word, after_title: bool = False):
    """Given names agree and the remaining parts, joined, are the surname, as the
    first row of `FULL_NAME_TIERS` that holds decides.

    "S.J. Shankar": given [S] = [S.], and "J"+"Shankar" sounds like "Jaishankar".
    After a title or role ("German chancellor Friedrich Mertz"), a full given name
    that agrees makes the surname heard by ear enough (`heard_as`).

    >>> g = build_gazetteer([{"id": "p", "canonical": "Vladimir Putin", "kind": "person"}])
    >>> form = g.full["v"][0]
    >>> match_full(parse_parts("Vladimir Pootin"), form, lambda w: False).confidence
    0.85
    >>> match_full(parse_parts("Vladimir Potter"), form, lambda w: w == "potter") is None
    True
    """
    surname = form.parts[-1].key
    # given_agree needs as many given parts as the form has, so only one split
    # of the window (k parts for the surname) can agree: try just that one
    k = len(parts) - len(form.parts) + 1
    if not 1 <= k < len(parts):
        return None
    tail = "".join(p.key for p in parts[-k:])
    # a given name heard alike may be the person before the listed surname as written
    # (suggested; applied after a title: "vice president Camala Harris"), and after a
    # title before a surname spoken alike too ("Wolodymyr Selenskyj")
    said = heard_surnames(surname, form.parts[-1].text, form.entry.canonical)
    hear = tail in said or after_title and any(spoken_alike(tail, s) for s in said)
    given = given_agree(parts[:-k], form.parts[:-1], hear=hear, whole=form.entry.canonical)
    if given is None and tail in said and given_close(parts[:-k], form.parts[:-1], form.entry.canonical):
        given = "close"  # the surname as listed, given names close to the listed ones
    if given is None:
        return None
    distinctive = any(not p.initial and is_distinctive(p.key) for p in parts[:-k])
    unlisted = [p.key for p, b in zip(parts[:-k], form.parts[:-1]) if not p.initial and p.key != b.key]
    heard = Heard(tail, surname, said, given, after_title,
                  distinctive=distinctive, tail_is_word=is_word(tail),
                  tail_has_initial=any(p.initial for p in parts[-k:]),
                  given_rare=bool(unlisted) and all(is_rare(key) for key in unlisted))
    for tier in FULL_NAME_TIERS:
        if not tier.holds(heard):
            continue
        if tier.confidence is None:
            return None
        rule = "names.initials" if tier.initials_rule and heard.tail_has_initial else "names.fuzzy"
        return make_match(parts, form.entry.canonical, rule, tier.confidence(heard), form)
    return None
