"""How a surname heard by ear relates to a listed one: edit distance, sound keys, rarity,
and how sure a match by ear is (`fuzzy_confidence`: applied or only suggested).

Shared by the tiers of `match` that match a name spelled by ear ("Keir
Stammer", "Narendra Mody", "German chancellor Friedrich Mertz"); how letters are said
is `spoken`'s.
"""
from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from metaphone import doublemetaphone
from rapidfuzz.distance import OSA

from ...lexicon import zipf
from .spoken import readings, spoken_key, undoubled

# wordfreq Zipf below which a word is seldom written at all (a likely misspelling)
RARE_ZIPF = 2.0
# ... and below which a given name is one few people share ("Keir", not "Mark")
DISTINCTIVE_ZIPF = 3.0


def phonetic_equal(a: str, b: str) -> bool:
    """Same Metaphone or NYSIIS key (lower-case ASCII words).

    >>> phonetic_equal("modhi", "modi"), phonetic_equal("morris", "morrison")
    (True, False)
    """
    return metaphone_key(a) == metaphone_key(b) or nysiis_key(a) == nysiis_key(b)


@lru_cache(maxsize=65536)
def metaphone_key(word: str) -> str:
    """jellyfish's Metaphone key, once per word (asked of every surname a window is heard against).

    >>> metaphone_key("modhi")
    'MTH'
    """
    return jellyfish.metaphone(word)


@lru_cache(maxsize=65536)
def nysiis_key(word: str) -> str:
    """jellyfish's NYSIIS key, once per word.

    >>> nysiis_key("modhi")
    'MAD'
    """
    return jellyfish.nysiis(word)


@lru_cache(maxsize=65536)
def double_metaphone(word: str) -> tuple:
    """A name's Double Metaphone codes (primary, alternate; "" when it has none): built
    for names of many languages heard by an English ear (Pinyin "Qiang" as "Chiang",
    French "Barnier" with a silent r, "Christ-" as "Krist-").

    >>> double_metaphone("barnier"), double_metaphone("qiang")
    (('PRN', 'PRNR'), ('KNK', ''))
    """
    return tuple(doublemetaphone(word))


def primary_metaphone(word: str) -> str:
    """A name's primary Double Metaphone code: its alternate is a second reading
    ("Roth" as "Rot"), weaker evidence for a surname people write.

    >>> primary_metaphone("roth"), primary_metaphone("ruto")
    ('R0', 'RT')
    """
    return double_metaphone(word)[0]


def metaphones_meet(a: str, b: str) -> bool:
    """Some Double Metaphone code of `a` is one of `b`.

    >>> metaphones_meet("pompayo", "pompeo"), metaphones_meet("barniay", "barnier")
    (True, True)
    >>> metaphones_meet("kristensen", "kristersson"), metaphones_meet("kallan", "kallas")
    (False, False)
    """
    return not ({*double_metaphone(a)} - {""}).isdisjoint(double_metaphone(b))


_VOWELS = "aeiouy"

# First letters an ear does not tell apart in a name: C/K/Q, Z/S, and W/V as German
# says it ("Vadephul" for Wadephul)
_FIRST_HEARD = str.maketrans("kqzw", "ccsv")


