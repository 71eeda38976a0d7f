"""Scoring for the `context` step: bigram evidence, punctuation, calibrated confidence.

A candidate is scored against the word as written in the same context (one
word either side, see `context_model`), plus two bits of grammar the bigram
list cannot give, because it has no punctuation: a sentence start or a comma
before the word ("Than ..." opens no sentence) and a full stop after it
("their." and "from." are rare clause ends). `best_partner` returns the log
likelihood ratio of the best candidate; `confidence_from` turns a ratio and
its set's threshold into a posterior; `document_boost` raises the prior of
errors in a text that shows sure ones.

>>> import math; round(confidence_from(math.log(300), 100.0), 2)
0.75
"""
from __future__ import annotations

import math

from ..tokens import sentence_start
from . import context_model

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
# Entries of a best_partner memo (CompiledRules.memo_for) before it is emptied.
MEMO_SIZE = 100_000
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


def at_clause_start(text: str, site):
    """"sentence" when the site's token begins a sentence (or a line), "comma" after , ; or (, else None.

    >>> from service.steps.context_scan import ScanTables, find_sites
    >>> text = "Yes, than no. Than"
    >>> [at_clause_start(text, s) for s in find_sites(text, ScanTables(frozenset({"than", "Than", "no"}), False))]
    ['comma', None, 'sentence']
    """
    if sentence_start(text, site.tok.start):
        return "sentence"
    if site.before in _CLAUSE_OPEN_PUNCT:  # None at the start of the text
        return "comma"
    return None


def at_clause_end(text: str, site):
    """The clause punctuation that follows the site's token on the same line, or None.

    >>> from service.steps.context_scan import ScanTables, find_sites
    >>> text = "over their.\\nover their\\n. their ; x"
    >>> [at_clause_end(text, s) for s in find_sites(text, ScanTables(frozenset({"their"}), False))]
    ['.', None, ';']
    """
    nxt = site.after
    if nxt is not None and nxt.text in _CLAUSE_PUNCT and "\n" not in text[site.tok.end:nxt.start]:
        return nxt.text
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


def document_boost(scored: list) -> float:
    """How much more likely errors are in this document, from its confident ones.

    A change whose evidence is STRONG_FACTOR times its threshold is a sure sign
    that the text has real-word errors (a transcript, a careless copy): each
    raises the prior odds of an error elsewhere by BOOST_PER_HIT, up to MAX_BOOST.

    >>> from service.steps.context_rules import Partner
    >>> p, t = Partner("countries", "r", 100.0), None  # the token is not read
    >>> document_boost([(t, math.log(1e5), p)]), document_boost([(t, math.log(50), p)])
    (4.0, 1.0)
    """
    sure = sum(1 for tok, score, p in scored if score >= math.log(p.threshold * STRONG_FACTOR))
    return min(MAX_BOOST, 1.0 + BOOST_PER_HIT * sure)
