"""Regular expressions written by operators (rules/*.yaml), read as parse trees.

Rule patterns run on untrusted text with Python's backtracking engine:
`check_regex_safe` refuses the shapes that backtrack catastrophically.
"""
from __future__ import annotations


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

