"""The context step's scanner gives exactly what tokenizing the whole text gives.

`context_scan.find_sites` reads a text chunk by chunk (whitespace-separated,
through service.scan: tests/test_scan.py checks the chunks' tokens are the
text's) instead of tokenizing all of it, and `context.pattern_matches` tries a
pattern only where its leading literal occurs. Both are speed-ups that must
not change a single edit: here they are compared with the plain way (the
step's code before the speed-up) on the project's own texts and on random
texts built from awkward pieces (URLs, e-mails, handles, numbers, dashes,
typographic apostrophes, non-ASCII letters, odd whitespace).
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from service import guards
from service.steps.context import step as context
from service.steps.context.model import expand_word
from service.steps.context.rules import compile_rules
from service.guards import is_glued
from service.steps.context.scan import ScanTables, Site, find_sites
from service.tokens import tokenize

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "context_cases.yaml").read_text(encoding="utf-8"))

WORDS = frozenset({"their", "there", "Their", "There", "they're", "they’re", "it's", "it’s", "It's", "its",
                   "to", "To", "too", "two", "in", "In", "than", "then", "Then", "form", "from", "of", "by"})

PIECES = ["their", "there", "Their", "they're", "they’re", "it's", "it’s", "its", "to", "To", "two", "too",
          "in", "In", "than", "then", "Then", "form", "from", "of", "by", "Chinas", "Americas", "policy",
          "the", "cat", "Will", "THE", "don't", "Don’t", "l'amour", ",", ".", ";", ":", "!", "?", "(", ")",
          "[", "“", "”", "\"", "'", "’", "-", "—", "…", "/", "_", "=", "5", "2023", "3.5", "5th", "1,000",
          "U.S.", "www.their.com", "https://x.io/to", "http", "a@b.com", "to@x.org", "#then", "@to", "x-to",
          "to-day", "café", "İstanbul", "naïve", "Ⅻ", "²", "ß", "`then`", "```\nto\n```"]
SEPARATORS = [" ", " ", " ", " ", "", "", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", " \n ", "\r\n"]


def random_texts(n: int, seed: int = 5) -> list:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 30)):
            parts += [rng.choice(PIECES), rng.choice(SEPARATORS)]
        out.append("".join(parts[:-1] if rng.random() < 0.5 else parts))
    return out


def own_texts() -> list:
    from bench.corpus import corpus
    texts = corpus(40)
    texts += [c["input"] for c in CASES["synthetic"]] + list(CASES["negatives"])
    seed = ROOT.parent / "shared" / "seed" / "article.txt"  # as tests/conftest.py
    return texts + ([seed.read_text(encoding="utf-8")] if seed.exists() else [])


TEXTS = own_texts() + random_texts(3000)


# ---------------------------------------------------------------- the plain way

def neighbour_word(text: str, tokens: list, i: int, step: int):
    """The step's neighbour rule on the whole token list (as before the scanner)."""
    j = i + step
    if not 0 <= j < len(tokens):
        return None
    other = tokens[j]
    if other.kind != "word":
        return None
    a_end, b_start = (other.end, tokens[i].start) if step < 0 else (tokens[i].end, other.start)
    gap = text[a_end:b_start]
    if gap.strip() or gap.count("\n") > 1:
        return None
    word = other.text.lower()
    if "-" in word:
        word = word.split("-")[-1 if step < 0 else 0]
        if not word.replace("'", "").replace("’", "").isalpha():
            return None
    if "'" not in word and "’" not in word:
        return word
    chain = expand_word(word.replace("’", "'"))[0]
    return chain[-1] if step < 0 else chain[0]


def plain_sites(text: str, tables: ScanTables) -> list:
    tokens = tokenize(text)
    return [Site(tok, neighbour_word(text, tokens, i, -1), neighbour_word(text, tokens, i, +1),
                 tokens[i - 1].text if i else None, tokens[i + 1] if i + 1 < len(tokens) else None,
                 is_glued(text, tok))
            for i, tok in enumerate(tokens) if tok.kind == "word" and tables.wanted(tok.text)]


# ---------------------------------------------------------------- sites

def test_sites_are_those_of_the_token_list():
    for possessive in (True, False):
        tables = ScanTables(WORDS, possessive)
        for text in TEXTS:
            assert find_sites(text, tables) == plain_sites(text, tables), text


def test_sites_with_the_real_rules(context_rules):
    for text in TEXTS:
        assert find_sites(text, context_rules.scan) == plain_sites(text, context_rules.scan), text


def test_sites_do_not_depend_on_the_caches():
    tables = ScanTables(WORDS, True)
    tables.PLAIN_SIZE = tables.CHUNKS_SIZE = 7  # caches replaced every few chunks
    for text in TEXTS[:500]:
        assert find_sites(text, tables) == plain_sites(text, tables), text
    assert len(tables.plain) <= 7 and len(tables.chunks) <= 7


def test_a_chunk_found_inside_a_longer_one_first():
    text = "into onto to, to into. into to"
    tables = ScanTables(frozenset({"to"}), False)
    assert [s.tok.start for s in find_sites(text, tables)] == [10, 14, 28]
    assert find_sites(text, tables) == plain_sites(text, tables)


# ---------------------------------------------------------------- patterns

@pytest.fixture(scope="module")
def context_rules():
    from service.rules import load_rules
    return load_rules(steps=(context.STEP,)).compiled("context")


def test_pattern_matches_are_finditer(context_rules):
    extra = ["MORE THEN", "More then ever", "would of course", "Would Of", "wouldn’t of", "İİ would of",
             "could ofx could of", "Tow the line, tows the party line", "a ray of new things"]
    for text in TEXTS + extra:
        lowered = text.lower()
        for pat in context_rules.patterns:
            got = [m.span() for m in context.pattern_matches(pat, text, lowered)]
            assert got == [m.span() for m in pat.regex.finditer(text)], (pat.rule, text)


def test_a_pattern_runs_only_where_all_its_literals_occur():
    rules = compile_rules([{"id": "pattern.p", "kind": "pattern", "source": "t", "replacement": r"piqued \1",
                            "pattern": r"\b(?:peaked|peeked) (my|his|her) (interest|curiosity)\b",
                            "examples": [{"input": "peaked my interest", "output": "piqued my interest"}]}])
    (pat,) = rules.patterns
    peaked = tuple(f"{a} {b} {c}" for a in ("peaked", "peeked") for b in ("her", "his", "my")
                   for c in ("curiosity", "interest"))
    assert pat.requires == (peaked,)  # the pattern multiplied out: one group says all
    assert pat.lead == peaked
    assert not context.may_match(pat, "it peaked my interest in 2020".replace("interest", "attention"))
    assert context.may_match(pat, "it peeked her curiosity")



def test_links_are_found_around_a_match_only():
    for text in TEXTS:
        links = [(t.start, t.end) for t in tokenize(text) if t.kind in ("url", "email", "tag")]
        for start in range(0, len(text), 7):
            for end in (start, start + 1, start + 9):
                want = any(a < end and start < b if end > start else a < start < b for a, b in links)
                assert guards.touches_link(text, start, end) == want, (text, start, end)
