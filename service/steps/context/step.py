"""Step 'context': correctly spelled wrong words ("the two counties have decided").

Six kinds of rule, all in rules/context.yaml:

  confusion   a set of words that are easily confused (their/there/they're,
              county/country, and/end). Each occurrence of a member is scored
              against the other members with the bigram model of
              `context_model` (one word of context either side) and replaced
              only when the likelihood ratio clears the direction's threshold.
  similar     uncurated partners: frequent words one edit away that sound
              alike (week/weak, been/bean), scored the same way, with a high
              threshold.
  candidates  open-ended partners for any frequent word (CMU homophones:
              "our/hour"), scored the same way with a high threshold, and
              only when the words on both sides favour them (candidates.py).
  pattern     a hand-written context pattern, as in LanguageTool's grammar
              rules ("could of" -> "could have", "more then" -> "more than").
  possessive  a name + s that is no word, before a noun: "Chinas policy".
  join        two words that are one ("in to" -> "into"), scored like a
              confusion: the split and the joined form in the same context.

Besides the neighbouring words, the scorer reads punctuation: a sentence
start or a comma before the word ("Than ..." opens no sentence) and a full
stop or comma after it ("their." and "from." are rare clause ends); for most
words how often they stand there is counted in the project's own clean prose
(edges.py). A hyphenated neighbour is read by the part that touches
the word ("more cost-effective than").

Guards, because a wrong "correction" is worse than a miss: a word that is
capitalised mid-sentence (a name), all capitals (an acronym), in a request's
`names`, inside `code` or touching a URL-like character is never changed.

Confidence is calibrated as a posterior: with likelihood ratio r and set
threshold T (the prior odds against an error, fitted for precision on
labelled data), confidence = r / (r + T). The pipeline applies changes at or
above options.min_confidence (0.5, i.e. r >= T) and offers the rest as
suggestions; changes with r < T / SUGGEST_FRACTION are not reported at all.

The step is split by responsibility (see the package's docstring); this module
is the step itself and the changes of each kind.

>>> from service.options import Options
>>> from service.steps import Context
>>> rules = compile_rules([{"id": "pattern.x", "kind": "pattern", "pattern": r"\\bcould of\\b",
...                         "replacement": "could have", "source": "t",
...                         "examples": [{"input": "could of", "output": "could have"}]}])
>>> [(c.start, c.end, c.replacement) for c in run("We could of won.", Context(Options(), "en", rules))]
[(9, 11, 'have')]
"""
from __future__ import annotations

import math
from collections import Counter

from ...edits import Change, SpanSet
from ...guards import (inside_any, is_code_dense, marked_by_writer, may_hold_links, name_words, protected_spans,
                       touches_link)
from ...lexicon import LINKING_FUNCTION_WORDS, apostrophe_style, match_casing, write_apostrophes, zipf
from . import model as context_model
from .rules import RULE_SCHEMA, CompiledRules, Pattern, compile_rules
from .scan import Site, find_sites, may_edit_casing, neighbour
from .score import (EDITED_ODDS, MEMO_SIZE, REPEAT_THRESHOLD, SUGGEST_FRACTION, TECHNICAL_ODDS, at_clause_end,
                    at_clause_start, best_partner, candidate_score, confidence_from, document_boost, document_terms,
                    edited_register, raised_prior)
from .candidates import two_sided
from .clauses import clause_score, needs_clause, particle_before_join
from .phrases import needs_phrase, phrase_score
from .posclass import class_tables
from .roles import role_score
from .sides import one_side_below_chance, side_facts
from .support import may_support, support
from .wider import CLASS_PENALTY, in_repetition, needs_wider, wider_score, with_wider
from .wordclass import load_lemmas
from ..base import RuleSpec, Step


_UNKNOWN = object()  # a memo's miss (side_facts may answer None)

# Possessives without apostrophe (see possessive_changes).
PLURAL_MAX_ZIPF = 3.0
STEM_MIN_ZIPF = 4.0
# ... and the word + s at most this share of the word in the unigram list: a
# name is seldom plural (chinas 0, japans 0.0008, amazons 0.004 of the name),
# a common noun often is ("Panics spread" 0.04, "Scopes vary" 0.09: plurals)
PLURAL_MAX_SHARE = 0.01
# Words before which a capitalised plural is a real plural ("the Kennedys", "two Koreas").
_PLURAL_CUES = {"the", "two", "three", "both", "all", "many", "several", "these", "those", "few"}


