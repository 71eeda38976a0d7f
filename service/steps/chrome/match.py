"""The `chrome` rules compiled (`compile_rules`, `LineRule`), and fast matching of a block against them.

Matching gives the same first rule with fewer regex calls.

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

Needles are sound by construction, never fitted to data: the cheapest group
of service.regexes.required_literals (the parse-tree walk the context step's
patterns share). Case-insensitive patterns are compared on
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

from ...errors import RulesError
from ...regexes import MIN_SELECTIVE, check_regex_safe, literal_cost, reduce_literals, required_literals

# Words of a line, for rules that list words instead of a pattern.
RULE_WORDS = re.compile(r"[\w'’+]+")
# Characters no row of buttons or labels holds but code and formulas do: "( x):"
# is a fragment of a function's signature, not the X share button; "#X#." a row
# of a puzzle's grid or a board ("#" stands before a hashtag's word, never inside a label).
_NOT_LABELS = re.compile(r"[()\[\]{}=<>;]|\w#|#(?![^\W\d_])")


RULE_SCHEMA = {
    "type": "object",
    "required": ["message"],
    "oneOf": [{"required": ["pattern"]}, {"required": ["words"]}],
    "properties": {
        # a regular expression the whole (stripped) line must match, case-insensitively
        "pattern": {"type": "string", "minLength": 1},
        # or: every word of the line is one of these (a row of share buttons)
        "words": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "min_words": {"type": "integer", "minimum": 1},
        "case_sensitive": {"type": "boolean"},
        # anywhere: chrome even between two article paragraphs; outside: only
        # before or after the article (a bare "Home" or a byline)
        "where": {"enum": ["anywhere", "outside"]},
        "max_chars": {"type": "integer", "minimum": 1},
        # the heading of a list of links ("Related Articles"): after the article,
        # the lines below it go too, up to the next run of paragraphs
        "starts_list": {"type": "boolean"},
        # a line only a comment section has ("Leave a Reply"): once there is prose
        # above it, the article ended before it
        "ends_article": {"type": "boolean"},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        # any_language: the pattern holds in every language ("© 2024 …"); the
        # other rules are English phrases and only run on English text
        "any_language": {"type": "boolean"},
    },
}
_DEFAULT_MAX_CHARS = 200
@dataclass(frozen=True)
class LineRule:
    """A compiled entry of rules/chrome.yaml."""

    id: str
    message: str
    pattern: re.Pattern | None
    words: frozenset
    min_words: int
    anywhere: bool
    max_chars: int
    confidence: float
    starts_list: bool = False
    ends_article: bool = False
    any_language: bool = False

    def matches(self, line: str) -> bool:
        """True when the whole stripped line is this rule's chrome.

        >>> LineRule("x", "", re.compile("menu", re.I), frozenset(), 1, True, 200, 0.9).matches(" Menu ")
        True
        """
        line = line.strip()
        if not line or len(line) > self.max_chars:
            return False
        if self.pattern is not None:
            return self.pattern.fullmatch(line) is not None
        words = label_words(line)
        return len(words) >= self.min_words and all(w in self.words for w in words)


def compile_rules(entries: list[dict]) -> tuple[LineRule, ...]:
    """Compile each entry once; a bad or unsafe pattern raises RulesError naming the rule."""
    compiled = []
    for entry in entries:
        pattern = None
        if "pattern" in entry:
            source = entry["pattern"]
            try:
                pattern = re.compile(source, 0 if entry.get("case_sensitive") else re.IGNORECASE)
            except re.error as exc:
                raise RulesError(f"rule {entry['id']}: bad pattern {source!r}: {exc}") from None
            try:
                check_regex_safe(source)
            except ValueError as exc:
                raise RulesError(f"rule {entry['id']}: pattern {source!r}: {exc}") from None
        compiled.append(LineRule(
            id=entry["id"], message=entry["message"], pattern=pattern,
            words=frozenset(w.lower() for w in entry.get("words", ())),
            min_words=entry.get("min_words", 1), anywhere=entry.get("where", "anywhere") == "anywhere",
            max_chars=entry.get("max_chars", _DEFAULT_MAX_CHARS), confidence=entry.get("confidence", 0.9),
            starts_list=entry.get("starts_list", False), ends_article=entry.get("ends_article", False),
            any_language=entry.get("any_language", False)))
    return tuple(compiled)


def label_words(line: str) -> list[str]:
    """The lower-cased words a `words` rule reads of a stripped line; none for a line of code.

    >>> label_words("Share on X | Email"), label_words("( x):"), label_words("##.X")
    (['share', 'on', 'x', 'email'], [], [])
    """
    if _NOT_LABELS.search(line):
        return []
    return [w.lower() for w in RULE_WORDS.findall(line)]
# A pattern that numbers groups (backreference, conditional) cannot be joined with others.
_NUMBERED_GROUPS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
# Python's IGNORECASE also matches these to ASCII letters (see the re docs on [a-z] with IGNORECASE).
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLD_CHARS = ("\u0130", "\u0131", "\u017f", "\u212a")
# A pattern is guarded by its needles only when they are few and long enough to
# rule out most prose: each needle is one `in` test per block.
MAX_NEEDLES = 4
MIN_NEEDLE = MIN_SELECTIVE
_index_cache: dict = {}


@lru_cache(maxsize=1024)
def needles_of(pattern: re.Pattern) -> frozenset | None:
    """Strings of which every fullmatch of `pattern` contains one, or None if none are known:
    the cheapest group of service.regexes.required_literals.

    Lowercase for a case-insensitive pattern; only ASCII needles, so that
    lowering the block is exact for them.
    """
    groups = required_literals(pattern.pattern, pattern.flags).groups
    return min(groups, key=literal_cost) if groups else None


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
    folded = reduce_literals(frozenset().union(*(n for p, n in guarded if p.flags & re.IGNORECASE)))
    exact = reduce_literals(frozenset().union(*(n for p, n in guarded if not p.flags & re.IGNORECASE)))
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
            words = label_words(line)
        if len(words) >= rule.min_words and all(w in rule.words for w in words):
            return rule
    return None
