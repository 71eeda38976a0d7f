"""Non-word typos injected into clean documentation prose: an outside check of the spelling step (issue 14).

usage: python -m bench.synthetic_typos [--pool tune|heldout] [--seed 31] [--show N] [--classes]

The development benchmark's non-word half is small (164 + 175 typos) and every miss left on it
is one of a kind; this check makes thousands of typos from text nobody tuned on.

Text: prose paragraphs of Debian's documentation (bench/clean_sources.prose_dir_paragraphs,
gzipped files too), 8+ words, mostly words (no grammar notation, no tables), at most
--max-words words from each folder (paragraphs drawn with the seed). Two pools, never mixed:
  tune     POOLS["tune"]: Node.js, pip and Valgrind documentation (read by bench.clean_prose
           before; calibrate on this pool only);
  heldout  POOLS["heldout"]: strace, GnuPG and zlib: report it beside tune, never calibrate on it.

Noise (`inject`): about one typo per WORDS_PER_TYPO words, never into two words that follow
each other among those eligible. Only words of 3+ lower-case letters that stand alone in the
prose (spaces or plain punctuation around them: never inside backticks, a path, a dotted name,
a hyphenated compound, quotes or brackets of their own) and that are common
dictionary words (the curated dictionary, symspellpy's list and wordfreq Zipf >= MIN_WORD_ZIPF)
are chosen: no name, no code. The slip is drawn from SLIPS (shares after studies of typing
errors: substitutions and omissions most common, then transpositions and insertions; the
substituted or inserted letter a key touching the intended one on QWERTY), its place in the
word uniform but the first letter, which typists rarely miss (FIRST_LETTER_WEIGHT). The typo
must be a non-word: no dictionary lists it and wordfreq rates it below KNOWN_ZIPF; slips
that make a word are drawn again. The keyboard here is this module's own: the benchmark
does not share the service's model of it.

Each document (paragraphs up to --doc-words words, like a short page) is cleaned in process
twice with service.clean, as written and with its typos. Per typo: repaired exactly (the
edits over it give the word back), changed wrongly (an edit over it gives something else),
missed (no edit; "suggested" when a suggestion would give the word back). False edits
elsewhere: edits of the typo'd text that touch no typo, per 1000 words, and how many of
them the clean text did not get (edits the typos caused). With --classes, misses and
wrong repairs are sorted by what the spelling step saw (`diagnose`). Deterministic: each
paragraph's typos are drawn from a generator seeded with --seed and the paragraph's text.
Never point it at the development benchmark.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import random
import re
from dataclasses import dataclass

import service
from bench.clean_sources import prose_dir_paragraphs
from service.guards import protected_spans
from service.lexicon import KNOWN_ZIPF, in_curated_lexicon
from service.resources import dictionaries

POOLS = {
    "tune": ("/usr/share/doc/nodejs", "/usr/share/doc/python3-pip", "/usr/share/doc/valgrind"),
    "heldout": ("/usr/share/doc/strace", "/usr/share/doc/gnupg", "/usr/share/doc/zlib1g-dev"),
}
WORDS_PER_TYPO = 40
MIN_WORD_ZIPF = 3.0
MIN_PARAGRAPH_WORDS = 8
# Longer paragraphs (whole plain-text files read as one) are cut between sentences: a page
# of many short documents, each within the spelling step's scoring allowance as a news
# page is (step.SCORED_WORDS_BASE: a text with more unknown words than that scores none).
MAX_PARAGRAPH_WORDS = 150
# (kind, share): a neighbouring key for a letter; a letter dropped; two letters swapped; a
# key next to one of the letters around it added; a letter typed twice; a double letter typed once
SLIPS = (("sub_adjacent", 0.30), ("del", 0.20), ("swap", 0.20), ("ins_adjacent", 0.12),
         ("ins_double", 0.10), ("del_double", 0.08))
FIRST_LETTER_WEIGHT = 0.2
TRIES = 12  # slips drawn for a word before another word is taken

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
# a word alone in prose: after a space, "(" or the paragraph's start; before a space,
# , ; : ! ? ) or a full stop that ends a sentence
_WORD = re.compile(r"(?:(?<=[\s(])|^)([a-z]{3,})(?=[\s,;:!?)]|\.(?:\s|$)|$)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# an inline code span: a run of backticks closed by a run as long (``literal``, `code`)
_BACKTICKS = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")


def _keyboard() -> dict:
    """Letters touching each letter on QWERTY: the same row left and right, and the two keys
    above and below (rows are staggered by about half a key)."""
    out = collections.defaultdict(set)
    for r, row in enumerate(_ROWS):
        for c, ch in enumerate(row):
            for rr, shift in ((r, 0), (r - 1, 0), (r - 1, 1), (r + 1, -1), (r + 1, 0)):
                if 0 <= rr < len(_ROWS):
                    for cc in ((c - 1, c + 1) if rr == r else (c + shift,)):
                        if 0 <= cc < len(_ROWS[rr]):
                            out[ch].add(_ROWS[rr][cc])
    return {k: "".join(sorted(v)) for k, v in out.items()}


KEYS = _keyboard()


@dataclass(frozen=True)
class Injection:
    """One typo, at start..start+len(typo) of the typo'd document."""

    start: int
    word: str
    typo: str
    kind: str

    @property
    def end(self) -> int:
        return self.start + len(self.typo)