def prepare(dictionaries) -> None:
    """Build the bigram model, its word-class masses and class shares once, before gunicorn forks.

    (The rules' derived tables are built when the rules are compiled.)
    """
    load_lemmas()
    class_tables(context_model.model_for(dictionaries))


# ---------------------------------------------------------------- run

def run(text: str, ctx) -> list[Change]:
    """Pattern matches first, then confusion-set words, joins and possessives not already covered."""
    rules: CompiledRules | None = ctx.rules
    if rules is None or not text:
        return []
    spans = protected_spans(text)
    changes: list[Change] = []
    if rules.patterns:
        lowered = text.lower()
        active = [p for p in rules.patterns if may_match(p, lowered)]
        if active:
            changes = pattern_changes(text, active, spans, lowered)
    if ctx.resources is None or not (rules.partners or rules.joins or rules.possessive):
        return sorted(changes, key=lambda c: c.start)
    # the only tokens the rules below read, with their neighbours
    sites = find_sites(text, rules.scan)
    budget = ctx.budget
    edited = edited_register(text, ctx.corrected)
    confusions = []
    if rules.partners and not budget.expired():
        confusions = settled_confusion_changes(text, sites, rules, _blocked(spans, changes), ctx, edited)
        changes += confusions
    if rules.joins and not budget.expired():
        # edited prose (no word corrected before, no confusion changed): the joins' prior too
        edited = edited and not any(c.confidence >= ctx.options.min_confidence for c in confusions)
        changes += join_changes(text, sites, rules, _blocked(spans, changes), ctx, EDITED_ODDS if edited else 1.0)
    if rules.possessive and not budget.expired():
        changes += possessive_changes(text, sites, rules.possessive, _blocked(spans, changes), ctx)
    return sorted(changes, key=lambda c: c.start)


def _blocked(spans: list, changes: list) -> SpanSet | None:
    """Protected spans and spans already changed; None when there are none (the common case)."""
    taken = spans + [(c.start, c.end) for c in changes]
    return SpanSet(taken) if taken else None


def confusion_changes(text: str, sites: list, rules: CompiledRules, blocked, ctx) -> list[Change]:
    """Score each confusion-set word against its partners; report the clear winners.

    Two passes: the first scores every candidate, the second lowers the
    thresholds of a document that shows confident real-word errors (see
    `document_boost`): a transcript that confused "counties" once is likely to
    have done it again.
    """
    return decide_confusions(text, sites, score_sites(text, sites, rules, blocked, ctx))


