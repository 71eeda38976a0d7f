"""Fast matching of a block against the `chrome` rules: the same first rule, fewer regex calls.

`match_rule` gives the answer of trying `rule.matches(text)` for every rule
in order, but almost every block of an article is prose that no rule
matches, so it first asks whether any pattern rule *could* match:

1. A block longer than every rule's max_chars matches none (`RuleIndex.longest`).
2. The pattern rules that allow the block's length are joined into one
   alternation per length tier: one regex call in C instead of 30 in Python.
3. Some patterns are costly to try on every paragraph: the cookie notice's
   `(?=.{0,300}\\b(?:website|...)\\b)` scans 300 characters before it can
   fail. For each pattern we derive from its parse tree a few strings of
   which every match must contain one (`needles`: "cookie", "continuing",
   "using" for the cookie notice). A block that contains none of them
   cannot match that pattern, so only the joined pattern of the *other*
   rules is tried: the costly ones never run on ordinary prose.

Needles are sound by construction, never fitted to data: a literal run of
the pattern, the union over an alternation's branches, the inside of a
required repeat or a lookahead. Case-insensitive patterns are compared on
the lowered block, with the four non-ASCII letters that Python's
IGNORECASE matches to ASCII letters (İ ı ſ K) mapped first; needles are
ASCII only, so lowering cannot move or split them.

>>> sorted(needles_of(re.compile(r"(?:accept|reject) cookies?|by (?:continuing|using).{0,90}", re.I)))
[' cookie', 'by continuing', 'by using']
>>> sorted(needles_of(re.compile(r"(?:home|menu)\\W{0,3}", re.I)))
['home', 'menu']
>>> sorted(needles_of(re.compile(r".{1,60}\\s(?:says|said|wrote):")))
['said:', 'says:', 'wrote:']
>>> needles_of(re.compile(r"[a-z]+\\d*")) is None
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...regexes import regex_parser

# Words of a line, for rules that list words instead of a pattern.
RULE_WORDS = re.compile(r"[\w'’+]+")
# A pattern that numbers groups (backreference, conditional) cannot be joined with others.
_NUMBERED_GROUPS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
# Python's IGNORECASE also matches these to ASCII letters (see the re docs on [a-z] with IGNORECASE).
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLD_CHARS = ("\u0130", "\u0131", "\u017f", "\u212a")
# A pattern is guarded by its needles only when they are few and long enough to
# rule out most prose: each needle is one `in` test per block.
MAX_NEEDLES = 4
MIN_NEEDLE = 5
# Alternatives multiplied out into needles ("accept|reject" x " cookie") stop at this many.
_MAX_PRODUCT = 16
_index_cache: dict = {}


@lru_cache(maxsize=1024)
def needles_of(pattern: re.Pattern) -> frozenset | None:
    """Strings of which every fullmatch of `pattern` contains one, or None if none are known.

    Lowercase for a case-insensitive pattern; only ASCII needles, so that
    lowering the block is exact for them.
    """
    parser = regex_parser()
    try:
        parsed = parser.parse(pattern.pattern, pattern.flags)
        found = _Needles(parser, bool(pattern.flags & re.IGNORECASE)).sequence(list(parsed))
    except Exception:  # noqa: BLE001 - a parse tree we cannot read: no needles, the pattern is just tried
        return None
    return _reduce(found) if found else None


class _Needles:
    """The walk of a parse tree behind `needles_of`."""

    def __init__(self, parser, ignore_case: bool):
        self.p = parser
        self.ignore_case = ignore_case
        self.repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT} | (
            {parser.POSSESSIVE_REPEAT} if hasattr(parser, "POSSESSIVE_REPEAT") else set())

    def literal(self, op, av) -> str | None:
        """The character a LITERAL item matches, as compared (None when not usable)."""
        if op != self.p.LITERAL:
            return None
        ch = chr(av)
        if self.ignore_case:
            return ch.lower() if ch.isascii() else None  # non-ASCII letters may case-match others
        return ch

    def exact(self, op, av) -> frozenset | None:
        """The finite set of strings an item always matches exactly, or None.

        Zero-width assertions are {""}: they add no text, so literals on
        either side of one stay adjacent in the match.
        """
        p = self.p
        ch = self.literal(op, av)
        if ch is not None:
            return frozenset({ch})
        if op in (p.AT, p.ASSERT, p.ASSERT_NOT):
            return frozenset({""})
        if op == p.SUBPATTERN and not av[1] and not av[2]:  # no inline flags inside
            return self.exact_sequence(list(av[-1]))
        if op == p.BRANCH:
            out: set = set()
            for alt in av[1]:
                alt_set = self.exact_sequence(list(alt))
                if alt_set is None:
                    return None
                out |= alt_set
            return frozenset(out) if len(out) <= _MAX_PRODUCT else None
        if op in self.repeats and av[0] == 0 and av[1] == 1:
            inner = self.exact_sequence(list(av[2]))
            return inner | {""} if inner is not None else None
        return None

    def exact_sequence(self, items: list) -> frozenset | None:
        out = frozenset({""})
        for op, av in items:
            part = self.exact(op, av)
            if part is None:
                return None
            out = frozenset(a + b for a in out for b in part)
            if len(out) > _MAX_PRODUCT:
                return None
        return out

    def needles(self, op, av) -> frozenset | None:
        """Needles of one item (every match of it contains one), or None."""
        p = self.p
        if op == p.SUBPATTERN:
            return None if av[1] or av[2] else self.sequence(list(av[-1]))
        if op == p.BRANCH:
            out: set = set()
            for alt in av[1]:
                alt_needles = self.sequence(list(alt))
                if not alt_needles:
                    return None
                out |= alt_needles
            return frozenset(out)
        if op in self.repeats and av[0] >= 1:
            return self.sequence(list(av[2]))
        if op == p.ASSERT and av[0] == 1:  # a lookahead: what it sees lies in the line too
            return self.sequence(list(av[1]))
        return None

    def sequence(self, items: list) -> frozenset | None:
        """The best needles of a sequence: any one item's needles are the sequence's.

        Candidates: runs of exact items multiplied out ("accept|reject" then
        " cookie"), runs of plain literals (" use cookies" in "we(?: and
        our partners)? use cookies"), and each item's own needles.
        """
        candidates = []
        run: frozenset = frozenset({""})  # exact items multiplied out
        text = ""                          # plain literals (and zero-width items)
        for op, av in items:
            part = self.exact(op, av)
            if part is not None and len(part) == 1:
                text += next(iter(part))
            else:
                candidates.append(frozenset({text}))
                text = ""
            if part is not None and len(run) * len(part) <= _MAX_PRODUCT:
                run = frozenset(a + b for a in run for b in part)
            else:
                candidates.append(run)
                run = part if part is not None else frozenset({""})
            inner = self.needles(op, av)
            if inner:
                candidates.append(inner)
        candidates += [run, frozenset({text})]
        usable = [_reduce(c) for c in candidates if c and "" not in c]
        return min(usable, key=_cost) if usable else None


def _cost(needles: frozenset) -> tuple:
    """Prefer needles long enough to be rare, then few of them, then longer ones."""
    shortest = min(map(len, needles))
    return (shortest < MIN_NEEDLE, len(needles), -shortest)


def _reduce(needles: frozenset) -> frozenset:
    """Drop needles that contain another: finding the shorter one is enough.

    >>> sorted(_reduce(frozenset({"cookie", " cookies ", "using"})))
    ['cookie', 'using']
    """
    return frozenset(n for n in needles if not any(m != n and m in n for m in needles))


def fold_case(line: str) -> str:
    """The line as a case-insensitive pattern's needles are compared with.

    >>> fold_case("ACCEPT ſome Cookies")
    'accept some cookies'
    """
    if line.isascii() or not any(map(line.__contains__, _FOLD_CHARS)):
        return line.lower()
    return line.translate(_ASCII_FOLD).lower()  # slow for non-ASCII text: only when needed


@dataclass(frozen=True)
class Tier:
    """The pattern rules allowed `limit` characters, as match_rule tries them.

    joined: every such pattern as one alternation, for a tier without
    guarded patterns (None when they cannot be joined, or the tier is
    guarded); rest: the patterns that are not guarded, as one alternation
    (None when there are none left); needles: the guarded patterns'
    needles, split by how they are compared (folded case, exact case).
    Without a needle in the block no guarded pattern can match, so `rest`
    decides; with one (rare), every rule is tried in turn. Compiling one
    alternation per tier instead of two halved this index's start-up cost.
    """

    limit: int
    joined: re.Pattern | None
    rest: re.Pattern | None
    folded: tuple
    exact: tuple

    @property
    def guarded(self) -> bool:
        return bool(self.folded or self.exact)

    def may_match(self, line: str) -> bool:
        """False when no pattern rule of this tier can fullmatch the line."""
        if self.guarded:
            if self.exact and any(map(line.__contains__, self.exact)):
                return True
            if self.folded and any(map(fold_case(line).__contains__, self.folded)):
                return True
            return self.rest is not None and self.rest.fullmatch(line) is not None
        if self.joined is None:
            return True  # not joinable: every rule is tried in turn
        return self.joined.fullmatch(line) is not None


@dataclass(frozen=True)
class RuleIndex:
    """What match_rule reads of a rule tuple, built once per tuple.

    longest: the largest max_chars (a longer block matches no rule); tiers:
    one Tier per distinct max_chars, ascending (a block of n characters
    uses the first tier whose limit is >= n); word_rules: the rules without
    a pattern, in order.
    """

    longest: int
    tiers: tuple
    word_rules: tuple

    def tier_for(self, size: int) -> Tier | None:
        """The tier of the rules that allow `size` characters."""
        for tier in self.tiers:
            if size <= tier.limit:
                return tier
        return None


def rule_index(rules) -> RuleIndex:
    """The RuleIndex of a rule tuple (cached by identity)."""
    hit = _index_cache.get(id(rules))
    if hit is None or hit[0] is not rules:  # an id may be reused after a rules reload
        if len(_index_cache) >= 8:
            _index_cache.clear()  # rules reloaded many times: keep no dead rule sets alive
        hit = _index_cache[id(rules)] = (rules, _build_index(rules))
    return hit[1]


def _join_patterns(patterns: list):
    """One alternation of compiled patterns, or None when they cannot be joined."""
    if not patterns or any(_NUMBERED_GROUPS.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(
            f"(?{'i' if p.flags & re.IGNORECASE else '-i'}:{p.pattern})" for p in patterns))
    except re.error:  # e.g. a pattern with global inline flags: try them one by one
        return None


def _build_tier(limit: int, patterns: list) -> Tier:
    found = [(p, needles_of(p)) for p in patterns]
    guarded = [(p, n) for p, n in found if n and len(n) <= MAX_NEEDLES and min(map(len, n)) >= MIN_NEEDLE]
    names = {id(p) for p, _ in guarded}
    rest = [p for p in patterns if id(p) not in names]
    rest_joined = _join_patterns(rest) if rest else None
    if not guarded or (rest and rest_joined is None):
        # no guard, or the others cannot be tried at once: all as one alternation
        joined = rest_joined if not guarded else _join_patterns(patterns)
        return Tier(limit, joined, joined, (), ())
    folded = _reduce(frozenset().union(*(n for p, n in guarded if p.flags & re.IGNORECASE)))
    exact = _reduce(frozenset().union(*(n for p, n in guarded if not p.flags & re.IGNORECASE)))
    return Tier(limit, None, rest_joined, tuple(sorted(folded)), tuple(sorted(exact)))


def _build_index(rules) -> RuleIndex:
    limits = sorted({r.max_chars for r in rules})
    tiers = tuple(_build_tier(limit, [r.pattern for r in rules if r.pattern is not None and r.max_chars >= limit])
                  for limit in limits)
    return RuleIndex(max(limits, default=0), tiers, tuple(r for r in rules if r.pattern is None))


def match_rule(text: str, rules):
    """The first rule that matches the whole block, if any (see the module docstring).

    Same answer as trying `rule.matches(text)` in order: the line is
    stripped and split into words once per block instead of once per rule.
    """
    line = text.strip()
    index = rule_index(rules)
    if not line or len(line) > index.longest:
        return None
    tier = index.tier_for(len(line))
    if tier is not None and not tier.may_match(line):
        rules = index.word_rules  # no pattern rule can match
    words = None
    for rule in rules:
        if len(line) > rule.max_chars:
            continue
        if rule.pattern is not None:
            if rule.pattern.fullmatch(line) is not None:
                return rule
            continue
        if words is None:
            words = [w.lower() for w in RULE_WORDS.findall(line)]
        if len(words) >= rule.min_words and all(w in rule.words for w in words):
            return rule
    return None
