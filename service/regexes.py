"""Regular expressions written by operators (rules/*.yaml), read as parse trees.

Rule patterns run on untrusted text with Python's backtracking engine:
`check_regex_safe` refuses the shapes that backtrack catastrophically.
`required_literals` reads the strings every match must contain, so that a
step tries a pattern only on text that holds them (the chrome step's
needles, the context step's required groups and leading literals).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple


def regex_parser():
    """The standard library's regex parser (re._parser, sre_parse before 3.11)."""
    try:
        from re import _parser as parser  # Python >= 3.11
    except ImportError:  # pragma: no cover - older Pythons
        import sre_parse as parser
    return parser


def check_regex_safe(source: str) -> None:
    """Raise ValueError for a rule pattern that may backtrack catastrophically.

    Rule patterns come from operators and run on untrusted text with Python's
    backtracking engine, so two shapes are refused: a repeat inside an
    unbounded repeat ("(a+)+", "(.*a){20}") and an alternation inside an
    unbounded repeat ("(a|aa)+"), whose overlapping branches backtrack
    exponentially. Character classes ("[ab]+") are single steps and stay fine.

    >>> check_regex_safe(r"\\bcould of\\b")
    >>> check_regex_safe(r"(?:share|tweet) this")
    >>> check_regex_safe(r"(a+)+b")
    Traceback (most recent call last):
    ValueError: nested quantifier in pattern (may backtrack catastrophically)
    >>> check_regex_safe(r"(a|aa)+$")
    Traceback (most recent call last):
    ValueError: alternation inside a repeat may backtrack catastrophically (overlapping branches)
    """
    parser = regex_parser()
    parsed = parser.parse(source)
    repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT}
    repeats |= {getattr(parser, "POSSESSIVE_REPEAT")} if hasattr(parser, "POSSESSIVE_REPEAT") else set()

    def walk(items, inside_repeat: bool) -> None:
        for op, av in items:
            if op in repeats:
                lo, hi, sub = av
                unbounded = hi == parser.MAXREPEAT or hi > 10
                if inside_repeat and unbounded:
                    raise ValueError("nested quantifier in pattern (may backtrack catastrophically)")
                walk(sub, inside_repeat or unbounded)
            elif op == parser.SUBPATTERN:
                walk(av[-1], inside_repeat)
            elif op == parser.BRANCH:
                if inside_repeat:
                    raise ValueError("alternation inside a repeat may backtrack catastrophically "
                                     "(overlapping branches)")
                for alt in av[1]:
                    walk(alt, inside_repeat)
            elif op in (parser.ASSERT, parser.ASSERT_NOT):
                walk(av[1], inside_repeat)

    walk(parsed, False)



# Alternatives multiplied out into literals ("accept|reject" x " cookie") stop at this many.
MAX_PRODUCT = 16
# An alternation of more plain literals than this is not read as literals.
MAX_ALTERNATIVES = 64
_EMPTY = frozenset({""})


class RequiredLiterals(NamedTuple):
    """What every match of a pattern contains, read from its parse tree.

    groups  sets of strings, each reduced (no string holds another of its
            set), in the pattern's order: every match contains a string of
            every group. Candidates: literal runs, exact parts multiplied out,
            and the best group of each required subpattern or lookahead.
    lead    strings one of which every match begins with (empty: unknown).

    Strings are lower-case for a case-insensitive pattern, and ASCII only
    there: lowering a text moves no ASCII letter, and Python's IGNORECASE
    matches some non-ASCII letters to others.
    """

    groups: tuple
    lead: frozenset


@lru_cache(maxsize=1024)
def required_literals(source: str, flags: int = 0) -> RequiredLiterals:
    """The literals every match of `source` (compiled with `flags`) must hold.

    Sound by construction, never fitted to data: a literal run of the
    pattern, the product of exact parts ("(?:accept|reject) cookie"), the
    union over an alternation's branches, the inside of a required repeat or
    a lookahead. A pattern we cannot parse has none.

    >>> [sorted(g) for g in required_literals(r"(?:Accept|reject) (all )?cookies.{0,90}", re.I).groups]
    [['accept', 'reject'], [' '], ['cookies'], ['accept all cookies', 'accept cookies', 'reject all cookies', 'reject cookies']]
    >>> [sorted(g) for g in required_literals(r"accept cookies|by (?:continuing|using)").groups]
    [['accept cookies', 'by continuing', 'by using']]
    >>> sorted(required_literals(r"\\b(could|must)(n't)? of\\b(?! course)", re.I).lead)
    ['could of', "couldn't of", 'must of', "mustn't of"]
    >>> required_literals(r"[a-z]+\\d*")
    RequiredLiterals(groups=(), lead=frozenset())
    """
    parser = regex_parser()
    try:
        parsed = parser.parse(source, flags)
        walk = _LiteralWalk(parser, bool(flags & re.IGNORECASE))
        groups, lead = walk.sequence(list(parsed))
    except Exception:  # noqa: BLE001 - a parse tree we cannot read: nothing is known
        return RequiredLiterals((), frozenset())
    return RequiredLiterals(tuple(dict.fromkeys(groups)), lead if "" not in lead else frozenset())


