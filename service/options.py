"""The immutable options object of `service.clean`.

Unknown options and wrong types are errors, never ignored: a typo in an
option name must not silently turn a step off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from .errors import OptionsError

STEPS = ("unicode", "chrome", "names", "spelling", "context", "whitespace")
DIFF_FORMATS = ("unified", "inline", "html", "none")
# "document": a name written in another outlet's accepted spelling (Zelensky,
# Zelenskiy) is the document's house style and is only suggested, unless the
# document also writes the canonical form. "canonical": the gazetteer is the
# house style list and every variant is normalised.
NAME_STYLES = ("document", "canonical")


@dataclass(frozen=True)
class NameEntry:
    """A name a request adds: canonical form and the variants that map to it."""

    canonical: str
    aliases: tuple = ()
    kind: str = "person"


@dataclass(frozen=True)
class Options:
    """What one `clean` call does. Build it with `Options.from_mapping`."""

    steps: tuple = STEPS
    language: str = "auto"
    names: tuple = ()
    diff: str = "unified"
    min_confidence: float = 0.5
    keep_typographic_quotes: bool = True
    name_style: str = "document"

    @classmethod
    def from_mapping(cls, mapping: dict | None = None, **kwargs: Any) -> "Options":
        """Validate options; raise OptionsError naming the offending option.

        >>> Options.from_mapping(steps=["unicode"]).steps
        ('unicode',)
        """
        values = dict(mapping or {}, **kwargs)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise OptionsError(f"unknown option(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        out: dict[str, Any] = {}
        for key, value in values.items():
            out[key] = _VALIDATORS[key](value)
        return cls(**out)


def _steps(value: Any) -> tuple:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise OptionsError("'steps' must be a list of step names")
    bad = [s for s in value if s not in STEPS]
    if bad:
        raise OptionsError(f"unknown step(s) {bad!r} in 'steps'; known: {', '.join(STEPS)}")
    # Steps always run in pipeline order, whatever order the caller listed.
    return tuple(s for s in STEPS if s in value)


_LANGUAGE = re.compile(r"auto|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _language(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 16 or not _LANGUAGE.fullmatch(value):
        raise OptionsError("'language' must be 'auto' or a language code such as 'en' or 'en-US'")
    return value if value == "auto" else re.split("[-_]", value)[0].lower()


def _names(value: Any) -> tuple:
    if not isinstance(value, (list, tuple)):
        raise OptionsError("'names' must be a list of strings or {canonical, aliases} objects")
    if len(value) > 1000:
        raise OptionsError("'names' may hold at most 1000 entries")
    out = []
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            out.append(NameEntry(item.strip()))
        elif isinstance(item, dict) and isinstance(item.get("canonical"), str) and item["canonical"].strip():
            extra = set(item) - {"canonical", "aliases", "kind"}
            aliases = item.get("aliases", [])
            if extra or not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                raise OptionsError(f"'names[{i}]' must be {{canonical: str, aliases: [str], kind: str}}")
            kind = item.get("kind", "person")
            if kind not in ("person", "place", "organisation"):
                raise OptionsError(f"'names[{i}].kind' must be person, place or organisation")
            out.append(NameEntry(item["canonical"].strip(), tuple(a.strip() for a in aliases), kind))
        else:
            raise OptionsError(f"'names[{i}]' must be a non-empty string or a {{canonical, aliases}} object")
    return tuple(out)


def _diff(value: Any) -> str:
    if value not in DIFF_FORMATS:
        raise OptionsError(f"'diff' must be one of {', '.join(DIFF_FORMATS)}")
    return value


def _name_style(value: Any) -> str:
    if value not in NAME_STYLES:
        raise OptionsError(f"'name_style' must be one of {', '.join(NAME_STYLES)}")
    return value


def _confidence(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise OptionsError("'min_confidence' must be a number from 0 to 1")
    return float(value)


def _bool(name: str):
    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise OptionsError(f"'{name}' must be true or false")
        return value
    return check


_VALIDATORS = {
    "steps": _steps,
    "language": _language,
    "names": _names,
    "diff": _diff,
    "min_confidence": _confidence,
    "keep_typographic_quotes": _bool("keep_typographic_quotes"),
    "name_style": _name_style,
}