@lru_cache(maxsize=65536)
def first_sounds(word: str) -> frozenset:
    """The sounds an ear may take a name's first letter for: C, K and Q one sound, Z as
    S, W as V (German), a vowel as any vowel (Double Metaphone's rule: "Ebrahim" for
    Ibrahim), and Kh- as K or H ("Hamenei", "Karn" for Khamenei, Khan).

    >>> first_sounds("christersson") == first_sounds("kristersson"), first_sounds("qiang") == first_sounds("chiang")
    (True, True)
    >>> sorted(first_sounds("khamenei")), first_sounds("vadefuhl") == first_sounds("wadephul")
    (['c', 'h'], True)
    >>> first_sounds("djoko") == first_sounds("joko"), first_sounds("evette") == first_sounds("yvette")
    (True, True)
    >>> first_sounds("dzhonson") == first_sounds("johnson"), first_sounds("phidan") == first_sounds("fidan")
    (True, True)
    >>> first_sounds("yusuf") == first_sounds("usuf"), first_sounds("cyril") == first_sounds("syril")
    (False, True)
    >>> first_sounds("tchiang") == first_sounds("chiang"), "j" in first_sounds("zholi"), "y" in first_sounds("iunus")
    (True, True, True)
    """
    if word.startswith("kh"):
        return frozenset("hc")
    if word.startswith(("dj", "dzh")):
        return frozenset("j")  # "Djoko" is said as Joko; Russian transliteration's dzh ("Dzhonson")
    if word.startswith(("tch", "tsch")):
        return frozenset("c")  # French tch, German tsch: the English ch ("Tchiang" for Qiang)
    if word.startswith("ph"):
        return frozenset("f")  # the ph of Greek and older transliterations ("Phidan" for Fidan)
    if word.startswith("zh"):
        return frozenset("js")  # the zh of Pinyin and Russian, the French j ("Zholi" for Joly)
    if word[:1] == "i" and word[1:2] in ("a", "o", "u"):
        return frozenset("ay")  # an i before a vowel is the glide y in Romanian and Russian ("Iunus")
    first = word[:1]
    if first == "c" and word[1:2] and word[1:2] in "eiy":
        return frozenset("s")  # a c before e, i, y is said as s ("Syril" for Cyril)
    if first == "y" and word[1:2] and word[1:2] not in _VOWELS:
        return frozenset("a")  # a y before a consonant is a vowel ("Yvette", "Evette")
    return frozenset("a" if first in "aeiou" else first.translate(_FIRST_HEARD))


# First letters of a given name an ear may write for one another
_LETTERS_HEARD_ALIKE = {"v": "w", "w": "v", "c": "kqs", "k": "cq", "q": "ck", "s": "zc", "z": "s",
                        "j": "y", "y": "j"}


def letters_heard_alike(letter: str) -> str:
    """Other first letters a name heard with this one may be listed under.

    >>> letters_heard_alike("w"), letters_heard_alike("m")
    ('v', '')
    """
    return _LETTERS_HEARD_ALIKE.get(letter, "")


def same_first_sound(a: str, b: str) -> bool:
    """Two names may begin with one sound (`first_sounds`).

    >>> same_first_sound("ebrahim", "ibrahim"), same_first_sound("karn", "khan"), same_first_sound("modi", "nodi")
    (True, True, False)
    """
    return not first_sounds(a).isdisjoint(first_sounds(b))


def ends_in_another_syllable(a: str, b: str) -> bool:
    """One word ends in a vowel the other does not have, adding a syllable an ear
    hears ("Ibrahimi" is not Ibrahim); a vowel dropped inside ("Fredricksen" for
    Frederiksen) is how names are misheard.

    >>> ends_in_another_syllable("ibrahimi", "ibrahim"), ends_in_another_syllable("fredricksen", "frederiksen")
    (True, False)
    >>> ends_in_another_syllable("mody", "modi"), ends_in_another_syllable("rutto", "ruto")
    (False, False)
    """
    open_a, open_b = a[-1:] in _VOWELS, b[-1:] in _VOWELS
    return open_a != open_b and _syllables(a) != _syllables(b)


_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")


def same_syllables(a: str, b: str) -> bool:
    """As many runs of vowels: heard with as many syllables.

    >>> same_syllables("abbey", "abe"), same_syllables("hyunah", "hyun")
    (True, False)
    """
    return _syllables(a) == _syllables(b)


def _syllables(word: str) -> int:
    """Runs of vowels.

    >>> _syllables("ibrahim"), _syllables("zelenskyy")
    (3, 3)
    """
    return len(_VOWEL_RUN.findall(word))


def allowed_edits(word: str) -> int:
    """Edits a spelling by ear may make: none in short words, more in long ones.

    >>> allowed_edits("xi"), allowed_edits("modi"), allowed_edits("jaishankar")
    (0, 1, 2)
    """
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


# Consonants an ear does not tell apart in a name: "Albanezi" for Albanese,
# "Carny"/"Karny", "Qadri"/"Kadri"
_HEARD_ALIKE = str.maketrans("zkq", "scc")


@lru_cache(maxsize=65536)
def consonant_skeleton(word: str) -> str:
    """Consonants once each, without the silent-prone h, w, y, and with the
    letters heard alike as one: what an ear keeps.

    >>> consonant_skeleton("modhi"), consonant_skeleton("starner"), consonant_skeleton("starmer")
    ('md', 'strnr', 'strmr')
    >>> consonant_skeleton("albanezi") == consonant_skeleton("albanese")
    True
    """
    out = []
    for c in word.translate(_HEARD_ALIKE):
        if c in "aeiouhwy" or (out and out[-1] == c):
            continue
        out.append(c)
    return "".join(out)