def score_sites(text: str, sites: list, rules: CompiledRules, blocked, ctx,
                earlier: tuple | None = None) -> list:
    """Each site's (log ratio, partner, held, supported) against its best partner, or None
    for a site that is no candidate or no better written otherwise. `held`: wider
    evidence keeps its change a suggestion, or a side opposes it (sides.py): the
    document's boost does not raise it. `supported`: the grammar speaks for the change
    (support.support): it does not raise the document's boost, which is read from the
    bigrams' sure changes (three supported changes in one clean page raised it enough
    to change three unrelated words).

    `earlier`: (sites, scores) of a previous call on the same text; a site that
    is the same object as then is not scored again (a site's score depends on
    the site and the text alone: `settled_confusion_changes` re-reads only the
    few sites next to a change).
    """
    model = context_model.model_for(ctx.resources)
    names = name_words(ctx.options)
    cased, partners = rules.cased, rules.partners
    memo = rules.memo_for(model)
    sides_memo = rules.memo_for(model, "sides")  # (left, word, partner, right) -> sides.side_facts
    scores: list = [None] * len(sites)
    old_sites, old_scores = earlier if earlier is not None else ((), ())
    budget = ctx.budget
    raised = None  # score.raised_prior, read once and only when a change rests on chance
    for i, site in enumerate(sites):
        if budget.every(i):
            break  # the time budget ran out: the sites after this one are left as written
        if i < len(old_sites) and old_sites[i] is site:
            scores[i] = old_scores[i]
            continue
        tok = site.tok
        word = cased.get(tok.text)
        if word is None or site.glued or (names and tok.text.lower() in names):
            continue
        # (the common answers first, without a call: most sites are lower-case, nothing is blocked)
        if not tok.text.islower() and not may_edit_casing(text, tok):
            continue
        if blocked is not None and blocked.overlaps(tok.start, tok.end):
            continue
        left, right = site.left, site.right
        clause_end = at_clause_end(text, site) if right is None else None
        clause_start = at_clause_start(text, site) if left is None else None
        # no word either side: only the clause edges, and the grammar of `support`, can speak
        # ("Them, in 2021" opens a sentence before a comma: "Then"); the edges' rates alone
        # are the house style of the prose they were counted on ("And, the data" is news)
        lone = left is None and right is None
        if lone and not (clause_start and clause_end):
            continue
        key = (left, word, right, clause_end, clause_start)
        found = memo.get(key)
        if found is None:
            found = best_partner(model, left, word, partners[word], right, clause_end, clause_start)
            if len(memo) >= MEMO_SIZE:
                memo.clear()  # bounded; a dict clear is atomic under the GIL
            memo[key] = found
        score, partner = found
        demoted = supported = False
        if may_support(word, left):
            score, partner, supported = supported_partner(model, text, site, word, partners[word],
                                                          (score, partner), clause_end, clause_start)
        if lone and not supported:
            continue
        if score > 0:
            # each side on its own: an unlisted side counts less, and a change a listed side
            # opposes (with no listed side for it) is not raised by the document's prior
            facts = sides_memo.get(side_key := (left, word, partner.word, right), _UNKNOWN)
            if facts is _UNKNOWN:
                facts = side_facts(model, left, word, partner.word, right)
                if len(sides_memo) >= MEMO_SIZE:
                    sides_memo.clear()
                sides_memo[side_key] = facts
            if facts is not None:
                extra, opposed, chance = facts
                score += extra
                demoted = demoted or opposed
                if not supported and chance:
                    if raised is None:
                        raised = raised_prior(text, ctx.corrected)
                    if raised or one_side_below_chance(model, left, partner.word, right):
                        # only chance speaks for it where errors are rarer, or only the partner's
                        # count where it has one side: at most a suggestion, never raised by the document
                        if score >= math.log(partner.threshold):
                            score = with_wider(score, CLASS_PENALTY, partner.threshold)
                        demoted = True
        if score > 0 and in_repetition(text, tok.start, tok.end):
            continue  # "end to end", "piece by piece": an idiom holds the word
        if score > 0 and (marked_by_writer(text, tok.end) or (site.after is not None and site.after.is_word
                                                              and marked_by_writer(text, site.after.end))):
            # "(sic)" after the word or the next ("was to late [sic]"): quoted as written
            score, demoted = with_wider(score, CLASS_PENALTY, partner.threshold), True
        if score > 0 and needs_wider(word):
            score, held = wider_score(model, text, site, word, partner.word, score, partner.threshold)
            demoted = demoted or held
        if score > 0 and needs_clause(word):
            score, held = clause_score(text, site, word, partner.word, score, partner.threshold)
            demoted = demoted or held
        if score > 0 and needs_phrase(word):
            score, held = phrase_score(text, site, word, partner.word, score, partner.threshold)
            demoted = demoted or held
        if score > 0:
            score, held = role_score(model, text, site, word, partner.word, score, partner.threshold)
            demoted = demoted or held
        if score > 0 or demoted:
            scores[i] = (score, partner, demoted, supported)
    return scores


def supported_partner(model, text: str, site: Site, word: str, partners: tuple, found: tuple,
                      clause_end=None, clause_start=None) -> tuple:
    """(log ratio, Partner, supported): `found` ((log ratio, Partner) from `best_partner`)
    and False, or a partner that the grammar around the site speaks for (`support.support`)
    with that evidence added and True, when it then clears its threshold by more. An
    open-ended candidate still needs both neighbours' favour (`candidates.two_sided`)."""
    score, partner = found
    supported = False
    for p in partners:
        extra = support(text, site, word, p.word)
        if not extra or (p.two_sided and not two_sided(model, site.left, word, p.word, site.right)):
            continue
        raised = candidate_score(model, site.left, word, p, site.right, clause_end, clause_start) + extra
        if raised - math.log(p.threshold) > score - math.log(partner.threshold):
            score, partner, supported = raised, p, True
    return score, partner, supported