class Vocabulary:
    """What the noise model asks of a word: common enough to inject into, or a non-word."""

    def __init__(self):
        from service.steps.spelling.rank import lexicon_for
        self.dicts = dictionaries()
        self.lex = lexicon_for(self.dicts)

    def common(self, word: str) -> bool:
        return (word in self.dicts.unigrams and in_curated_lexicon(word)
                and self.lex.zipf(word) >= MIN_WORD_ZIPF)

    def nonword(self, token: str) -> bool:
        return (token not in self.dicts.unigrams and not in_curated_lexicon(token)
                and self.lex.zipf(token) < KNOWN_ZIPF)


def _place(rng: random.Random, n: int) -> int:
    """A letter's index in a word of n letters, the first one rarely."""
    weights = [FIRST_LETTER_WEIGHT] + [1.0] * (n - 1)
    return rng.choices(range(n), weights)[0]


def slip(rng: random.Random, word: str, kind: str) -> str | None:
    """`word` with one slip of `kind`, or None when the word has no place for it.

    >>> slip(random.Random(1), "letter", "del_double")
    'leter'
    """
    n = len(word)
    if kind == "sub_adjacent":
        i = _place(rng, n)
        return word[:i] + rng.choice(KEYS[word[i]]) + word[i + 1:]
    if kind == "del":
        i = _place(rng, n)
        return word[:i] + word[i + 1:]
    if kind == "swap":
        i = _place(rng, n - 1)
        return None if word[i] == word[i + 1] else word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "ins_adjacent":
        i = rng.randrange(1, n + 1)  # the new letter goes before word[i]; near word[i-1] or word[i]
        near = word[i - 1] if i == n or rng.random() < 0.5 else word[i]
        return word[:i] + rng.choice(KEYS[near]) + word[i:]
    if kind == "ins_double":
        i = _place(rng, n)
        return word[:i + 1] + word[i] + word[i + 1:]
    if kind == "del_double":
        doubles = [i for i in range(n - 1) if word[i] == word[i + 1]]
        if not doubles:
            return None
        i = rng.choice(doubles)
        return word[:i] + word[i + 1:]
    raise ValueError(kind)


def _rng(seed: int, text: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}\0{text}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def candidates(paragraph: str, vocab: Vocabulary) -> list:
    """(start, word) of the words of `paragraph` a typo may go into (see the module docstring)."""
    quoted = [m.span() for m in _BACKTICKS.finditer(paragraph)]
    return [(m.start(), m.group(1)) for m in _WORD.finditer(paragraph)
            if not any(a <= m.start() < b for a, b in quoted) and vocab.common(m.group(1))]


