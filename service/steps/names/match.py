"""The name matcher behind the `names` step: gazetteer indexes and span matching.

A name in the text is a run of capitalised words and initials ("Dr. S.J.
Shankar"). The step cuts such runs into windows of up to MAX_PARTS parts and
asks `ear.match_window` whether a window is a known name written differently:

  exact      the canonical form or a `keep` form as written: nothing to do
  alias      a wrong or informal form the gazetteer lists      names.alias
  variant    another outlet's accepted spelling it lists       names.variant
             (a Match with `variant`; the step decides whether to apply it)
  spacing    same letters, other dots/spaces/hyphens           names.initials / names.split
  order      "Jaishankar S" for "S. Jaishankar"                 names.order
  fuzzy      spelled by ear: same first letter, small edit distance (rapidfuzz OSA,
             so a swapped pair of letters is one edit)
             and the same phonetic key (jellyfish)            names.fuzzy

Only people are matched fuzzily: "Austria"/"Australia" or "Iran"/"Iraq" are
different places one letter apart, so places and organisations need an exact
(or listed) form. Every fuzzy match is guarded, because a miss costs an editor
nothing and a wrong merge puts words in someone's mouth:
  - first letters agree (Ravi Shankar is not S. Jaishankar);
  - a given name present in the text must agree (Scott Morris != Scott Morrison
    is caught by the surname, Homi Mody != Narendra Modi by the given name);
  - a surname alone must not be a dictionary word or known name ("Mode",
    "Moody", "Morris", "Harries") and must not follow an unknown given name.

The by-ear tiers are in `ear` (`ear.match_window` tries these exact tiers first).

>>> g = build_gazetteer([{"id": "p.modi", "canonical": "Narendra Modi", "kind": "person"}])
>>> (match_exact(parse_parts("Narendra  Modi"), [g]).rule, match_exact(parse_parts("Modhi"), [g]))
('names.exact', None)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache


from ...errors import RulesError
from ...tokens import WORD
from .sound import SHORT_SURNAME, similar_word

MAX_PARTS = 5
# Words that open a name run but are not part of the name; kept as written.
TITLES = frozenset("""
dr mr mrs ms mx prof sir dame lord lady president premier chancellor king queen prince princess
sheikh emir pope general gen minister prime foreign secretary deputy vice chairman chair senator sen
rep governor gov ambassador justice judge mayor crown leader state external affairs defence defense
home finance shri sri smt madam ayatollah emperor marshal admiral colonel col captain capt commander
pm fm eam cm mp mla potus hon presidentelect chief secretarygeneral adviser advisor director directorgeneral
high representative
""".split())
# Lower-case particles that may sit inside a name ("Ursula von der Leyen").
PARTICLES = frozenset("da de del della der di dos du la le van von bin ibn al el ben".split())
# A particle written as heard: German and Dutch say the v of von and van as f, and an ear
# writes "fon der Leyen". Read as that particle (the key) only before another particle
# (runs.collect_runs): "fan" alone is an English word.
HEARD_PARTICLES = {"f" + p[1:]: p for p in PARTICLES if p.startswith("v")}
# The Arabic article as said before a "sun letter" (t, th, d, dh, r, z, s, sh, n), which it
# becomes: "es-Sisi" and "ash-Sharaa" are el-Sisi and al-Sharaa. Only joined by a hyphen
# to a capitalised word (runs.is_particle_name): alone, most are English words.
JOINED_ARTICLES = frozenset(v + c for v in "ae" for c in ("t", "th", "d", "dh", "r", "z", "s", "sh", "n"))
# A hyphenated suffix that makes a name a modifier ("Modi-led"): strip it.
MODIFIER_SUFFIXES = frozenset("""
led based backed era style like born type run owned made bashing aligned friendly sponsored
controlled linked allied leaning appointed approved brokered
""".split())
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE",
                       "đ": "d", "Đ": "D", "ı": "i", "’": "'"})


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold_text(text: str) -> str:
    """`fold` without its cache, for a whole document (VariantStyle): a Python
    step only for the runs of non-ASCII characters, as no ASCII character combines.

    >>> fold_text("Erdoğan’s café") == fold("Erdoğan’s café") == "Erdogan's cafe"
    True
    """
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    if text.isascii():
        return text
    return _NON_ASCII.sub(_drop_combining, text)


def _drop_combining(m: re.Match) -> str:
    return "".join(c for c in m.group() if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip diacritics, keep case: a spelling without them is the same name.

    >>> fold("François Erdoğan Støre")
    'Francois Erdogan Store'
    """
    return fold_text(text)


