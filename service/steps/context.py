"""Step 'context': correctly spelled wrong words ("the two counties have decided").

Four kinds of rule, all in rules/context.yaml:

  confusion   a set of words that are easily confused (their/there/they're,
              county/country, and/end). Each occurrence of a member is scored
              against the other members with the bigram model of
              `context_model` (one word of context either side) and replaced
              only when the likelihood ratio clears the direction's threshold.
  similar     uncurated partners: frequent words one edit away that sound
              alike (week/weak, been/bean), scored the same way, with a high
              threshold.
  pattern     a hand-written context pattern, as in LanguageTool's grammar
              rules ("could of" -> "could have", "more then" -> "more than").
  possessive  a name + s that is no word, before a noun: "Chinas policy".

Guards, because a wrong "correction" is worse than a miss: a word that is
capitalised mid-sentence (a name), all capitals (an acronym), in a request's
`names`, inside `code` or touching a URL-like character is never changed.

Confidence is calibrated as a posterior: with likelihood ratio r and set
threshold T (the prior odds against an error, fitted for precision on
labelled data), confidence = r / (r + T). The pipeline applies changes at or
above options.min_confidence (0.5, i.e. r >= T) and offers the rest as
suggestions; changes with r < T / SUGGEST_FRACTION are not reported at all.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version as _pkg_version

from ..edits import Change
from ..errors import RulesError
from ..resources import load_cached
from ..tokens import Token, sentence_start, tokenize
from . import context_model

ENGLISH_ONLY = True
RULES_FILE = "context.yaml"

# Candidates this many times below their set's threshold are not even suggested.
SUGGEST_FRACTION = 4.0
# Document-level prior (see document_boost): a change this many times above its
# threshold counts as sure; each sure change multiplies the prior odds of errors
# elsewhere by (1 + BOOST_PER_HIT * n), capped. A confusion already changed
# elsewhere in the same text needs only REPEAT_THRESHOLD (one sense per discourse).
STRONG_FACTOR = 10.0
BOOST_PER_HIT = 3.0
MAX_BOOST = 10.0
REPEAT_THRESHOLD = 3.0
# Possessives without apostrophe (see possessive_changes).
PLURAL_MAX_ZIPF = 3.0
STEM_MIN_ZIPF = 4.0
_FUNCTION_WORDS = {"and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
                   "is", "are", "was", "were", "be", "has", "have", "had", "that", "which", "who", "the"}
# Words before which a capitalised plural is a real plural ("the Kennedys", "two Koreas").
_PLURAL_CUES = {"the", "two", "three", "both", "all", "many", "several", "these", "those", "few"}
_WORD_RE = r"^[a-z]+(?:'[a-z]+)?$"
# Words that cannot end a clause: a determiner or a stranded contraction needs
# what follows ("over their." is "over there."). The bigram list has no
# punctuation, so this bit of grammar stands in for P(end of clause | word).
_NO_CLAUSE_END = frozenset({"the", "a", "an", "their", "your", "its", "whose", "my", "our",
                            "they're", "you're", "it's", "who's", "we're"})
CLAUSE_END_PENALTY = 1e-3
_CLAUSE_PUNCT = set(".!?;:,)")

RULE_SCHEMA = {
    # Draft 7 has all this schema needs, and jsonschema checks a draft-7 schema
    # against its metaschema far faster than a 2020-12 one: service.rules
    # re-checks the schema for every entry, and this file has 130 of them.
    "$schema": "http://json-schema.org/draft-07/schema#",
    "required": ["kind"],
    "properties": {
        "kind": {"enum": ["confusion", "pattern", "similar", "possessive"]},
        "words": {"type": "array", "minItems": 2, "uniqueItems": True,
                  "items": {"type": "string", "pattern": _WORD_RE}},
        "threshold": {"type": "number", "exclusiveMinimum": 1},
        # per-direction override: changing FROM this word needs this threshold
        "from_thresholds": {"type": "object", "propertyNames": {"pattern": _WORD_RE},
                            "additionalProperties": {"type": "number", "exclusiveMinimum": 1}},
        "pattern": {"type": "string", "minLength": 1, "maxLength": 300},
        "replacement": {"type": "string"},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "min_zipf": {"type": "number", "minimum": 2.5, "maximum": 7},
    },
    "allOf": [
        {"if": {"properties": {"kind": {"const": "confusion"}}},
         "then": {"required": ["words", "threshold", "source"],
                  "not": {"anyOf": [{"required": ["pattern"]}, {"required": ["replacement"]}]}}},
        {"if": {"properties": {"kind": {"const": "pattern"}}},
         "then": {"required": ["pattern", "replacement", "source"],
                  "not": {"anyOf": [{"required": ["words"]}, {"required": ["threshold"]}]}}},
        {"if": {"properties": {"kind": {"const": "possessive"}}},
         "then": {"required": ["confidence", "source"],
                  "not": {"anyOf": [{"required": ["words"]}, {"required": ["pattern"]},
                                    {"required": ["threshold"]}]}}},
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


@dataclass(frozen=True)
class Pattern:
    """A compiled context pattern."""

    regex: re.Pattern
    replacement: str
    rule: str
    message: str
    confidence: float
    trigger: str = ""  # a word every match contains: the pattern runs only when it occurs


@dataclass(frozen=True)
class CompiledRules:
    """What `run` reads: word -> partners, and the patterns."""

    partners: dict   # lower-case word -> tuple[Partner, ...]
    patterns: tuple  # Pattern, ...
    possessive: tuple = ()  # (rule, confidence) when the possessive check is on


# ---------------------------------------------------------------- compiling

def compile_rules(entries: list) -> CompiledRules:
    """Build the partner map and compile the patterns; RulesError names a bad entry."""
    partners: dict[str, list] = {}
    patterns = []
    possessive: tuple = ()
    # curated sets first: a pair they list keeps their rule and threshold
    ordered = sorted(entries, key=lambda e: e["kind"] == "similar")
    for entry in ordered:
        rule = f"context.{entry['id']}"
        try:
            if entry["kind"] == "confusion":
                add_confusion_set(partners, entry["words"], rule, float(entry["threshold"]),
                                  entry.get("from_thresholds", {}))
            elif entry["kind"] == "possessive":
                possessive = (rule, float(entry["confidence"]))
            elif entry["kind"] == "similar":
                add_similar_words(partners, float(entry["min_zipf"]), rule, float(entry["threshold"]))
            else:
                patterns.append(compile_pattern(entry, rule))
        except (re.error, ValueError) as exc:
            raise RulesError(f"rule {entry['id']!r}: {exc}") from None
    return CompiledRules({w: tuple(ps) for w, ps in partners.items()}, tuple(patterns), possessive)


def add_similar_words(partners: dict, min_zipf: float, rule: str, threshold: float) -> None:
    """Frequent words one edit away that sound alike become partners too (uncurated).

    Built once (about a second) and cached on disk: the map is the same for every request.
    """
    def build() -> dict:
        return context_model.similar_words(context_model.frequent_vocabulary(min_zipf))

    # a pure function of min_zipf and the pinned wordfreq: cached on disk for start-up
    similar_map = load_cached(f"similar-words-{_pkg_version('wordfreq')}-{min_zipf}", build)
    for word, similar in similar_map.items():
        existing = partners.setdefault(word, [])
        known = {p.word for p in existing}
        existing.extend(Partner(c, rule, threshold) for c in similar if c not in known)


def add_confusion_set(partners: dict, words: list, rule: str, threshold: float,
                      from_thresholds: dict | None = None) -> None:
    """Make every word of a set a candidate for every other one.

    >>> p = {}; add_confusion_set(p, ["then", "than"], "context.x", 10.0, {"than": 50.0})
    >>> [(x.word, x.threshold) for x in p["then"]], [(x.word, x.threshold) for x in p["than"]]
    ([('than', 10.0)], [('then', 50.0)])
    """
    from_thresholds = from_thresholds or {}
    unknown = set(from_thresholds) - set(words)
    if unknown:
        raise ValueError(f"from_thresholds names words not in the set: {sorted(unknown)}")
    for w in words:
        for other in words:
            if other == w:
                continue
            existing = partners.setdefault(w, [])
            if any(x.word == other for x in existing):
                raise ValueError(f"'{w}' -> '{other}' is already in another confusion set")
            existing.append(Partner(other, rule, float(from_thresholds.get(w, threshold))))


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
                   trigger_word(source))


def trigger_word(source: str) -> str:
    """The longest word the pattern always matches literally, or "" if none.

    Scanning 5 KB with a dozen case-insensitive patterns costs milliseconds;
    checking a word in the text's word set costs nothing.

    >>> trigger_word(r"\\b(more|less) then\\b"), trigger_word(r"\\bfree reign\\b"), trigger_word(r"(a|b)")
    ('then', 'reign', '')
    """
    parser = _parser()
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


def _parser():
    try:
        from re import _parser as parser  # Python >= 3.11
    except ImportError:  # pragma: no cover - older Pythons
        import sre_parse as parser
    return parser


def check_regex_safe(source: str) -> None:
    """Raise ValueError for nested unbounded quantifiers such as (a+)+ or (a*)*.

    >>> check_regex_safe(r"\\bcould of\\b")
    >>> check_regex_safe(r"(a+)+b")
    Traceback (most recent call last):
    ValueError: nested quantifier in pattern (may backtrack catastrophically)
    """
    parser = _parser()
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
                for alt in av[1]:
                    walk(alt, inside_repeat)
            elif op in (parser.ASSERT, parser.ASSERT_NOT):
                walk(av[1], inside_repeat)

    walk(parsed, False)


# ---------------------------------------------------------------- guards

_CODE_SPAN = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
# characters that glue a word to a URL, path, handle or identifier
_GLUE = set("/\\@_=#<>{}[]|~$%^&*+")


def protected_spans(text: str) -> list:
    """Spans never edited: inline and fenced code.

    >>> protected_spans("use `their` here")
    [(4, 11)]
    """
    return [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]


def inside_any(start: int, end: int, spans: list) -> bool:
    """True when [start, end) overlaps one of the spans."""
    return any(s < end and start < e for s, e in spans)


def is_glued(text: str, tok: Token) -> bool:
    """True for a word touching a URL/path/identifier character, or a dot-joined domain.

    >>> t = tokenize("see their.com now")[1]; is_glued("see their.com now", t)
    True
    """
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    if before in _GLUE or after in _GLUE:
        return True
    if after == "." and tok.end + 1 < len(text) and text[tok.end + 1].isalnum():
        return True
    return before == "." and tok.start >= 2 and text[tok.start - 2].isalnum()


def may_edit_casing(text: str, tok: Token) -> bool:
    """Lower-case words anywhere; a capitalised word only where a sentence starts.

    >>> may_edit_casing("Their cat", tokenize("Their cat")[0])
    True
    >>> may_edit_casing("we met Will there", tokenize("we met Will there")[2])
    False
    """
    word = tok.text
    if word.islower():
        return True
    if word[0].isupper() and word[1:].islower() or len(word) == 1:
        return word[0].isupper() and sentence_start(text, tok.start)
    return False


def name_words(options) -> frozenset:
    """Lower-case words of the request's names: never treated as confusions."""
    out = set()
    for entry in getattr(options, "names", ()) or ():
        for name in (entry.canonical, *entry.aliases):
            out.update(w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*", name))
    return frozenset(out)


# ---------------------------------------------------------------- context

def neighbour_word(text: str, tokens: list, i: int, step: int) -> str | None:
    """The lower-case word next to token i (step -1 left, +1 right), or None.

    None when the neighbour is punctuation, a number or a paragraph away: the
    scorer then backs off (unigram on the left, no evidence on the right).
    A contraction neighbour stands for the expansion word that touches us.
    """
    j = i + step
    if not 0 <= j < len(tokens):
        return None
    a, b = (tokens[j], tokens[i]) if step < 0 else (tokens[i], tokens[j])
    gap = text[a.end:b.start]
    if not tokens[j].is_word or gap.strip() or gap.count("\n") > 1:
        return None
    word = tokens[j].text.lower()
    if "'" not in word and "’" not in word:
        return word
    chain = context_model.expand_word(word.replace("’", "'"))[0]
    return chain[-1] if step < 0 else chain[0]


def match_case(replacement: str, original: str) -> str:
    """Give the replacement the original's capitalisation.

    >>> match_case("there", "Their"), match_case("it's", "its")
    ('There', "it's")
    """
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def apostrophe_style(text: str) -> str:
    """The apostrophe the text mostly uses: typographic ’ or straight '."""
    return "’" if text.count("’") > text.count("'") else "'"


def confidence_from(log_ratio: float, threshold: float) -> float:
    """Posterior probability that the candidate is right: r / (r + T).

    >>> round(confidence_from(math.log(100), 100.0), 3)
    0.5
    """
    r = math.exp(min(log_ratio, 700.0))
    return r / (r + threshold)


def clause_end_logprob(word: str, at_clause_end: bool) -> float:
    """log P(the clause may end after `word`): 0, or a penalty for "their." and the like.

    >>> clause_end_logprob("their", True) < clause_end_logprob("there", True) == 0.0
    True
    """
    if at_clause_end and word in _NO_CLAUSE_END:
        return math.log(CLAUSE_END_PENALTY)
    return 0.0


def at_clause_end(text: str, tokens: list, i: int) -> bool:
    """True when token i is followed (on the same line) by clause punctuation."""
    j = i + 1
    return (j < len(tokens) and tokens[j].text in _CLAUSE_PUNCT
            and "\n" not in text[tokens[i].end:tokens[j].start])


def best_partner(model, left, word: str, partners: tuple, right, clause_end: bool = False):
    """The partner with the highest evidence over `word`: (log ratio, Partner)."""
    best = None
    original = (context_model.phrase_logprob(model, left, (word,), right)
                + clause_end_logprob(word, clause_end))
    for p in partners:
        score = (context_model.phrase_logprob(model, left, (p.word,), right)
                 + clause_end_logprob(p.word, clause_end) - original)
        if best is None or score > best[0]:
            best = (score, p)
    return best


# ---------------------------------------------------------------- run

def run(text: str, ctx) -> list[Change]:
    """Pattern matches first, then confusion-set words not already covered."""
    rules: CompiledRules | None = ctx.rules
    if rules is None or not text:
        return []
    spans = protected_spans(text)
    tokens = tokenize(text)
    present = {t.text.lower() for t in tokens if t.kind == "word"}
    changes = pattern_changes(text, [p for p in rules.patterns if not p.trigger or p.trigger in present],
                              spans, tokens)
    if ctx.resources is not None and rules.partners:
        taken = [(c.start, c.end) for c in changes]
        changes += confusion_changes(text, tokens, rules.partners, spans + taken, ctx)
    if ctx.resources is not None and rules.possessive:
        taken = [(c.start, c.end) for c in changes]
        changes += possessive_changes(text, tokens, rules.possessive, spans + taken, ctx)
    return sorted(changes, key=lambda c: c.start)


def possessive_changes(text: str, tokens: list, possessive: tuple, blocked: list, ctx) -> list[Change]:
    """"Chinas policy" -> "China's policy": a name + s that is no word, before a noun.

    Fires only when the word is rare as written (wordfreq zipf < PLURAL_MAX_ZIPF:
    "Lakers", "Americas" are common) while its stem is a well-known word
    (zipf >= STEM_MIN_ZIPF), the next word is lower-case, no function word, and
    attested after "its" or "his" (a noun or adjective, not a verb as in "the
    Koreas agreed"), and no plural cue ("the", "two") precedes it.
    """
    from wordfreq import zipf_frequency

    rule, confidence = possessive
    d = ctx.resources
    names = name_words(ctx.options)
    apostrophe = apostrophe_style(text)
    out = []
    for i, tok in enumerate(tokens[:-1]):
        word = tok.text
        if word[-1] != "s" or not word[0].isupper():
            continue  # the cheap test first: most tokens end here
        if (tok.kind != "word" or len(word) < 4 or not word[1:].islower() or tok.lower in names
                or is_glued(text, tok) or inside_any(tok.start, tok.end, blocked)):
            continue
        stem = tok.lower[:-1]
        if stem.endswith("s") or not d.count(stem):
            continue
        if zipf_frequency(tok.lower, "en") >= PLURAL_MAX_ZIPF or zipf_frequency(stem, "en") < STEM_MIN_ZIPF:
            continue
        nxt = tokens[i + 1]
        if (not nxt.is_word or not nxt.text.islower() or text[tok.end:nxt.start] != " "
                or nxt.text in _FUNCTION_WORDS):
            continue
        if not (d.bigram("its", nxt.lower) or d.bigram("his", nxt.lower)):
            continue
        prev = neighbour_word(text, tokens, i, -1)
        if prev in _PLURAL_CUES:
            continue
        new = word[:-1] + apostrophe + "s"
        out.append(Change(tok.start, tok.end, new, rule,
                          f"'{word}' is likely the possessive '{new}' here", confidence))
    return out


def pattern_changes(text: str, patterns: tuple, spans: list, tokens: list) -> list[Change]:
    """Changes from hand-written patterns, skipping code, URLs and overlaps."""
    blocked = spans + [(t.start, t.end) for t in tokens if t.kind in ("url", "email", "tag")]
    out: list[Change] = []
    for pat in patterns:
        for m in pat.regex.finditer(text):
            if inside_any(m.start(), m.end(), blocked + [(c.start, c.end) for c in out]):
                continue
            new = match_case(m.expand(pat.replacement), m.group(0))
            if new == m.group(0):
                continue
            start, end, new = trim_common_words(m.group(0), new)
            old = m.group(0)[start:end]
            message = pat.message or f"'{old}' is likely '{new}' here"
            out.append(Change(m.start() + start, m.start() + end, new, pat.rule, message, pat.confidence))
    return out


def trim_common_words(old: str, new: str) -> tuple:
    """The smallest word-aligned part of `old` to replace: (start, end, replacement).

    An editor should see "then -> than", not "higher then -> higher than".

    >>> trim_common_words("higher then", "higher than")
    (7, 11, 'than')
    >>> trim_common_words("for all intensive purposes", "for all intents and purposes")
    (8, 17, 'intents and')
    """
    a, b = old.split(" "), new.split(" ")
    head = 0
    while head < min(len(a), len(b)) - 1 and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head - 1 and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = sum(len(w) + 1 for w in a[:head])
    end = len(old) - sum(len(w) + 1 for w in a[len(a) - tail:])
    return start, end, " ".join(b[head:len(b) - tail])


def confusion_changes(text: str, tokens: list, partners: dict, blocked: list, ctx) -> list[Change]:
    """Score each confusion-set word against its partners; report the clear winners.

    Two passes: the first scores every candidate, the second lowers the
    thresholds of a document that shows confident real-word errors (see
    `document_boost`): a transcript that confused "counties" once is likely to
    have done it again.
    """
    model = context_model.model_for(ctx.resources)
    names = name_words(ctx.options)
    scored = []  # (token, log ratio, partner)
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        word = tok.text.lower()
        candidates = partners.get(word) or partners.get(word.replace("’", "'"))
        if not candidates or word in names:
            continue
        if not may_edit_casing(text, tok) or is_glued(text, tok) or inside_any(tok.start, tok.end, blocked):
            continue
        left = neighbour_word(text, tokens, i, -1)
        right = neighbour_word(text, tokens, i, +1)
        if left is None and right is None:
            continue  # no context at all: the unigram prior alone must not decide
        score, partner = best_partner(model, left, word, candidates, right,
                                      right is None and at_clause_end(text, tokens, i))
        if score > 0:
            scored.append((tok, score, partner))
    boost = document_boost(scored)
    fired = Counter((tok.lower, p.word) for tok, score, p in scored if score >= math.log(p.threshold / boost))
    apostrophe = apostrophe_style(text)
    out: list[Change] = []
    for tok, score, partner in scored:
        threshold = partner.threshold / boost
        if fired[(tok.lower, partner.word)] - (score >= math.log(threshold)) > 0:
            # one sense per discourse: the same confusion was made elsewhere in this text
            threshold = min(threshold, REPEAT_THRESHOLD)
        if score < math.log(threshold / SUGGEST_FRACTION):
            continue
        new = match_case(partner.word.replace("'", apostrophe), tok.text)
        out.append(Change(tok.start, tok.end, new, partner.rule,
                          f"'{tok.text}' is likely '{new}' here",
                          round(confidence_from(score, threshold), 3)))
    return out


def document_boost(scored: list) -> float:
    """How much more likely errors are in this document, from its confident ones.

    A change whose evidence is STRONG_FACTOR times its threshold is a sure sign
    that the text has real-word errors (a transcript, a careless copy): each
    raises the prior odds of an error elsewhere by BOOST_PER_HIT, up to MAX_BOOST.

    >>> p = Partner("countries", "r", 100.0)
    >>> t = tokenize("counties")[0]
    >>> document_boost([(t, math.log(1e5), p)]), document_boost([(t, math.log(50), p)])
    (4.0, 1.0)
    """
    sure = sum(1 for tok, score, p in scored if score >= math.log(p.threshold * STRONG_FACTOR))
    return min(MAX_BOOST, 1.0 + BOOST_PER_HIT * sure)