def inject(paragraph: str, seed: int, vocab: Vocabulary) -> tuple:
    """(typo'd paragraph, its Injections in its own offsets), drawn with `seed`."""
    rng = _rng(seed, paragraph)
    n_words = len(paragraph.split())
    # a count of typos around n_words / WORDS_PER_TYPO: the fraction drawn, not rounded away
    share = n_words / WORDS_PER_TYPO
    count = int(share) + (rng.random() < share - int(share))
    pool = candidates(paragraph, vocab)
    rng.shuffle(pool)
    chosen, taken = [], set()
    starts = [s for s, _ in pool]
    order = {s: i for i, s in enumerate(sorted(starts))}
    kinds, weights = zip(*SLIPS)
    for start, word in pool:
        if len(chosen) == count:
            break
        if any(abs(order[start] - t) <= 1 for t in taken):
            continue
        for _ in range(TRIES):
            kind = rng.choices(kinds, weights)[0]
            typo = slip(rng, word, kind)
            if typo is not None and vocab.nonword(typo):
                chosen.append((start, word, typo, kind))
                taken.add(order[start])
                break
    out, injections, shift, pos = [], [], 0, 0
    for start, word, typo, kind in sorted(chosen):
        out += [paragraph[pos:start], typo]
        injections.append(Injection(start + shift, word, typo, kind))
        shift += len(typo) - len(word)
        pos = start + len(word)
    out.append(paragraph[pos:])
    return "".join(out), injections


def paragraphs(pool: str, max_words: int, seed: int) -> list:
    """The pool's prose paragraphs: at most `max_words` words from each folder, drawn with `seed`."""
    out, seen = [], set()
    for base in POOLS[pool]:
        found = []
        for p in (piece for para in prose_dir_paragraphs(base, gz=True) for piece in _cut(para)):
            words = p.split()
            if (len(words) >= MIN_PARAGRAPH_WORDS and "→" not in p and " | " not in p and p not in seen
                    and sum(w.strip(".,;:!?()\"'").isalpha() for w in words) >= 0.8 * len(words)):
                seen.add(p)
                found.append(p)
        _rng(seed, base).shuffle(found)
        total = 0
        for p in found:
            if total >= max_words:
                break
            out.append(p)
            total += len(p.split())
    return out


def _cut(paragraph: str) -> list:
    """A paragraph in pieces of at most MAX_PARAGRAPH_WORDS words, cut between sentences (a
    longer sentence is left out: a plain-text file read as one paragraph, a listing)."""
    out, current = [], []
    for sentence in _SENTENCE_END.split(paragraph):
        n = len(sentence.split())
        if n > MAX_PARAGRAPH_WORDS:
            continue
        if sum(len(s.split()) for s in current) + n > MAX_PARAGRAPH_WORDS:
            out.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        out.append(" ".join(current))
    return out


def documents(paras: list, doc_words: int) -> list:
    """Paragraphs joined into documents of about `doc_words` words."""
    docs, current, n = [], [], 0
    for p in paras:
        current.append(p)
        n += len(p.split())
        if n >= doc_words:
            docs.append(current)
            current, n = [], 0
    if current:
        docs.append(current)
    return docs


@dataclass
class Page:
    """A document as written and with its typos."""

    clean: str
    typoed: str
    injections: list   # Injection, in the typo'd text's offsets
    shifts: list       # (offset in the clean text, length change) of each typo, in order


def build_pages(pool: str, seed: int, max_words: int, doc_words: int, vocab: Vocabulary) -> list:
    pages = []
    for group in documents(paragraphs(pool, max_words, seed), doc_words):
        clean, typoed, injections, shifts = [], [], [], []
        at_clean = at_typoed = 0
        for para in group:
            bad, found = inject(para, seed, vocab)
            for inj in found:
                moved = Injection(inj.start + at_typoed, inj.word, inj.typo, inj.kind)
                injections.append(moved)
                shifts.append((at_clean + inj.start - _grown(found, inj), len(inj.typo) - len(inj.word)))
            clean.append(para)
            typoed.append(bad)
            at_clean += len(para) + 2
            at_typoed += len(bad) + 2
        pages.append(Page("\n\n".join(clean), "\n\n".join(typoed), injections, shifts))
    return pages


def _grown(found: list, inj: Injection) -> int:
    """How much the typos before `inj` in its paragraph lengthened it."""
    return sum(len(f.typo) - len(f.word) for f in found if f.start < inj.start)


