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
  join        two words that are one ("in to" -> "into"), scored like a
              confusion: the split and the joined form in the same context.

Besides the neighbouring words, the scorer reads punctuation: a sentence
start or a comma before the word ("Than ..." opens no sentence) and a full
stop after it ("their." and "from." are rare clause ends).

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

from ..edits import Change, SpanSet
from ..errors import RulesError
from ..rules import check_regex_safe, regex_parser
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
# Milder: prepositions that end a clause only when stranded ("where it came from.",
# "what it is made of.")
# and "than", which never does.
# Applied before a full stop, ?, !, ; or : only: "than, " may close a parenthetical.
_CLAUSE_END_FACTOR = {"from": 0.1, "of": 0.1, "to": 0.1, "than": 1e-3}
_CLAUSE_PUNCT = set(".!?;:,)")
_SENTENCE_END_PUNCT = set(".!?;:")
# The same bit of grammar at the other end: P(word begins a clause) relative to
# its other uses, for words that (almost) never begin a sentence or follow a
# comma. "Than" opens no sentence; "Were" and ", them" are rare where "Where"
# and ", then" are common (own prose: 0 of 113 "than", 0 of 56 "were", 0 of 56
# "them" clause-initial, against 66 of 155 "then" and 14 of 66 "where").
# (factor at a sentence start, factor after a comma, semicolon or parenthesis):
# ", than" stays possible in a parenthetical comparison ("better made, than tolerated"),
# at about 1 in 20 of the rate of ", then" (own prose: 60 of 155 "then" after a comma).
# ", were" is common in news after an appositive ("The two men, both from
# Texas, were charged"): "were" is penalised at a sentence start only.
_CLAUSE_START_FACTOR = {"than": (1e-3, 0.05), "were": (0.1, 1.0), "them": (0.1, 0.1)}
_CLAUSE_OPEN_PUNCT = set(",;(")