def consonants_heard_alike(cand: str, known: str) -> bool:
    """The same consonants heard (`consonant_skeleton`) within the edits a spelling by
    ear may make: "Ramapoza" keeps Ramaphosa's consonants but not its Metaphone.

    >>> consonants_heard_alike("ramapoza", "ramaphosa"), consonants_heard_alike("kristensen", "kristersson")
    (True, False)
    """
    return (consonant_skeleton(cand) == consonant_skeleton(known)
            and OSA.distance(cand, known, score_cutoff=allowed_edits(known) + 1) <= allowed_edits(known))


def written_alike(a: str, b: str) -> bool:
    """The same letters, one doubled or two swapped: a slip of the pen, not another sound.

    >>> written_alike("morison", "morrison"), written_alike("merkle", "merkel"), written_alike("boden", "biden")
    (True, True, False)
    """
    return undoubled(a) == undoubled(b) or sorted(a) == sorted(b)


def is_plural_of(cand: str, known: str) -> bool:
    """"the Bidens" is a family, not a misspelling of Biden.

    >>> is_plural_of("bidens", "biden"), is_plural_of("zelenskyy", "zelensky")
    (True, False)
    """
    return cand in (known + "s", known + "es")


def sounds_alike(cand: str, known: str) -> bool:
    """The same consonants heard and the same Metaphone or NYSIIS key.

    >>> sounds_alike("albanezi", "albanese"), sounds_alike("kallan", "kallas")
    (True, False)
    """
    return consonant_skeleton(cand) == consonant_skeleton(known) and phonetic_equal(cand, known)


@lru_cache(maxsize=65536)
def similar_word(cand: str, known: str, confirmed: bool, distinctive: bool = False) -> bool:
    """A plausible misspelling of `known` (both lower-case keys).

    With `confirmed` (the given name agrees) one edit is enough for a rare
    spelling ("Xi Jingping") or after a `distinctive` given name ("Keir
    Stammer"), not for another common surname after a common given name
    ("Mark Carey" is not Mark Carney); otherwise the sound must agree too: same consonants
    heard, and the same Metaphone or NYSIIS key.

    >>> similar_word("jaishanker", "jaishankar", False), similar_word("morris", "morrison", True)
    (True, False)
    >>> similar_word("jingping", "jinping", True), similar_word("jingping", "jinping", False)
    (True, False)

    Cached: a pure function of four small keys, asked ~1,500 times per
    article as every window is compared with every person of its letter.
    """
    if cand == known:
        return True
    if len(cand) < 4 or len(known) < 4 or cand[0] != known[0] or is_plural_of(cand, known):
        return False
    dist = OSA.distance(cand, known, score_cutoff=allowed_edits(known) + 1)
    if dist > allowed_edits(known):
        return False
    if confirmed and dist == 1 and len(known) >= 5 and (distinctive or is_rare(cand)):
        return True
    return sounds_alike(cand, known)


@lru_cache(maxsize=65536)
def is_distinctive(word: str) -> bool:
    """A given name few people share (wordfreq Zipf < 3: "Keir", not "Mark")."""
    return zipf(word) < DISTINCTIVE_ZIPF


@lru_cache(maxsize=65536)
def is_rare(word: str) -> bool:
    """Seldom written at all (wordfreq Zipf < 2): a likely misspelling, not
    another person's name ("Mody" 1.95 yes; "Viera" 2.4, "Merkle" 2.1 no)."""
    return zipf(word) < RARE_ZIPF


@lru_cache(maxsize=65536)
def is_unseen(word: str) -> bool:
    """Never written in the texts wordfreq counts (Zipf 0): a spelling by ear, where a rare
    spelling people write ("Sanchis" 1.1, "Vieri" 1.5) may be another person's surname.

    >>> is_unseen("merckle"), is_unseen("sanchis")
    (True, False)
    """
    return zipf(word) == 0


