"""The cleaning steps, in the order the pipeline runs them.

  unicode     mojibake (ftfy), control characters, zero-width spaces inside words
  chrome      site chrome lines and link titles glued onto sentences
  names       variants of known names -> canonical form; proper-noun casing
  spelling    non-word typos (SymSpell, guarded)
  context     real-word errors (confusion sets scored on n-grams, patterns)
  whitespace  runs of spaces, trailing blanks, too many blank lines, paragraphs cut at their links

Each step is a `base.Step` record (`STEP` in its module or package); this
tuple is the one place that orders them: `Options`, the rules loader and the
pipeline all read it.
"""
from __future__ import annotations

from .base import Context, RuleSpec, Step, context_for  # noqa: F401 - the steps' shared types
from . import chrome, context, names, spelling, unicode, whitespace

REGISTRY: tuple[Step, ...] = (unicode.STEP, chrome.STEP, names.STEP, spelling.STEP,
                              context.STEP, whitespace.STEP)
STEP_NAMES: tuple[str, ...] = tuple(s.name for s in REGISTRY)
_BY_NAME = {s.name: s for s in REGISTRY}


def step_named(name: str) -> Step:
    """The registered step called `name` (KeyError for an unknown one).

    >>> step_named("context").english_only
    True
    """
    return _BY_NAME[name]
