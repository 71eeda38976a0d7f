"""Older romanisations of Chinese and Japanese names read in today's system, as tables of
correspondences: a name spelled in Wade-Giles or the postal system ("Hsi Chin-p'ing",
"Tsiang") read as Pinyin (Xi Jinping, Qiang), one in Kunrei-shiki ("Tosimitu") as Hepburn
(Toshimitsu). Only a word that is made of the system's syllables is read so, so that an
English name is not read as Chinese or Japanese.

`spoken.readings` adds these readings to a name's others. `one_name` asks the name-variants
tables whether two spellings are one name in two languages or romanisations (Yitzhak and
Isaac, Rhee and Lee), which no rule of letters derives.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

import name_variants

# Finals of Pinyin and Wade-Giles (without Wade-Giles' diacritics and apostrophes, which a
# listener does not write), longest first
_FINALS = ("iang|iong|uang|iung|ang|eng|ing|ong|ung|ian|ien|ieh|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|"
           "ia|ie|iu|ua|uo|ue|ui|er|ih|uh|a|o|e|i|u")
# (j, q and x only before i and u)
PINYIN = re.compile(rf"(?:(?:[jqx](?=[iu])|zh|ch|sh|[bpmfdtnlgkhrzcsyw])?(?:{_FINALS}))+")
WADE_GILES = re.compile(rf"(?:(?:hs|ch|ts|tz|sh|[pmftnlkhjsyw])?(?:{_FINALS}))+")
# Wade-Giles (and the postal system) spellings -> the Pinyin ones they may stand for, by
# syllable start: hs is x; ch is j, q or zh; ts and tz are z or c, and before i the j or q
# of the postal system ("Tsingtao" for Qingdao); an unaspirated k, t, p is g, d, b; j is r
_WADE_INITIALS = {"hs": ("x",), "ch": ("j", "q", "zh"), "ts": ("z", "c"), "tz": ("z", "c"), "k": ("g", "k"),
                  "t": ("d", "t"), "p": ("b", "p"), "j": ("r",)}
_POSTAL_BEFORE_I = ("j", "q", "z", "c")
_WADE_FINALS = (("ieh", "ie"), ("ien", "ian"), ("ung", "ong"), ("ih", "i"))
_SYLLABLE = re.compile(rf"(hs|ch|ts|tz|sh|[pmftnlkhjsyw])?({_FINALS})")
# readings of one word at most: each syllable start may stand for up to four
MAX_READINGS = 16

# Kunrei-shiki (and Nihon-shiki) spellings -> Hepburn: si shi, ti chi, tu tsu, zi ji, hu fu,
# and sy, ty, zy before a vowel sh, ch, j ("Tosimitu" for Toshimitsu); the Polivanov
# (Russian) spelling, read back into Latin letters, writes si too and dz for z ("Sindzo")
JAPANESE = re.compile(r"(?:(?:[kgsztdnhbpmr]y?|[yw]|sh|ch|ts|dz|j|f)?[aiueo]n?|n)+")
_KUNREI = ((re.compile(r"s(?=i)|sy(?=[aueo])"), "sh"), (re.compile(r"t(?=i)|ty(?=[aueo])"), "ch"),
           (re.compile(r"t(?=u)"), "ts"), (re.compile(r"z(?=i)|zy(?=[aueo])"), "j"), (re.compile(r"h(?=u)"), "f"),
           (re.compile(r"dz"), "z"))


def is_pinyin(word: str) -> bool:
    """Made of Pinyin syllables (lower case, without tones).

    >>> is_pinyin("jinping"), is_pinyin("xi"), is_pinyin("xavier"), is_pinyin("merz")
    (True, True, False, False)
    """
    return PINYIN.fullmatch(word) is not None


@lru_cache(maxsize=65536)
def wade_giles_as_pinyin(word: str) -> tuple:
    """The Pinyin spellings a word in Wade-Giles or the postal system may stand for
    (without the word itself); () for a word not made of their syllables or with no
    letter they write otherwise.

    >>> wade_giles_as_pinyin("hsi"), "jinping" in wade_giles_as_pinyin("chinping")
    (('xi',), True)
    >>> "qiang" in wade_giles_as_pinyin("tsiang"), wade_giles_as_pinyin("merz"), wade_giles_as_pinyin("li")
    (True, (), ())
    """
    if WADE_GILES.fullmatch(word) is None:
        return ()
    choices = []
    for m in _SYLLABLE.finditer(word):
        initial, final = m.group(1) or "", m.group(2)
        for spelled, pinyin in _WADE_FINALS:
            final = pinyin if final == spelled else final
        starts = _WADE_INITIALS.get(initial, (initial,))
        if initial in ("ts", "tz") and final.startswith("i"):
            starts = _POSTAL_BEFORE_I
        choices.append(tuple(s + final for s in starts))
    out = []
    for parts in product(*choices):
        reading = "".join(parts)
        if reading != word and reading not in out:
            out.append(reading)
        if len(out) >= MAX_READINGS:
            break
    return tuple(out)


@lru_cache(maxsize=65536)
def kunrei_as_hepburn(word: str) -> str | None:
    """A Japanese name in Kunrei-shiki spelled in Hepburn; None for a word not made of
    Japanese syllables or spelled alike in both.

    >>> kunrei_as_hepburn("tosimitu"), kunrei_as_hepburn("yosihide"), kunrei_as_hepburn("shigeru")
    ('toshimitsu', 'yoshihide', None)
    >>> kunrei_as_hepburn("sindzo")
    'shinzo'
    >>> kunrei_as_hepburn("sinclair")
    """
    if JAPANESE.fullmatch(word) is None:
        return None
    hepburn = word
    for spelled, said in _KUNREI:
        hepburn = spelled.sub(said, hepburn)
    return hepburn if hepburn != word else None


def load_name_tables() -> None:
    """Build the name-variants index (about 0.2 s, 4 MB) at start-up, where a missing or
    broken package fails the start, not a request."""
    if not name_variants.share_cluster("yitzhak", "isaac"):
        raise RuntimeError("the name-variants tables do not join Yitzhak and Isaac: is name-variants installed whole?")


@lru_cache(maxsize=65536)
def one_name(a: str, b: str) -> bool:
    """Two different spellings (lower case) of one name in the name-variants tables: a
    Hebrew, Arabic, Persian or Turkish name in its English or biblical form, a Korean
    surname in another romanisation.

    >>> one_name("yitzhak", "isaac"), one_name("rhee", "lee"), one_name("binyamin", "benjamin")
    (True, True, True)
    >>> one_name("isaac", "isaac"), one_name("anna", "isaac")
    (False, False)
    """
    return a != b and name_variants.share_cluster(a, b)


@lru_cache(maxsize=65536)
def other_forms(name: str) -> tuple:
    """The other spellings (lower case, Latin letters) the name-variants tables give a name
    in its language or romanisations: what an ear may have heard and written close to
    ("Itzhak", Yitzhak, for Isaac).

    >>> other_forms("isaac")
    ('izak', 'yitzchak', 'yitzhak', 'yizhak')
    >>> other_forms("william")
    ()
    """
    forms = {f.lower() for c in name_variants.lookup(name) for f in c.forms}
    return tuple(sorted(f for f in forms if f != name and f.isascii() and f.isalpha()))
