"""Parse and clean one document: the one path from a JSON document to its response entry.

HTTP (/v1/clean, /v1/batch), the batch CLI (`python -m service batch`) and the CLI
all read a document here, so one document is checked once, with one set of error
codes and messages, and cleaned the same way: html -> extract -> clean -> the
`input` block that says which text the edits refer to. No Flask here: each error
carries the HTTP status the app answers it with.
"""
from __future__ import annotations

import time

from .errors import CopydeskError, OptionsError
from .options import Options, name_a_few

INPUT_FIELDS = ("text", "html")
DOCUMENT_FIELDS = frozenset({"id", "text", "html", "options", "site"})
MAX_SITE_CHARS = 200


class DocumentError(CopydeskError):
    """A document of the wrong shape: a missing, unknown or mistyped field (400)."""

    code = "invalid_document"
    status = 400

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        if code:
            self.code = code


class InconsistentNames(OptionsError):
    """Request names that fit the schema but contradict each other, such as one
    variant claimed for two canonical names (422: the request is well formed)."""

    code = "invalid_names"
    status = 422


def document_id(document) -> str | int | None:
    """The document's id if it is a string or a whole number, else None.

    >>> document_id({"id": 7}), document_id({"id": True}), document_id([1])
    (7, None, None)
    """
    if not isinstance(document, dict):
        return None
    value = document.get("id")
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def where(position: str, message: str) -> str:
    """`message` prefixed by the document's position in a batch, if it has one.

    >>> where("line 3", "'text' must be a string"), where("", "'text' must be a string")
    ("line 3: 'text' must be a string", "'text' must be a string")
    """
    return f"{position}: {message}" if position else message


def check_batch_document(document, position: str) -> dict:
    """A batch document ({id, text|html, options, site}) as one /v1/clean body, or
    DocumentError. `site` (optional) groups the documents whose recurring lines
    are boilerplate (steps/chrome/recurring.py); it is not part of the body.

    >>> check_batch_document({"id": 1, "text": "a", "options": {"diff": "none"}}, "line 1")
    {'text': 'a', 'diff': 'none'}
    >>> check_batch_document({"text": "a"}, "line 2")
    Traceback (most recent call last):
    ...
    service.documents.DocumentError: line 2: needs an 'id' (a string or a whole number)
    """
    if not isinstance(document, dict):
        raise DocumentError(where(position, "must be a JSON object"))
    if "id" not in document:
        raise DocumentError(where(position, "needs an 'id' (a string or a whole number)"), "missing_field")
    if document_id(document) is None:
        raise DocumentError(where(position, "'id' must be a string or a whole number"), "invalid_field")
    unknown = sorted(set(document) - DOCUMENT_FIELDS)
    if unknown:
        raise DocumentError(where(position, f"unknown field(s) {name_a_few(unknown)}; put options under 'options'"),
                            "invalid_field")
    site = document.get("site", "")
    if not isinstance(site, str) or len(site) > MAX_SITE_CHARS:
        raise DocumentError(where(position, f"'site' must be a string of at most {MAX_SITE_CHARS} characters"),
                            "invalid_field")
    options = document.get("options", {})
    if not isinstance(options, dict):
        raise DocumentError(where(position, "'options' must be a JSON object"), "invalid_field")
    misplaced = sorted(set(options) & {"text", "html", "id"})
    if misplaced:
        raise DocumentError(where(position, f"'options' cannot hold {', '.join(misplaced)}"), "invalid_field")
    body = {k: document[k] for k in INPUT_FIELDS if k in document}
    body.update(options)
    return body


