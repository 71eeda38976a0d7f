"""Step 'spelling': non-word typos, and never a change to correct text.

Only tokens that no dictionary knows are looked at (symspellpy's 82k words,
then wordfreq's broad English list). Before any lookup a token must pass the
guards: names (the request's too), the dictionary words of the request and
the deployment (rules/dictionary.yaml), acronyms, code, units, words the
document repeats, other scripts and lines in another language are never
touched (guard.py; the guards all steps share are service.guards).
The candidates of what is left are ranked by a noisy channel (rank): a
correction is made only when it takes most of the posterior against keeping
the word.

Rules (rules/spelling.yaml) fix common misspellings that wordfreq lists as
words ("alot", "goverment"); words that wordfreq lacks but news uses (tech
and news vocabulary) are in rules/dictionary.yaml, which every step keeps.

>>> from service.edits import apply_edits
>>> from service.steps import context_for
>>> ctx = context_for("spelling")
>>> t = "The two countries signed an agreemnet on Huawei and LTE."
>>> apply_edits(t, run(t, ctx))
'The two countries signed an agreement on Huawei and LTE.'
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import repeat
from types import MappingProxyType

from ...budget import UNLIMITED
from ...edits import Change
from ...errors import RulesError
from ...guards import is_bracketed_alone, looks_like_code, name_words
from ...lexicon import (DISTINCTLY_ENGLISH_FUNCTION_WORDS, KNOWN_ZIPF, apostrophe_style, count_in, in_curated_lexicon,
                        fold_apostrophes, match_casing, write_apostrophes)
from ...tokens import Token, is_acronym, sentence_start
from .guard import (ABBREVIATION_REASON, MAX_SHORT, REPEATED_REASON, Piece, guard_reason, in_technical_text,
                    is_mentioned, is_slug, split_pieces, written_as_code)
from .agreement import agree, count_before
from .echo import echo, echo_alone
from .morphology import is_compound, is_derivation, is_inflection, is_made_from
from .shape import fix_held
from .rank import (at_home_abroad, hides_a_vowel, lexicon_for, posterior_share, respell_misspellings, rival_reading,
                   score_hypotheses, slips_from_commonest)
from .suggest import suggestion_reason
from .words import Document, irregular_keys
from ..base import RuleSpec, Step

# Scoring an unknown word (candidates within two edits, each weighed by the
# channel model) is the step's dearest work, so a text of distinct unknown
# words would cost far more per MB than news. A document may score at most
# this many words, plus this many per 1,000 characters: well above what news
# needs (bench/NOTES.md, "Scored words"). The allowance is all or nothing: a
# document with more words to score than that scores none of them (fixes
# listed in the rules still apply) and the step is reported incomplete. A cap
# that scored the first N would not be idempotent, whatever the order: the
# first pass's corrections leave the document, so the second pass's N reaches
# words the first never scored, and corrects them.
SCORED_WORDS_BASE = 40
SCORED_WORDS_PER_1000 = 1


def prepare(dictionaries) -> None:
    """Build the lexicon (about a second), the word index and the curated dictionary at
    start-up, not on the first request (a missing one fails the start, not a request)."""
    lexicon_for(dictionaries)
    irregular_keys(dictionaries.unigrams)
    if not in_curated_lexicon("word"):
        raise RuntimeError("the curated dictionary (chunspell's en_US) does not list 'word': is it installed whole?")
_WORD_PATTERN = r"^[a-z][a-z'’\-]*[a-z]$"
_PHRASE_PATTERN = r"^[a-z][a-z'’\- ]*[a-z]$"
RULE_SCHEMA = {
    "properties": {
        "misspelling": {"type": "string", "pattern": _WORD_PATTERN},
        "correction": {"type": "string", "pattern": _PHRASE_PATTERN},
        "fixes": {"type": "object", "minProperties": 1,
                  "propertyNames": {"pattern": _WORD_PATTERN},
                  "additionalProperties": {"type": "string", "pattern": _PHRASE_PATTERN}},
        "terms": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": r"^[a-z]{3,}$"}},
    },
    # exactly one of: one misspelling, a table of them, a lexicon of terms
    "oneOf": [
        {"required": ["misspelling", "correction"]},
        {"required": ["fixes"]},
        {"required": ["terms"]},
    ],
    "dependentRequired": {"misspelling": ["correction"], "correction": ["misspelling"]},
}

# A known word is split ("inthe" -> "in the") only when the two words are this
# many times more frequent as a bigram than the joined form is as a word.
KNOWN_SPLIT_RATIO = 300.0
# A line whose lower-case words are mostly unknown to English (at least
# FOREIGN_MIN_WORDS of them, more than FOREIGN_SHARE not in the word list nor
# common in wordfreq) is in another language -- a Spanish quote, a translated
# paragraph of a page detected as English -- or not prose: left alone.
# Measured: lines of the development pages (typos injected or not) at most
# 0.2, one <script> tag 0.33; news sentences in Spanish, French, Italian,
# Portuguese and German 0.44-0.62 (their function words "de", "con", "se"
# are common in English lists too).
# A short line dense with typos reaches that share too ("The goverment met
# inthe capital to discuss the agreemnet": 3 of 8), so a line is foreign only
# when English function words are also rare in it (under FOREIGN_FUNCTION_SHARE
# of its lower-case words; lexicon.DISTINCTLY_ENGLISH_FUNCTION_WORDS).
FOREIGN_SHARE = 0.35
FOREIGN_MIN_WORDS = 5
FOREIGN_KNOWN_ZIPF = 3.0
FOREIGN_FUNCTION_SHARE = 0.1
FOREIGN_SAMPLE = 40  # words read from the line's start
_EDGE_PUNCTUATION = "\"'“”‘’«»„()[]{},.;:!?¿¡-–—…*"
# Share of the posterior the best correction needs before it is made.
FIRE_SHARE = 0.7
FIRE_SHARE_CAPITALISED = 0.9
# A capitalised word that no dictionary lists is only scored at a sentence's start (the
# guards keep it elsewhere: a proper noun), where the capital says nothing of what it
# is. There it is as often a name the lists lack ("Schoorl is a village in North
# Holland") as a typo: its correction is made when it is a slip of the fingers
# (channel.FINGER_SLIPS: "Hwoever"), and only suggested (SUGGESTED_CONFIDENCE) when it
# takes another letter ("Schoorl" -> "School"). Measured on run.py typos: no repair lost
# (tune 158/164, heldout 166/175 before and after); also suggesting the finger slips
# lost none there either, but would leave "Hwoever," at a sentence's start to an editor.
# The confidence reported: the posterior share, capped.
MAX_CONFIDENCE = 0.99
# A lower-case unknown word the text writes the same way twice or more may be a
# term or a coinage as well as a repeated typo ("togther ... togther"): its
# correction goes below the default confidence floor (Options.min_confidence
# 0.5), so an editor sees it as a suggestion and the text keeps the word. Not a
# finger slip of one of the commonest words past its first letter
# (rank.slips_from_commonest: "thhe", "adn", "wsa" for the, and, was): nobody coins a
# term so, and the words typed most are the ones mistyped the same way twice. A
# letter before the word ("nmake", a program) or in its place is a term's shape.
SUGGESTED_CONFIDENCE = 0.45
FIXED_CONFIDENCE = 0.95

@dataclass(frozen=True)
class SpellingRules:
    """Compiled rules: explicit misspelling fixes (lowercase), and the terms of a curated
    lexicon whose corrections are only suggested (suggest.suggestion_reason)."""

    fixes: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    terms: frozenset = frozenset()
    # the misspellings as a set, for run()'s set operations (derived from fixes)
    fix_words: frozenset = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "fix_words", frozenset(self.fixes))


def compile_rules(entries: list) -> SpellingRules:
    """Misspelling -> (correction, rule id), and the terms; bad data raises RulesError.

    >>> r = compile_rules([{"id": "m", "misspelling": "alot", "correction": "a lot"},
    ...                    {"id": "t", "fixes": {"thier": "their"}}, {"id": "s", "terms": ["manpage"]}])
    >>> r.fixes["alot"], r.fixes["thier"], r.terms
    (('a lot', 'm'), ('their', 't'), frozenset({'manpage'}))
    >>> compile_rules([{"id": "x", "fixes": {"teh": "the"}}, {"id": "y", "misspelling": "teh", "correction": "tea"}])
    Traceback (most recent call last):
    service.errors.RulesError: rule y: misspelling 'teh' is already fixed by rule x
    >>> compile_rules([{"id": "x", "fixes": {"teh": "the"}}, {"id": "s", "terms": ["teh"]}])
    Traceback (most recent call last):
    service.errors.RulesError: terms that a rule also fixes as misspellings: ['teh']
    """
    fixes: dict[str, tuple[str, str]] = {}
    terms: set[str] = set()
    for e in entries:
        terms.update(e.get("terms", ()))
        table = dict(e.get("fixes", {}))
        if "misspelling" in e:
            table[e["misspelling"]] = e["correction"]
        for wrong, right in table.items():
            wrong, right = fold_apostrophes(wrong), fold_apostrophes(right)
            if wrong == right:
                raise RulesError(f"rule {e['id']}: misspelling and correction are the same word {wrong!r}")
            if wrong in fixes:
                raise RulesError(f"rule {e['id']}: misspelling {wrong!r} is already fixed by rule "
                                 f"{fixes[wrong][1]}")
            fixes[wrong] = (right, e["id"])
    if clash := sorted(terms & set(fixes)):
        raise RulesError(f"terms that a rule also fixes as misspellings: {clash}")
    return SpellingRules(MappingProxyType(fixes), frozenset(terms))


_EMPTY_RULES = SpellingRules()


def _context_word(word: tuple, neighbour: tuple | None, text: str) -> str:
    """The lowercase neighbouring word, if only spaces or tabs separate it from the word.

    `word` and `neighbour` are (word, start, end); punctuation, numbers or a
    line break in between mean no context, and so does no neighbour at all.
    A run of blanks is context like one space: the whitespace step makes it one.

    >>> _context_word(("cat", 4, 7), ("The", 0, 3), "The cat"), _context_word(("cat", 5, 8), ("The", 0, 3), "The, cat")
    ('the', '')
    """
    if neighbour is None:
        return ""
    a, b = (neighbour[2], word[1]) if neighbour[1] < word[1] else (word[2], neighbour[1])
    if text[a:b].strip(" \t"):
        return ""
    return fold_apostrophes(neighbour[0].lower())


def run(text: str, ctx) -> list[Change]:
    """Changes that correct non-word typos (see the module docstring).

    Words are found with the shared tokenizer's word pattern; URLs, e-mail
    addresses, hashtags and code are recognised by the code guard on the
    few words that are not listed. Only the words that symspellpy's list
    lacks (or that a rule fixes) are looked at one by one: set operations
    in C find them (`Document.unlisted`), so the ~800 listed words of an
    article cost no Python-level work each.

    Two typos side by side ("takls witth") are each the other's context: a
    word is decided again with its neighbour as corrected, until nothing
    moves (`_settle`), so that both are fixed in this pass and a second
    pass, which reads the corrected neighbour, has nothing left to do.
    """
    if ctx.resources is None:
        raise ValueError("the spelling step needs the shared dictionaries (ctx.resources)")
    return corrections(text, ctx.resources, ctx.rules, budget=ctx.budget,
                       names=name_words(ctx.options) | ctx.dictionary)


def corrections(text: str, resources, rules: SpellingRules | None = None, only=None,
                budget=UNLIMITED, names: frozenset = frozenset(), to: frozenset | None = None) -> list[Change]:
    """`run`'s changes, from the shared dictionaries and the step's rules.

    `only(lower)`, when given, picks the unlisted words to check (the names
    step asks about the few one slip from a name); the others stay as written.
    `budget`: the request's time budget (service.budget), polled as words are found.
    `names`: words never corrected: the request's names (guards.name_words) and
    the dictionary words (Context.dictionary), folded.
    `to`, when given: the corrections (lower case) the caller keeps; only changes to
    them are returned. The others still stand as their neighbours' context in
    `_settle`, but why one would be only suggested (suggest.suggestion_reason) is not
    read: it sets a change's confidence and message, which no other word's decision
    reads (the names step keeps only corrections to a name's words).

    >>> from service.resources import dictionaries
    >>> [c.replacement for c in corrections("They will takls witth him.", dictionaries(), only=lambda w: w[0] == "w")]
    ['with']
    """
    rules = rules or _EMPTY_RULES
    doc = Document.scan(text)
    listed = resources.unigrams
    checks = []  # (word, start, end), its neighbours before and after
    for i, current in enumerate(doc.unlisted(listed, rules.fix_words, irregular_keys(listed), only)):
        if budget.every(i):
            break  # the time budget ran out: the words after this one are left as written
        word, start, end = current
        if len(word) <= MAX_SHORT or is_slug(word):
            continue
        checks.append((current,) + doc.neighbours(start, end))
    if not checks:
        return []
    lex = lexicon_for(resources)
    pieces = checked_pieces(text, checks)
    if to is not None and not rules.fixes and not may_reach(pieces, len(text), lex, to):
        return []  # no word here can be corrected to one the caller keeps (the names step's pass)
    verdicts = screen_checks(pieces, doc, lex, rules, names)
    may_score = within_allowance(verdicts.values(), len(text))
    foreign: dict = {}  # line start -> is_foreign_line

    def decide(current: tuple, left: str, right: str) -> tuple:
        word, start, end = current
        found = []
        for piece in split_pieces(Token(word, start, end, "word"), left, right, sentence_start(text, start)):
            change = verdicts[piece.start]
            if isinstance(change, Unknown):
                change = score_piece(piece, change, doc, lex, rules, to) if may_score else None
            # the language of the line last: only for a correction (most unlisted words get none)
            if change is not None and not _in_foreign_line(text, start, foreign, listed, lex):
                found.append(change)
        return tuple(found)

    # a word whose every piece screened None has no change in any context: never decided
    live = sorted(start for start, v in verdicts.items() if v is not None)
    inert = {i for i, ((_, start, end), _, _) in enumerate(checks)
             if bisect_left(live, start) == bisect_left(live, end)}
    found = _settle(text, checks, decide, inert)
    # a rule's fix of a common misspelling stands anywhere ("teh precarity"); a scored guess not
    changes = [c for i, changes in enumerate(found) for c in changes
               if c.rule not in SCORED_RULES or not in_foreign_phrase(i, checks, found, lex)]
    if not may_score:
        budget.note_cap()
    if to is not None:
        changes = [c for c in changes if c.replacement.lower() in to]
    return changes


def checked_pieces(text: str, checks: list) -> list[Piece]:
    """The pieces of the checked words, split without their context words (what may_reach
    and screen_checks read)."""
    return [p for (word, start, end), _, _ in checks
            for p in split_pieces(Token(word, start, end, "word"), "", "", sentence_start(text, start))]


def may_reach(pieces: list[Piece], length: int, lex, to: frozenset) -> bool:
    """Whether a checked word's piece (checked_pieces) may be corrected to a word of `to`, without
    rules' fixes: a scored correction is a candidate of its piece (Lexicon.candidates; a split holds
    a space, which no word of `to` holds), so a text none of whose pieces has a candidate in `to`
    gets none that the caller keeps, and its neighbours' context changes nothing of that. A
    non-ASCII candidate counts as reaching (its casing may not lower back to it), as does a text of
    `length` characters with more pieces than the scoring allowance (`corrections` then notes the
    cap on the budget).

    >>> from service.resources import dictionaries
    >>> lex = lexicon_for(dictionaries()); pieces = checked_pieces("Six monhts on.", [(("monhts", 4, 10), None, None)])
    >>> may_reach(pieces, 14, lex, frozenset({"months"})), may_reach(pieces, 14, lex, frozenset({"york"}))
    (True, False)
    """
    if len(pieces) > scoring_allowance(length):
        return True
    return any(c in to or not c.isascii()
               for p in pieces for c, _ in lex.candidates(fold_apostrophes(p.text.lower())))


def screen_checks(pieces: list[Piece], doc: Document, lex, rules: SpellingRules, names: frozenset) -> dict:
    """Piece start -> `screen_piece`'s verdict, for every piece of the checked words (checked_pieces).

    A verdict reads neither context word, so it holds in every round of `_settle`.
    """
    return {piece.start: screen_piece(piece, doc, lex, rules, names) for piece in pieces}


def within_allowance(verdicts, length: int) -> bool:
    """True when a text of `length` characters may score all its unknown words (SCORED_WORDS_BASE).

    >>> u = Unknown("wrod", "'", False, False)
    >>> within_allowance([u] * 40 + [None] * 100, 0), within_allowance([u] * 41, 0), within_allowance([u] * 41, 1000)
    (True, False, True)
    """
    return sum(1 for v in verdicts if isinstance(v, Unknown)) <= scoring_allowance(length)


# Rounds of re-deciding words next to a corrected word: a run of n typos in a
# row settles in n rounds; longer runs keep what the last round found.
MAX_ROUNDS = 4


# The rules of the corrections `score_piece` guesses (the others are rules/spelling.yaml's fixes).
TYPO_RULE, SPLIT_RULE = "spelling.typo", "spelling.split"
SCORED_RULES = frozenset({TYPO_RULE, SPLIT_RULE})
# Endings of the epithet of a Latin species name ("Calathea louisae", "Tetramorium
# immigrans", "Quercus robur" aside): -ae, -ii, -um, -us, -is, -ans, -ens, -oides, -ata.
_EPITHET_ENDINGS = ("ae", "ii", "um", "us", "is", "ans", "ens", "oides", "ata")


def in_foreign_phrase(i: int, checks: list, found: list, lex) -> bool:
    """True when the checked word `i` stands in a phrase of words English does not know,
    so that its correction would be a guess from the wrong language: its neighbour
    (spaces only between) is itself unlisted, unknown to wordfreq, no derivation or
    compound of English words, lower case and left as written ("cadavre exquis",
    "eerste divisie"), or it is a lower-case word with a
    Latin ending after a capitalised word so unknown (a species name: "Calathea
    louisae"). Two typos side by side are each corrected ("differenciate beetween"),
    so neither protects the other; a name before a typo ("Zelensky sadi") does not
    either, without the Latin ending. Nor does any neighbour protect a finger slip of
    one of the commonest English words, first letter kept, that no major European
    language writes ("wtih malloc", "sdists adn wheels": rank.slips_from_commonest,
    rank.at_home_abroad): a foreign phrase's words are its language's ("hier ist").

    >>> from service.resources import dictionaries
    >>> lex = lexicon_for(dictionaries())
    >>> checks = [(("cadavre", 0, 7), None, ("exquis", 8, 14)), (("exquis", 8, 14), ("cadavre", 0, 7), None)]
    >>> in_foreign_phrase(0, checks, [("fix",), ()], lex), in_foreign_phrase(0, checks, [("fix",), ("fix",)], lex)
    (True, False)
    >>> checks = [(("Calathea", 0, 8), None, ("louisae", 9, 16)), (("louisae", 9, 16), ("Calathea", 0, 8), None)]
    >>> in_foreign_phrase(1, checks, [(), ("fix",)], lex)
    True
    """
    (word, _, _), before, after = checks[i]
    if word.islower() and slips_from_commonest(lex, word, first_kept=True) and not at_home_abroad(lex, word):
        return False
    at = {current[1]: j for j, (current, _, _) in enumerate(checks)}
    for side, neighbour in ((-1, before), (1, after)):
        j = None if neighbour is None else at.get(neighbour[1])
        if j is None or found[j]:
            continue  # a listed word, or one corrected itself: no foreign company
        other = neighbour[0]
        low = other.lower()
        if not other.isalpha() or lex.zipf(low) >= KNOWN_ZIPF or is_derivation(lex, low) or is_compound(lex, low) \
                or is_inflection(lex, low):
            continue  # a word English knows or makes ("overplan", "encodings")
        if other.islower() and len(other) > MAX_SHORT:
            return True
        if side < 0 and other[:1].isupper() and other[1:].islower() and word.islower() \
                and word.endswith(_EPITHET_ENDINGS):
            return True
    return False


def _settle(text: str, checks: list, decide, inert=frozenset()) -> list[tuple]:
    """The changes of each checked word, each decided with its neighbours as corrected.

    `checks` holds (word, before, after) as `Document.neighbours` gives them;
    `decide(word, left, right)` the word's changes given its context words.
    The first round reads the neighbours as written; later rounds decide again
    only the words next to one whose changes moved. `inert`: indices of checks
    whose `decide` is () in every context (most of them), never asked.

    >>> checks = [(("tha", 0, 3), None, ("cat", 4, 7)), (("cat", 4, 7), ("tha", 0, 3), None)]
    >>> fix = (Change(0, 3, "the", "r", "m"),)
    >>> decide = lambda word, left, right: fix if word[0] == "tha" and right == "cat" else ()
    >>> _settle("tha cat", checks, decide) == _settle("tha cat", checks, decide, {1}) == [fix, ()]
    True
    """
    at = {current[1]: i for i, (current, _, _) in enumerate(checks)}
    found: list[tuple] = [()] * len(checks)

    def context(i: int, neighbour: tuple | None, side: int) -> str:
        word = _context_word(checks[i][0], neighbour, text)
        j = at.get(neighbour[1]) if word else None
        if j is not None and found[j]:
            fixed = corrected_word(text, neighbour, found[j]).split()
            word = fold_apostrophes(fixed[side].lower()) if fixed else ""
        return word

    pending = [i for i in range(len(checks)) if i not in inert]
    for _ in range(MAX_ROUNDS):
        moved = []
        for i in pending:
            current, before, after = checks[i]
            new = decide(current, context(i, before, -1), context(i, after, 0))
            if new != found[i]:
                found[i] = new
                moved.append(i)
        pending = sorted({at[n[1]] for i in moved for n in checks[i][1:] if n is not None and n[1] in at} - inert)
        if not pending:
            break
    return found


def corrected_word(text: str, word: tuple, changes: tuple) -> str:
    """A (word, start, end) of `text` with the changes inside it applied.

    >>> corrected_word("a takls b", ("takls", 2, 7), (Change(2, 7, "talks", "r", "m"),))
    'talks'
    """
    _, start, end = word
    out, pos = [], start
    for c in sorted(changes, key=lambda c: c.start):
        out += [text[pos:c.start], c.replacement]
        pos = c.end
    out.append(text[pos:end])
    return "".join(out)


def scoring_allowance(length: int) -> int:
    """How many unknown words a text of `length` characters may score (see SCORED_WORDS_BASE).

    >>> scoring_allowance(0), scoring_allowance(1_000_000)
    (40, 1040)
    """
    return SCORED_WORDS_BASE + SCORED_WORDS_PER_1000 * length // 1000


def _in_foreign_line(text: str, pos: int, cache: dict, listed, lex) -> bool:
    """is_foreign_line for the line holding `pos`, cached by its start."""
    line_start = text.rfind("\n", 0, pos) + 1
    found = cache.get(line_start)
    if found is None:
        line_end = text.find("\n", pos)
        found = cache[line_start] = is_foreign_line(text, line_start, len(text) if line_end < 0 else line_end,
                                                    listed, lex)
    return found


def is_foreign_line(text: str, start: int, end: int, listed, lex) -> bool:
    """True when text[start:end] is not English prose (see FOREIGN_SHARE).

    >>> from service.resources import dictionaries
    >>> d = dictionaries(); lex = lexicon_for(d); es = "Los tipos de datos se logran con dos palabras clave."
    >>> is_foreign_line(es, 0, len(es), d.unigrams, lex)
    True
    >>> en = "The goverment met inthe capital to discuss the agreemnet."
    >>> is_foreign_line(en, 0, len(en), d.unigrams, lex)
    False
    """
    # a whitespace split with punctuation stripped: the tokenizer's words, for
    # lower-case letters-only words, at a fraction of its cost
    chunks = text[start:end].split(None, FOREIGN_SAMPLE)[:FOREIGN_SAMPLE]  # a paragraph's start tells
    stripped = map(str.strip, chunks, repeat(_EDGE_PUNCTUATION, len(chunks)))  # each chunk's c.strip(...), in C
    words = [w for w in stripped if w.isalpha() and w.islower()]
    if len(words) < FOREIGN_MIN_WORDS:
        return False
    # the cheap test first: English prose is full of function words
    if count_in(words, DISTINCTLY_ENGLISH_FUNCTION_WORDS) >= FOREIGN_FUNCTION_SHARE * len(words):
        return False
    unknown = sum(1 for w in words if w not in listed and lex.zipf(w) < FOREIGN_KNOWN_ZIPF)
    return unknown > FOREIGN_SHARE * len(words)


@dataclass(frozen=True)
class Unknown:
    """A piece that passed every guard: what scoring it needs besides the piece."""

    lower: str        # folded lower case
    apostrophe: str   # the apostrophe a correction is written with
    known: bool       # common in wordfreq (KNOWN_ZIPF) or curated: only a split may correct it
    repeated: bool    # lower case and written so more than once: only suggested


def screen_piece(piece: Piece, doc: Document, lex, rules: SpellingRules,
                 names: frozenset = frozenset()) -> Change | Unknown | None:
    """A rule's fix, None (a word, or one the guards keep), or the Unknown word to score.

    Cheap, and blind to the piece's context words: `corrections` counts the
    Unknown verdicts against the scoring allowance (within_allowance) before
    it scores any (score_piece).
    """
    lower = fold_apostrophes(piece.text.lower())
    if lower in names:
        return None  # a word of the request's names or of a dictionary
    apostrophe = apostrophe_style(doc.text, piece.text) if "'" in lower else doc.apostrophe
    fix = rules.fixes.get(lower)
    if fix is not None and not is_acronym(piece.text) and not looks_like_code(doc.text, piece.start, piece.end) \
            and not is_mentioned(doc.text, piece.start, piece.end):
        if piece.text[0].islower() or piece.at_sentence_start:
            right, rule_id = fix
            replacement = write_apostrophes(match_casing(piece.text, right), apostrophe)
            if why := fix_held(doc.text, piece, right, in_technical_text(doc)):
                return Change(piece.start, piece.end, replacement, rule_id,
                              f"'{piece.text}' is a common misspelling of '{replacement}' ({why}, so only "
                              "suggested)", SUGGESTED_CONFIDENCE)
            return Change(piece.start, piece.end, replacement, rule_id,
                          f"'{piece.text}' is a common misspelling of '{replacement}'", FIXED_CONFIDENCE)
    if lex.in_dictionary(lower) or ("'" in lower and lex.zipf(lower) > 0):
        return None  # a listed word, or a contraction wordfreq has seen
    reason = guard_reason(piece, doc)
    if reason == ABBREVIATION_REASON and piece.text.islower() and (
            slips_from_commonest(lex, lower) or hides_a_vowel(lex, lower)):
        reason = guard_reason(piece, doc, vowels_optional=True)  # "thd", "wjth": no abbreviations
    if reason is not None and (reason != REPEATED_REASON or not piece.text.islower()):
        return None
    # a word the curated dictionary accepts is a word, however rare ("mummifies"):
    # turning it into another word is the context step's call, on context evidence
    known = lex.zipf(lower) >= KNOWN_ZIPF or in_curated_lexicon(lower)
    if known and piece.text[0].isupper():
        return None
    return Unknown(lower, apostrophe, known, repeated=reason is not None
                   and not slips_from_commonest(lex, lower, first_kept=True))


def score_piece(piece: Piece, unknown: Unknown, doc: Document, lex, rules: SpellingRules,
                to: frozenset | None = None) -> Change | None:
    """The correction of an Unknown word, in its context, when it takes most of the posterior (FIRE_SHARE).

    `to` (see `corrections`): a correction outside it is returned at its share, with no
    reason to suggest it read (its caller drops it).
    """
    lower, known, capital = unknown.lower, unknown.known, piece.text[0].isupper()
    # a regular derivation of a common word ("unresolve") is a word, not a typo
    edits = not known and not is_derivation(lex, lower)
    hyps = respell_misspellings(score_hypotheses(lex, lower, piece.left, piece.right, capital, allow_edits=edits),
                                rules.fixes)
    if edits:  # two forms of one word: the one the word before agrees with (agreement.py)
        hyps = agree(hyps, piece.left, piece.right, count_before(doc.text, piece.start),
                     lambda form: lex.lift(piece.left, form) == 1.0, lower)
    plain, hyps = hyps, echo(hyps, lower, piece.start, lex, doc) if edits else hyps  # the text's words (echo.py)
    best = hyps[0]
    if best.kind == "keep" or (best.kind != "split" and is_made_from(lower, best.replacement)):
        return None  # kept, or the candidate is the word this one is made from ("falsy" <- "false")
    if piece.text.islower() and is_bracketed_alone(doc.text, piece.start, piece.end):
        return None  # "(hackerjs)", "[alloc]": a handle, a link label, a term glossed
    if unknown.repeated and written_as_code(doc, lower):
        # a name, since one of its places is code ("passwd(5)", "/etc/passwd"): read here,
        # not among the guards, so that it leaves the scoring allowance as it was (the
        # words a text may score are counted before any is scored)
        return None
    share, fire = posterior_share(hyps), FIRE_SHARE_CAPITALISED if capital else FIRE_SHARE
    if share < fire:
        return None
    if known and best.kind == "split" and lex.bigram_frequency(*best.replacement.split()) < (
            KNOWN_SPLIT_RATIO * lex.frequency(lower)):
        return None
    replacement = write_apostrophes(match_casing(piece.text, best.replacement), unknown.apostrophe)
    if best.kind == "split":
        message = f"'{piece.text}' is likely '{replacement}' with a missing space"
        rule = SPLIT_RULE
    else:
        message = f"'{piece.text}' is likely a typo for '{replacement}'"
        rule = TYPO_RULE
    confidence = round(min(MAX_CONFIDENCE, share), 3)
    if (to is None or replacement.lower() in to) and (
            # the share before the echo for the suggestion tests' bars: it picks a word, it vouches for none
            why := echo_alone(plain, fire) or suggestion_reason(piece, unknown, best, min(
                share, posterior_share(plain)), doc, lex, rival_reading(hyps), rules.terms)):
        confidence = min(confidence, SUGGESTED_CONFIDENCE)
        message += f" ({why}, so only suggested)"
    return Change(piece.start, piece.end, replacement, rule, message, confidence)


STEP = Step(name="spelling", run=run,
            summary="non-word typos (SymSpell, guarded)",
            english_only=True, needs_dictionaries=True, corrects_words=True, prepare=prepare,
            rules=RuleSpec("spelling.yaml", RULE_SCHEMA, compile_rules))