def decide_confusions(text: str, sites: list, scores: list, edited: bool = False) -> list[Change]:
    """The changes `score_sites`' scores make, with the document's boost (see `confusion_changes`).
    `edited`: the text reads as edited prose (`score.edited_register`): with no sure change in
    it, its prior odds against an error are EDITED_ODDS."""
    scored = []  # (token, log ratio, partner)
    held = set()  # starts of tokens whose change wider evidence keeps a suggestion
    quiet = set()  # ... and of those whose change does not raise the document's prior
    for site, found in zip(sites, scores):
        if found is None:
            continue
        score, partner, demoted, supported = found
        if demoted:
            held.add(site.tok.start)
        if demoted or supported:
            quiet.add(site.tok.start)
        if score > 0:
            scored.append((site.tok, score, partner))
    if not scored:
        return []
    odds = TECHNICAL_ODDS if is_code_dense(text) else 1.0
    terms = document_terms(text, scored)
    if terms:
        # the document's own terms: kept as suggestions, as a word-class veto keeps them
        scored = [(tok, with_wider(score, CLASS_PENALTY, p.threshold) if tok.start in terms else score, p)
                  for tok, score, p in scored]
        held |= terms
        quiet |= terms
    # a change that wider evidence demoted to a suggestion neither raises the document's
    # prior nor is raised by it; one the grammar speaks for does not raise it
    boost = document_boost([s for s in scored if s[0].start not in quiet] if quiet else scored)
    if edited and boost == 1.0:
        odds = max(odds, EDITED_ODDS)
    fired = Counter((tok.lower, p.word) for tok, score, p in scored if tok.start not in quiet
                    and score >= math.log(p.threshold * odds / (boost if p.boosted else 1.0)))
    apostrophe = apostrophe_style(text)
    out: list[Change] = []
    for tok, score, partner in scored:
        boosted = partner.boosted and tok.start not in held
        threshold = partner.threshold * odds / (boost if boosted else 1.0)
        if boosted and fired[(tok.lower, partner.word)] - (score >= math.log(threshold)) > 0:
            # one sense per discourse: the same confusion was made elsewhere in this text
            # (curated pairs only: a jargon word taken for an uncurated partner once,
            # "git" for "get", would be taken so throughout)
            threshold = min(threshold, REPEAT_THRESHOLD * odds)
        if score < math.log(partner.suggest or threshold / odds / SUGGEST_FRACTION):
            continue  # (technical odds make suggestions of changes, not fewer suggestions)
        new = match_casing(tok.text, write_apostrophes(partner.word, apostrophe))
        out.append(Change(tok.start, tok.end, new, partner.rule,
                          f"'{tok.text}' is likely '{new}' here",
                          round(confidence_from(score, threshold), 3)))
    return out


# Rounds of re-scoring confusion words next to a changed one ("off there":
# "there" -> "their" makes "off" -> "of"); runs of three are rare.
CONFUSION_ROUNDS = 3


def settled_confusion_changes(text: str, sites: list, rules: CompiledRules, blocked, ctx,
                              edited: bool = False) -> list[Change]:
    """`confusion_changes`, with adjacent confusion words scored with each other as changed.

    Each word is scored with its neighbours as written; a neighbour that is
    itself changed ("a performance off there": "there" -> "their") is read
    as the second clean would read it, and the words next to it scored again
    ("off" -> "of"), until nothing moves. Only changes at or above
    min_confidence count: suggestions leave the text as it is. `edited`: the text reads as
    edited prose (`score.edited_register`, read once by `run`).
    """
    scores = score_sites(text, sites, rules, blocked, ctx)
    out = decide_confusions(text, sites, scores, edited)
    floor = ctx.options.min_confidence
    fixed = {c.start: c.replacement for c in out if c.confidence >= floor}
    if not fixed:
        return out  # the common case: no site is read otherwise
    # the site to the left of each site whose left neighbour is a word
    left_of = {s.after.start: s.tok.start for s in sites if s.after is not None and s.right is not None}
    # the sites a change at a start can move: the one whose next token starts
    # there, and the one whose left neighbour (by left_of) starts there
    near: dict = {}
    for n, s in enumerate(sites):
        if s.after is not None:
            near.setdefault(s.after.start, []).append(n)
        if s.tok.start in left_of:
            near.setdefault(left_of[s.tok.start], []).append(n)
    current = sites
    for _ in range(CONFUSION_ROUNDS - 1):
        if not fixed:
            break
        moved = list(sites)
        for n in {n for start in fixed for n in near.get(start, ())}:
            moved[n] = _read_fixed(sites[n], fixed, left_of)
        if moved == current:
            break
        scores = score_sites(text, moved, rules, blocked, ctx, (current, scores))
        current = moved
        out = decide_confusions(text, current, scores, edited)
        fixed = {c.start: c.replacement for c in out if c.confidence >= floor}
    return out


