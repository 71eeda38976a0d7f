"""The immutable options object of `service.clean`.

Unknown options and wrong types are errors, never ignored: a typo in an
option name must not silently turn a step off.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from .edits import DEFAULT_MIN_CONFIDENCE
from .errors import OptionsError
from .steps import STEP_NAMES

# the steps, in pipeline order, as service.steps registers them
STEPS = STEP_NAMES
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
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    keep_typographic_quotes: bool = True
    name_style: str = "document"
    dictionary: tuple = ()

    @classmethod
    def from_mapping(cls, mapping: dict | None = None, **kwargs: Any) -> "Options":
        """Validate options; raise OptionsError naming the offending option.

        >>> Options.from_mapping(steps=["unicode"]).steps
        ('unicode',)
        """
        values = dict(mapping or {}, **kwargs)
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise OptionsError(f"unknown option(s): {name_a_few(unknown)}; known: {', '.join(sorted(known))}")
        out: dict[str, Any] = {}
        for key, value in values.items():
            out[key] = _VALIDATORS[key](value)
        return cls(**out)


def name_a_few(names, shown: int = 5, longest: int = 40) -> str:
    """A few of `names` for an error message, each cut short, and how many more:
    a body with 100,000 unknown options gets an answer of a few lines.

    >>> name_a_few({"b", "a"})
    "'a', 'b'"
    >>> name_a_few([f"o{i}" for i in range(100)], shown=2)
    "'o0', 'o1' and 98 more"
    >>> name_a_few(["x" * 50])
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"
    >>> len(name_a_few([{"a": "b" * 1000}])) < 50
    True
    """
    ordered = sorted(names, key=str)
    texts = [n if isinstance(n, str) else str(n) for n in ordered[:shown]]
    quoted = [repr(t[:longest] + "..." if len(t) > longest else t) for t in texts]
    more = len(ordered) - len(quoted)
    return ", ".join(quoted) + (f" and {more} more" if more else "")


def _steps(value: Any) -> tuple:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise OptionsError("'steps' must be a list of step names")
    bad = [s for s in value if not isinstance(s, str) or s not in STEPS]
    if bad:
        raise OptionsError(f"unknown step(s) {name_a_few(bad)} in 'steps'; known: {', '.join(STEPS)}")
    # Steps always run in pipeline order, whatever order the caller listed.
    return tuple(s for s in STEPS if s in value)


_LANGUAGE = re.compile(r"auto|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _language(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 16 or not _LANGUAGE.fullmatch(value):
        raise OptionsError("'language' must be 'auto' or a language code such as 'en' or 'en-US'")
    return value if value == "auto" else re.split("[-_]", value)[0].lower()


# Limits on a request's own names: each compiled list is cached (names.py), and
# its size grows with the forms and characters; see README "Request names".
MAX_NAMES = 1000         # entries
MAX_ALIASES = 20         # aliases of one entry
MAX_NAME_CHARS = 200     # characters of one canonical form or alias
MAX_NAME_FORMS = 5000    # canonical forms and aliases of all entries
MAX_NAMES_CHARS = 100_000  # characters of all of them


def _names(value: Any) -> tuple:
    """Request names, checked against the limits above.

    >>> len(_names(["S. Jaishankar", {"canonical": "Xi Jinping", "aliases": ["Xi Jin Ping"]}]))
    2
    >>> _names(["A" * 201])
    Traceback (most recent call last):
    ...
    service.errors.OptionsError: 'names[0]' is 201 characters long; a name or alias may have at most 200
    """
    if not isinstance(value, (list, tuple)):
        raise OptionsError("'names' must be a list of strings or {canonical, aliases} objects")
    if len(value) > MAX_NAMES:
        raise OptionsError(f"'names' may hold at most {MAX_NAMES} entries, got {len(value)}")
    out = []
    forms = chars = 0
    for i, item in enumerate(value):
        entry = _name_entry(item, i)
        for j, form in enumerate((entry.canonical,) + entry.aliases):
            if len(form) > MAX_NAME_CHARS:
                where = f"names[{i}]" if j == 0 else f"names[{i}].aliases[{j - 1}]"
                raise OptionsError(f"'{where}' is {len(form)} characters long; "
                                   f"a name or alias may have at most {MAX_NAME_CHARS}")
            chars += len(form)
        forms += 1 + len(entry.aliases)
        if forms > MAX_NAME_FORMS:
            raise OptionsError(f"'names' holds more than {MAX_NAME_FORMS} names and aliases in all")
        if chars > MAX_NAMES_CHARS:
            raise OptionsError(f"'names' holds more than {MAX_NAMES_CHARS} characters in all")
        out.append(entry)
    return tuple(out)


def _name_entry(item: Any, i: int) -> NameEntry:
    """One request name: a string, or {canonical, aliases, kind}."""
    if isinstance(item, str) and item.strip():
        return NameEntry(item.strip())
    if not (isinstance(item, dict) and isinstance(item.get("canonical"), str) and item["canonical"].strip()):
        raise OptionsError(f"'names[{i}]' must be a non-empty string or a {{canonical, aliases}} object")
    extra = set(item) - {"canonical", "aliases", "kind"}
    aliases = item.get("aliases", [])
    if extra or not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise OptionsError(f"'names[{i}]' must be {{canonical: str, aliases: [str], kind: str}}")
    if len(aliases) > MAX_ALIASES:
        raise OptionsError(f"'names[{i}].aliases' holds {len(aliases)} aliases; at most {MAX_ALIASES} are accepted")
    kind = item.get("kind", "person")
    if kind not in ("person", "place", "organisation"):
        raise OptionsError(f"'names[{i}].kind' must be person, place or organisation")
    return NameEntry(item["canonical"].strip(), tuple(a.strip() for a in aliases), kind)


# Limits on a request's own dictionary (words no step corrects, like a word
# processor's "add to dictionary"); see README "Request dictionary".
MAX_DICTIONARY = 1000          # words
MAX_DICTIONARY_WORD_CHARS = 100
# one word: no space, tab or line break (openapi.yaml's pattern, matched as JSON Schema
# does: re.search; ASCII white space only, which every regex dialect reads alike)
ONE_WORD = re.compile(r"^[^ \t\n\r\f\v]+$")


def _dictionary(value: Any) -> tuple:
    """A request's dictionary: a list of words (no spaces), checked against the limits above.

    >>> _dictionary(["lede", "nut-graf", "dek"])
    ('lede', 'nut-graf', 'dek')
    >>> _dictionary(["bury the lede"])
    Traceback (most recent call last):
    ...
    service.errors.OptionsError: 'dictionary[0]' must be one word: a non-empty string without spaces
    """
    if not isinstance(value, (list, tuple)):
        raise OptionsError("'dictionary' must be a list of words")
    if len(value) > MAX_DICTIONARY:
        raise OptionsError(f"'dictionary' may hold at most {MAX_DICTIONARY} words, got {len(value)}")
    for i, word in enumerate(value):
        if not isinstance(word, str) or not ONE_WORD.search(word):
            raise OptionsError(f"'dictionary[{i}]' must be one word: a non-empty string without spaces")
        if len(word) > MAX_DICTIONARY_WORD_CHARS:
            raise OptionsError(f"'dictionary[{i}]' is {len(word)} characters long; "
                               f"a word may have at most {MAX_DICTIONARY_WORD_CHARS}")
    return tuple(word.strip() for word in value)


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
    "dictionary": _dictionary,
}