@lru_cache(maxsize=65536)
def letters_of(text: str) -> str:
    """The letters of a name, folded, case kept: what spacing and dots do not change.

    >>> letters_of("S.J. Jai-Shankar")
    'SJJaiShankar'
    """
    return "".join(c for c in fold(text) if c.isalpha())


@dataclass(frozen=True)
class WindowContext:
    """What the text around a window says, for the guards of a lone surname.

    is_word(lower): an ordinary English word (or a known other name);
    prev_is_name: an unknown capitalised word precedes ("Homi Mody");
    after_title: a title precedes ("President Zelenskiy");
    seen: entry id -> {start offset: key as written, None for a full name} of the text's mentions of it;
    others: surname keys the text gives another given name ("Jane Starner",
            "Anita Raghunathan"): a lone one may be that other person;
    lexicon(lower): an ordinary word, without the gazetteer's names ("saar");
    unlisted(): the text names someone the gazetteer does not know (guards).
    """

    is_word: object
    prev_is_name: bool = False
    after_title: bool = False
    seen: dict = field(default_factory=dict)
    others: frozenset = frozenset()
    lexicon: object = None
    unlisted: object = None

    def lone_is_doubtful(self, surname: str) -> bool:
        """Is a lone surname heard like `surname`, with no title and no other
        mention, as likely someone else: the listed surname is short and itself
        an ordinary word or another name ("Sarr" near "Saar", the river), or the
        text names people the gazetteer does not know ("Mody and Ferreira")?

        >>> WindowContext(lambda w: False, lexicon=lambda w: w == "saar").lone_is_doubtful("saar")
        True
        >>> WindowContext(lambda w: False, lexicon=lambda w: False, unlisted=lambda: False).lone_is_doubtful("modi")
        False
        """
        return bool((len(surname) < SHORT_SURNAME and self.lexicon is not None and self.lexicon(surname))
                    or (self.unlisted is not None and self.unlisted()))

    def mentioned_elsewhere(self, entry_id: str, start: int) -> bool:
        """The text names this entry somewhere other than at `start`, spelled otherwise
        or in full: the same spelling by ear again is no other evidence ("Sarr ... Sarr"
        in a football thread names Sarr, not Sa'ar).

        >>> ctx = WindowContext(lambda w: False, seen={"m": {0: "modhi", 20: "modi"}, "s": {0: "sarr", 9: "sarr"}})
        >>> ctx.mentioned_elsewhere("m", 0), ctx.mentioned_elsewhere("s", 0)
        (True, False)
        """
        mentions = self.seen.get(entry_id, {})
        here = mentions.get(start)
        return any(s != start and (key is None or key != here) for s, key in mentions.items())


@dataclass(frozen=True)
class Part:
    """One part of a name: a word or an initial, with its span in the text."""

    text: str      # as written, without a following dot
    key: str       # folded lower-case letters
    initial: bool
    start: int = 0
    end: int = 0   # includes an initial's dot


def parse_parts(name: str, offset: int = 0) -> tuple:
    """Split a name into parts.

    >>> [(p.text, p.initial) for p in parse_parts("Dr. S.J. Shankar")]
    [('Dr', False), ('S', True), ('J', True), ('Shankar', False)]
    """
    out = []
    for m in re.finditer(rf"{WORD}(\.)?", name):
        word = m.group(0).rstrip(".")
        single = len(letters_of(word)) == 1 and word[:1].isupper()
        out.append(Part(word, letters_of(word).lower(), single, offset + m.start(),
                        offset + m.end() if single else offset + m.start() + len(word)))
    return tuple(out)


