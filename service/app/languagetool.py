"""A LanguageTool-compatible API: POST /v2/check and GET /v2/languages.

Editors and tools that speak LanguageTool's HTTP API (browser add-ons, the
`language_tool_python` client, CMS plug-ins) can use Copydesk unchanged: each
Copydesk edit becomes one LanguageTool "match" whose first replacement is the
edit's replacement, so applying every match's first replacement gives the text
/v1/clean returns.

Offsets and lengths are counted as LanguageTool counts them, in UTF-16 code
units (Java strings): a character outside the Basic Multilingual Plane, such
as an emoji, counts 2. Parameters LanguageTool accepts but Copydesk has no use
for (motherTongue, preferredVariants, username, apiKey...) are accepted and
ignored, as LanguageTool ignores parameters it does not know.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from flask import Blueprint, current_app, jsonify

from .. import pipeline, strict_json
from ..edits import Edit
from ..language import ASSUMED_LANGUAGE, detect_language
from ..options import Options
from .errors import ApiError
from . import get_resources
from .requests import read_form

bp = Blueprint("languagetool", __name__)

SOFTWARE = {"name": "Copydesk", "version": "0.1.0", "buildDate": "2026-11-25 00:00:00 +0000",
            "apiVersion": 1, "premium": False, "status": ""}
CONTEXT_SIZE = 40  # characters each side, as LanguageTool's server uses
# A `sentence` longer than this (a text with no sentence punctuation) is cut to a
# window around the match: each match costs and weighs the same, whatever the text.
SENTENCE_MAX = 500
SENTENCE_WINDOW = 200

# (name, code, longCode) as LanguageTool lists them. English gets every step; for
# the others the language-neutral steps (unicode, chrome, whitespace) run.
LANGUAGES = (
    ("English", "en", "en"), ("English (US)", "en", "en-US"), ("English (GB)", "en", "en-GB"),
    ("English (Australian)", "en", "en-AU"), ("English (Canadian)", "en", "en-CA"),
    ("English (New Zealand)", "en", "en-NZ"), ("English (South African)", "en", "en-ZA"),
    ("German", "de", "de"), ("German (Germany)", "de", "de-DE"), ("French", "fr", "fr"),
    ("Spanish", "es", "es"), ("Italian", "it", "it"), ("Dutch", "nl", "nl"),
    ("Portuguese", "pt", "pt"), ("Portuguese (Portugal)", "pt", "pt-PT"),
    ("Portuguese (Brazil)", "pt", "pt-BR"), ("Polish", "pl", "pl-PL"), ("Russian", "ru", "ru-RU"),
    ("Swedish", "sv", "sv"), ("Danish", "da", "da-DK"), ("Catalan", "ca", "ca-ES"),
    ("Ukrainian", "uk", "uk-UA"), ("Greek", "el", "el-GR"), ("Japanese", "ja", "ja-JP"),
    ("Chinese", "zh", "zh-CN"), ("Arabic", "ar", "ar"), ("Persian", "fa", "fa"),
)
_BY_LONG_CODE = {long.lower(): (name, long) for name, _, long in LANGUAGES}
# What "auto" reports for a detected language: its main variant, as LanguageTool does.
_DETECTED = {"en": ("English (US)", "en-US"), "de": ("German (Germany)", "de-DE"),
             "pt": ("Portuguese (Portugal)", "pt-PT")}


@dataclass(frozen=True)
class StepMeta:
    """How one Copydesk step looks as a LanguageTool rule category."""

    category: str
    category_name: str
    issue_type: str
    type_name: str
    short_message: str
    description: str
    context_for_sure: int  # LanguageTool's estimate of context needed; -1 = the whole sentence


STEP_META = {
    "unicode": StepMeta("TYPOGRAPHY", "Typography", "typographical", "Other", "Broken character",
                        "Mojibake, invisible and control characters", 0),
    "chrome": StepMeta("MISC", "Miscellaneous", "non-conformance", "Other", "Site chrome",
                       "Navigation, sharing and link text left over from the web page", 0),
    "names": StepMeta("PROPER_NOUNS", "Proper nouns", "misspelling", "Other", "Name variant",
                      "Variant or miscased form of a known name", 0),
    "spelling": StepMeta("TYPOS", "Possible Typo", "misspelling", "UnknownWord", "Spelling mistake",
                         "Possible spelling mistake", 0),
    "context": StepMeta("CONFUSED_WORDS", "Commonly Confused Words", "grammar", "Other", "Confused word",
                        "A real word that is probably the wrong one here", -1),
    "whitespace": StepMeta("TYPOGRAPHY", "Typography", "whitespace", "Other", "Whitespace",
                           "Repeated, trailing or missing whitespace", 0),
}
_FALLBACK_META = StepMeta("MISC", "Miscellaneous", "uncategorized", "Other", "", "Copydesk edit", 0)

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


# ---- request parsing -------------------------------------------------------------

def split_list(form: dict, key: str) -> set[str]:
    """A comma-separated parameter as a set of ids."""
    return {part.strip() for part in form.get(key, "").split(",") if part.strip()}


def read_flag(form: dict, key: str) -> bool:
    """A true/false parameter; anything else is an error."""
    raw = form.get(key, "false").strip().lower()
    if raw not in ("true", "false"):
        raise ApiError(400, "invalid_field", f"'{key}' must be true or false")
    return raw == "true"


@dataclass(frozen=True)
class Annotated:
    """Input as LanguageTool's `data`: the full text (with markup) and the checked text.

    `pieces` holds (plain_start, plain_end, full_start, is_markup) for each part.
    """

    full: str
    plain: str
    pieces: tuple


def read_annotation(raw: str) -> Annotated:
    """Parse `data` ({"annotation": [{"text"}, {"markup", "interpretAs"}]})."""
    try:
        value = strict_json.loads(raw)
    except strict_json.JsonInputError as exc:
        raise ApiError(422, "invalid_data", "'data' must be JSON: {\"annotation\": [{\"text\": ...}, "
                                            f"{{\"markup\": ...}}]}} ({exc})") from None
    items = value.get("annotation") if isinstance(value, dict) else None
    if not isinstance(items, list):
        raise ApiError(422, "invalid_data", "'data' needs an 'annotation' list")
    full, plain, pieces, fpos, ppos = [], [], [], 0, 0
    for i, item in enumerate(items):
        kind = annotation_kind(item, i)
        shown = item[kind]
        checked = shown if kind == "text" else item.get("interpretAs", "")
        pieces.append((ppos, ppos + len(checked), fpos, kind == "markup"))
        full.append(shown)
        plain.append(checked)
        fpos += len(shown)
        ppos += len(checked)
    doc = Annotated("".join(full), "".join(plain), tuple(pieces))
    try:
        # JSON may escape half a surrogate pair; no UTF-8 response could carry it back
        doc.full.encode("utf-8"), doc.plain.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiError(422, "invalid_data", "'data' holds an unpaired surrogate escape; send valid Unicode") from None
    return doc


def annotation_kind(item, index: int) -> str:
    """'text' or 'markup' for one annotation item; anything else is an error."""
    if isinstance(item, dict):
        keys = set(item)
        if keys == {"text"} and isinstance(item["text"], str):
            return "text"
        if "markup" in keys and keys <= {"markup", "interpretAs"} \
                and all(isinstance(item[k], str) for k in keys):
            return "markup"
    raise ApiError(422, "invalid_data", f"annotation[{index}] must be {{\"text\": str}} or "
                                        f"{{\"markup\": str, \"interpretAs\": str}}")


def read_input(form: dict) -> Annotated:
    """`text` or `data`, exactly one, as an Annotated text."""
    given = [k for k in ("text", "data") if k in form]
    if len(given) != 1:
        raise ApiError(400, "missing_field" if not given else "invalid_field",
                       "give exactly one of 'text' or 'data'")
    if given[0] == "text":
        text = form["text"]
        return Annotated(text, text, ((0, len(text), 0, False),))
    return read_annotation(form["data"])


def read_language(param: str | None) -> tuple[str, tuple[str, str] | None]:
    """The pipeline's `language` option for the `language` parameter, and the
    (name, code) the response names when the caller fixed one."""
    if not param:
        raise ApiError(400, "missing_field", "'language' is required: a code such as en-US, or auto")
    if param.lower() == "auto":
        return "auto", None
    known = _BY_LONG_CODE.get(param.lower())
    if known is None:
        raise ApiError(400, "invalid_language",
                       f"'{param}' is not a language code this server knows; see GET /v2/languages")
    return known[1], (known[0], known[1])


def describe_language(fixed: tuple[str, str] | None, read: dict, text: str, unigrams) -> dict:
    """The response's language section. `read` is the language the pipeline went by:
    with `auto` that is its own detection, so the text is read once; with a fixed
    language the detection LanguageTool reports beside it is made here, with the
    same English word list the pipeline uses, so that the two never disagree."""
    if fixed is None:
        code, confidence = read["code"], read["probability"]
    else:
        code, confidence = detect_language(text, unigrams, prior=ASSUMED_LANGUAGE)
    detected_name, detected_code = detected_language(code)
    detected = {"name": detected_name, "code": detected_code, "confidence": confidence}
    name, code = fixed or (detected_name, detected_code)
    return {"name": name, "code": code, "detectedLanguage": detected}


def detected_language(code: str) -> tuple[str, str]:
    """(name, code) for a detected language; undetermined text is treated as English."""
    if code in ("und", ""):
        return _DETECTED["en"]
    if code in _DETECTED:
        return _DETECTED[code]
    for name, short, long in LANGUAGES:
        if short == code:
            return name, long
    return code, code


# ---- rules and categories --------------------------------------------------------

def rule_ids(rule: str) -> list[str]:
    """LanguageTool-style ids of an edit's rules: 'spelling.symspell' -> 'SPELLING_SYMSPELL'."""
    return [re.sub(r"[^A-Za-z0-9]+", "_", part).strip("_").upper() for part in rule.split("+") if part]


