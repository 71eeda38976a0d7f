"""Diff renderings of a result: unified (lines), inline (words), html, none."""
from __future__ import annotations

import difflib
import html as _html
from bisect import bisect_right

from .edits import apply_edits


def unified(original: str, cleaned: str, edits=None) -> str:
    """A line diff like `git diff`, empty when nothing changed.

    With the edits that made `cleaned`, only the lines they touch are
    compared (see `edited_opcodes`): linear in the text, where difflib over a
    whole 1 MB text spends ~0.7 s on lines repeated across it.

    >>> print(unified("a\\nb\\n", "a\\nB\\n"), end="")
    --- original
    +++ cleaned
    @@ -1,2 +1,2 @@
     a
    -b
    +B
    """
    a = original.splitlines(keepends=True)
    b = cleaned.splitlines(keepends=True)
    if a == b:
        return ""  # the edits changed no line (a no-op, or lines only moved)
    codes = edited_opcodes(original, cleaned, a, b, edits) if edits else None
    if codes is None:
        matcher = difflib.SequenceMatcher(None, a, b)
    else:
        matcher = _Known(codes)
    return "".join(_format_unified(a, b, matcher.get_grouped_opcodes(3)))


# what str.splitlines ends a line at ("\r\n" is "\r" then "\n")
_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


class _Known(difflib.SequenceMatcher):
    """A SequenceMatcher whose opcodes are already known (grouping is difflib's own)."""

    def __init__(self, codes: list):
        super().__init__(None, [], [])
        self.codes = codes

    def get_opcodes(self):
        return list(self.codes)


def _format_unified(a: list, b: list, groups) -> list:
    """difflib.unified_diff's output for these grouped opcodes (files "original", "cleaned")."""
    def span(start: int, stop: int) -> str:
        length = stop - start
        if length == 1:
            return f"{start + 1}"
        return f"{start + 1 if length else start},{length}"

    out = []
    for group in groups:
        if not out:
            out += ["--- original\n", "+++ cleaned\n"]
        out.append(f"@@ -{span(group[0][1], group[-1][2])} +{span(group[0][3], group[-1][4])} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [" " + line for line in a[i1:i2]]
                continue
            if tag in ("replace", "delete"):
                out += ["-" + line for line in a[i1:i2]]
            if tag in ("replace", "insert"):
                out += ["+" + line for line in b[j1:j2]]
    return [line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in out]


def edited_opcodes(original: str, cleaned: str, a: list, b: list, edits) -> list | None:
    """difflib-style opcodes of lines a -> b, from the edits that turned original into cleaned.

    Lines no edit touches are equal; each run of touched lines (extended while
    its cleaned text does not end a line: an edit joined two lines) is
    compared alone. None when the pieces do not reproduce b's lines (then the
    caller diffs it all): the fast path can be wrong only by being unused.

    >>> from service.edits import Change
    >>> text = "one\\ntwo\\nthree\\n"
    >>> new = "one\\nTWO\\nthree\\n"
    >>> lines = lambda t: t.splitlines(keepends=True)
    >>> edited_opcodes(text, new, lines(text), lines(new), [Change(4, 7, "TWO", "r", "m")])
    [('equal', 0, 1, 0, 1), ('replace', 1, 2, 1, 2), ('equal', 2, 3, 2, 3)]
    """
    if not a:
        return None
    starts, at = [], 0
    for line in a:
        starts.append(at)
        at += len(line)
    codes: list = []
    i = j = 0          # next line of a / b not yet in an opcode
    shift = 0          # len(cleaned) - len(original) over the edits so far
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    k, n = 0, len(edits)
    while k < n:
        first = bisect_right(starts, edits[k].start) - 1
        last, region_shift = first, 0
        # take every edit inside the run of lines, growing it as they reach further
        while True:
            # edits in the line after the run join it too: touched lines side by side are
            # compared together ("a\n" + "\n" inserted, then "\n" deleted, is no change)
            while k < n and (last + 2 >= len(a) or edits[k].start < starts[last + 2]):
                e = edits[k]
                last = max(last, bisect_right(starts, max(e.start, e.end - 1)) - 1)
                region_shift += len(e.replacement) - (e.end - e.start)
                k += 1
            stop = starts[last] + len(a[last]) + shift + region_shift  # the run's end in cleaned
            if last + 1 < len(a) and stop > starts[first] + shift and cleaned[stop - 1] not in _BREAKS:
                last += 1  # the cleaned run does not end a line: the next line joins it
                continue
            break
        piece = cleaned[starts[first] + shift:stop]
        if first > i:
            _add(codes, "equal", i, first, j, j + first - i)
            j += first - i
        new_lines = piece.splitlines(keepends=True)
        old_lines = a[first:last + 1]
        if b[j:j + len(new_lines)] != new_lines:
            return None
        if len(old_lines) == 1 and len(new_lines) == 1:
            _add(codes, "equal" if old_lines == new_lines else "replace", first, last + 1, j, j + 1)
        else:
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes():
                _add(codes, tag, first + i1, first + i2, j + j1, j + j2)
        i, j, shift = last + 1, j + len(new_lines), shift + region_shift
    if i < len(a):
        _add(codes, "equal", i, len(a), j, j + len(a) - i)
        j += len(a) - i
    if j != len(b):
        return None
    return codes


def _add(codes: list, tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
    """Append an opcode; equal lines next to equal lines are one run, as difflib reports them
    (its context is trimmed per run)."""
    if tag == "equal" and codes and codes[-1][0] == "equal":
        codes[-1] = ("equal", codes[-1][1], i2, codes[-1][3], j2)
    else:
        codes.append((tag, i1, i2, j1, j2))


def inline(original: str, edits) -> str:
    """The original with each edit marked `[-old-]{+new+}` in place.

    >>> from service.edits import Change
    >>> inline("two counties", [Change(4, 12, "countries", "r", "m")])
    'two [-counties-]{+countries+}'
    """
    marked = []
    for e in edits:
        old = f"[-{e.original if hasattr(e, 'original') else original[e.start:e.end]}-]" \
            if e.end > e.start else ""
        new = f"{{+{e.replacement}+}}" if e.replacement else ""
        marked.append(type("M", (), {"start": e.start, "end": e.end, "replacement": old + new})())
    return apply_edits(original, marked)


def html(original: str, edits) -> str:
    """The original as HTML, each edit a <del>/<ins> pair carrying its id, rule and message."""
    out, pos = [], 0
    esc = _html.escape
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        out.append(esc(original[pos:e.start]))
        attrs = (f' data-id="{esc(e.id)}" data-rule="{esc(e.rule)}" data-step="{esc(e.step)}"'
                 f' title="{esc(e.message)}"')
        if e.end > e.start:
            out.append(f"<del{attrs}>{esc(original[e.start:e.end])}</del>")
        if e.replacement:
            out.append(f"<ins{attrs}>{esc(e.replacement)}</ins>")
        pos = e.end
    out.append(esc(original[pos:]))
    return "".join(out)


def render(original: str, cleaned: str, edits, fmt: str):
    """The diff in the requested format (None for 'none')."""
    if fmt == "none":
        return None
    if fmt == "unified":
        return unified(original, cleaned, edits)
    if fmt == "inline":
        return inline(original, edits)
    return html(original, edits)
