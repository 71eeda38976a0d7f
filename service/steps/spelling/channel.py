"""The noisy channel of the `spelling` step: log P(typo | word) of one typist's slip.

Keyboard slips (a neighbouring key, a doubled or dropped double letter, two swapped
letters) are far more common than arbitrary edits; `channel_logp` scores one classified
slip, else the cheapest alignment weighted by the same costs. `rank` adds the word's
prior and its context.

>>> channel_logp("tsste", "taste") == OP_LOGP["sub_adjacent"]
True
>>> classify_edit("alloowed", "allowed")
'ins_double'
"""
from __future__ import annotations

import math
from functools import lru_cache

LN10 = math.log(10)

# log P(token | intended word) of one slip, natural log. Keyboard slips (a
# neighbouring key, a doubled or dropped double letter, two swapped letters)
# are far more common than arbitrary edits; a missing space is the most common
# of all in scraped and typed text.
# Each value is the probability of one particular slip, not of its kind: a swap of
# two letters can be made one way at a place, a neighbouring key added there one of
# about a dozen ways (six keys around each of two letters). So a swap is no rarer
# than a neighbouring key put for a letter or a doubled letter, and likelier than a
# neighbouring key added: "financse" is "finances" swapped before "finance" with an
# "s" added (typing studies count transpositions a tenth to a fifth of all slips).
OP_LOGP = {
    "sub_adjacent": -3.0 * LN10,
    "sub": -4.3 * LN10,
    "ins_double": -3.0 * LN10,
    "ins_adjacent": -3.3 * LN10,
    "ins": -4.3 * LN10,
    "del_double": -3.0 * LN10,
    "del": -3.5 * LN10,
    "swap": -3.0 * LN10,
    "space": -2.5 * LN10,
}
_COST = {k: -v for k, v in OP_LOGP.items()}
# The slips of a typist's fingers: a neighbouring key, a doubled letter written once
# or twice, two letters swapped, a letter dropped. An arbitrary letter added or put
# for another is as often another word's spelling: a name's ("Schoorl", a Dutch
# village, is "School" with an r no key near o or l gives).
FINGER_SLIPS = frozenset({"sub_adjacent", "ins_double", "ins_adjacent", "del_double", "del", "swap"})
# Writers rarely mistype a word's first letter; a token that differs from a
# word there is more often another word or an identifier ("fsync", "xdiff").
FIRST_LETTER_LOGP = -1.0 * LN10
# A token that is a word with another letter before it ("umask", "xdelta",
# "dcommit") is the shape of an identifier or a term built on that word far more
# often than a slip (typists drop a first letter; they seldom prefix one). So is
# a word with its first letter doubled ("pprint", "mmap", "ccache", "fflags"): no
# English word starts with a doubled consonant, and edited web text holds next
# to none of them, while documentation names modules and commands so.
# That reading's weight goes to keeping the token, all but this share.
PREFIXED_LETTER_LOGP = -2.0 * LN10

_ROWS = ("1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./")


def _build_neighbours() -> dict:
    """QWERTY keys touching each key (same row and the rows above and below)."""
    pos = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    out: dict[str, set] = {ch: set() for ch in pos}
    for a, (ra, ca) in pos.items():
        for b, (rb, cb) in pos.items():
            # rows are staggered by about half a key to the right going down
            if a != b and abs(ra - rb) <= 1 and -1 <= (cb - ca) + (0.5 * (rb - ra) if ra != rb else 0) <= 1:
                out[a].add(b)
    return out


_NEIGHBOURS = _build_neighbours()


def keyboard_adjacent(a: str, b: str) -> bool:
    """True when two keys touch on a QWERTY keyboard.

    >>> keyboard_adjacent("s", "a"), keyboard_adjacent("r", "f"), keyboard_adjacent("a", "p")
    (True, True, False)
    """
    return b in _NEIGHBOURS.get(a, ())


def _insert_kind(s: str, i: int) -> str:
    """Kind of the extra letter s[i]: a doubled letter, a neighbouring key, or other."""
    ch = s[i]
    near = [s[j] for j in (i - 1, i + 1) if 0 <= j < len(s)]
    if ch in near:
        return "ins_double"
    if any(keyboard_adjacent(ch, n) for n in near):
        return "ins_adjacent"
    return "ins"


def _delete_kind(w: str, j: int) -> str:
    """Kind of the dropped letter w[j]: one of a double letter, or other."""
    if (j > 0 and w[j - 1] == w[j]) or (j + 1 < len(w) and w[j + 1] == w[j]):
        return "del_double"
    return "del"


def classify_edit(typo: str, word: str) -> str | None:
    """The single edit that turns `word` into `typo`, or None if it takes more.

    >>> classify_edit("tsste", "taste"), classify_edit("crodw", "crowd"), classify_edit("pyment", "payment")
    ('sub_adjacent', 'swap', 'del')
    """
    n, m = len(typo), len(word)
    p = 0
    while p < min(n, m) and typo[p] == word[p]:
        p += 1
    if n == m:
        if p == n:
            return None
        if typo[p + 1:] == word[p + 1:]:
            return "sub_adjacent" if keyboard_adjacent(word[p], typo[p]) else "sub"
        if p + 1 < n and typo[p] == word[p + 1] and typo[p + 1] == word[p] and typo[p + 2:] == word[p + 2:]:
            return "swap"
        return None
    if n == m + 1 and typo[p + 1:] == word[p:]:
        return _insert_kind(typo, p)
    if m == n + 1 and typo[p:] == word[p + 1:]:
        return _delete_kind(word, p)
    return None


def is_finger_slip(typo: str, word: str) -> bool:
    """`typo` is `word` with one of the FINGER_SLIPS (lower case).

    >>> is_finger_slip("hwoever", "however"), is_finger_slip("goverment", "government")
    (True, True)
    >>> is_finger_slip("schoorl", "school"), is_finger_slip("mazk", "mask"), is_finger_slip("magk", "mask")
    (False, True, False)
    """
    return classify_edit(typo, word) in FINGER_SLIPS


@lru_cache(maxsize=65536)
def channel_logp(typo: str, word: str) -> float:
    """log P(typo | word): one classified slip, else the cheapest weighted alignment.

    >>> channel_logp("goverment", "government") == OP_LOGP["del"]
    True
    >>> channel_logp("cokmercial", "commercial") > channel_logp("cozmercial", "commercial")
    True
    >>> channel_logp("fsync", "sync") < channel_logp("synnc", "sync")
    True
    """
    first = FIRST_LETTER_LOGP if typo[:1] != word[:1] else 0.0
    kind = classify_edit(typo, word)
    if kind is not None:
        return OP_LOGP[kind] + first
    return -_weighted_distance(typo, word) + first


def _weighted_distance(a: str, b: str) -> float:
    """Optimal-string-alignment distance with the slip costs of OP_LOGP (a = typo)."""
    n, m = len(a), len(b)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + _COST[_insert_kind(a, i - 1)]
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + _COST[_delete_kind(b, j - 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                best = d[i - 1][j - 1]
            else:
                sub = "sub_adjacent" if keyboard_adjacent(b[j - 1], a[i - 1]) else "sub"
                best = d[i - 1][j - 1] + _COST[sub]
            best = min(best, d[i - 1][j] + _COST[_insert_kind(a, i - 1)],
                       d[i][j - 1] + _COST[_delete_kind(b, j - 1)])
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, d[i - 2][j - 2] + _COST["swap"])
            d[i][j] = best
    return d[n][m]
