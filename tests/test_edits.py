"""The edit invariant: edits are sorted, non-overlapping spans of the original,
and applying them to the original gives the output exactly."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import service
from service.edits import Change, EditConflict, EditLog, apply_edits


def assert_invariant(original: str, edits, output: str) -> None:
    prev_end, prev_zero_at = 0, None
    for e in edits:
        assert 0 <= e.start <= e.end <= len(original)
        assert e.start >= prev_end, f"edits overlap or are unsorted at {e.start}"
        assert not (e.start == e.end and prev_zero_at == e.start)
        assert original[e.start:e.end] == e.original
        assert e.original != e.replacement
        prev_end = e.end
        prev_zero_at = e.start if e.start == e.end else None
    assert apply_edits(original, edits) == output
    assert len({e.id for e in edits}) == len(edits)


@st.composite
def step_changes(draw, text: str):
    """Random non-overlapping changes of `text` (insertions, deletions, replacements)."""
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    changes, last = [], -1
    for a, b in zip(points[::2], points[1::2]):
        if a == last or (a < last):
            continue
        rep = draw(st.text(alphabet="xyz é\n", max_size=4))
        changes.append(Change(a, b, rep, "test.rule", "test"))
        last = b if b > a else b
    return changes


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="ab cd\n😀e\u0301", max_size=40), st.data())
def test_editlog_composes_steps_into_edits_of_the_original(original, data):
    log = EditLog(original)
    for step in ("one", "two", "three"):
        changes = data.draw(step_changes(log.text))
        expected = apply_edits(log.text, changes)
        log.apply_step(step, changes)
        assert log.text == expected
        assert_invariant(original, log.edits(), log.text)


def test_later_step_inside_earlier_edit_merges_and_keeps_both_rules():
    log = EditLog("the goverâ€™ment")
    log.apply_step("unicode", [Change(9, 12, "’", "unicode.mojibake", "mojibake")])
    log.apply_step("spelling", [Change(4, 13, "government’", "spelling.x", "typo")])
    (edit,) = log.edits()
    assert (edit.start, edit.end, edit.replacement) == (4, 15, "government’")
    assert edit.rule == "unicode.mojibake+spelling.x" and edit.step == "unicode+spelling"


def test_deletion_then_neighbour_insertion_stay_separate():
    log = EditLog("abcdef")
    log.apply_step("one", [Change(2, 4, "", "r1", "m")])          # ab|ef
    log.apply_step("two", [Change(0, 2, "AB", "r2", "m"), Change(2, 2, "-", "r3", "m")])
    assert log.text == "AB-ef"
    assert_invariant("abcdef", log.edits(), log.text)


def test_overlapping_changes_from_one_step_are_rejected():
    log = EditLog("abcdef")
    with pytest.raises(EditConflict):
        log.apply_step("bad", [Change(0, 3, "x", "r", "m"), Change(2, 4, "y", "r", "m")])


def test_change_that_restores_the_original_leaves_no_edit():
    log = EditLog("colour")
    log.apply_step("one", [Change(0, 6, "color", "r1", "m")])
    log.apply_step("two", [Change(0, 5, "colour", "r2", "m")])
    assert log.text == "colour" and log.edits() == []


TEXT_SAMPLES = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list("ab cdâ€™Ã©\n\r\t\x00\u200b😀,.'-Tt")), max_size=300),
    st.lists(st.sampled_from(["The", "two", "counties", "teh", "goverment", "Related Articles\n", "  ",
                              "\n\n\n", "donâ€™t", "S.J. Shankar", "china", "5G", "Huawei", ".", "\r\n"]),
             max_size=60).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT_SAMPLES)
def test_clean_output_is_original_with_its_edits_applied(text):
    result = service.clean(text)
    assert_invariant(text, result.edits, result.text)
    applied_and_suggested = sorted(result.edits + result.suggestions, key=lambda e: (e.start, e.end))
    assert_invariant(text, applied_and_suggested, apply_edits(text, applied_and_suggested))


def test_seed_article_invariant_and_determinism(seed_text):
    first, second = service.clean(seed_text), service.clean(seed_text)
    assert_invariant(seed_text, first.edits, first.text)
    assert first.text == second.text and first.edits == second.edits


class _CountingList(list):
    """A list that counts the elements read from it (indexing and iteration)."""

    reads = 0

    def __getitem__(self, i):
        _CountingList.reads += 1
        return super().__getitem__(i)

    def __iter__(self):
        _CountingList.reads += len(self)
        return super().__iter__()


def test_mapping_spans_back_reads_a_few_pieces_not_all_of_them():
    # the pipeline maps every change of an English-only step (and every suggestion)
    # back to the original: reading all of the log's pieces for each one made a
    # document with many edits quadratic (a megabyte of error-dense text)
    text = "ab " * 2000
    log = EditLog(text)
    log.apply_step("s", [Change(i, i + 2, "xyz", "r", "m") for i in range(0, len(text), 3)])
    log._pieces = _CountingList(log._pieces)
    _CountingList.reads = 0
    spans = [log.original_span(k * 4, k * 4 + 2) for k in range(1000)]
    assert spans[1] == (3, 5) and spans[10] == (30, 32)
    assert _CountingList.reads < 20 * 1000  # bisect: ~log2(2000) pieces per span, not 2000