def heard_as(cand: str, known: str) -> bool:
    """`cand` sounds like the surname `known`: the same first sound and one edit more than
    `similar_word` allows, with the sound agreeing (Metaphone, NYSIIS or Double
    Metaphone), or one edit in a short surname. Only where the given name and a title or role already say who
    it is: on its own, a sound is no evidence of a person.

    >>> heard_as("mertz", "merz"), heard_as("sanches", "sanchez"), heard_as("vans", "vance")
    (True, True, True)
    >>> heard_as("mercer", "merz"), heard_as("trudo", "trudeau"), heard_as("abbe", "abe")
    (False, True, True)
    >>> heard_as("pompayo", "pompeo"), heard_as("christersson", "kristersson")
    (True, True)
    >>> heard_as("trudoe", "trudeau"), heard_as("chyang", "qiang"), heard_as("luksun", "luxon")
    (True, True, True)

    A surname people write heard alike only by NYSIIS or Double Metaphone's second
    reading is another person ("Senator William Roth" is not Ruto).

    >>> heard_as("roth", "ruto")
    False
    """
    if cand == known:
        return False
    if is_rare(cand) and spoken_alike(cand, known):
        return True  # said as the listed surname (or its Pinyin), in a spelling nobody writes
    if not same_first_sound(cand, known):
        return False
    if undoubled(cand) == undoubled(known):
        return True  # "Abbe" for Abe: a doubled letter is not heard
    if len(known) < 4:
        return False
    dist = OSA.distance(cand, known, score_cutoff=allowed_edits(known) + 2)
    if dist == 1:
        return True
    if dist > allowed_edits(known) + 1 and OSA.distance(spoken_key(cand), spoken_key(known), score_cutoff=2) > 1:
        return False  # far off in letters, and in sound more than a vowel ("Luksun" is Luxon's -ks- and -un)
    if (spoken_key(cand) == spoken_key(known) or metaphone_key(cand) == metaphone_key(known)
            or primary_metaphone(cand) == primary_metaphone(known)):
        return True
    if is_rare(cand) and said_with_other_vowels(cand, known):
        return True
    # NYSIIS and Double Metaphone's second reading hear vowels and th loosely: enough
    # for a spelling nobody writes, not for a surname people do
    return is_rare(cand) and (phonetic_equal(cand, known) or metaphones_meet(cand, known))


_SAID_VOWELS = re.compile("[aeiouy]+")


def said_with_other_vowels(cand: str, known: str) -> bool:
    """Said with the same consonants (`spoken_key`) and at most two vowel edits, in a
    name of six letters or more: an unstressed vowel an ear writes as another
    ("Hamaney" for Khamenei, said ha-ma-NAY).

    >>> said_with_other_vowels("hamaney", "khamenei"), said_with_other_vowels("mertsch", "merkel")
    (True, False)
    """
    said, listed = spoken_key(cand), spoken_key(known)
    if len(listed) < 6 or _SAID_VOWELS.sub("", said) != _SAID_VOWELS.sub("", listed):
        return False
    return OSA.distance(said, listed, score_cutoff=3) <= 2


def sounds_like(cand: str, known: str) -> bool:
    """`cand` is heard as the surname `known` (same first sound, and the same
    `spoken_key` or a shared Double Metaphone code): weaker evidence than `heard_as`,
    for a suggestion where a given name and a title or role already say who it is.

    >>> sounds_like("trudo", "trudeau"), sounds_like("yee", "yi"), sounds_like("mertz", "mertz")
    (True, True, False)
    >>> sounds_like("chiang", "qiang"), sounds_like("kristensen", "kristersson"), sounds_like("shi", "xi")
    (True, False, True)
    """
    return _heard_in_a_reading(cand, known, metaphone=True)


def spoken_alike(cand: str, known: str) -> bool:
    """The same `spoken_key` as the surname in one of their `readings`: closer than
    `sounds_like`, whose Double Metaphone hears every vowel alike ("Vieri" is
    not Vieira).

    >>> spoken_alike("pootin", "putin"), spoken_alike("lavroff", "lavrov"), spoken_alike("vieri", "vieira")
    (True, True, False)
    """
    return _heard_in_a_reading(cand, known, metaphone=False)


def _heard_in_a_reading(cand: str, known: str, metaphone: bool) -> bool:
    """A reading of `cand` begins with the sound of a reading of `known` (`readings`), and has its
    `spoken_key` (or, with `metaphone`, shares a Double Metaphone code)."""
    return cand != known and any(
        same_first_sound(said, heard)
        and (spoken_key(said) == spoken_key(heard) or metaphone and metaphones_meet(said, heard))
        for heard in readings(known) for said in readings(cand))


# below the apply threshold (0.5): offered as a suggestion, never applied
SUGGEST_CONFIDENCE = 0.45
# a surname under five letters has many sound-alikes ("Ruto", "Saar")
SHORT_SURNAME = 5