def reduce_literals(strings: frozenset) -> frozenset:
    """Drop strings that contain another: finding the shorter one is enough.

    >>> sorted(reduce_literals(frozenset({"cookie", " cookies ", "using"})))
    ['cookie', 'using']
    """
    return frozenset(n for n in strings if not any(m != n and m in n for m in strings))


def _product(a: frozenset, b: frozenset) -> frozenset:
    return frozenset(x + y for x in a for y in b)


class _LiteralWalk:
    """The walk of a parse tree behind `required_literals`."""

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
            return _EMPTY
        if op == p.SUBPATTERN and not av[1] and not av[2]:  # no inline flags inside
            return self.exact_sequence(list(av[-1]))
        if op == p.BRANCH:
            out: set = set()
            for alt in av[1]:
                alt_set = self.exact_sequence(list(alt))
                if alt_set is None:
                    return None
                out |= alt_set
            return frozenset(out) if len(out) <= MAX_ALTERNATIVES else None
        if op in self.repeats and av[0] == 0 and av[1] == 1:
            inner = self.exact_sequence(list(av[2]))
            return inner | _EMPTY if inner is not None else None
        return None

    def exact_sequence(self, items: list) -> frozenset | None:
        out = _EMPTY
        for op, av in items:
            part = self.exact(op, av)
            if part is None:
                return None
            out = _product(out, part)
            if len(out) > MAX_ALTERNATIVES:
                return None
        return out

    def needles(self, op, av) -> frozenset | None:
        """The best group of one item (every match of it contains one), or None."""
        p = self.p
        if op == p.SUBPATTERN:
            return None if av[1] or av[2] else _best(self.sequence(list(av[-1]))[0])
        if op == p.BRANCH:
            out: set = set()
            for alt in av[1]:
                alt_needles = _best(self.sequence(list(alt))[0])
                if not alt_needles:
                    return None
                out |= alt_needles
            return frozenset(out)
        if op in self.repeats and av[0] >= 1:
            return _best(self.sequence(list(av[2]))[0])
        if op == p.ASSERT and av[0] == 1:  # a lookahead: what it sees lies in the text too
            return _best(self.sequence(list(av[1]))[0])
        return None

    def sequence(self, items: list) -> tuple:
        """(groups, lead) of a sequence: any one item's groups are the sequence's.

        Candidates: runs of exact items multiplied out ("accept|reject" then
        " cookie"), runs of plain literals (" use cookies" in "we(?: and
        our partners)? use cookies"), and each item's own best group. The
        lead is the run of exact items the sequence opens with.
        """
        candidates = []
        run = _EMPTY   # exact items multiplied out
        text = ""      # plain literals (and zero-width items)
        lead = None
        for op, av in items:
            part = self.exact(op, av)
            if part is not None and len(part) == 1:
                text += next(iter(part))
            else:
                candidates.append(frozenset({text}))
                text = ""
            if part is not None and (run == _EMPTY or len(run) * len(part) <= MAX_PRODUCT):
                run = _product(run, part)
            else:
                candidates.append(run)
                if lead is None:
                    lead = run
                run = part if part is not None else _EMPTY
            inner = self.needles(op, av)
            if inner:
                candidates.append(inner)
        candidates += [run, frozenset({text})]
        groups = [reduce_literals(c) for c in candidates if c and "" not in c]
        return groups, (run if lead is None else lead)


def _best(groups: list) -> frozenset | None:
    """The group a search is cheapest with (see `literal_cost`), or None."""
    return min(groups, key=literal_cost) if groups else None


# A needle shorter than this is found in most prose: it rules little out.
MIN_SELECTIVE = 5


def literal_cost(group: frozenset) -> tuple:
    """Prefer strings long enough to be rare, then few of them, then longer ones."""
    shortest = min(map(len, group))
    return (shortest < MIN_SELECTIVE, len(group), -shortest)