def _touches(e, inj: Injection) -> bool:
    return e.start < inj.end and e.end > inj.start or (e.start == e.end and inj.start <= e.start <= inj.end)


def outcome(page: Page, inj: Injection, edits) -> str:
    """'repaired', 'wrong' or 'missed': what the edits over the typo make of it."""
    over = [e for e in edits if _touches(e, inj)]
    if not over:
        return "missed"
    lo, hi = min([inj.start] + [e.start for e in over]), max([inj.end] + [e.end for e in over])
    out, pos = [], lo
    for e in sorted(over, key=lambda e: (e.start, e.end)):
        out += [page.typoed[pos:e.start], e.replacement]
        pos = e.end
    out.append(page.typoed[pos:hi])
    want = page.typoed[lo:inj.start] + inj.word + page.typoed[inj.end:hi]
    return "repaired" if "".join(out) == want else "wrong"


def _to_typoed(page: Page, pos: int) -> int:
    """An offset of the clean text in the typo'd text."""
    return pos + sum(grow for at, grow in page.shifts if at < pos)


def diagnose(page: Page, inj: Injection, edits, checker) -> str:
    """What the spelling step saw of a typo it did not repair: its guard, or how the
    hypotheses stood (`Checker`)."""
    over = [e for e in edits if _touches(e, inj)]
    if over and not any(e.step == "spelling" for e in over):
        return "changed by " + ",".join(sorted({e.rule for e in over}))
    if any(a < inj.end and inj.start < b for a, b in protected_spans(page.typoed)):
        return "inside what reads as a code span"
    return checker.why(page.typoed, inj)


class Checker:
    """The spelling step's view of one word (a diagnosis only: the pipeline decides)."""

    def __init__(self):
        from service.pipeline import default_resources
        from service.steps.spelling.rank import lexicon_for
        res = default_resources()
        self.rules = res.rules.compiled("spelling")
        self.names = res.rules.dictionary
        self.lex = lexicon_for(res.dictionaries)

    def why(self, text: str, inj: Injection) -> str:
        from service.edits import Change
        from service.steps.spelling import step
        from service.steps.spelling.guard import Piece, guard_reason
        from service.steps.spelling.rank import posterior_share, respell_misspellings, score_hypotheses
        from service.steps.spelling.words import Document
        from service.tokens import sentence_start

        doc = Document.scan(text)
        word = (inj.typo, inj.start, inj.end)
        before, after = doc.neighbours(inj.start, inj.end)
        left, right = step._context_word(word, before, text), step._context_word(word, after, text)
        piece = Piece(inj.typo, inj.start, inj.end, left, right, sentence_start(text, inj.start))
        verdict = step.screen_piece(piece, doc, self.lex, self.rules, self.names)
        if verdict is None:
            return "guard: " + (guard_reason(piece, doc) or "listed or a name")
        if isinstance(verdict, Change):
            return f"rule fix to {verdict.replacement}"
        if verdict.known:
            return "known word (only a split may correct it)"
        hyps = respell_misspellings(score_hypotheses(self.lex, verdict.lower, left, right, False), self.rules.fixes)
        ranked = [h.replacement for h in hyps]
        best, share = hyps[0], posterior_share(hyps)
        if inj.word not in ranked:
            return "truth not a candidate" + (" (kept)" if best.kind == "keep" else f" ({best.kind} first)")
        if best.kind == "keep":
            return "kept: keeping beats every candidate"
        if best.replacement != inj.word:
            commoner = self.lex.frequency(best.replacement.split()[0]) > self.lex.frequency(inj.word)
            cue = "commoner" if commoner else "rarer"
            return f"another {best.kind} first ({cue} than the truth)"
        if share < step.FIRE_SHARE:
            return f"truth first, share below {step.FIRE_SHARE}"
        change = step.score_piece(piece, verdict, doc, self.lex, self.rules)
        if change is not None and "(" in change.message:
            return "suggested: " + change.message[change.message.rindex("(") + 1:].split(",")[0].split(":")[0]
        if step._in_foreign_line(text, inj.start, {}, self.lex.dicts.unigrams, self.lex):
            return "line read as another language"
        sides = [n for n in (before, after) if n is not None and n[0].lower() not in self.lex.dicts.unigrams]
        checks = [(word, before, after)] + [(n, None, None) for n in sides]
        if step.in_foreign_phrase(0, checks, [("fix",)] + [()] * len(sides), self.lex):
            return "beside an unknown word (a foreign phrase)"
        return "made, then undone (another step or an overlap)"