def ends_in_another_vowel(a: str, b: str) -> bool:
    """The same but for the final vowel: in the languages that inflect surnames that is another
    family's name (Italian Pompei and Pompeo, Rossi and Rosso; Slavic -a and -o); so is the
    same name with a feminine -a added or dropped (Slavic Georgiev and Georgieva, Arabic
    Sharif and Sharifa): another person of the family, not a slip of the ear.

    >>> ends_in_another_vowel("pompei", "pompeo"), ends_in_another_vowel("mody", "modi")
    (True, False)
    >>> ends_in_another_vowel("georgiev", "georgieva"), ends_in_another_vowel("sharifa", "sharif")
    (True, True)
    """
    if a[:-1] == b[:-1] and a[-1:] != b[-1:] and a[-1:] in "aeiou" and b[-1:] in "aeiou":
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer == shorter + "a" and shorter[-1:] not in "aeiou" and len(shorter) >= 4


def final_vowel_differs(a: str, b: str) -> bool:
    """`a` ends in another vowel letter than the single final vowel of `b` (y read as i): in
    the languages that inflect surnames another family's name, however the rest is heard
    ("Melonio" is not Meloni); `b` ending in a digraph ("Trudeau") says nothing.

    >>> final_vowel_differs("melonio", "meloni"), final_vowel_differs("meloany", "meloni")
    (True, False)
    >>> final_vowel_differs("truedo", "trudeau"), final_vowel_differs("ubama", "obama")
    (False, False)
    """
    if len(b) < 2 or b[-1] not in "aeiou" or b[-2] in _VOWELS:
        return False
    last = a[-1:].replace("y", "i")
    return last in ("a", "e", "i", "o", "u") and last != b[-1]


def fuzzy_confidence(tail: str, surname: str, distinctive: bool, after_title: bool) -> float:
    """How sure a by-ear match is: a short surname (under five letters) that only sounds
    alike, after a common given name and no title or role, is a suggestion ("William
    Rutt" may be another William than Ruto); anything with more evidence is applied.

    >>> fuzzy_confidence("rutt", "ruto", False, False), fuzzy_confidence("rutt", "ruto", False, True)
    (0.45, 0.85)
    >>> fuzzy_confidence("mody", "modi", True, False), fuzzy_confidence("starmar", "starmer", False, False)
    (0.85, 0.85)

    Without a title or role, a surname one letter off that does not sound alike is a
    suggestion too, whatever the given name: "Kaja Kallan" may be someone else.

    >>> fuzzy_confidence("kallan", "kallas", True, False), fuzzy_confidence("kallan", "kallas", True, True)
    (0.45, 0.85)

    A spelling nobody writes that is said as the listed surname is applied, short or not.

    >>> fuzzy_confidence("tousk", "tusk", False, False), fuzzy_confidence("subyanto", "subianto", False, False)
    (0.85, 0.85)

    So is one that ends in another syllable: "Anwar Ibrahimi" may be another Anwar.

    >>> fuzzy_confidence("ibrahimi", "ibrahim", True, False)
    0.45

    And so is a surname people write with another vowel: "Olaf Schulz" is another Olaf;
    a letter doubled or two letters swapped are no other sound ("Scott Morison").

    >>> fuzzy_confidence("schulz", "scholz", True, False), fuzzy_confidence("schulz", "scholz", True, True)
    (0.45, 0.85)
    >>> fuzzy_confidence("morison", "morrison", False, False), fuzzy_confidence("merkle", "merkel", False, False)
    (0.85, 0.85)

    A surname that ends in another vowel, with no title, is another family's: "Mike
    Pompei" may be someone else.

    >>> fuzzy_confidence("pompei", "pompeo", False, False), fuzzy_confidence("pompei", "pompeo", False, True)
    (0.45, 0.85)
    """
    if tail == surname or after_title:
        return 0.85
    if is_rare(tail) and spoken_alike(tail, surname):
        return 0.85  # a spelling nobody writes, said as the listed one ("Donald Tousk")
    if ends_in_another_vowel(tail, surname):
        return SUGGEST_CONFIDENCE
    if len(surname) < SHORT_SURNAME and not distinctive:
        return SUGGEST_CONFIDENCE
    if not sounds_alike(tail, surname) or ends_in_another_syllable(tail, surname):
        return SUGGEST_CONFIDENCE
    if not is_rare(tail) and not written_alike(tail, surname):
        return SUGGEST_CONFIDENCE  # a surname people write, with another sound, is another person's
    return 0.85
