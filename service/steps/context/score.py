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
import re
from collections import Counter

from ...guards import is_code_dense
from ...lexicon import ENGLISH_FUNCTION_WORDS
from ...tokens import sentence_start
from . import model as context_model
from .candidates import two_sided
from .edges import EDGE_RATES, POOLED
from .sides import lifted_side
from .wordclass import _NO_HEADS, readings

# Candidates this many times below their set's threshold are not even suggested.
SUGGEST_FRACTION = 4.0
# In code-dense text (guards.is_code_dense) the prior odds against an error are this
# many times the set's threshold: common words are terms there in senses the bigrams
# of general prose never saw ("the write end of the pipe", "the line end character",
# "fires off a search"), and the text is edited. A change whose confidence would be
# under 0.71 at the set's own threshold (r < 2.5 T) is then a suggestion. Measured on
# documentation prose (bench/NOTES.md, "Identifiers in technical text").
TECHNICAL_ODDS = 2.5
# The text's register: a text of EDITED_MIN_WORDS words or more in which the earlier
# word-correcting steps changed nothing (no slip of the fingers, no misheard name) and
# no real-word change is sure (`document_boost` is 1) reads as edited prose, where a
# real-word error is rarer than the thresholds' prior assumes (they were fitted on text
# with injected errors): its prior odds against an error are EDITED_ODDS times a set's
# threshold, as in code-dense text, so an unsure change there is a suggestion. A
# shorter text says too little either way (a careless writer's next slip may be 300
# words on). Measured on clean article bodies and the real-word benchmark
# (bench/NOTES.md, "The text's register").
EDITED_ODDS = 2.5
EDITED_MIN_WORDS = 250
# Document-level prior (see document_boost): a change this many times above its
# threshold counts as sure; each sure change multiplies the prior odds of errors
# elsewhere by (1 + BOOST_PER_HIT * n), capped. A confusion already changed
# elsewhere in the same text needs only REPEAT_THRESHOLD (one sense per discourse).
# A low REPEAT_THRESHOLD breaks correct words (a correct "off" or "two"
# elsewhere in a text is no likelier to be wrong because one was); it is set
# as high as still repairs a speech-to-text error repeated in one transcript
# (tests/data/context_cases.yaml; the sweep is in bench/NOTES.md).
STRONG_FACTOR = 10.0
BOOST_PER_HIT = 3.0
MAX_BOOST = 10.0
REPEAT_THRESHOLD = 20.0
# An open-ended candidate's unigram prior at this weight (in log space): the bigram chain
# P(x | left) P(right | x) carries the ratio of the two words' counts in general prose, and
# where the candidate is the commoner word that ratio alone can clear a threshold ("the gnu
# directory" -> "new": the left side is "the", the right at chance). A term of the text's
# own field is rarer in general prose than in it, so the ratio is trusted at this weight
# and the context's own evidence (which neighbours go with which word) carries the rest;
# rules/context.yaml's candidates threshold is set for scores so tempered (bench/NOTES.md,
# "Open-ended candidates: a tempered prior").
CANDIDATE_PRIOR_WEIGHT = 0.5
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
# Before a comma, a dash or a bracket the same factor for "of" and "to" only: "screens
# too, but" and "similar too — " are common, "of," and "to," are not ("I used to, but" is
# held by its left neighbour).
_COMMA_END_FACTOR = {"of": 0.1, "to": 0.1}
_CLAUSE_PUNCT = set(".!?;:,)(—–")
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
# Every other confusion-set word: log(rate / pooled rate) at each clause edge
# (sentence start, after a comma, sentence end, before a comma), from the
# project's own clean prose (edges.py, generated by
# bench/calibrate_context.py edges). A word at the edge is compared with a
# partner by the ratio of their rates: "... playing well know," and "learned a
# lot form." are rarer than "now," and "from.". Held-out own prose (rates from
# half of it, swapped words in the other half): 344 -> 352 of 629 repaired,
# 29 -> 28 words broken, as many edits of the clean half.
_EDGE_LOGS = {w: tuple(math.log(r / p) for r, p in zip(rates, POOLED)) for w, rates in EDGE_RATES.items()}


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
    the milder _CLAUSE_END_FACTOR words are penalised before a sentence end only, but for
    those of _COMMA_END_FACTOR.

    >>> clause_end_logprob("their", True) < clause_end_logprob("there", True) == 0.0
    True
    >>> clause_end_logprob("from", ".") < clause_end_logprob("from", ",") == 0.0
    True
    >>> clause_end_logprob("to", "—") < clause_end_logprob("too", "—") == 0.0
    True
    """
    if at_clause_end:
        if word in _NO_CLAUSE_END:
            return math.log(CLAUSE_END_PENALTY)
        factor = _CLAUSE_END_FACTOR.get(word)
        if factor is not None:
            if at_clause_end not in _SENTENCE_END_PUNCT:
                factor = _COMMA_END_FACTOR.get(word, 1.0)
            return math.log(factor) if factor != 1.0 else 0.0
        logs = _EDGE_LOGS.get(word)
        if logs is not None:
            return logs[2] if at_clause_end is True or at_clause_end in _SENTENCE_END_PUNCT else logs[3]
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
            return math.log(factor) if factor != 1.0 else 0.0
        logs = _EDGE_LOGS.get(word)
        if logs is not None:
            return logs[0] if at_clause_start == "sentence" else logs[1]
    return 0.0


def at_clause_start(text: str, site):
    """"sentence" when the site's token begins a sentence (or a line), "comma" after , ; or (, else None.

    >>> from service.steps.context.scan import ScanTables, find_sites
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

    >>> from service.steps.context.scan import ScanTables, find_sites
    >>> text = "over their.\\nover their\\n. their ; x"
    >>> [at_clause_end(text, s) for s in find_sites(text, ScanTables(frozenset({"their"}), False))]
    ['.', None, ';']

    An aside in brackets is read past (`after_aside`).
    """
    nxt = site.after
    if nxt is None or nxt.text not in _CLAUSE_PUNCT or "\n" in text[site.tok.end:nxt.start]:
        return None
    return after_aside(text, nxt.start) if nxt.text == "(" else nxt.text


# An aside in brackets on one line, and the first character after it.
_ASIDE = re.compile(r"\([^()\n]{0,200}\)[ \t]*([^\s]?)")


def after_aside(text: str, start: int):
    """What ends the clause around the bracketed aside at `start` (an opening bracket):
    the punctuation after it; "." when nothing but the end of the line, a bullet or a
    reference follows (a list item's attribution: "avoid overrun on string write (Rod
    Vagg) [#5605]"); None when a word follows, for the clause goes on past the aside
    ("the weak (but growing) economy"), or when the aside is not closed on the line.

    >>> [after_aside(t, 0) for t in ("(EU) said", "(EU), a", "(Rod Vagg)\\n* x", "(Rod Vagg) [#1]", "(open")]
    [None, ',', '.', '.', None]
    """
    m = _ASIDE.match(text, start)
    if m is None:
        return None
    follower = m.group(1)
    if follower in _CLAUSE_PUNCT - {"("}:
        return follower
    return None if follower.isalnum() or follower == "(" else "."


def pair_score(model, left, word: str, partner: str, right, clause_end=None, clause_start=None) -> float:
    """The log ratio of `partner` over `word` in this context, as `best_partner` scores each partner.

    >>> m = context_model.BigramModel({"the": 100, "cat": 10, "cot": 1}, {"the cat": 200}, 111)
    >>> pair_score(m, "the", "cot", "cat", None) > 0
    True
    """
    return (context_logprob(model, left, partner, right)
            + clause_end_logprob(partner, clause_end) + clause_start_logprob(partner, clause_start)
            - context_logprob(model, left, word, right)
            - clause_end_logprob(word, clause_end) - clause_start_logprob(word, clause_start))


def candidate_score(model, left, word: str, partner, right, clause_end=None, clause_start=None) -> float:
    """`pair_score` for a Partner; for an open-ended candidate (`Partner.two_sided`) less the
    part of the candidate's unigram prior over the word's that CANDIDATE_PRIOR_WEIGHT does not
    trust (`untrusted_prior`).

    >>> from service.steps.context.rules import Partner
    >>> m = context_model.BigramModel({"the": 100, "gnu": 1, "new": 64}, {"the new": 100}, 165)
    >>> curated, open_ended = Partner("new", "r", 10.0), Partner("new", "r", 10.0, two_sided=True)
    >>> s = candidate_score(m, "the", "gnu", curated, None)
    >>> round(s - candidate_score(m, "the", "gnu", open_ended, None), 2)
    2.08
    """
    score = pair_score(model, left, word, partner.word, right, clause_end, clause_start)
    return score - untrusted_prior(model, word, partner.word) if partner.two_sided else score


def untrusted_prior(model, word: str, partner: str) -> float:
    """(1 - CANDIDATE_PRIOR_WEIGHT) times log(count(partner) / count(word)) when the partner is
    the commoner word, else 0.0 (a rarer candidate's prior already counts against it).

    >>> m = context_model.BigramModel({"gnu": 10, "new": 1000}, {}, 1010)
    >>> round(untrusted_prior(m, "gnu", "new"), 2), untrusted_prior(m, "new", "gnu")
    (2.3, 0.0)
    """
    ratio = model.unigrams.get(partner, 0) / max(1, model.unigrams.get(word, 0))
    return (1.0 - CANDIDATE_PRIOR_WEIGHT) * math.log(ratio) if ratio > 1.0 else 0.0


def context_logprob(model, left, word: str, right) -> float:
    """log P(word in its context) from the bigrams either side; 0.0 with no word on either
    side, where it would be the unigram prior alone: a word between two punctuation marks
    ("Them, in 2021") is scored on the clause edges alone (`clause_start_logprob`,
    `clause_end_logprob`), never on which word is commoner.

    >>> m = context_model.BigramModel({"the": 100, "cat": 10}, {"the cat": 20}, 110)
    >>> context_logprob(m, None, "cat", None)
    0.0
    >>> context_logprob(m, "the", "cat", None) == context_model.phrase_logprob(m, "the", ("cat",), None)
    True
    """
    if left is None and right is None:
        return 0.0
    return context_model.phrase_logprob(model, left, (word,), right)


def best_partner(model, left, word: str, partners: tuple, right, clause_end=None, clause_start=None):
    """The partner with the highest evidence over `word`: (log ratio, Partner).

    Curated (and `similar`) partners compete on their ratio, as they always
    have; an open-ended candidate (`Partner.two_sided`) is taken instead only
    when both neighbours favour it (`candidates.two_sided`) and its ratio
    clears its own, higher threshold by more than the best curated partner
    clears its one: the curated pairs are the priors.
    A word the model does not know gets ratio 0 (no evidence) against its first
    partner; so does a word none of whose partners may be scored.
    """
    if not context_model.knows(model, word):
        return 0.0, partners[0]
    best = None
    opens = []  # (log ratio, Partner) of the open-ended candidates
    original = (context_logprob(model, left, word, right)
                + clause_end_logprob(word, clause_end) + clause_start_logprob(word, clause_start))
    for p in partners:
        if p.two_sided and not two_sided(model, left, word, p.word, right):
            continue
        score = (context_logprob(model, left, p.word, right)
                 + clause_end_logprob(p.word, clause_end) + clause_start_logprob(p.word, clause_start)
                 - original)
        if p.two_sided:
            opens.append((score - untrusted_prior(model, word, p.word), p))
        elif best is None or score > best[0]:
            best = (score, p)
    open_best = open_ended_best(model, left, right, opens) if opens else None
    if open_best is not None and (best is None or open_best[0] - math.log(open_best[1].threshold)
                                  > best[0] - math.log(best[1].threshold)):
        return open_best
    return best if best is not None else (0.0, partners[0])


def open_ended_best(model, left, right, opens: list) -> tuple:
    """The open-ended candidate that clears its threshold by most, of `opens` ((log ratio,
    Partner), the ratio with `untrusted_prior` taken off): (log ratio, Partner). At most a
    suggestion (the ratio capped at half its threshold, as `wider.with_wider` keeps one) when
    no neighbour goes with it in particular (`sides.lifted_side`): only its count speaks for it;
    or when a neighbour is a word the model does not know (`unread_neighbour`).

    >>> from service.steps.context.rules import Partner
    >>> m = context_model.BigramModel({"the": 1000, "new": 100, "gnu": 1, "sent": 100, "cent": 1, "been": 100},
    ...     {"the new": 1, "been sent": 50}, 10**5, scale=1.0, floor=1)
    >>> new, sent = Partner("new", "r", 10.0, two_sided=True), Partner("sent", "r", 10.0, two_sided=True)
    >>> round(open_ended_best(m, "the", None, [(9.0, new)])[0], 2), open_ended_best(m, "been", None, [(9.0, sent)])[0]
    (1.61, 9.0)
    """
    score, p = max(opens, key=lambda found: found[0] - math.log(found[1].threshold))
    if not lifted_side(model, left, p.word, right) or unread_neighbour(model, left, right):
        score = min(score, math.log(p.threshold / 2))
    return score, p


def unread_neighbour(model, left, right) -> bool:
    """True when a neighbour is a word the model does not know ("sci fi", "a lat pulldown
    machine"): the side the candidate rests on cannot be read against it, and a known word
    beside an unknown one is often part of a term.

    >>> m = context_model.BigramModel({"to": 10, "see": 5}, {"to see": 5}, 15)
    >>> unread_neighbour(m, "to", "fi"), unread_neighbour(m, "to", None)
    (True, False)
    """
    return any(w is not None and w not in model.unigrams for w in (left, right))


def edited_register(text: str, corrected: int | None) -> bool:
    """True when the text reads as edited prose (see EDITED_ODDS): long enough, and no word
    of it changed by the earlier word-correcting steps (`corrected`, Context.corrected; None
    when none of them read the text: then nothing is known of its slips).

    >>> edited_register("word " * 300, 0), edited_register("word " * 300, 1), edited_register("A short note.", 0)
    (True, False, False)
    >>> edited_register("word " * 300, None)
    False
    """
    return corrected == 0 and len(text.split()) >= EDITED_MIN_WORDS


def raised_prior(text: str, corrected: int | None) -> bool:
    """True when the text's prior odds against an error are raised: code-dense text
    (TECHNICAL_ODDS) or edited prose (`edited_register`). There a change that rests on
    chance alone (sides.rests_on_chance) is only suggested; in a text with slips, where
    errors are likelier, the same evidence may still carry it.

    >>> raised_prior("See `a.b()`, `c.d()` and `e.f()`.", None), raised_prior("We met.", 0)
    (True, False)
    """
    return is_code_dense(text) or edited_register(text, corrected)


def document_boost(scored: list) -> float:
    """How much more likely errors are in this document, from its confident ones.

    A change whose evidence is STRONG_FACTOR times its threshold is a sure sign
    that the text has real-word errors (a transcript, a careless copy): each
    raises the prior odds of an error elsewhere by BOOST_PER_HIT, up to MAX_BOOST.

    >>> from service.steps.context.rules import Partner
    >>> p, t = Partner("countries", "r", 100.0), None  # the token is not read
    >>> document_boost([(t, math.log(1e5), p)]), document_boost([(t, math.log(50), p)])
    (4.0, 1.0)

    An open-ended candidate's change (`Partner.two_sided`) raises it by none: no curated pair
    says the two words are confused at all, and its threshold is set for a tempered prior
    (CANDIDATE_PRIOR_WEIGHT), so its sure changes say less of the text's slips.

    >>> document_boost([(t, math.log(1e5), Partner("countries", "r", 100.0, two_sided=True))])
    1.0
    """
    sure = sum(1 for tok, score, p in scored if score >= math.log(p.threshold * STRONG_FACTOR) and not p.two_sided)
    return min(MAX_BOOST, 1.0 + BOOST_PER_HIT * sure)


# A content word written at least TERM_MIN times in a document, of which at most
# TERM_FLAGGED_SHARE (and two or more) come within the document boost's reach of a
# partner's threshold, is one of the
# document's terms: those few are held as suggestions (see `document_terms`).
TERM_MIN = 5
TERM_FLAGGED_SHARE = 0.25
# For an open-ended candidate (no curated pair says the two words are confused at all): a
# word the text writes OPEN_TERM_MIN times or more, at most one use in OPEN_TERM_MIN flagged
# ("the default root to" beside "the default root by" and "the root widget").
OPEN_TERM_MIN = 3
# Function words that lemminflect also reads as nouns or verbs ("its", "your", "whether"):
# a writer who confuses one ("it's" for "its") does so throughout, whatever its count.
_FUNCTION_WORDS = _NO_HEADS | ENGLISH_FUNCTION_WORDS | frozenset(
    {"your", "whose", "whether", "then", "than", "too", "off", "were", "where", "now", "know", "new", "knew"})


def is_content_word(word: str) -> bool:
    """A noun, verb or adjective that is no function word: "fare", "form"; not "its", "from".

    >>> is_content_word("fare"), is_content_word("its"), is_content_word("from")
    (True, False, False)
    """
    return word not in _FUNCTION_WORDS and bool(readings(word) & {"NOUN", "VERB", "ADJ"})


def document_terms(text: str, scored: list) -> set:
    """Starts of tokens whose change is held because the word is one of the document's terms:
    a word the text writes TERM_MIN times or more, whose change is within the document
    boost's reach at two or more (one, for an open-ended candidate) but no more than
    TERM_FLAGGED_SHARE of them ("fare" in a page on air fares: 5 of 29 "fare" read as "fair"). One sense per discourse cuts both ways: a writer who uses the
    word throughout means it; a transcript that misheard it does so at most of its uses.
    Only a pair of content words, or of words with the same letters (a slip of the
    fingers, "from"/"form", is not repeated; "the from line" of a mail header is): a
    writer who confuses "its" with "it's" does so at each possessive.
    `scored`: (token, log ratio, Partner) with evidence > 0 (before the document's boost).

    >>> from service.tokens import Token
    >>> from service.steps.context.rules import Partner
    >>> text = "The fare rose. " * 9 + "A fare grid."
    >>> tok = Token("fare", text.rindex("fare"), text.rindex("fare") + 4, "word")
    >>> first = Token("fare", 4, 8, "word")
    >>> held = document_terms(text, [(first, 3.0, Partner("fair", "r", 10.0)), (tok, 3.0, Partner("fair", "r", 10.0))])
    >>> held == {first.start, tok.start}, document_terms(text, [(tok, 3.0, Partner("fair", "r", 10.0))])
    (True, set())
    >>> document_terms("A fare grid. The fare rose.", [(tok, 3.0, Partner("fair", "r", 10.0))])
    set()

    A word flagged for an open-ended candidate (`Partner.two_sided`: "a blotchy wood like
    Cherry" -> "would") is held in a text that writes it OPEN_TERM_MIN times for each flagged
    use, and at least OPEN_TERM_MIN times:

    >>> t = "Seal the wood. " * 2 + "A blotchy wood like Cherry."
    >>> w = Token("wood", t.rindex("wood"), t.rindex("wood") + 4, "word")
    >>> document_terms(t, [(w, 3.0, Partner("would", "c", 10.0, two_sided=True))]) == {w.start}
    True
    >>> document_terms(t[15:], [(w, 3.0, Partner("would", "c", 10.0, two_sided=True))])
    set()
    """
    by_word: dict = {}
    single: set = set()  # words flagged for an open-ended candidate: one flagged use will do
    for tok, score, partner in scored:
        word = tok.text.lower()
        reach = partner.threshold / MAX_BOOST
        if score < math.log(min(reach, REPEAT_THRESHOLD) if partner.boosted else partner.threshold):
            continue  # out of the document boost's reach (the bigrams prefer "fair" at most "fare"s)
        if partner.two_sided:
            # an open-ended candidate ("wood" -> "would", "lat" -> "lot"): no curated pair says the
            # two are confused at all, so one flagged use of a word the text writes throughout is
            # held, whatever its class
            by_word.setdefault(word, []).append(tok.start)
            single.add(word)
        elif (is_content_word(word) and is_content_word(partner.word)) or sorted(word) == sorted(partner.word):
            by_word.setdefault(word, []).append(tok.start)
    held: set = set()
    if not by_word:
        return held
    # every flagged word's uses, counted in one scan of the text (not one scan a word)
    alternation = "|".join(map(re.escape, by_word))
    uses = Counter(re.findall(r"(?<![\w'’-])(?:" + alternation + r")(?![\w'’-])", text.lower()))
    for word, starts in by_word.items():
        if word in single:
            if uses[word] >= OPEN_TERM_MIN and len(starts) * OPEN_TERM_MIN <= uses[word]:
                held.update(starts)
        elif len(starts) >= 2 and uses[word] >= TERM_MIN and len(starts) <= TERM_FLAGGED_SHARE * uses[word]:
            held.update(starts)
    return held


def hand_set_groups(partners: dict) -> tuple:
    """The words whose clause-start and clause-end comparisons keep the hand-set factors
    above: every word of a connected group of confusion sets that has one (a word and its
    partner must be compared on one footing). `partners` is CompiledRules.partners.

    For bench/calibrate_context.py, which leaves these words out of edges.
    """
    graph: dict = {}
    for w, ps in partners.items():
        graph[w] = {p.word for p in ps if p.rule.startswith("context.confusion.")}

    def closure(seeds) -> set:
        seen, todo = set(), [w for w in seeds if w in graph]
        while todo:
            w = todo.pop()
            if w not in seen:
                seen.add(w)
                todo += graph[w]
        return seen

    return closure(_CLAUSE_START_FACTOR), closure(set(_NO_CLAUSE_END) | set(_CLAUSE_END_FACTOR))
