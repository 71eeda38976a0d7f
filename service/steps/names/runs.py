"""Runs of name parts in a text: capitalised words, initials with their dots and
particles ("Dr. S.J. Shankar", "Abdel Fattah el-Sisi"), cut at titles into the
segments the matcher reads (`step.name_changes`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .match import HEARD_PARTICLES, JOINED_ARTICLES, MODIFIER_SUFFIXES, PARTICLES, TITLES, Part, letters_of

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


@lru_cache(maxsize=65536)
def split_suffix(word: str) -> tuple[str, str]:
    """A name and what follows it in the same token: possessive or modifier.

    >>> split_suffix("Mody's"), split_suffix("Modi-led"), split_suffix("Jin-ping")
    (('Mody', "'s"), ('Modi', '-led'), ('Jin-ping', ''))
    """
    m = _POSSESSIVE.search(word)
    if m and m.start() > 0:
        return word[:m.start()], word[m.start():]
    head, _, tail = word.rpartition("-")
    if head and tail.lower() in MODIFIER_SUFFIXES:
        return head, "-" + tail
    return word, ""


def is_particle_name(word: str) -> bool:
    """A surname joined to its particle ("el-Sisi", "al-Sharaa"): one name part,
    as the gazetteer reads it.

    >>> is_particle_name("el-Sisi"), is_particle_name("al-Sharaa"), is_particle_name("well-known")
    (True, True, False)
    >>> is_particle_name("es-Sisi"), is_particle_name("ash-Sharaa"), is_particle_name("as-is")
    (True, True, False)
    """
    head, _, tail = word.partition("-")
    return (head in PARTICLES or head in JOINED_ARTICLES) and tail[:1].isupper()


def particles_lead_to_name(text: str, tokens: list, j: int) -> bool:
    """Token j starts particles ("von der", "de la"), one space apart, before a capital.

    >>> from service.tokens import tokenize
    >>> t = tokenize("Ursula von der Leyen and von der dinner")
    >>> particles_lead_to_name("", t, 1), particles_lead_to_name("", t, 5)
    (True, False)
    """
    k = j
    while k < len(tokens) and tokens[k].text in PARTICLES:
        k += 1
    return k < len(tokens) and tokens[k].text[:1].isupper()


def collect_runs(text: str, tokens: list, covered: set = frozenset()) -> list:
    """Runs of name parts: (first token index, last token index + 1, parts).

    A run is capitalised words, initials with their dots and particles, one
    space apart; a possessive or modifier suffix ends it, and so does a token
    in `covered` (already changed as a lower-case proper noun).

    >>> from service.tokens import tokenize
    >>> t = "met Dr. S.J. Shankar's aide"
    >>> [[p.text for p in r[2]] for r in collect_runs(t, tokenize(t))]
    [['Dr', 'S', 'J', 'Shankar']]
    >>> t = "Ursula fon der Leyen, a fan of Bach"
    >>> [[p.key for p in r[2]] for r in collect_runs(t, tokenize(t))]
    [['ursula', 'von', 'der', 'leyen'], ['bach']]
    """
    runs, i, n = [], 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind != "word" or tok.text.islower() or i in covered:
            # no capital anywhere: neither an initial nor a capitalised word,
            # so no run starts here (most tokens; skips the checks below)
            i += 1
            continue
        parts, j = [], i
        while j < n:
            tok = tokens[j]
            if parts and text[tokens[j - 1].end:tok.start] not in ("", " "):
                break
            if not tok.is_word or j in covered:
                break
            word, suffix = split_suffix(tok.text)
            if len(letters_of(word)) == 1 and word.isupper():
                dotted = j + 1 < n and tokens[j + 1].text == "." and tokens[j + 1].start == tok.end
                if word in ("A", "I") and not dotted:
                    break  # the article and the pronoun, not initials ("A Bang & Olufsen")
                parts.append(Part(word, word.lower(), True, tok.start, tokens[j + 1].end if dotted else tok.end))
                j += 2 if dotted else 1
                continue
            if word[:1].isupper():
                key = letters_of(word).lower()
                parts.append(Part(word, key, False, tok.start, tok.start + len(word)))
                j += 1
                if suffix:
                    break
                if key in TITLES and j < n and tokens[j].text == "." and tokens[j].start == tok.end:
                    j += 1  # "Dr." and "Gen.": the dot abbreviates, it ends no sentence
                continue
            if parts and word in PARTICLES and particles_lead_to_name(text, tokens, j):
                parts.append(Part(word, word, False, tok.start, tok.end))
                j += 1
                continue
            if (parts and word in HEARD_PARTICLES and j + 1 < n and tokens[j + 1].text in PARTICLES
                    and particles_lead_to_name(text, tokens, j + 1)):
                # "fon der Leyen": the particle as heard, read as the one it is (its key)
                parts.append(Part(word, HEARD_PARTICLES[word], False, tok.start, tok.end))
                j += 1
                continue
            if is_particle_name(word):
                parts.append(Part(word, letters_of(word).lower(), False, tok.start, tok.start + len(word)))
                j += 1
                if suffix:
                    break
                continue
            break
        if parts:
            runs.append((i, j, tuple(parts)))
            i = j
        else:
            i += 1
    return runs


def segments_of(parts: tuple, after_title: bool = False, role_after: bool = False) -> list:
    """Cut a run at titles ("Prime Minister Narendra Modi" -> [Narendra Modi]).

    Returns (segment, titled) pairs; `after_title`: a title stands right before
    the run (`title_before`); `role_after`: a role follows it (`role_in`), which
    vouches for the run's last segment as a title before it would.
    """
    out, cur = [], []
    for p in parts:
        if not p.initial and p.key in TITLES:
            if cur:
                out.append((tuple(cur), after_title))
            cur, after_title = [], True
        else:
            cur.append(p)
    if cur:
        out.append((tuple(cur), after_title or role_after))
    return out


# ", Kenya's president," / ", deputy chairman of Russia's security council": a clause
# in apposition, up to its comma or full stop; it starts with a word, so a comma with
# only blanks after it at the end of a text has none
_APPOSITION = re.compile(r",\s+([^,.;:()\s][^,.;:()\n]{0,79})")
# an apposition this long is a clause of its own, not a role
APPOSITION_WORDS = 7


def apposition_after(text: str, end: int) -> str:
    """The clause in apposition right after a run, up to its comma or full stop; "" without one.
    Read once per run: the role (`role_in`) and the description (`describes`) are read from it.

    >>> apposition_after("William Rooto, Kenya's president, spoke.", 13), apposition_after("Mody spoke", 4)
    ("Kenya's president", '')
    >>> apposition_after("Angela Merkle,  ", 13)
    ''
    """
    m = _APPOSITION.match(text, end)
    return "" if m is None else m.group(1)


# the articles that open a description in apposition of one of many ("Boris Jonsson, a
# Swedish sailor,"); "the" opens a unique role ("the head of the WHO") that says who it is
_DESCRIPTION_OPENERS = frozenset({"a", "an"})


def describes(apposition: str) -> bool:
    """Is a run's apposition (`apposition_after`) a description that holds no title or role
    ("Frank-Walter Steinmayor, a retired baker,")? The text says who the name is, and it is
    no listed person by title; a name heard by ear there is only suggested.

    >>> describes("a retired baker"), describes("Kenya's president"), describes("who spoke")
    (True, False, False)
    """
    if not apposition:
        return False
    words = apposition.lower().split()
    return (len(words) <= APPOSITION_WORDS and words[0] in _DESCRIPTION_OPENERS
            and not any(w in TITLES for w in words))


# the prepositions that set a lone capitalised word as a place ("the nuns of Vence",
# "born in Vance"): a lone surname heard by ear there, with no title, given name or
# role, may be the town; it is only suggested (`step.name_changes`)
PLACE_PREPOSITIONS = frozenset({"of", "in", "near"})
_WORD_BEFORE = re.compile(r"(?<![\w'’-])(\w+)\s+$")


def in_place_frame(text: str, parts: tuple) -> bool:
    """A run of one word right after a place preposition (`PLACE_PREPOSITIONS`).

    >>> from .match import parse_parts
    >>> in_place_frame("the nuns of Vence.", parse_parts("Vence", 12)), in_place_frame("said Vence.", parse_parts("Vence", 5))
    (True, False)
    >>> in_place_frame("the visit of Joe Bidan", parse_parts("Joe Bidan", 13))
    False
    """
    if len(parts) != 1:
        return False
    m = _WORD_BEFORE.search(text, max(0, parts[0].start - 20), parts[0].start)
    return m is not None and m.group(1).lower() in PLACE_PREPOSITIONS


def role_phrase_after(text: str, end: int) -> str | None:
    """The role in apposition right after a run (`role_in`), or None.

    >>> role_phrase_after("Albanizy, the club chairman, said", 8)
    'the club chairman'
    """
    return role_in(apposition_after(text, end))


def role_in(apposition: str) -> str | None:
    """A run's apposition (`apposition_after`) when it is a role ("William Rooto, Kenya's
    president,"), else None: as much evidence of who the name is as a title before it.

    >>> role_in("Kenya's president"), role_in("a Swedish sailor")
    ("Kenya's president", None)
    """
    if not apposition:
        return None
    words = apposition.split()
    return apposition if len(words) <= APPOSITION_WORDS and any(w.lower() in TITLES for w in words) else None


def title_before(text: str, start: int, end: int | None = None) -> bool:
    """A lower-case title or role word right before a run ("German chancellor Friedrich Merz"),
    or, given the run's `end`, a title it is set in apposition to (`apposed_title_end`).

    >>> title_before("German chancellor Friedrich Merz", 18), title_before("the book Friedrich wrote", 9)
    (True, False)
    >>> title_before("The prime minister, Albanizy, said", 20, 28)
    True
    >>> title_before("Commission president von der Lajen", 29), title_before("the book von der Lajen", 17)
    (True, False)
    """
    before = text[max(0, start - 40):start].split()
    while len(before) > 1 and before[-1] in PARTICLES:
        before.pop()  # the particles of the name itself ("Commission president von der Lajen")
    if bool(before) and before[-1].islower() and before[-1] in TITLES:
        return True
    return end is not None and apposed_title_end(text, start, end) is not None


# "the [former] prime minister, " or "Brazil's foreign minister, " right before a run: a title the
# run may be set in apposition to
_THE_TITLE = re.compile(r"(?:(?<![\w-])[Tt]he|\w['’]s)\s+([^,.;:()\n]{1,60}?),\s+$")
# words of such a title ("former foreign minister")
TITLE_WORDS = 4


def apposed_title_end(text: str, start: int, end: int) -> int | None:
    """Where a title ends that a run is set in apposition to, between commas, as wire copy
    names an office holder ("The prime minister, Albanizy, said"; "Brazil's foreign minister,
    Mauro Vieyra, met"): the title, after "the" or a possessive, ends in a title word and the
    run is closed by a comma. None otherwise: "After meeting the prime minister, Biden said"
    names two people.

    >>> text = "The former chancellor, Shoelts, gave"
    >>> apposed_title_end(text, 23, 30), text[:21]
    (21, 'The former chancellor')
    >>> apposed_title_end("Brazil's foreign minister, Mauro Vieyra, met", 27, 39)
    25
    >>> apposed_title_end("After meeting the prime minister, Biden said", 34, 39) is None
    True
    >>> apposed_title_end("The book, Albanizy, said", 10, 18) is None
    True
    """
    if not text.startswith(",", end):
        return None
    m = _THE_TITLE.search(text, max(0, start - 70), start)
    if m is None:
        return None
    words = m.group(1).split()
    if len(words) > TITLE_WORDS or words[-1].lower() not in TITLES:
        return None
    return m.end(1)
