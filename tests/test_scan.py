"""service.scan reads a text chunk by chunk with cached chunk tokens: it must
give exactly what tokenizing the whole text gives.

This is the one test of the fact the sparse scans rest on (no token or word
spans whitespace): names and context read tokens through service.scan,
spelling reads words with set operations on the chunks. Their own tests
check what each step picks out of the chunks.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service import scan
from service.tokens import WORD, tokenize

# Awkward pieces: every token kind, joiners, typographic marks, non-ASCII
# letters and digits, characters whose case or width is odd, and whitespace
# that str.split() and the tokenizer must agree on.
PIECES = ["their", "Their", "they're", "they’re", "it’s", "don't", "Don’t", "l'amour", "co-operate", "x-", "-y",
          "Modi", "von", "U.S.", "N.A.T.O.", "THE", ",", ".", ";", "!", "(", ")", "“", "”", '"', "'", "’", "-", "—",
          "…", "/", "_", "=", "5", "2023", "3.5", "5th", "1,000", "12:30", "www.their.com", "https://x.io/to",
          "http", "www", "a@b.com", "to@x.org", "#then", "@to", "#", "@", "café", "İstanbul", "naïve", "Ⅻ", "²",
          "ß", "ǅemal", "𝐌𝐨𝐝𝐢", "٣", "ΣΑΣ", "`then`", "e-mail:x@y.io"]
SEPARATORS = [" ", " ", " ", "", "", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85",
              " \n ", "\r\n"]

texts = st.one_of(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=30).map(
        lambda pairs: "".join(p + s for p, s in pairs)),
    st.text(max_size=80),
    st.text(alphabet=st.sampled_from("aAzZé1 .-'’@#:/_\n\t\u00a0(ß𝐌"), max_size=60),
)


@pytest.fixture(autouse=True)
def fresh_cache(monkeypatch):
    monkeypatch.setattr(scan, "_tokens", {})


def chunks_of(text: str) -> list:
    """(chunk, start) of each whitespace-separated chunk, the plain way."""
    return [(m.group(), m.start()) for m in re.finditer(r"\S+", text)]


def test_str_split_and_the_tokenizer_agree_on_whitespace():
    space = re.compile(r"\s")
    assert all(chr(c).isspace() == bool(space.match(chr(c))) for c in range(0x110000))


@settings(max_examples=600, deadline=None, derandomize=True)
@given(texts)
def test_tokens_are_those_of_the_chunks(text):
    assert tuple(scan.tokens_between(text)) == tokenize(text)
    assert tuple(scan.tokens_between(text)) == tokenize(text)  # again, from the cache


@settings(max_examples=600, deadline=None, derandomize=True)
@given(texts)
def test_words_are_those_of_the_chunks(text):
    """The fact spelling.words.Document rests on: the word pattern finds in
    a text what it finds in each chunk alone."""
    word = re.compile(WORD)
    assert [(m.group(), m.start()) for m in word.finditer(text)] == [
        (m.group(), p + m.start()) for chunk, p in chunks_of(text) for m in word.finditer(chunk)]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(texts, st.data())
def test_any_run_of_whole_chunks(text, data):
    """A range between chunk edges gives the text's tokens inside it."""
    edges = sorted({0, len(text)} | {i for i in range(1, len(text)) if text[i - 1].isspace() or text[i].isspace()})
    start = data.draw(st.sampled_from(edges))
    end = data.draw(st.sampled_from([e for e in edges if e >= start]))
    assert scan.tokens_between(text, start, end) == [t for t in tokenize(text) if start <= t.start and t.end <= end]


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(scan, "CHUNKS_SIZE", 5)
    text = " ".join(f"w{i}, x{i}’s" for i in range(40))
    for _ in range(2):
        assert tuple(scan.tokens_between(text)) == tokenize(text)
    assert len(scan._tokens) <= 5


def test_a_chunk_is_located_as_a_whole_chunk():
    assert scan.locate("into onto to, to into. into to", "to", 0) == 14
    assert [scan.chunk_start("to into to", p) for p in (0, 4, 9)] == [0, 3, 8]
