"""Diff renderings of a result: unified (lines), inline (words), html, none."""
from __future__ import annotations

import difflib
import html as _html

from .edits import apply_edits


def unified(original: str, cleaned: str) -> str:
    """A line diff like `git diff`, empty when nothing changed."""
    a = original.splitlines(keepends=True)
    b = cleaned.splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, "original", "cleaned", lineterm="\n")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


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
        return unified(original, cleaned)
    if fmt == "inline":
        return inline(original, edits)
    return html(original, edits)