def read_document(body: dict, defaults: dict | None = None, position: str = "") -> tuple[str | None, str | None, Options]:
    """(text, html, options) of one /v1/clean body: exactly one of text/html, the rest
    options over `defaults`; DocumentError or OptionsError says why not.

    >>> read_document({"html": "<p>a</p>", "diff": "none"})[:2]
    (None, '<p>a</p>')
    >>> read_document({"text": 1}, position="document 0")
    Traceback (most recent call last):
    ...
    service.documents.DocumentError: document 0: 'text' must be a string
    """
    given = [f for f in INPUT_FIELDS if f in body]
    if len(given) != 1:
        raise DocumentError(where(position, "the body needs exactly one of 'text' or 'html'"),
                            "missing_field" if not given else "invalid_field")
    value = body[given[0]]
    if not isinstance(value, str):
        raise DocumentError(where(position, f"'{given[0]}' must be a string"), "invalid_field")
    try:
        options = Options.from_mapping({**(defaults or {}), **{k: v for k, v in body.items() if k not in INPUT_FIELDS}})
        check_names(options)
    except OptionsError as exc:
        raise type(exc)(where(position, str(exc))) from None
    return (value, None, options) if given[0] == "text" else (None, value, options)


def check_names(options: Options) -> None:
    """InconsistentNames (422) for request names that no list could hold together,
    such as one variant claimed for two canonical names. Compiling them here is
    free later: the names step reads the same compiled list from its cache.

    >>> from service.options import NameEntry
    >>> check_names(Options(names=(NameEntry("Xi Jinping", ("Xi",)), NameEntry("Xi Wang", ("Xi",)))))
    Traceback (most recent call last):
    ...
    service.documents.InconsistentNames: 'names': ...
    """
    if not options.names:
        return
    from .steps.names.step import compile_request_names
    try:
        compile_request_names(options.names)
    except OptionsError as exc:
        raise InconsistentNames(str(exc)) from None


def extract_input(html: str, budget: float | None = None) -> tuple[str, dict]:
    """(text, input block) of a web page: the article's text and the page metadata.

    `budget`: the seconds of the page's whole request (None: unlimited), of which
    extraction may take budget.EXTRACTION_SHARE on a page of budget.POLLED_PAGE_CHARS
    or more; past it, what holds is returned and metadata["extraction"]["incomplete"]
    says so. A smaller page is extracted whole. With no time left (`budget` <= 0: a
    batch's time spent) the page is not parsed: `html.read_unparsed`.

    >>> page = "<html><body><p>The council met on Monday.</p></body></html>"
    >>> extract_input(page, 0.001)[1]["metadata"]["extraction"], extract_input(page, 0.0)[1]["metadata"]["extraction"]["source"]
    ({'source': 'rules'}, 'unparsed')
    """
    from .budget import EXTRACTION_SHARE, POLLED_PAGE_CHARS, Budget, watch
    from .html import extract_html, read_unparsed
    # a smaller page is deterministic: the same article under any load
    seconds = None if budget is None or len(html) < POLLED_PAGE_CHARS else budget * EXTRACTION_SHARE
    with watch():  # the worker's hard deadline (service.worker) covers extraction
        if budget is not None and budget <= 0:  # no time left at all (a batch's spent): no parse
            text, metadata = read_unparsed(html)
        else:
            text, metadata = extract_html(html, Budget(seconds))
    return text, {"text": text, "metadata": metadata}


def clean_document(text: str | None, html: str | None, options: Options, resources=None, budget=None,
                   block: dict | None = None, recurring_lines: frozenset = frozenset()):
    """(Result, input block or None): `text`, or the article extracted from `html`, cleaned.

    The input block is returned beside the result for html, because the edits
    refer to the extracted text. `block`: the input block of `html` when the
    caller extracted it already (a batch reads every page before cleaning);
    `recurring_lines`: see pipeline.clean. `budget` (seconds) covers the
    extraction (at most budget.EXTRACTION_SHARE of it) and the steps, which get what extraction left.

    >>> result, block = clean_document(None, "<html><body><p>A page.</p></body></html>", Options(steps=("whitespace",)))
    >>> block is not None and result.original == block["text"]
    True
    """
    from .pipeline import clean
    if html is not None:
        if block is None:
            started = time.monotonic()
            block = extract_input(html, budget)[1]
            if budget is not None:
                budget = max(0.0, budget - (time.monotonic() - started))
        text = block["text"]
    else:
        block = None
    return clean(text, options, resources=resources, budget=budget, recurring_lines=recurring_lines), block