def given_first(parts: tuple) -> tuple:
    """Initials first, as the matcher compares names: a style that writes them
    last ("Jaishankar S") names the same person as "S. Jaishankar".

    >>> [p.text for p in given_first(parse_parts("Jaishankar S"))]
    ['S', 'Jaishankar']
    """
    k = len(parts)
    while k > 0 and parts[k - 1].initial:
        k -= 1
    if k in (0, len(parts)):
        return parts
    return parts[k:] + parts[:k]


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry, as compiled."""

    id: str
    canonical: str
    kind: str
    parts: tuple
    case_fix: bool = False
    surname_alone: bool = True
    case_before: frozenset = frozenset()
    case_after: frozenset = frozenset()
    case_cues: frozenset = frozenset()
    # part keys of the `variants` (house spellings of other outlets): a window
    # spelled with these and the canonical's parts is a variant spelling
    variant_keys: frozenset = frozenset()
    # a person's surname as each variant spells it ("Zelensky", "Zelenskiy"),
    # so that a misspelling can follow a text's house spelling (style)
    variant_surnames: tuple = ()
    # a place from data (places.py): its lower case is capitalised only when
    # written all in lower case, among English words (places.is_casing_slip)
    from_data: bool = False

    @property
    def surname(self) -> str:
        """What a person is called alone: the last part ("Jaishankar")."""
        return self.parts[-1].text


@dataclass(frozen=True)
class Form:
    """A written form of an entry: canonical, alias or kept abbreviation."""

    entry: Entry
    written: str   # as the gazetteer spells it
    surface: str   # folded, whitespace normalised
    parts: tuple
    key: str
    keep: bool     # recognised, never replaced (canonical, `keep`)
    variant: bool = False  # another outlet's accepted spelling (`variants`)

    @property
    def replacement(self) -> str:
        """A person's lone surname form is replaced by the canonical surname."""
        if self.entry.kind == "person" and len(self.parts) == 1 and len(self.entry.parts) > 1:
            return self.entry.surname
        return self.entry.canonical


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """The indexes, built once: exact surface, letter key, fuzzy buckets, case forms."""

    entries: tuple
    exact: dict = field(default_factory=dict)       # surface -> Form
    by_key: dict = field(default_factory=dict)      # key -> Form
    full: dict = field(default_factory=dict)        # first letter -> person forms with a given name
    full_by_surname: dict = field(default_factory=dict)  # surname key -> person forms with a given name
    alone: dict = field(default_factory=dict)       # first letter -> (surname key, Form)
    surnames: dict = field(default_factory=dict)    # lone surname key -> entry id
    by_id: dict = field(default_factory=dict)       # entry id -> Entry
    case_forms: dict = field(default_factory=dict)  # first lower word -> [(lower words, Form)]
    capital_given: set = field(default_factory=set)  # given names written in capitals ("JD")
    roles: dict = field(default_factory=dict)       # title -> ids of the people it fits (roles.py)


def normalise_surface(text: str) -> str:
    """Folded, single-spaced: the key of the exact index.

    >>> normalise_surface("S.  Jaishankar")
    'S. Jaishankar'
    """
    return " ".join(fold(text).split())


def make_entry(raw: dict) -> Entry:
    """Compile one raw gazetteer entry; RulesError names it when it is unusable."""
    parts = parse_parts(raw["canonical"])
    if raw["kind"] == "person":
        parts = given_first(parts)
    if not parts:
        raise RulesError(f"entry {raw['id']!r}: canonical {raw['canonical']!r} has no letters")
    guard = raw.get("case_guard", {})
    default_case = raw["kind"] == "person"  # a full name in lower case: "narendra modi"
    return Entry(raw["id"], raw["canonical"].strip(), raw["kind"], parts,
                 raw.get("case_fix", default_case), raw.get("surname_alone", True),
                 frozenset(w.lower() for w in guard.get("before", [])),
                 frozenset(w.lower() for w in guard.get("after", [])),
                 frozenset(w.lower() for w in raw.get("case_cues", [])),
                 frozenset(p.key for v in raw.get("variants", []) for p in parse_parts(v)),
                 _variant_surnames(raw) if raw["kind"] == "person" else (), raw.get("from_data", False))


