"""The cleaning pipeline: one module per step, run in this order.

  unicode     mojibake (ftfy), NFC, control and zero-width characters
  chrome      site chrome lines and link titles glued onto sentences
  names       variants of known names -> canonical form; proper-noun casing
  spelling    non-word typos (SymSpell, guarded)
  context     real-word errors (confusion sets scored on n-grams, patterns)
  whitespace  runs of spaces, trailing blanks, too many blank lines

Each step module exposes:
  ENGLISH_ONLY: bool         skipped when the text is not English
  run(text, ctx) -> list[Change]   pure; offsets are in `text`
A step whose loop finds `ctx.budget` expired returns the changes it has so
far (the rest of the text untouched); the pipeline reports it incomplete.
And optionally RULES_FILE / RULE_SCHEMA / compile_rules (see service.rules).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..budget import UNLIMITED
from . import chrome, context, names, spelling, unicode, whitespace

STEP_MODULES = {
    "unicode": unicode,
    "chrome": chrome,
    "names": names,
    "spelling": spelling,
    "context": context,
    "whitespace": whitespace,
}


@dataclass(frozen=True)
class Context:
    """What a step may read besides the text: all of it immutable and shared."""

    options: object      # service.options.Options
    language: str        # detected or requested language code
    rules: object        # this step's compiled rules (from compile_rules), or None
    resources: object    # service.resources.Dictionaries, or None for steps that need none
    budget: object = UNLIMITED  # service.budget.Budget: long loops poll it and stop early