def _read_fixed(site: Site, fixed: dict, left_of: dict) -> Site:
    """The site with each neighbouring word that a change replaces read as replaced."""
    left, right = site.left, site.right
    if right is not None and site.after.start in fixed:
        right = neighbour(fixed[site.after.start], +1)
    if left is not None and left_of.get(site.tok.start) in fixed:
        left = neighbour(fixed[left_of[site.tok.start]], -1)
    return site if (left, right) == (site.left, site.right) else site._replace(left=left, right=right)


def join_changes(text: str, sites: list, rules: CompiledRules, blocked, ctx, odds: float = 1.0) -> list[Change]:
    """"moved in to the city" -> "moved into the city": the split and the joined
    form scored in the same context (one word either side), as a confusion; `odds`: the
    text's prior odds against an error, times a join's threshold (see `decide_confusions`)."""
    join_cased = rules.join_cased
    firsts = [n for n, site in enumerate(sites) if site.tok.text in join_cased]
    if not firsts:
        return []
    model = context_model.model_for(ctx.resources)
    names = name_words(ctx.options)
    out = []
    budget = ctx.budget
    for i, n in enumerate(firsts):
        if budget.every(i):
            break
        site = sites[n]
        key = join_cased[site.tok.text]
        tok, nxt = site.tok, site.after
        if nxt is None or nxt.kind != "word" or text[tok.end:nxt.start] != " " or not nxt.text.islower():
            continue
        for join in rules.joins[key]:
            if nxt.text != join.second:
                continue
            # a join's second word is a scanned word (see CompiledRules): its site comes next
            second = sites[n + 1]
            if (tok.lower in names or not may_edit_casing(text, tok) or site.glued
                    or second.glued or inside_any(tok.start, nxt.end, blocked)):
                continue
            left, right = site.left, second.right
            if left is None or right is None:
                continue  # both sides' evidence is needed: "give in to" vs "went into"
            score = (context_model.phrase_logprob(model, left, (join.joined,), right)
                     - context_model.phrase_logprob(model, left, (join.first, join.second), right))
            floor = math.log(join.threshold / SUGGEST_FRACTION)
            if score >= floor and particle_before_join(model, text, tok.start, join.first, join.joined):
                # "tune in to the show": the verb's particle and "to", at most a suggestion
                score = with_wider(score, CLASS_PENALTY, join.threshold)
            if score < floor:
                continue
            new = match_casing(tok.text, join.joined)
            old = text[tok.start:nxt.end]
            out.append(Change(tok.start, nxt.end, new, join.rule, f"'{old}' is likely '{new}' here",
                              round(confidence_from(score, join.threshold * odds), 3)))
    return out


def possessive_changes(text: str, sites: list, possessive: tuple, blocked, ctx) -> list[Change]:
    """"Chinas policy" -> "China's policy": a name + s that is no word, before a noun.

    Fires only when the word is rare as written (wordfreq zipf < PLURAL_MAX_ZIPF:
    "Lakers", "Americas" are common; and in the unigram list at most
    PLURAL_MAX_SHARE of its stem) while its stem is a well-known word
    (zipf >= STEM_MIN_ZIPF), the next word is lower-case, no function word, and
    attested after "its" or "his" (a noun or adjective, not a verb as in "the
    Koreas agreed"), and no plural cue ("the", "two") precedes it.
    """
    # the cheap test first: most sites are confusion-set words
    found = [site for site in sites if site.tok.text[-1] == "s" and site.tok.text[0].isupper()]
    if not found:
        return []
    rule, confidence = possessive
    d = ctx.resources
    names = name_words(ctx.options)
    apostrophe = None
    out = []
    budget = ctx.budget
    for i, site in enumerate(found):
        if budget.every(i):
            break
        tok = site.tok
        word = tok.text
        nxt = site.after
        if (nxt is None or len(word) < 4 or not word[1:].islower() or tok.lower in names
                or site.glued or inside_any(tok.start, tok.end, blocked)):
            continue
        stem = tok.lower[:-1]
        if stem.endswith("s") or not d.count(stem) or d.count(tok.lower) > PLURAL_MAX_SHARE * d.count(stem):
            continue
        if zipf(tok.lower) >= PLURAL_MAX_ZIPF or zipf(stem) < STEM_MIN_ZIPF:
            continue
        if (not nxt.is_word or not nxt.text.islower() or text[tok.end:nxt.start] != " "
                or nxt.text in LINKING_FUNCTION_WORDS):
            continue
        if not (d.bigram("its", nxt.lower) or d.bigram("his", nxt.lower)):
            continue
        if site.left in _PLURAL_CUES:
            continue
        apostrophe = apostrophe or apostrophe_style(text)
        new = word[:-1] + apostrophe + "s"
        out.append(Change(tok.start, tok.end, new, rule,
                          f"'{word}' is likely the possessive '{new}' here", confidence))
    return out