def _variant_surnames(raw: dict) -> tuple:
    """The surname of each of a person's variants, as written, without repeats."""
    found = [given_first(parse_parts(v)) for v in raw.get("variants", [])]
    return tuple(dict.fromkeys(p[-1].text for p in found if p and not p[-1].initial))


def build_gazetteer(raw_entries) -> Gazetteer:
    """Index entries once; two entries claiming one form is an error naming both.

    >>> g = build_gazetteer([{"id": "a", "canonical": "China", "kind": "place", "case_fix": True}])
    >>> g.exact["China"].entry.id, list(g.case_forms)
    ('a', ['china'])
    """
    gaz = Gazetteer(tuple(make_entry(r) for r in raw_entries))
    gaz.by_id.update((e.id, e) for e in gaz.entries)
    for raw, entry in zip(raw_entries, gaz.entries):
        # (written, keep, variant)
        forms = [(raw["canonical"], True, False)] + [(a, False, False) for a in raw.get("aliases", [])]
        forms += [(v, False, True) for v in raw.get("variants", [])]
        forms += [(k, True, False) for k in raw.get("keep", [])]
        for written, keep, variant in forms:
            parts = parse_parts(written)
            if entry.kind == "person":
                parts = given_first(parts)
            if not parts:
                raise RulesError(f"entry {entry.id!r}: form {written!r} has no letters")
            key = "".join(p.key for p in parts)
            add_form(gaz, Form(entry, " ".join(written.split()), normalise_surface(written), parts, key, keep,
                               variant))
    return gaz


def add_form(gaz: Gazetteer, form: Form) -> None:
    """Put one form into every index it belongs to."""
    other = gaz.exact.get(form.surface)
    if other is not None and other.entry.id != form.entry.id:
        raise RulesError(f"entry {form.entry.id!r}: form {form.surface!r} already belongs to {other.entry.id!r}")
    if other is None or not other.keep:  # "Shinzō Abe" listed twice stays the canonical
        gaz.exact[form.surface] = form
    # The first entry to claim a letter key keeps it: two entries spelled alike
    # are then still matched exactly, never by spacing.
    gaz.by_key.setdefault(form.key, form)
    if form.entry.kind == "person":
        if len(form.parts) > 1:
            gaz.full.setdefault(form.key[0], []).append(form)
            gaz.full_by_surname.setdefault(form.parts[-1].key, []).append(form)
            gaz.capital_given.update(p.text for p in form.parts[:-1] if len(p.text) > 1 and p.text.isupper())
        if form.entry.surname_alone and not form.parts[-1].initial:
            surname = form.parts[-1].key
            gaz.surnames.setdefault(surname, form.entry.id)
            gaz.alone.setdefault(surname[0], []).append((surname, form))
    # `keep` forms are abbreviations ("US", "WHO"): their lower case is a word;
    # a variant's lower case never reads as its canonical, so it has none
    is_canonical = form.keep and form.written == form.entry.canonical
    if (form.entry.case_fix and (not form.keep or is_canonical) and not form.variant
            and (form.entry.kind != "person" or len(form.parts) > 1)):
        words = tuple(form.surface.lower().split())
        gaz.case_forms.setdefault(words[0], []).append((words, form))


@dataclass(frozen=True)
class Match:
    """A window recognised as a name: replace [start, end) by `replacement`."""

    start: int
    end: int
    replacement: str
    rule: str          # names.exact means: known, leave as written
    confidence: float
    entry_id: str
    variant: bool = False  # the window is another outlet's accepted spelling


def window_surface(parts: tuple, text: str | None = None) -> str:
    """The written window: from the text when given, else the parts joined."""
    if text is not None:
        return normalise_surface(text[parts[0].start:parts[-1].end])
    return " ".join(p.text + ("." if p.initial else "") for p in parts)


