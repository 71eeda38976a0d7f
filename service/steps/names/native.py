"""A listed name as its own language says it, where folding its letters to ASCII reads
them otherwise: what a listener who heard the person (not the page) writes.

Two kinds of evidence, both from how the name is written in the gazetteer:

  letters    a letter folding reads otherwise: Turkish ğ is silent, Danish and Norwegian
             ø and German ö are the French eu, Polish ł is the English w
  language   letters only one language writes say how the rest of the name is read:
             a name written with Turkish ğ, ş or ı reads its c as j and its ç as ch
             ("Recep" said Rejep), one with Polish ł, ś, ź, ż or ń its w as v

Used by `ear` for a window's surname (`heard_surnames`) and its given names
(`given_keys`), beside `spoken.readings`, which reads a window's own letters.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .match import letters_of
from .romanise import JAPANESE

# Letters of a listed name that folding reads otherwise than its own language says them:
# Turkish ğ is silent, lengthening the vowel before it ("Erdoğan" said Erdo-an, heard as
# "Erduan", "Erdowan"); Danish and Norwegian ø, like German ö, is the French eu ("Støre"
# heard as "Steure"), written oe in German; Polish ł is said as the English w ("Radosław"
# heard as "Radoswaw", "Łukasz" as "Wukash")
_SAID_NATIVELY = (("ğ", ("",)), ("ø", ("eu", "oe")), ("ö", ("eu", "oe")), ("ł", ("w",)))

# Letters only one language writes, and how that language reads its other letters, where an
# English reader of the folded name reads them otherwise: Turkish c is the English j and ç
# the ch ("Recep Tayyip Erdoğan": "Rejep"); Polish w is v, sz sh and cz ch ("Wojciech"
# said Voytsyekh); French j is the s of "pleasure", which an English ear writes zh or sh
# ("Sholy" for Mélanie Joly): read so in a name with letters French writes
_LANGUAGE_READS = ((re.compile("[ğşı]"), {"ç": "ch", "ş": "sh", "c": "j"}),
                   (re.compile("[łśźżń]"), {"sz": "sh", "cz": "ch", "w": "v"}),
                   (re.compile("[éèêëàâîôûœ]"), {"j": "sh"}))
_READ_AT_ONCE = tuple((marks, re.compile("|".join(sorted(reads, key=len, reverse=True))), reads)
                      for marks, reads in _LANGUAGE_READS)


# Spellings of a listed name that its language says otherwise than an English reader does:
# an h after a stop before a vowel marks the aspirated stop of the Bantu and Indic languages,
# Thai and Korean romanisation, which an English ear hears as the plain stop ("Ramaphosa"
# said Ramaposa, "Khan" Kahn, "Bhattarai"); French -ier after a consonant is said -yay
# ("Barnier" heard as "Barnyay"); a Japanese final e is said as in "café", written -ay
# ("Abe" heard as "Abay")
_SAID_AS_ITS_LANGUAGE = ((re.compile(r"(?<=[pbtdk])h(?=[aeiou])"), ""),
                         (re.compile(r"(?<=[^aeiou])ier$"), "yay"))
_JAPANESE_FINAL_E = re.compile(r"(?<=[^aeiou])e$")
# Of a given name: the Italian soft g, gi (or ggi) before another vowel, is the English j and
# its i is silent ("Giorgia" said Jorja, "Giuseppe" Juseppe)
_GIVEN_SAID_AS_ITS_LANGUAGE = ((re.compile(r"g+i(?=[aou])"), "j"),)


def said_natively(written: str, surname: bool = True) -> tuple:
    """A listed name (lower case, as written) as its own language says the letters that
    folding reads otherwise (`_SAID_NATIVELY`) or the spellings an English reader says
    otherwise (`_SAID_AS_ITS_LANGUAGE`, of a `surname` only: "Tereza" is another given name
    than Theresa); () when it has none.

    >>> said_natively("erdoğan"), said_natively("støre"), said_natively("merz")
    (('erdoan',), ('steure', 'stoere'), ())
    >>> said_natively("radosław"), said_natively("ramaphosa"), said_natively("barnier"), said_natively("abe")
    (('radoswaw',), ('ramaposa',), ('barnyay',), ('abei',))
    >>> said_natively("smith"), said_natively("olivier"), said_natively("merkel")
    ((), ('olivyay',), ())
    >>> said_natively("giorgia", surname=False), said_natively("luigi", surname=False), said_natively("giorgia")
    (('jorja',), (), ())
    """
    out = [written.replace(letter, said) for letter, saids in _SAID_NATIVELY if letter in written for said in saids]
    for spelled, said in _SAID_AS_ITS_LANGUAGE if surname else _GIVEN_SAID_AS_ITS_LANGUAGE:
        heard = spelled.sub(said, written)
        if heard != written and heard not in out:
            out.append(heard)
    if surname and JAPANESE.fullmatch(written) and _JAPANESE_FINAL_E.search(written):
        out.append(written + "i")
    return tuple(out)


@lru_cache(maxsize=4096)
def heard_surnames(key: str, written: str, whole: str = "") -> tuple:
    """A listed surname's key, and its keys as its own language says it (`said_natively`,
    and `read_in_its_language` as the language of the `whole` name reads it).

    >>> heard_surnames("erdogan", "Erdoğan"), heard_surnames("merz", "Merz")
    (('erdogan', 'erdoan'), ('merz',))
    >>> heard_surnames("cavusoglu", "Çavuşoğlu")
    ('cavusoglu', 'cavusolu', 'chavushoglu')
    """
    said = [letters_of(s).lower() for s in said_natively(written.lower())]
    said += [k for k in read_in_its_language(written, whole or written) if k not in said]
    return (key, *said)


@lru_cache(maxsize=4096)
def read_in_its_language(part: str, whole: str) -> tuple:
    """One part of a listed name (as written) read as the language of the `whole` name
    reads its letters (`_LANGUAGE_READS`), as folded keys; () when it reads alike.

    >>> read_in_its_language("Recep", "Recep Tayyip Erdoğan"), read_in_its_language("Recep", "Recep Smith")
    (('rejep',), ())
    >>> read_in_its_language("Radosław", "Radosław Sikorski")
    ('radoslav',)
    >>> read_in_its_language("Joly", "Mélanie Joly"), read_in_its_language("Joly", "Jane Joly")
    (('sholy',), ())
    """
    lower = part.lower()
    out = []
    for marks, letters, reads in _READ_AT_ONCE:
        if marks.search(whole.lower()):
            said = letters_of(letters.sub(lambda m: reads[m.group()], lower)).lower()
            if said != letters_of(lower).lower() and said not in out:
                out.append(said)
    return tuple(out)


@lru_cache(maxsize=4096)
def given_keys(part: str, whole: str) -> tuple:
    """Keys a listener may write for a listed given name `part` of the name `whole`: as its
    letters are said (`said_natively`) and as its language reads the rest
    (`read_in_its_language`); () when folding reads it as it is said.

    >>> given_keys("Radosław", "Radosław Sikorski"), given_keys("Recep", "Recep Tayyip Erdoğan")
    (('radoswaw', 'radoslav'), ('rejep',))
    >>> given_keys("Keir", "Keir Starmer")
    ()
    """
    out = [letters_of(s).lower() for s in said_natively(part.lower(), surname=False)]
    out += [k for k in read_in_its_language(part, whole) if k not in out]
    return tuple(out)