def pattern_changes(text: str, patterns: list, spans: list, lowered: str | None = None) -> list[Change]:
    """Changes from hand-written patterns, skipping code, URLs and overlaps."""
    blocked = SpanSet(spans)
    lowered = text.lower() if lowered is None else lowered
    out: list[Change] = []
    links = may_hold_links(text)  # once: per match it would read the text again
    for pat in patterns:
        for m in pattern_matches(pat, text, lowered):
            # links last: the only test that may tokenize (a few chunks)
            if inside_any(m.start(), m.end(), blocked) or touches_link(text, m.start(), m.end(), links):
                continue
            new = match_casing(m.group(0), m.expand(pat.replacement))
            if new == m.group(0):
                continue
            start, end, new = trim_common_words(m.group(0), new)
            old = m.group(0)[start:end]
            message = pat.message or f"'{old}' is likely '{new}' here"
            out.append(Change(m.start() + start, m.start() + end, new, pat.rule, message, pat.confidence))
            blocked.add(m.start() + start, m.start() + end)
    return out


def may_match(pat: Pattern, lowered: str) -> bool:
    """False when one of the pattern's required literal groups occurs nowhere in the
    lower-cased text (not even inside a word): then the pattern cannot match.

    Substring tests are far cheaper than the regex; plain loops, because the
    generators of all(any(...)) cost as much as the tests here.

    >>> p = Pattern(None, "", "r", "", 0.9, requires=(("then",), ("more", "less")))
    >>> may_match(p, "less then"), may_match(p, "more than")
    (True, False)
    """
    for shared, group in zip(pat.shared, pat.requires):
        if shared and shared not in lowered:
            return False  # every string of the group holds it
        for literal in group:
            if literal in lowered:
                break
        else:
            return False
    return True


def pattern_matches(pat: Pattern, text: str, lowered: str):
    """The matches of `pat.regex.finditer(text)`, trying the pattern only where one
    of its leading literals (`Pattern.lead`) occurs in the lower-cased text.

    A case-insensitive pattern that opens with \\b is tried at every position
    of the text: 70-300 us per 5 KB, and on news "more ... then" and "would"
    occur in most articles. A match can only start where a leading literal
    does, so matching at those few positions (in order, each from the end of
    the last match) gives finditer's matches. When lower-casing changed the
    text's length ("İ" -> "i̇"), offsets would not line up: finditer itself.

    >>> rules = compile_rules([{"id": "pattern.x", "kind": "pattern", "pattern": r"\\b(could|would) of\\b",
    ...                         "replacement": r"\\1 have", "source": "t",
    ...                         "examples": [{"input": "could of", "output": "could have"}]}])
    >>> text = "Would of, could of, shouldn't: wouldn't of."
    >>> [m.span() for m in pattern_matches(rules.patterns[0], text, text.lower())]
    [(0, 8), (10, 18)]
    """
    if not pat.lead or len(lowered) != len(text):
        yield from pat.regex.finditer(text)
        return
    starts = set()
    for lead in pat.lead:
        i = lowered.find(lead)
        while i >= 0:
            starts.add(i)
            i = lowered.find(lead, i + 1)
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = pat.regex.match(text, start)
            if m is not None:
                yield m
                end = m.end()  # never empty: it holds a leading literal


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


STEP = Step(name="context", run=run,
            summary="real-word errors (confusion sets scored on n-grams, patterns)",
            english_only=True, needs_dictionaries=True, corrects_words=True, prepare=prepare,
            rules=RuleSpec("context.yaml", RULE_SCHEMA, compile_rules))