def has_acronym(parts, listed: set = frozenset()) -> bool:
    """An all-capitals word: "WHO" is not "Who", "MODI" is a headline; a given name
    a listed person writes in capitals ("JD Vance") is no acronym.

    >>> has_acronym(parse_parts("WHO Director")), has_acronym(parse_parts("JD Vans"), {"JD"})
    (True, False)
    """
    return any(len(p.text) > 1 and p.text.isupper() and p.text not in listed for p in parts)


def spacing_rule(parts: tuple, form: Form) -> str:
    """names.initials when the change is about initials or dots, else names.split."""
    return "names.initials" if any(p.initial for p in parts + form.parts) else "names.split"


def match_exact(parts: tuple, gazetteers, text: str | None = None):
    """The exact tiers of `match_window` (surface, letters, order, known
    surname): they read no WindowContext, so a caller may reuse the answer for
    one window under every context."""
    surface = window_surface(parts, text)
    key = "".join(p.key for p in parts)
    for gaz in gazetteers:
        form = gaz.exact.get(surface)
        if form is not None:
            if form.keep:
                return Match(parts[0].start, parts[-1].end, form.surface, "names.exact", 1.0, form.entry.id)
            return make_match(parts, form.replacement, "names.alias", 0.95, form)
    for gaz in gazetteers:
        form = gaz.by_key.get(key)
        if form is not None and letters_agree(parts, form):
            if form.keep and form.written != form.entry.canonical:
                # an abbreviation with other dots ("U.S" for "U.S."): the writer's style, left as written
                return Match(parts[0].start, parts[-1].end, window_surface(parts, text), "names.exact", 1.0,
                             form.entry.id)
            return make_match(parts, form.replacement, spacing_rule(parts, form), 0.9, form)
    for gaz in gazetteers:
        found = match_reversed(parts, gaz)  # before a lone surname claims "Jaishankar" of "Jaishankar S"
        if found is not None:
            return found
    if len(parts) == 1:
        for gaz in gazetteers:
            if key in gaz.surnames:
                return Match(parts[0].start, parts[-1].end, parts[0].text, "names.exact", 1.0,
                             gaz.surnames[key])
    return None


def letters_agree(parts: tuple, form: Form) -> bool:
    """Same letters; case may differ only between two mixed-case names ("Jin Ping").

    >>> g = build_gazetteer([{"id": "o", "canonical": "WHO", "kind": "organisation"}])
    >>> letters_agree(parse_parts("Who"), g.exact["WHO"])
    False
    """
    ours, theirs = "".join(p.text for p in parts), "".join(p.text for p in form.parts)
    if fold(ours) == fold(theirs):
        return True
    return not has_acronym(parts) and not has_acronym(form.parts) and ours[0].isupper()


def make_match(parts: tuple, replacement: str, rule: str, confidence: float, form: Form) -> Match:
    """A Match over the window, with the form's entry; a variant's own form
    makes a variant match."""
    return Match(parts[0].start, parts[-1].end, replacement, rule, confidence, form.entry.id, form.variant)


def match_reversed(parts: tuple, gaz: Gazetteer):
    """Surname first, initials last ("Jaishankar S"), where the canonical has initials."""
    n_init = len(parts) - next((i for i in range(len(parts) - 1, -1, -1) if not parts[i].initial), -1) - 1
    if n_init == 0 or n_init == len(parts):
        return None
    head, inits = parts[:-n_init], parts[-n_init:]
    key = "".join(p.key for p in head)
    for surname, form in gaz.alone.get(key[:1], ()):
        given = form.parts[:-1]
        if (len(given) == n_init and all(g.initial for g in given)
                and all(a.key == b.key for a, b in zip(inits, given))
                and similar_word(key, surname, confirmed=False)):
            return Match(parts[0].start, inits[-1].start + 1, form.entry.canonical, "names.order", 0.85,
                         form.entry.id)
    return None
