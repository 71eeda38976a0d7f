"""Reading JSON from a client strictly: every way a JSON text can be valid for
`json.loads` and still break the service later is an error here, with its reason.

- a whole number of thousands of digits (Python refuses to convert past 4300,
  and no offset, id or option needs more than MAX_DIGITS);
- a number too large for a double (1e999 reads as infinity), NaN, Infinity;
- nesting deeper than the parser's recursion;
- a lone UTF-16 surrogate escape ("\\ud800"), which no UTF-8 response can carry.

>>> loads('{"id": 12, "x": 0.5}')
{'id': 12, 'x': 0.5}
>>> loads('{"id": ' + "9" * 200 + '}')
Traceback (most recent call last):
...
service.strict_json.JsonInputError: invalid JSON: a number has 200 digits; at most 64 are accepted
>>> loads('[1e999]')
Traceback (most recent call last):
...
service.strict_json.JsonInputError: invalid JSON: the number 1e999 is out of range
>>> loads('["a \\\\ud800"]')
Traceback (most recent call last):
...
service.strict_json.JsonInputError: the JSON holds a lone surrogate escape (e.g. \\ud800), which is not text
"""
from __future__ import annotations

import json
import math
import re

from .errors import CopydeskError

MAX_DIGITS = 64  # a 64-bit offset has 20; ids and options need no more
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JsonInputError(CopydeskError, ValueError):
    """JSON a client sent that cannot be used; `code` is invalid_json or invalid_encoding."""

    def __init__(self, message: str, code: str = "invalid_json"):
        super().__init__(message)
        self.code = code


def _too_long(literal: str) -> JsonInputError:
    digits = sum(c.isdigit() for c in literal)
    return JsonInputError(f"invalid JSON: a number has {digits} digits; at most {MAX_DIGITS} are accepted")


def _parse_int(literal: str) -> int:
    if len(literal) > MAX_DIGITS + 1:  # a sign may lead
        raise _too_long(literal)
    return int(literal)


def _parse_float(literal: str) -> float:
    if len(literal) > 2 * MAX_DIGITS:  # sign, point, exponent and a long fraction
        raise _too_long(literal)
    value = float(literal)
    if not math.isfinite(value):
        raise JsonInputError(f"invalid JSON: the number {literal} is out of range")
    return value


def _parse_constant(name: str):
    raise JsonInputError(f"invalid JSON: {name} is not a JSON number")


def has_lone_surrogate(value) -> bool:
    """Does any string in the parsed value hold half a surrogate pair?

    >>> has_lone_surrogate({"a": ["x\\ud800"]}), has_lone_surrogate({"a": "😀"})
    (True, False)
    """
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def loads(text: str):
    """Parse `text` as JSON, or raise JsonInputError saying what is wrong."""
    try:
        value = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise JsonInputError(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise JsonInputError("invalid JSON: nested too deeply") from None
    except JsonInputError:
        raise
    except ValueError as exc:  # any other conversion the parser refuses
        raise JsonInputError(f"invalid JSON: {exc}") from None
    # only an escape can make a lone surrogate, so the full walk runs only when one is present
    if _SURROGATE_ESCAPE.search(text) and has_lone_surrogate(value):
        raise JsonInputError("the JSON holds a lone surrogate escape (e.g. \\ud800), which is not text",
                             "invalid_encoding")
    return value