def run(pool: str, seed: int, max_words: int, doc_words: int, show: int, classes: bool) -> None:
    vocab = Vocabulary()
    pages = build_pages(pool, seed, max_words, doc_words, vocab)
    checker = Checker() if classes else None
    tally, by_kind = collections.Counter(), collections.defaultdict(collections.Counter)
    elsewhere, new_elsewhere, why, shown = collections.Counter(), collections.Counter(), collections.Counter(), []
    words = incomplete = 0
    for page in pages:
        words += len(page.typoed.split())
        result = service.clean(page.typoed, diff="none")
        incomplete += result.incomplete is not None
        for inj in page.injections:
            got = outcome(page, inj, result.edits)
            if got == "missed" and outcome(page, inj, result.suggestions) == "repaired":
                got = "suggested"
            tally[got] += 1
            by_kind[inj.kind][got] += 1
            if got != "repaired" and checker is not None:
                reason = f"{got}: " + ("document over the scoring allowance" if result.incomplete
                                       else diagnose(page, inj, result.edits, checker))
                why[reason] += 1
                around = page.typoed[max(0, inj.start - 40):inj.end + 40].replace("\n", " ")
                fixed = [e.replacement for e in result.edits if _touches(e, inj)]
                shown.append(f"  {reason}: {inj.word} -> {inj.typo} ({inj.kind}) -> {fixed or '-'}  ...{around}...")
        before = {(_to_typoed(page, e.start), e.original, e.replacement)
                  for e in service.clean(page.clean, diff="none").edits}
        for e in result.edits:
            if not any(_touches(e, inj) for inj in page.injections):
                elsewhere[e.rule] += 1
                if (e.start, e.original, e.replacement) not in before:
                    new_elsewhere[e.rule] += 1
                    if checker is not None:
                        around = page.typoed[max(0, e.start - 40):e.end + 40].replace("\n", " ")
                        shown.append(f"  elsewhere {e.rule}: {e.original!r} -> {e.replacement!r}  ...{around}...")
    n = sum(tally.values())
    print(f"pool {pool} (seed {seed}): {len(pages)} documents, {words} words, {n} typos"
          + (f", {incomplete} documents incomplete" if incomplete else ""))
    print(f"  repaired exactly {tally['repaired']}/{n} = {tally['repaired'] / max(1, n):.3f}   "
          f"changed wrongly {tally['wrong']}   missed {tally['missed'] + tally['suggested']} "
          f"(suggested {tally['suggested']})")
    total, new = sum(elsewhere.values()), sum(new_elsewhere.values())
    print(f"  false edits elsewhere {total} = {1000 * total / max(1, words):.2f}/1000 words; "
          f"not on the clean text: {new} = {1000 * new / max(1, words):.2f}/1000")
    for rule, k in elsewhere.most_common():
        print(f"      {k:4} {rule} (new {new_elsewhere[rule]})")
    print("  by slip: " + "  ".join(f"{kind} {c['repaired']}/{sum(c.values())}" for kind, c in sorted(by_kind.items())))
    if classes:
        print("  not repaired, by what the spelling step saw:")
        for reason, k in why.most_common():
            print(f"    {k:4} {reason}")
    for line in shown[:show]:
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pool", choices=sorted(POOLS), default="tune")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--max-words", type=int, default=30000, help="words read from each folder of the pool")
    ap.add_argument("--doc-words", type=int, default=300, help="words of one cleaned document")
    ap.add_argument("--classes", action="store_true", help="sort misses and wrong repairs by their cause")
    ap.add_argument("--show", type=int, default=0, help="list up to N misses, wrong repairs and new false edits")
    a = ap.parse_args()
    run(a.pool, a.seed, a.max_words, a.doc_words, a.show, a.classes or a.show > 0)


if __name__ == "__main__":
    main()
