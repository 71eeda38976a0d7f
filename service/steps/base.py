"""What a step is: a `Step` record, the `RuleSpec` of its rules file, and the
`Context` it reads besides the text.

A step's `run(text, ctx) -> list[Change]` is pure; offsets are in `text`.
A step whose loop finds `ctx.budget` expired returns the changes it has so
far (the rest of the text untouched); the pipeline reports it incomplete.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from ..budget import UNLIMITED, Budget

if TYPE_CHECKING:  # only for the annotations: options and resources import nothing of the steps
    from ..edits import Change
    from ..options import Options
    from ..resources import Dictionaries


@dataclass(frozen=True)
class RuleSpec:
    """A step driven by data: its file under rules/, the JSON schema of one entry
    of the file's `rules:` list, and what compiles the checked entries."""

    file: str
    schema: dict
    compile: Callable[[list], Any]


@dataclass(frozen=True)
class Context:
    """What a step may read besides the text: all of it immutable and shared."""

    options: Options
    language: str                          # detected or requested language code
    rules: Any = None                      # this step's compiled rules (RuleSpec.compile), or None
    resources: Dictionaries | None = None  # the shared dictionaries, for steps that need them
    budget: Budget = UNLIMITED             # long loops poll it and stop early
    # words no step corrects (guards.dictionary_words: the request's `dictionary` and
    # rules/dictionary.yaml), folded; the pipeline drops changes to them (Step.corrects_words)
    dictionary: frozenset = frozenset()
    # lines that recur across the batch's documents of this document's site
    # (steps/chrome/recurring.py); empty for a document cleaned on its own
    recurring_lines: frozenset = frozenset()
    # words the earlier word-correcting steps (names, spelling) changed in this text, None when
    # none of them ran: a text they read and left alone reads as edited prose
    # (steps/context/score.edited_register)
    corrected: int | None = None


@dataclass(frozen=True)
class Step:
    """One cleaning step, as the pipeline, the options and the rules loader see it."""

    name: str
    run: Callable[[str, Context], list[Change]]
    summary: str
    english_only: bool = False  # skipped on text (and paragraphs) in another language
    needs_dictionaries: bool = False
    # corrects words: the pipeline leaves the dictionary words as written (service.guards)
    corrects_words: bool = False
    rules: RuleSpec | None = None
    # builds derived data from the dictionaries once, before workers fork
    prepare: Callable[[Any], None] | None = None


def context_for(step: str, language: str = "en", **options) -> Context:
    """A Context for `step` from the process-wide resources, for doctests and tools
    that run one step on its own.

    >>> context_for("whitespace").language
    'en'
    """
    from ..options import Options
    from ..pipeline import default_resources
    from . import step_named

    resources = default_resources()
    spec = step_named(step)
    return Context(options=Options.from_mapping(options), language=language,
                   rules=resources.rules.compiled(step),
                   resources=resources.dictionaries if spec.needs_dictionaries else None,
                   dictionary=resources.rules.dictionary)