def step_of_rule_id(rule_id: str) -> str:
    """The step a rule id belongs to (its first word), or '' when none does."""
    first = rule_id.split("_", 1)[0].lower()
    return first if first in STEP_META else ""


def steps_for_request(form: dict, base: tuple) -> tuple:
    """Steps to run: the default ones, minus disabled categories, or only the enabled ones."""
    disabled = split_list(form, "disabledCategories")
    steps = [s for s in base if meta_of_step(s).category not in disabled]
    if read_flag(form, "enabledOnly"):
        wanted = {s for s in STEP_META if STEP_META[s].category in split_list(form, "enabledCategories")}
        wanted |= {step_of_rule_id(r) for r in split_list(form, "enabledRules")}
        steps = [s for s in steps if s in wanted]
    return tuple(steps)


def rule_filter(form: dict):
    """A predicate on an edit's rule ids: False for disabled rules, or rules not enabled."""
    disabled = split_list(form, "disabledRules")
    enabled_only = read_flag(form, "enabledOnly")
    enabled = split_list(form, "enabledRules")
    enabled_categories = split_list(form, "enabledCategories")

    def allowed(ids: list[str]) -> bool:
        # a merged edit's match id joins its rules' ids; either form names it
        joined = "_".join(ids)
        if joined in disabled or any(i in disabled for i in ids):
            return False
        if enabled_only:
            return joined in enabled or all(
                i in enabled or meta_of_step(step_of_rule_id(i)).category in enabled_categories for i in ids)
        return True
    return allowed


