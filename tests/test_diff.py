"""The unified diff built from the edits: always a correct patch, and difflib's own output on articles."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import service
from service.diff import edited_opcodes, unified
from service.edits import Change, apply_edits

from invariant import assert_line_opcodes

from bench.corpus import corpus  # realistic generated articles

HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")


def patch(original: str, diff: str) -> str:
    """Apply a unified diff (as `unified` writes it) to `original`."""
    a = original.splitlines(keepends=True)
    out, i = [], 0
    lines = diff.splitlines(keepends=True)[2:]
    k = 0
    while k < len(lines):
        m = HUNK.fullmatch(lines[k])
        assert m, lines[k]
        start = int(m.group(1)) - (0 if m.group(2) != "0" else -1) - 1
        out += a[i:start]
        i = start
        k += 1
        while k < len(lines) and not lines[k].startswith("@@"):
            line = lines[k]
            if k + 1 < len(lines) and lines[k + 1] == "\\ No newline at end of file\n":
                line = line[:-1]
                k += 1
            tag, body = line[0], line[1:]
            if tag in " -":
                assert a[i] == body, (a[i], body)
                i += 1
            if tag in " +":
                out.append(body)
            k += 1
    return "".join(out + a[i:])


PIECES = st.sampled_from(["a", "b", " ", "\n", "\n\n", "xy"])
# line breaks splitlines knows besides "\n": for the opcodes, not the patch (its lines are "\n"-split)
EXOTIC = st.sampled_from(["a", " ", "\n", "\r\n", "\r", "\u2028", "\x0c", "\x85"])


@st.composite
def edited(draw, pieces=PIECES):
    texts = st.lists(pieces, max_size=30).map("".join)
    text = draw(texts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, pos = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a >= pos:
            edits.append(Change(a, b, draw(st.lists(pieces, max_size=3).map("".join)), "r", "m"))
            pos = b + (a == b)  # an insertion takes its position alone
    return text, edits


@settings(max_examples=600, deadline=None)
@given(edited())
def test_the_diff_from_edits_patches_the_original_into_the_cleaned_text(case):
    text, edits = case
    cleaned = apply_edits(text, edits)
    diff = unified(text, cleaned, edits)
    assert patch(text, diff) == cleaned
    assert (diff == "") == (text.splitlines(keepends=True) == cleaned.splitlines(keepends=True))


@settings(max_examples=600, deadline=None)
@given(edited(EXOTIC))
def test_the_opcodes_from_edits_map_every_line_with_any_line_break(case):
    text, edits = case
    cleaned = apply_edits(text, edits)
    a, b = text.splitlines(keepends=True), cleaned.splitlines(keepends=True)
    codes = edited_opcodes(text, cleaned, a, b, edits)
    if codes is not None:  # None: the caller falls back to difflib
        assert_line_opcodes(a, b, codes)


def test_on_articles_the_diff_from_edits_is_difflibs():
    same = used = 0
    for article in corpus(60, 5000, seed=3):
        result = service.clean(article, diff="none")
        cleaned = result.text
        a, b = article.splitlines(keepends=True), cleaned.splitlines(keepends=True)
        used += edited_opcodes(article, cleaned, a, b, result.edits) is not None
        fast = unified(article, cleaned, result.edits)
        assert patch(article, fast) == cleaned
        same += fast == unified(article, cleaned)  # difflib over the whole text
    assert used == 60, "the fast path was not taken"
    # any other may differ only where a deletion can be aligned two ways
    assert same >= 57, same


def test_a_joined_line_extends_the_compared_run():
    text = "one\ntwo\nthree\n"
    edits = [Change(3, 4, " ", "r", "m")]  # "one two"
    cleaned = apply_edits(text, edits)
    lines = lambda t: t.splitlines(keepends=True)  # noqa: E731
    assert edited_opcodes(text, cleaned, lines(text), lines(cleaned), edits) == [
        ("replace", 0, 2, 0, 1), ("equal", 2, 3, 1, 2)]
    assert patch(text, unified(text, cleaned, edits)) == cleaned
