"""Evidence in the text that a word which looks like a listed name is something else.

- A lower-case form that is also an ordinary word, after an article, a
  possessive pronoun or a lower-case possessive, maybe with adjectives between,
  is the ordinary word: "grandma's china", "their china", "a turkey",
  "grandmas' delicate china" (`is_common_noun_use`).
- Capitalised words that are neither ordinary words nor spelled or heard like
  any listed name: the text names people the gazetteer does not know
  (`names_unlisted`), so a lone surname heard alike may be one of them.

>>> from service.tokens import tokenize
>>> t = tokenize("off my grandma's china")
>>> is_common_noun_use(t, 3, lambda w: True, "off my grandma's china")
True
"""
from __future__ import annotations

import re

from ...lexicon import parts_of_speech

# Words that make the next word the head of a noun phrase: an article or a
# possessive pronoun ("that" is left out: "said that china would respond").
DETERMINERS = frozenset("a an the my your his her its our their".split())
# "it's", "that's": a word and "is", not a possessive
CONTRACTED = frozenset("it that what there here he she who where how let when why this one".split())
_POSSESSIVE = re.compile(r"([a-z]+)(?:['’]s|s['’])")
# A capitalised word of three letters or more, maybe possessive, not inside a
# longer word or a hyphenated compound.
_CAPITALISED = re.compile(r"(?<![\w'’-])([A-Z][a-z]{2,})(?:['’]s)?(?![\w'’-])")


# Adjectives that may stand between a determiner and the noun it leads ("my grandmother's
# old blue china")
ADJECTIVES_BETWEEN = 3


def is_adjective(token) -> bool:
    """A lower-case word the lexicon reads as an adjective ("delicate", "old").

    >>> from service.tokens import tokenize
    >>> [is_adjective(t) for t in tokenize("delicate grandma Old")]
    [True, False, False]
    """
    return token.is_word and token.text.islower() and "ADJ" in parts_of_speech(token.text)


def is_common_noun_use(tokens: list, i: int, is_word, text: str) -> bool:
    """Is tokens[i], a lower-case ordinary word, led by a determiner or a
    lower-case possessive ("my china", "grandma's china"), not a contraction
    ("it's china") nor a proper noun's possessive ("Biden's china policy")?

    >>> from service.tokens import tokenize
    >>> s = "it's china and the family's china"
    >>> t = tokenize(s)
    >>> [is_common_noun_use(t, k, lambda w: True, s) for k, tok in enumerate(t) if tok.text == "china"]
    [False, True]
    >>> s = "from grandmas' delicate china to very aggressive china"
    >>> t = tokenize(s)
    >>> [is_common_noun_use(t, k, lambda w: True, s) for k, tok in enumerate(t) if tok.text == "china"]
    [True, False]
    """
    if i == 0 or text[tokens[i - 1].end:tokens[i].start] != " " or not is_word(tokens[i].lower):
        return False
    k = i - 1
    while k > 0 and i - k <= ADJECTIVES_BETWEEN and is_adjective(tokens[k]) \
            and text[tokens[k - 1].end:tokens[k].start] == " ":
        k -= 1  # "grandmas' delicate china": the noun phrase's adjectives
    before = tokens[k].text
    if before in DETERMINERS:
        return True
    if before in ("'", "’") and k > 0 and tokens[k - 1].end == tokens[k].start:
        before = tokens[k - 1].text + before  # "grandmas'": a plural's possessive is two tokens
    m = _POSSESSIVE.fullmatch(before)
    return m is not None and m.group(1) not in CONTRACTED


def names_unlisted(text: str, is_word, could_be_name) -> bool:
    """Does the text capitalise a word that is no ordinary word and not spelled
    or heard like any listed name: someone (or something) the gazetteer does
    not know ("Ferreira", "Mateta")?

    >>> names_unlisted("Mody and Ferreira played.", lambda w: w == "and", lambda w: w == "mody")
    True
    >>> names_unlisted("Mody's visit to Tokyo.", lambda w: w == "tokyo", lambda w: w == "mody")
    False
    """
    for m in _CAPITALISED.finditer(text):
        key = m.group(1).lower()
        if not is_word(key) and not could_be_name(key):
            return True
    return False