def check_enabled_only(form: dict) -> None:
    """As LanguageTool: enabledOnly needs something enabled."""
    if read_flag(form, "enabledOnly") and not (split_list(form, "enabledRules")
                                               or split_list(form, "enabledCategories")):
        raise ApiError(400, "invalid_field", "'enabledOnly' needs 'enabledRules' or 'enabledCategories'")


def meta_of_step(step: str) -> StepMeta:
    return STEP_META.get(step, _FALLBACK_META)


def read_level(form: dict) -> float | None:
    """min_confidence for a level: 'picky' also reports the low-confidence suggestions."""
    level = form.get("level", "default")
    if level not in ("default", "picky"):
        raise ApiError(400, "invalid_field", "'level' must be default or picky")
    return 0.0 if level == "picky" else None


# ---- offsets, contexts, sentences ------------------------------------------------

class Utf16Counter:
    """Code-point offsets -> UTF-16 offsets for one text (a binary search per offset)."""

    def __init__(self, text: str):
        self.text = text
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def at(self, pos: int) -> int:
        return pos + bisect.bisect_left(self._astral, pos)

    def length(self, start: int, end: int) -> int:
        return self.at(end) - self.at(start)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (a Java string's length)."""
    return len(text) + len(_ASTRAL.findall(text))


def build_context(full: str, start: int, end: int) -> dict:
    """LanguageTool's context: up to 40 characters each side, '...' where cut, newlines as spaces."""
    lo, hi = max(0, start - CONTEXT_SIZE), min(len(full), end + CONTEXT_SIZE)
    prefix = "..." if lo > 0 else ""
    suffix = "..." if hi < len(full) else ""
    text = prefix + full[lo:hi].replace("\n", " ") + suffix
    return {"text": text, "offset": len(prefix) + utf16_len(full[lo:start]),
            "length": utf16_len(full[start:end])}


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the sentences of text (a rough split: end punctuation or newline)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def sentence_at(text: str, bounds: list[int], pos: int, end: int | None = None) -> str:
    """The sentence holding [pos, end); one longer than SENTENCE_MAX characters (a text
    without sentence punctuation) is cut to SENTENCE_WINDOW characters either side of
    the match, so each match costs the same whatever the text's length.

    >>> text = "One. " + "word " * 200 + "teh end."
    >>> sentence_at(text, sentence_bounds(text), 0)
    'One.'
    >>> cut = sentence_at(text, sentence_bounds(text), 1005, 1008)
    >>> len(cut) <= 2 * SENTENCE_WINDOW + 3, cut.endswith("teh end.")
    (True, True)
    """
    i = bisect.bisect_right(bounds, pos) - 1
    lo, hi = bounds[i], bounds[i + 1] if i + 1 < len(bounds) else len(text)
    if hi - lo > SENTENCE_MAX:
        lo, hi = max(lo, pos - SENTENCE_WINDOW), min(hi, max(pos, end or pos) + SENTENCE_WINDOW)
    return text[lo:hi].strip()


# ---- edits -> matches -----------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """A match-to-be in the checked text: [start, end) replaced by replacement."""

    start: int
    end: int
    replacement: str
    edit: Edit


def widen_insertions(text: str, edits: list[Edit]) -> list[Span]:
    """Spans for edits; an insertion takes in a neighbouring character so it can be underlined.

    A zero-length match cannot be shown by LanguageTool clients; the character
    beside it is taken in (and given back in the replacement) when no other
    edit touches it.
    """
    spans = []
    for i, e in enumerate(edits):
        prev_end = edits[i - 1].end if i else 0
        next_start = edits[i + 1].start if i + 1 < len(edits) else len(text)
        if e.start == e.end and e.start - 1 >= prev_end and e.start > 0:
            spans.append(Span(e.start - 1, e.end, text[e.start - 1] + e.replacement, e))
        elif e.start == e.end and e.end + 1 <= next_start and e.end < len(text):
            spans.append(Span(e.start, e.end + 1, e.replacement + text[e.end], e))
        else:
            spans.append(Span(e.start, e.end, e.replacement, e))
    return spans


class PieceIndex:
    """The pieces of an Annotated text, searchable by binary search: with many
    annotation items, each match looks only at the pieces around it."""

    def __init__(self, doc: Annotated):
        self.markup = [p for p in doc.pieces if p[3]]
        self.markup_ends = [p[1] for p in self.markup]
        self.markup_starts = [p[0] for p in self.markup]
        self.texts = [p for p in doc.pieces if not p[3] and p[1] > p[0]]
        self.text_starts = [p[0] for p in self.texts]

    def touches_markup(self, start: int, end: int) -> bool:
        """Does [start, end) overlap markup, or start inside it, or hold an empty one?"""
        lo = bisect.bisect_left(self.markup_ends, start)
        hi = bisect.bisect_right(self.markup_starts, max(start, end))
        for ps, pe, _, _ in self.markup[lo:hi]:
            if (start < pe and ps < end) or (ps < start < pe) or (ps == pe and start < ps < end):
                return True
        return False

    def text_piece(self, pos: int, at_end: bool):
        """The text piece holding pos (as a start: ps <= pos < pe; as an end: ps < pos <= pe)."""
        i = (bisect.bisect_left(self.text_starts, pos) if at_end else bisect.bisect_right(self.text_starts, pos)) - 1
        if i < 0:
            return None
        ps, pe, fs, _ = self.texts[i]
        inside = ps < pos <= pe if at_end else ps <= pos < pe
        return fs + pos - ps if inside else None


def map_to_full(doc: Annotated, span: Span, index: PieceIndex | None = None) -> tuple[int, int] | None:
    """The span's offsets in the full text (with markup); None if it touches markup."""
    index = index or PieceIndex(doc)
    if index.touches_markup(span.start, span.end):
        return None
    # A start at a markup boundary goes after the markup, an end before it: markup stays.
    start = index.text_piece(span.start, at_end=False)
    end = index.text_piece(span.end, at_end=True)
    if span.start == span.end:
        end = start = start if start is not None else end
    return None if start is None or end is None else (start, end)


def build_match(doc: Annotated, counter: Utf16Counter, bounds: list[int], span: Span,
                full_span: tuple[int, int]) -> dict:
    """One LanguageTool match for one Copydesk edit."""
    e = span.edit
    meta = meta_of_step(e.step.split("+")[0])
    start, end = full_span
    return {
        "message": e.message,
        "shortMessage": meta.short_message,
        "replacements": [{"value": span.replacement}],
        "offset": counter.at(start),
        "length": counter.length(start, end),
        "context": build_context(doc.full, start, end),
        "sentence": sentence_at(doc.plain, bounds, span.start, span.end),
        "type": {"typeName": meta.type_name},
        "rule": {"id": "_".join(rule_ids(e.rule)) or "COPYDESK", "description": meta.description,
                 "issueType": meta.issue_type,
                 "category": {"id": meta.category, "name": meta.category_name}},
        "ignoreForIncompleteSentence": meta.context_for_sure == -1 or meta.context_for_sure > 3,
        "contextForSureMatch": meta.context_for_sure,
    }


def edits_to_matches(doc: Annotated, edits: list[Edit], allowed, limit: int | None = None) -> tuple[list, bool]:
    """Matches for the edits the request allows, in text order, at most `limit`
    (as LanguageTool's maxErrors); and whether some were left out for it."""
    kept = [e for e in sorted(edits, key=lambda e: (e.start, e.end)) if allowed(rule_ids(e.rule))]
    counter = Utf16Counter(doc.full)
    bounds = sentence_bounds(doc.plain)
    index = PieceIndex(doc)
    matches = []
    for span in widen_insertions(doc.plain, kept):
        full_span = map_to_full(doc, span, index)
        if full_span is not None:
            if limit is not None and len(matches) >= limit:
                return matches, True
            matches.append(build_match(doc, counter, bounds, span, full_span))
    return matches, False


# ---- endpoints -------------------------------------------------------------------

def check_options(form: dict, language_option: str) -> Options:
    """The pipeline options a /v2/check request stands for."""
    values = {"steps": list(steps_for_request(form, tuple(current_app.config["DEFAULT_STEPS"]))),
              "language": language_option, "diff": "none"}
    minimum = read_level(form)
    if minimum is not None:
        values["min_confidence"] = minimum
    return Options.from_mapping(values)


@bp.post("/v2/check")
def check_endpoint():
    form = read_form()
    doc = read_input(form)
    check_enabled_only(form)
    language_option, fixed = read_language(form.get("language"))
    options = check_options(form, language_option)
    resources = get_resources()
    result = pipeline.clean(doc.plain, options, resources=resources,
                            budget=current_app.config["TIME_BUDGET_MS"] / 1000)
    language = describe_language(fixed, result.language, doc.plain, resources.dictionaries.unigrams)
    matches, cut = edits_to_matches(doc, list(result.edits), rule_filter(form), current_app.config["MAX_MATCHES"])
    # LanguageTool clients read incompleteResults as "not every error is listed":
    # matches past the cap, or text the time budget left unchecked
    return jsonify({"software": SOFTWARE, "warnings": {"incompleteResults": cut or result.incomplete is not None},
                    "language": language, "matches": matches})


@bp.get("/v2/languages")
def languages_endpoint():
    return jsonify([{"name": name, "code": code, "longCode": long} for name, code, long in LANGUAGES])
