"""Reading request bodies strictly: the right type, valid UTF-8, valid JSON.

Each failure becomes an ApiError with a precise code, so a client learns what
to fix and no input reaches the pipeline half-decoded.
"""
from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Request, request
from werkzeug.exceptions import RequestEntityTooLarge

from .. import strict_json
from .errors import ApiError

JSON_TYPES = ("application/json",)
TEXT_TYPES = ("text/plain",)
HTML_TYPES = ("text/html",)


def read_body(request: Request) -> bytes:
    data = request.get_data(cache=True)  # honours MAX_CONTENT_LENGTH (413)
    refuse_truncated_body(request, data)
    if not data:
        raise ApiError(400, "empty_body", "the request body is empty")
    return data


def refuse_truncated_body(request: Request, data: bytes) -> None:
    """413 for a body without Content-Length (chunked) that is larger than the limit.

    Werkzeug reads such a body up to MAX_CONTENT_LENGTH and stops there without a word,
    so a 3 MB chunked body would be cleaned as its first 2 MB. One byte more in the
    server's stream means the body went on past the limit.
    """
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(data) >= limit:
        stream = request.environ.get("wsgi.input")
        if stream is not None and stream.read(1):
            raise RequestEntityTooLarge()


def decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_encoding",
                       f"the body is not valid UTF-8 (byte {exc.start}); send UTF-8 text") from None


def read_json_object(request: Request) -> dict:
    """The body as a JSON object, or a 400 saying why not (strict_json: huge numbers,
    NaN, deep nesting and lone surrogate escapes are refused)."""
    text = decode_utf8(read_body(request))
    value = parse_json(text)
    if not isinstance(value, dict):
        raise ApiError(400, "invalid_json", "the body must be a JSON object")
    return value


def parse_json(text: str, position: str = ""):
    """strict_json.loads with its error as an ApiError (400), prefixed by `position`."""
    try:
        return strict_json.loads(text)
    except strict_json.JsonInputError as exc:
        raise ApiError(400, exc.code, f"{position}: {exc}" if position else str(exc)) from None


def media_type(request: Request) -> str:
    return (request.mimetype or "").lower()


def require_charset_utf8(request: Request) -> None:
    charset = request.mimetype_params.get("charset")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise ApiError(415, "unsupported_charset", f"charset {charset!r} is not supported; send UTF-8")


def read_form() -> dict[str, str]:
    """The form fields, strictly UTF-8; a repeated field is an error, not a guess."""
    kind = media_type(request)
    require_charset_utf8(request)
    if kind == "application/x-www-form-urlencoded":
        data = request.get_data(cache=True)
        refuse_truncated_body(request, data)  # a chunked form past the limit is a 413, not cut
        raw = decode_utf8(data)
        try:
            pairs = parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise ApiError(400, "invalid_encoding", "a form field is not valid UTF-8 once decoded") from None
    elif kind == "multipart/form-data":
        pairs = list(request.form.items(multi=True))
    else:
        raise ApiError(415, "unsupported_media_type",
                       "send application/x-www-form-urlencoded or multipart/form-data, as LanguageTool clients do")
    form: dict[str, str] = {}
    for key, value in pairs:
        if key in form:
            raise ApiError(400, "invalid_field", f"'{key}' is given more than once")
        form[key] = value
    return form
