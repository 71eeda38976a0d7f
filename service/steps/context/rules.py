"""Rules of the `context` step: the schema of rules/context.yaml and its compiled form.

`compile_rules` turns the file's entries into a `CompiledRules`: word ->
`Partner`s (confusion sets and uncurated `similar` words), `Join`s ("in to"
-> "into"), compiled `Pattern`s and the possessive switch. It also derives,
once at load time (before gunicorn forks), the tables the step reads on
every request: the spellings of every scored word as they may appear in a
text (`CompiledRules.cased`) and the scanner's chunk caches
(`scan.ScanTables`).

>>> rules = compile_rules([{"id": "confusion.x", "kind": "confusion", "words": ["then", "than"],
...                         "threshold": 10, "source": "t"}])
>>> [p.word for p in rules.partners["then"]], rules.cased["Then"]
(['than'], 'then')
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.metadata import version as _pkg_version

from ...errors import RulesError
from ...lexicon import ENGLISH_FUNCTION_WORDS, frequent_words
from ...resources import load_cached
from ...regexes import check_regex_safe, regex_parser, required_literals
from . import model as context_model
from .candidates import candidate_map
from .scan import ScanTables

_WORD_RE = r"^[a-z]+(?:'[a-z]+)?$"

RULE_SCHEMA = {
    # Draft 7 has all this schema needs, and jsonschema checks a draft-7 schema
    # against its metaschema far faster than a 2020-12 one: service.rules
    # re-checks the schema for every entry, and this file has 130 of them.
    "$schema": "http://json-schema.org/draft-07/schema#",
    "required": ["kind"],
    "properties": {
        "kind": {"enum": ["confusion", "pattern", "similar", "possessive", "join", "candidates"]},
        "generator": {"enum": ["homophone", "near"]},
        "joined": {"type": "string", "pattern": _WORD_RE},
        "words": {"type": "array", "minItems": 2, "uniqueItems": True,
                  "items": {"type": "string", "pattern": _WORD_RE}},
        "threshold": {"type": "number", "exclusiveMinimum": 1},
        # candidates: the ratio from which a change below `threshold` is still suggested
        # (default threshold / SUGGEST_FRACTION)
        "suggest_threshold": {"type": "number", "exclusiveMinimum": 1},
        # per-direction override: changing FROM this word needs this threshold,
        # or (a set of three or more) {partner: threshold} for each partner it names
        "from_thresholds": {"type": "object", "propertyNames": {"pattern": _WORD_RE},
                            "additionalProperties": {"oneOf": [
                                {"type": "number", "exclusiveMinimum": 1},
                                {"type": "object", "minProperties": 1, "propertyNames": {"pattern": _WORD_RE},
                                 "additionalProperties": {"type": "number", "exclusiveMinimum": 1}}]}},
        "pattern": {"type": "string", "minLength": 1, "maxLength": 300},
        "replacement": {"type": "string"},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "min_zipf": {"type": "number", "minimum": 2.5, "maximum": 7},
    },
    "allOf": [
        {"if": {"properties": {"kind": {"const": "confusion"}}},
         "then": {"required": ["words", "threshold", "source"],
                  "not": {"anyOf": [{"required": ["pattern"]}, {"required": ["replacement"]},
                                    {"required": ["joined"]}]}}},
        {"if": {"properties": {"kind": {"const": "pattern"}}},
         "then": {"required": ["pattern", "replacement", "source"],
                  "not": {"anyOf": [{"required": ["words"]}, {"required": ["threshold"]}]}}},
        {"if": {"properties": {"kind": {"const": "possessive"}}},
         "then": {"required": ["confidence", "source"],
                  "not": {"anyOf": [{"required": ["words"]}, {"required": ["pattern"]},
                                    {"required": ["threshold"]}]}}},
        {"if": {"properties": {"kind": {"const": "join"}}},
         "then": {"required": ["words", "joined", "threshold", "source"],
                  "properties": {"words": {"maxItems": 2}},
                  "not": {"anyOf": [{"required": ["pattern"]}, {"required": ["from_thresholds"]}]}}},
        {"if": {"properties": {"kind": {"const": "candidates"}}},
         "then": {"required": ["generator", "threshold", "min_zipf", "source"],
                  "not": {"anyOf": [{"required": ["words"]}, {"required": ["pattern"]}]}}},
        {"if": {"properties": {"kind": {"const": "similar"}}},
         "then": {"required": ["threshold", "min_zipf", "source"],
                  "not": {"anyOf": [{"required": ["words"]}, {"required": ["pattern"]}]}}},
    ],
}


@dataclass(frozen=True)
class Partner:
    """A word another word is confused with, and the set that says so."""

    word: str
    rule: str
    threshold: float
    # the document prior may lower the threshold (curated sets); uncurated
    # `similar` partners keep theirs: a text with errors does not make
    # "wore" -> "were" any likelier
    boosted: bool = True
    # open-ended candidates (kind: candidates) must be favoured by both
    # neighbours, not one (see candidates.two_sided)
    two_sided: bool = False
    # the ratio from which a change below `threshold` is suggested; 0: the step's
    # default (threshold / SUGGEST_FRACTION)
    suggest: float = 0.0


@dataclass(frozen=True)
class Join:
    """Two words ("in", "to") that are likely one ("into") when the model says so."""

    first: str
    second: str
    joined: str
    rule: str
    threshold: float


@dataclass(frozen=True)
class Pattern:
    """A compiled context pattern."""

    regex: re.Pattern
    replacement: str
    rule: str
    message: str
    confidence: float
    trigger: str = ""  # a word every match contains (run reads `requires`, which is stricter)
    # groups of literal strings (lower-case); every match contains one string of
    # each group: cheaper to look for in the lowered text than running the
    # pattern (see required_literal_groups); () = always run
    requires: tuple = ()
    # literal strings (lower-case) one of which every match begins with: the
    # pattern is tried only where one occurs (see context.pattern_matches); () = scan
    lead: tuple = ()
    # per group of `requires`, a string each of its strings holds ("tact" of "change tact",
    # "a new tact", ...), or "": one test rules out a group absent from the text
    shared: tuple = field(default=(), init=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "shared", tuple(shared_substring(g) for g in self.requires))


@dataclass(frozen=True)
class CompiledRules:
    """What `run` reads: word -> partners, the joins and patterns, and tables derived from them.

    The derived fields are built here, once per rules file at load time, so
    that a request pays for none of them: `cased` and `join_cased` map a
    token as written to its rule key (see `spellings`); `scan` holds the
    scanner's word sets and chunk caches; `memos` maps (id(model), kind) to the
    memo of `best_partner` answers or of the sides' facts (news repeats "of the",
    "to be" thousands of times, and for one rule set and one model the answer is fixed).
    """

    partners: dict   # lower-case word -> tuple[Partner, ...]
    patterns: tuple  # Pattern, ...
    possessive: tuple = ()  # (rule, confidence) when the possessive check is on
    joins: dict = None      # first word -> tuple[Join, ...]
    cased: dict = field(default=None, compare=False, repr=False)
    join_cased: dict = field(default=None, compare=False, repr=False)
    scan: ScanTables = field(default=None, compare=False, repr=False)
    memos: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        joins = self.joins or {}
        cased, join_cased = spellings(self.partners), spellings(joins)
        # a join's second word is looked up as the token after its first
        seconds = {j.second for js in joins.values() for j in js}
        object.__setattr__(self, "cased", cased)
        object.__setattr__(self, "join_cased", join_cased)
        object.__setattr__(self, "scan", ScanTables(frozenset(cased.keys() | join_cased.keys() | seconds),
                                                    bool(self.possessive)))

    def memo_for(self, model, kind: str = "best_partner") -> dict:
        """The memo of `kind` (`best_partner`'s answers, or `sides`: sides.side_facts) for one
        model (models are cached for good: their ids stay theirs)."""
        key = (id(model), kind)
        memo = self.memos.get(key)
        if memo is None:
            memo = self.memos.setdefault(key, {})
        return memo


def spellings(words) -> dict:
    """Token text -> rule key, for the spellings of each key the step may edit.

    The lower-case and capitalised forms, with straight or typographic
    apostrophes: the only ones `may_edit_casing` lets through (an all-capitals
    word is an acronym and never edited, so it is never looked at either).

    >>> sorted(spellings(["it's"]).items())
    [("It's", "it's"), ('It’s', "it's"), ("it's", "it's"), ('it’s', "it's")]
    """
    cased = {}
    for w in words:
        for form in (w, w[:1].upper() + w[1:]):
            cased[form] = w
            cased[form.replace("'", "’")] = w
    return cased


# ---------------------------------------------------------------- compiling

def compile_rules(entries: list) -> CompiledRules:
    """Build the partner map and compile the patterns; RulesError names a bad entry."""
    partners: dict[str, list] = {}
    patterns = []
    possessive: tuple = ()
    joins: dict[str, list] = {}
    # curated sets first: a pair they list keeps their rule and threshold
    ordered = sorted(entries, key=lambda e: e["kind"] in ("similar", "candidates"))
    for entry in ordered:
        rule = f"context.{entry['id']}"
        try:
            if entry["kind"] == "confusion":
                add_confusion_set(partners, entry["words"], rule, float(entry["threshold"]),
                                  entry.get("from_thresholds", {}))
            elif entry["kind"] == "possessive":
                possessive = (rule, float(entry["confidence"]))
            elif entry["kind"] == "join":
                first, second = entry["words"]
                joins.setdefault(first, []).append(
                    Join(first, second, entry["joined"], rule, float(entry["threshold"])))
            elif entry["kind"] == "candidates":
                add_candidates(partners, entry["generator"], float(entry["min_zipf"]), rule,
                               float(entry["threshold"]), float(entry.get("suggest_threshold", 0.0)))
            elif entry["kind"] == "similar":
                add_similar_words(partners, float(entry["min_zipf"]), rule, float(entry["threshold"]))
            else:
                patterns.append(compile_pattern(entry, rule))
        except (re.error, ValueError) as exc:
            raise RulesError(f"rule {entry['id']!r}: {exc}") from None
    return CompiledRules({w: tuple(ps) for w, ps in partners.items()}, tuple(patterns), possessive,
                         {w: tuple(js) for w, js in joins.items()})


# Part of the similar-words cache name: bump it when context_model.similar_words
# or is_variant changes what they return (2: plural US/UK variants, "centers").
SIMILAR_VERSION = 2


def add_similar_words(partners: dict, min_zipf: float, rule: str, threshold: float) -> None:
    """Frequent words one edit away that sound alike become partners too (uncurated).

    Built once (about a second) and cached on disk: the map is the same for every request.
    """
    def build() -> dict:
        return context_model.similar_words(frequent_words(min_zipf))

    # a pure function of min_zipf and the pinned wordfreq: cached on disk for start-up
    similar_map = load_cached(f"similar-words-{SIMILAR_VERSION}-{_pkg_version('wordfreq')}-{min_zipf}", build)
    for word, similar in similar_map.items():
        existing = partners.setdefault(word, [])
        known = {p.word for p in existing}
        existing.extend(Partner(c, rule, threshold, False) for c in similar if c not in known)


def add_candidates(partners: dict, generator: str, min_zipf: float, rule: str, threshold: float,
                   suggest: float = 0.0) -> None:
    """Open-ended candidates (`candidates.candidate_map`) become uncurated, two-sided partners,
    suggested from `suggest` (0: the step's default) and applied from `threshold`.

    A pair a curated set or an earlier entry lists keeps that entry's rule and threshold.
    """
    if suggest and suggest > threshold:
        raise ValueError(f"suggest_threshold {suggest:g} is above threshold {threshold:g}")
    for word, found in candidate_map(generator, min_zipf).items():
        existing = partners.setdefault(word, [])
        known = {p.word for p in existing}
        existing.extend(Partner(c, rule, threshold, False, True, suggest) for c in found if c not in known)


def add_confusion_set(partners: dict, words: list, rule: str, threshold: float,
                      from_thresholds: dict | None = None) -> None:
    """Make every word of a set a candidate for every other one.

    `from_thresholds[w]` is the threshold of changes from w: one number, or a
    mapping {partner: threshold} (partners it does not name keep `threshold`).

    >>> p = {}; add_confusion_set(p, ["then", "than"], "context.x", 10.0, {"than": 50.0})
    >>> [(x.word, x.threshold) for x in p["then"]], [(x.word, x.threshold) for x in p["than"]]
    ([('than', 10.0)], [('then', 50.0)])
    >>> p = {}; add_confusion_set(p, ["a", "b", "c"], "context.x", 300.0, {"a": {"b": 20}})
    >>> [(x.word, x.threshold) for x in p["a"]]
    [('b', 20.0), ('c', 300.0)]
    """
    from_thresholds = from_thresholds or {}
    unknown = set(from_thresholds) - set(words)
    for w, value in from_thresholds.items():
        if isinstance(value, dict):
            unknown |= set(value) - (set(words) - {w})
    if unknown:
        raise ValueError(f"from_thresholds names words not in the set: {sorted(unknown)}")
    for w in words:
        own = from_thresholds.get(w, threshold)
        for other in words:
            if other == w:
                continue
            existing = partners.setdefault(w, [])
            if any(x.word == other for x in existing):
                raise ValueError(f"'{w}' -> '{other}' is already in another confusion set")
            value = own.get(other, threshold) if isinstance(own, dict) else own
            existing.append(Partner(other, rule, float(value)))


def compile_pattern(entry: dict, rule: str) -> Pattern:
    """Compile one pattern entry, refusing regexes that may backtrack badly."""
    source = entry["pattern"]
    check_regex_safe(source)
    regex = re.compile(source, re.IGNORECASE)
    # the replacement must expand on some match: try it on the first example
    for ex in entry.get("examples", []):
        m = regex.search(ex["input"])
        if m:
            m.expand(entry["replacement"])
            break
    else:
        raise ValueError("no example input matches the pattern")
    message = entry.get("message", "")
    return Pattern(regex, entry["replacement"], rule, message, float(entry.get("confidence", 0.9)),
                   trigger_word(source), required_literal_groups(source), leading_literals(source))


def trigger_word(source: str) -> str:
    """The longest word the pattern always matches literally, or "" if none.

    Scanning 5 KB with a dozen case-insensitive patterns costs milliseconds;
    checking a word in the text's word set costs nothing.

    >>> trigger_word(r"\\b(more|less) then\\b"), trigger_word(r"\\bfree reign\\b"), trigger_word(r"(a|b)")
    ('then', 'reign', '')
    """
    parser = regex_parser()
    runs, current = [], []
    for op, av in parser.parse(source):
        if op == parser.LITERAL:
            current.append(chr(av))
        else:
            runs.append("".join(current))
            current = []
    runs.append("".join(current))
    # a literal run may be cut by a group at either end: only words with a
    # space on at least one side inside the run are surely whole words
    whole = [w for run in runs for w in re.findall(r"(?<=\s)[a-z]+(?=\s|$)|^[a-z]+(?=\s)", run.lower())]
    return max(whole, key=len) if whole else ""


def required_literal_groups(source: str, min_length: int = 3) -> tuple:
    """Every group of strings (lower-cased) one of which every match contains, most selective first.

    The groups of service.regexes.required_literals whose shortest string
    has at least `min_length` characters, spaces aside. A pattern can match
    only where all its groups occur: `run` checks that with substring tests
    on the lower-cased text before running the pattern. Checking one group
    was not enough: "interest" occurs in most news, "peaked"/"peeked" rarely.

    >>> required_literal_groups(r"\\b(?:peaked|peeked) (my|his|her|their|our|your) (interest|curiosity)\\b")[1:]
    (('curiosity', 'interest'),)
    >>> required_literal_groups(r"\\b(more|less|better|worse) then\\b")
    (('better then', 'less then', 'more then', 'worse then'),)
    >>> required_literal_groups(r"\\btow(s)? the line\\b"), required_literal_groups(r"(a|b)")
    ((('tow the line', 'tows the line'),), ())
    """
    found = {}  # strings -> score
    for group in required_literals(source, re.IGNORECASE).groups:
        # a run is one look-up, alternatives are several: runs win ties
        score = min(len(w.strip()) for w in group) - (0.5 if len(group) > 1 else 0.0)
        if score >= min_length:
            found.setdefault(tuple(sorted(group)), score)
    kept: list = []
    for group in sorted(found, key=lambda g: -found[g]):  # stable: the first of equals stays first
        # a group each of whose strings holds one of this one's says more: this one adds no test
        if not any(all(any(w in k for w in group) for k in other) for other in kept):
            kept.append(group)
    return tuple(kept)


def shared_substring(strings: tuple, min_length: int = 3) -> str:
    """The longest string that each of `strings` holds (the first of equals), when there are two
    or more strings and it has at least `min_length` characters and a word that is no function
    word (" the " is in every text: no test); else "".

    >>> shared_substring(("wreck havoc", "wrecks havoc", "wrecking havoc")), shared_substring(("more", "less"))
    (' havoc', '')
    >>> shared_substring(("tow the line", "tows the line")), shared_substring(("free reign",))
    (' the line', '')
    >>> shared_substring(("tow the line", "towed the party line"))
    ' line'
    """
    if len(strings) < 2:
        return ""
    shortest = min(strings, key=len)
    for size in range(len(shortest), min_length - 1, -1):
        for i in range(len(shortest) - size + 1):
            piece = shortest[i:i + size]
            if all(piece in s for s in strings) and not ENGLISH_FUNCTION_WORDS.issuperset(piece.split()):
                return piece
    return ""


def leading_literals(source: str) -> tuple:
    """The strings (lower-cased) one of which every match begins with, or () if unknown.

    >>> leading_literals(r"\\b(could|must)(n[’']t)? of\\b"), leading_literals(r"\\btow(s|ed)? the (party )?line")
    (('could', 'must'), ('tow the line', 'tow the party line', 'towed the line', 'towed the party line', 'tows the line', 'tows the party line'))
    >>> leading_literals(r"(?<!a)b"), leading_literals(r"\\b[a-z]+ tact\\b")
    (('b',), ())
    """
    return tuple(sorted(required_literals(source, re.IGNORECASE).lead))