RULE_SCHEMA = {
    # Draft 7 has all this schema needs, and jsonschema checks a draft-7 schema
    # against its metaschema far faster than a 2020-12 one: service.rules
    # re-checks the schema for every entry, and this file has 130 of them.
    "$schema": "http://json-schema.org/draft-07/schema#",
    "required": ["kind"],
    "properties": {
        "kind": {"enum": ["confusion", "pattern", "similar", "possessive", "join"]},
        "joined": {"type": "string", "pattern": _WORD_RE},
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
    trigger: str = ""  # a word every match contains: the pattern runs only when it occurs
    # literal strings one of which every match contains (lower-case): cheaper to
    # look for in the lowered text than running the pattern; () = always run
    needs: tuple = ()


@dataclass(frozen=True)
class CompiledRules:
    """What `run` reads: word -> partners, and the patterns."""

    partners: dict   # lower-case word -> tuple[Partner, ...]
    patterns: tuple  # Pattern, ...
    possessive: tuple = ()  # (rule, confidence) when the possessive check is on
    joins: dict = None      # first word -> tuple[Join, ...]


# ---------------------------------------------------------------- compiling

def compile_rules(entries: list) -> CompiledRules:
    """Build the partner map and compile the patterns; RulesError names a bad entry."""
    partners: dict[str, list] = {}
    patterns = []
    possessive: tuple = ()
    joins: dict[str, list] = {}
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
            elif entry["kind"] == "join":
                first, second = entry["words"]
                joins.setdefault(first, []).append(
                    Join(first, second, entry["joined"], rule, float(entry["threshold"])))
            elif entry["kind"] == "similar":
                add_similar_words(partners, float(entry["min_zipf"]), rule, float(entry["threshold"]))
            else:
                patterns.append(compile_pattern(entry, rule))
        except (re.error, ValueError) as exc:
            raise RulesError(f"rule {entry['id']!r}: {exc}") from None
    return CompiledRules({w: tuple(ps) for w, ps in partners.items()}, tuple(patterns), possessive,
                         {w: tuple(js) for w, js in joins.items()})


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
        existing.extend(Partner(c, rule, threshold, False) for c in similar if c not in known)


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
                   trigger_word(source), required_literals(source))


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


def required_literals(source: str, min_length: int = 3) -> tuple:
    """Strings one of which (lower-cased) every match of the pattern contains.

    The most selective of: a run of literal characters at the top level
    (boundaries such as \\b do not cut it), or a group of plain literal
    alternatives. () when nothing of at least `min_length` characters is required.

    >>> required_literals(r"\\bcase and point\\b"), required_literals(r"\\b(could|must)(n't)? of\\b")
    (('case and point',), ('could', 'must'))
    >>> required_literals(r"\\btow(s|ed)? the (party )?line\\b"), required_literals(r"(a|b)")
    (('line',), ())
    """
    parser = regex_parser()
    found: list = []  # (score, alternatives)
    run: list = []

    def flush():
        if run:
            text = "".join(run).lower()
            found.append((len(text.strip()), (text,)))
            run.clear()

    for op, av in parser.parse(source):
        if op == parser.LITERAL:
            run.append(chr(av))
        elif op == parser.AT:
            continue  # zero-width: the literals either side stay one run
        else:
            flush()
            if op == parser.SUBPATTERN and len(av[-1]) == 1 and av[-1][0][0] == parser.BRANCH:
                alternatives = av[-1][0][1][1]
                if all(alt and all(o == parser.LITERAL for o, _ in alt) for alt in alternatives):
                    words = tuple("".join(chr(a) for _, a in alt).lower() for alt in alternatives)
                    # a run is one look-up, alternatives are several: runs win ties
                    found.append((min(len(w.strip()) for w in words) - 0.5, words))
    flush()
    best = max(found, key=lambda f: f[0], default=(0, ()))
    return best[1] if best[0] >= min_length else ()


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


def inside_any(start: int, end: int, spans: SpanSet) -> bool:
    """True when [start, end) overlaps one of the spans."""
    return spans.overlaps(start, end)


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
    other = tokens[j]
    if other.kind != "word":
        return None
    a_end, b_start = (other.end, tokens[i].start) if step < 0 else (tokens[i].end, other.start)
    if b_start - a_end != 1 or text[a_end] != " ":  # one space, the common case, needs no look
        gap = text[a_end:b_start]
        if gap.strip() or gap.count("\n") > 1:
            return None
    word = other.text.lower()
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


def clause_end_logprob(word: str, at_clause_end) -> float:
    """log P(the clause may end after `word`): 0, or a penalty for "their." and the like.

    `at_clause_end` is the punctuation that follows (or True/False when unknown);
    the milder _CLAUSE_END_FACTOR words are penalised before a sentence end only.

    >>> clause_end_logprob("their", True) < clause_end_logprob("there", True) == 0.0
    True
    >>> clause_end_logprob("from", ".") < clause_end_logprob("from", ",") == 0.0
    True
    """
    if at_clause_end:
        if word in _NO_CLAUSE_END:
            return math.log(CLAUSE_END_PENALTY)
        factor = _CLAUSE_END_FACTOR.get(word)
        if factor is not None and at_clause_end in _SENTENCE_END_PUNCT:
            return math.log(factor)
    return 0.0


def clause_start_logprob(word: str, at_clause_start) -> float:
    """log P(a clause may begin with `word`): 0, or a penalty for "Than ..." and the like.

    `at_clause_start` is "sentence", "comma" or a false value (see `at_clause_start`).

    >>> clause_start_logprob("than", "sentence") < clause_start_logprob("then", "sentence") == 0.0
    True
    >>> clause_start_logprob("than", "comma") < clause_start_logprob("than", None) == 0.0
    True
    """
    if at_clause_start:
        factors = _CLAUSE_START_FACTOR.get(word)
        if factors is not None:
            factor = factors[0] if at_clause_start == "sentence" else factors[1]
            if factor != 1.0:
                return math.log(factor)
    return 0.0


def at_clause_start(text: str, tokens: list, i: int):
    """"sentence" when token i begins a sentence (or a line), "comma" after , ; or (, else None.

    >>> t = tokenize("Yes, than no. Than"); [at_clause_start("Yes, than no. Than", t, k) for k in (2, 3, 5)]
    ['comma', None, 'sentence']
    """
    tok = tokens[i]
    if sentence_start(text, tok.start):
        return "sentence"
    j = i - 1
    if j >= 0 and tokens[j].text in _CLAUSE_OPEN_PUNCT:
        return "comma"
    return None


def at_clause_end(text: str, tokens: list, i: int):
    """The clause punctuation that follows token i on the same line, or None."""
    j = i + 1
    if (j < len(tokens) and tokens[j].text in _CLAUSE_PUNCT
            and "\n" not in text[tokens[i].end:tokens[j].start]):
        return tokens[j].text
    return None


def best_partner(model, left, word: str, partners: tuple, right, clause_end=None, clause_start=None):
    """The partner with the highest evidence over `word`: (log ratio, Partner)."""
    best = None
    original = (context_model.phrase_logprob(model, left, (word,), right)
                + clause_end_logprob(word, clause_end) + clause_start_logprob(word, clause_start))
    for p in partners:
        score = (context_model.phrase_logprob(model, left, (p.word,), right)
                 + clause_end_logprob(p.word, clause_end) + clause_start_logprob(p.word, clause_start)
                 - original)
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
    # a pattern none of whose required literals occurs (even inside a word) cannot match
    lowered = text.lower()
    changes = pattern_changes(text, [p for p in rules.patterns
                                     if not p.needs or any(n in lowered for n in p.needs)],
                              spans, tokens)
    if ctx.resources is not None and rules.partners:
        taken = [(c.start, c.end) for c in changes]
        changes += confusion_changes(text, tokens, rules.partners, SpanSet(spans + taken), ctx)
    if ctx.resources is not None and rules.joins:
        taken = [(c.start, c.end) for c in changes]
        changes += join_changes(text, tokens, rules.joins, SpanSet(spans + taken), ctx)
    if ctx.resources is not None and rules.possessive:
        taken = [(c.start, c.end) for c in changes]
        changes += possessive_changes(text, tokens, rules.possessive, SpanSet(spans + taken), ctx)
    return sorted(changes, key=lambda c: c.start)


def join_changes(text: str, tokens: list, joins: dict, blocked: list, ctx) -> list[Change]:
    """"moved in to the city" -> "moved into the city": the split and the joined
    form scored in the same context (one word either side), as a confusion."""
    model = context_model.model_for(ctx.resources)
    names = name_words(ctx.options)
    cased, _ = _partner_lookup(joins)
    out = []
    for i in range(len(tokens) - 1):
        tok = tokens[i]
        key = cased.get(tok.text)
        if key is None or tok.kind != "word":
            continue
        candidates = joins[key]
        nxt = tokens[i + 1]
        if nxt.kind != "word" or text[tok.end:nxt.start] != " " or not nxt.text.islower():
            continue
        for join in candidates:
            if nxt.text != join.second:
                continue
            if (tok.lower in names or not may_edit_casing(text, tok) or is_glued(text, tok)
                    or is_glued(text, nxt) or inside_any(tok.start, nxt.end, blocked)):
                continue
            left = neighbour_word(text, tokens, i, -1)
            right = neighbour_word(text, tokens, i + 1, +1)
            if left is None or right is None:
                continue  # both sides' evidence is needed: "give in to" vs "went into"
            score = (context_model.phrase_logprob(model, left, (join.joined,), right)
                     - context_model.phrase_logprob(model, left, (join.first, join.second), right))
            if score < math.log(join.threshold / SUGGEST_FRACTION):
                continue
            new = match_case(join.joined, tok.text)
            old = text[tok.start:nxt.end]
            out.append(Change(tok.start, nxt.end, new, join.rule, f"'{old}' is likely '{new}' here",
                              round(confidence_from(score, join.threshold), 3)))
    return out


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
    blocked = SpanSet(spans + [(t.start, t.end) for t in tokens if t.kind in ("url", "email", "tag")])
    out: list[Change] = []
    for pat in patterns:
        for m in pat.regex.finditer(text):
            if inside_any(m.start(), m.end(), blocked):
                continue
            new = match_case(m.expand(pat.replacement), m.group(0))
            if new == m.group(0):
                continue
            start, end, new = trim_common_words(m.group(0), new)
            old = m.group(0)[start:end]
            message = pat.message or f"'{old}' is likely '{new}' here"
            out.append(Change(m.start() + start, m.start() + end, new, pat.rule, message, pat.confidence))
            blocked.add(m.start() + start, m.start() + end)
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


MEMO_SIZE = 100_000
_lookups: dict = {}


def _partner_lookup(partners: dict) -> tuple:
    """(token text -> partner key, id(model) -> best_partner memo) for a partner map, built once.

    The token text forms are the lower-case and capitalised spellings, with
    straight or typographic apostrophes: the only ones `may_edit_casing` lets
    through. The memo maps a scoring context to best_partner's answer (news
    repeats "of the", "to be" thousands of times); for one partner map and
    one model the answer is fixed.
    """
    entry = _lookups.get(id(partners))
    if entry is None or entry[0] is not partners:
        cased = {}
        for w in partners:
            for form in (w, w[:1].upper() + w[1:]):
                cased[form] = w
                cased[form.replace("'", "’")] = w
        entry = (partners, cased, {})
        if len(_lookups) >= 8:
            _lookups.clear()  # rule sets come and go in tests only
        _lookups[id(partners)] = entry
    return entry[1], entry[2]


def confusion_changes(text: str, tokens: list, partners: dict, blocked: list, ctx) -> list[Change]:
    """Score each confusion-set word against its partners; report the clear winners.

    Two passes: the first scores every candidate, the second lowers the
    thresholds of a document that shows confident real-word errors (see
    `document_boost`): a transcript that confused "counties" once is likely to
    have done it again.
    """
    model = context_model.model_for(ctx.resources)
    names = name_words(ctx.options)
    cased, memos = _partner_lookup(partners)
    memo = memos.get(id(model))  # models are cached for good: their ids stay theirs
    if memo is None:
        memo = memos.setdefault(id(model), {})
    scored = []  # (token, log ratio, partner)
    for i, tok in enumerate(tokens):
        # the only forms that may_edit_casing can allow: a dict look-up on the
        # token as written skips the 9 in 10 tokens that have no partners
        word = cased.get(tok.text)
        if word is None or tok.kind != "word":
            continue
        candidates = partners[word]
        if tok.text.lower() in names:
            continue
        if not may_edit_casing(text, tok) or is_glued(text, tok) or inside_any(tok.start, tok.end, blocked):
            continue
        left = neighbour_word(text, tokens, i, -1)
        right = neighbour_word(text, tokens, i, +1)
        if left is None and right is None:
            continue  # no context at all: the unigram prior alone must not decide
        clause_end = at_clause_end(text, tokens, i) if right is None else None
        clause_start = at_clause_start(text, tokens, i) if left is None else None
        key = (left, word, right, clause_end, clause_start)
        found = memo.get(key)
        if found is None:
            found = best_partner(model, left, word, candidates, right, clause_end, clause_start)
            if len(memo) >= MEMO_SIZE:
                memo.clear()  # bounded; a dict clear is atomic under the GIL
            memo[key] = found
        score, partner = found
        if score > 0:
            scored.append((tok, score, partner))
    boost = document_boost(scored)
    fired = Counter((tok.lower, p.word) for tok, score, p in scored
                    if score >= math.log(p.threshold / (boost if p.boosted else 1.0)))
    apostrophe = apostrophe_style(text)
    out: list[Change] = []
    for tok, score, partner in scored:
        threshold = partner.threshold / (boost if partner.boosted else 1.0)
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
