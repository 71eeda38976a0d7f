"""Tokens carried across a step's changes equal a fresh tokenization."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service import tokens
from service.edits import Change, apply_edits

ALPHABET = list("ab cd'’-\n\t.,@#5") + ["http://x.io", "www.", " in to ", "a@b.cd", "—", "é"]


@st.composite
def text_and_changes(draw):
    text = "".join(draw(st.lists(st.sampled_from(ALPHABET), max_size=40)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    changes, pos = [], 0
    for s, e in zip(cuts[::2], cuts[1::2]):
        if s < pos:
            continue
        rep = "".join(draw(st.lists(st.sampled_from(ALPHABET), max_size=3)))
        changes.append(Change(s, e, rep, "r", "m"))
        pos = e if e > s else s + 1
    return text, changes


@settings(max_examples=400, deadline=None, derandomize=True)
@given(text_and_changes())
def test_carried_tokens_equal_a_fresh_tokenization(case):
    text, changes = case
    tokens.tokenize(text)
    new_text = apply_edits(text, changes)
    tokens._cache.pop(new_text, None)
    tokens.carry_tokens(text, new_text, changes)
    if new_text != text:
        assert tokens._cache[new_text] == tuple(tokens._scan(new_text))


def test_carry_needs_the_old_tokens_and_keeps_the_cache_bounded():
    tokens.carry_tokens("never tokenized", "never tokenised", [Change(14, 15, "s", "r", "m")])
    assert "never tokenised" not in tokens._cache
    for i in range(40):
        tokens.tokenize(f"text {i}")
    assert len(tokens._cache) <= tokens._CACHE_SIZE
