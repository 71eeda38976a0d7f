"""bench.synthetic_typos: where its noise goes, that it is reproducible, and how it scores an outcome."""
from __future__ import annotations

import random

import pytest

from bench import synthetic_typos as st
from service.edits import Change

# Written for these tests: prose with code, a path, a dotted name, a hyphenated compound,
# a quoted word and names around plain words.
PROSE = ("Call `fs.open` on the file, not os.path or the-file (see Node). The reader said "
         "'never' twice, and Maria wrote the whole report again before the meeting.")


@pytest.fixture(scope="module")
def vocab():
    return st.Vocabulary()


def test_typos_go_only_into_plain_common_words(vocab):
    assert [w for _, w in st.candidates(PROSE, vocab)] == [
        "the", "file", "not", "see", "reader", "said", "twice", "and", "wrote", "the", "whole", "report",
        "again", "before", "the", "meeting"]


def test_each_paragraph_draws_the_same_typos_from_the_same_seed(vocab):
    paragraph = " ".join(["The committee wrote a short report on the state of the river and its banks."] * 4)
    first = st.inject(paragraph, 31, vocab)
    assert first == st.inject(paragraph, 31, vocab)
    assert first != st.inject(paragraph, 32, vocab)
    text, injections = first
    assert injections, "about one typo per WORDS_PER_TYPO words"
    for inj in injections:
        assert text[inj.start:inj.end] == inj.typo and vocab.nonword(inj.typo) and vocab.common(inj.word)
        assert text[:inj.start] + inj.word + text[inj.end:] != text


@pytest.mark.parametrize("kind", [k for k, _ in st.SLIPS])
def test_a_slip_is_one_of_its_kind(kind):
    rng = random.Random(5)
    typo = st.slip(rng, "letters", kind)
    assert typo is not None and typo != "letters"
    assert abs(len(typo) - len("letters")) == (0 if kind in ("sub_adjacent", "swap") else 1)


def test_outcome_reads_the_edits_over_a_typo():
    page = st.Page(clean="we met the team", typoed="we met thw team", injections=[], shifts=[])
    inj = st.Injection(7, "the", "thw", "sub_adjacent")
    assert st.outcome(page, inj, [Change(7, 10, "the", "r", "m")]) == "repaired"
    assert st.outcome(page, inj, [Change(7, 10, "thaw", "r", "m")]) == "wrong"
    assert st.outcome(page, inj, [Change(0, 2, "We", "r", "m")]) == "missed"
