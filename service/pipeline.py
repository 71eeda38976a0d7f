"""`clean`: run the steps in order over an `EditLog` and build the `Result`.

The pipeline holds no state of its own: rules and dictionaries are loaded once
(`load_resources`) and passed in read-only, so `clean` is pure and thread-safe.
"""
from __future__ import annotations

import gc
import logging
import threading
import time
from dataclasses import dataclass, field

from . import diff as diffs
from .budget import Budget, spent_report, watch
from .edits import Edit, EditLog, SpanSet
from .errors import CopydeskError
from .guards import dictionary_words, drop_guarded_changes
from .language import ASSUMED_LANGUAGE, detect_language, other_language_lines
from .language.words import load_frequencies
from .lexicon import function_words
from .options import Options
from .resources import Dictionaries, dictionaries, gc_paused
from .rules import RuleSet, load_rules
from .steps import Context, step_named
from .steps import REGISTRY as STEP_REGISTRY
from .steps.chrome.signals import word_counts
from .steps.whitespace import inline_cuts

# With a budget (the HTTP service), a step makes at most this many changes in one
# document: more cannot be returned (COPYDESK_MAX_EDITS, 20,000 by default), and
# folding 600,000 of them into the edit log took seconds.
MAX_STEP_CHANGES = 50_000


@dataclass(frozen=True)
class Resources:
    """Everything `clean` reads besides its input: loaded once, never mutated."""

    rules: RuleSet
    dictionaries: Dictionaries


@dataclass(frozen=True)
class Result:
    """What `clean` returns: the text, every edit, the language and a diff."""

    text: str
    original: str
    edits: tuple
    language: dict
    diff: object
    stats: dict
    suggestions: tuple = field(default=())
    # set when the time budget ran out or a step hit a cap on its work:
    # {"reason": "time_budget" | "cost_cap", "budget_ms", "steps", "message"}
    incomplete: dict | None = None

    def to_dict(self) -> dict:
        out = {"text": self.text, "language": self.language,
               "edits": [e.to_dict() for e in self.edits],
               "suggestions": [e.to_dict() for e in self.suggestions],
               "diff": self.diff, "stats": self.stats}
        if self.incomplete is not None:
            out["incomplete"] = self.incomplete
        return out


_lock = threading.Lock()
_default: Resources | None = None


def load_resources(rules_dir=None) -> Resources:
    """Load rules and dictionaries; raises RulesError with the file and entry at fault.

    Steps with a `prepare(dictionaries)` build their derived data here, so that
    it is ready before gunicorn forks and the first request pays nothing extra.
    """
    resources = Resources(rules=load_rules(rules_dir), dictionaries=dictionaries())
    load_frequencies()  # the word lists that read a short text's language (language/words.py)
    for step in STEP_REGISTRY:
        if step.prepare is not None:
            step.prepare(resources.dictionaries)
    # One small clean through every step fills the lazy caches (language
    # profiles, compiled patterns) before gunicorn forks, not on a first request.
    clean(_WARM_UP, Options(), resources)
    # What is loaded now lives as long as the process (~230,000 objects with
    # the libraries'): out of the collector's generations, a full collection
    # no longer walks it all (long pauses on large inputs), and
    # gunicorn's forked workers do not write to those pages (copy-on-write).
    # Objects still go by reference counting; a rules reload leaves the old
    # resources to it.
    gc.collect()
    gc.freeze()
    return resources


_WARM_UP = ("Home\n\nThe two counties have decided to work togther, the minister said on "
            "Friday in new Delhi.\n\nBack to top button\n")


def default_resources() -> Resources:
    """The process-wide resources from the default rules directory (loaded once)."""
    global _default
    with _lock:
        if _default is None:
            _default = load_resources()
        return _default


def clean(text: str, options: Options | None = None, resources: Resources | None = None,
          *, budget: float | None = None, recurring_lines: frozenset = frozenset(), **kwargs) -> Result:
    """Clean `text`; options as an `Options` or as keyword arguments.

    `budget`: seconds the steps may take (None: unlimited). Steps poll it;
    when it runs out, the step running returns what it has, the later steps
    are not run, and `Result.incomplete` / `stats["incomplete_steps"]` say so.
    `recurring_lines`: the lines a batch found on most documents of this
    document's site (steps/chrome/recurring.py), which `chrome` removes.

    >>> clean("The two counties have decided.").text  # doctest: +SKIP
    'The two countries have decided.'
    """
    if not isinstance(text, str):
        raise TypeError("text must be a str")
    if options is None:
        options = Options.from_mapping(kwargs)
    elif kwargs:
        raise TypeError("pass options either as an Options object or as keyword arguments")
    resources = resources or default_resources()
    # no cyclic collection while cleaning (resources.gc_paused: a clean makes no cyclic
    # garbage, and the collections cost more per MB the larger the text)
    with watch(), gc_paused():  # the worker's hard deadline (service.worker) covers this work
        return _run_steps(text, options, resources, budget, recurring_lines=recurring_lines)


_joined_last: tuple = ("", None)  # (text, its Reading): the word steps often read the same text in a row


def joined_reading(text: str):
    """The text as the steps between unicode and whitespace read it: each break that
    `whitespace.inline_breaks` joins (a paragraph a scraper cut at its links) read
    joined, as a second clean sees it; their changes are mapped back with
    `Reading.restore`.

    "add \\nsight\\n, language" is read "add sight, language", where the context and
    spelling steps find the neighbours, and the line, that the second pass finds
    ("alone on its line" no longer holds); chrome reads "Posted by \\nA. Writer\\n on
    \\n2025-12-18" as the one dateline line it removes, and the article's paragraphs
    whole, as the second pass does.

    >>> r = joined_reading("They add \\nsight\\n, sound and language to the apps we all use.")
    >>> r.text
    'They add sight, sound and language to the apps we all use.'
    >>> joined_reading("Home\\nNews").spans
    ()
    """
    global _joined_last
    last = _joined_last
    if last[0] == text:
        return last[1]
    from .steps.names.view import read_as

    # no budget: a reading cut short by the clock would differ between two passes
    reading = read_as(text, [(c.start, c.end, c.replacement) for c in inline_cuts(text)])
    _joined_last = (text, reading)  # one tuple: a thread reads the old pair or the new one
    return reading


def blank_other_lines(log: EditLog, off_limits: SpanSet | None) -> str:
    """The current text with its lines in `off_limits` (spans of the original: the
    paragraphs in another language, whose changes an English-only step loses) blanked,
    offsets kept: what describes the document (its share of code, how many unknown
    words it has to score, the words it repeats) is read on the lines the step may
    change, not on a manual page's German around an English paragraph.

    >>> log = EditLog("Der Hund schläft.\\nThe dog sleeps.")
    >>> blank_other_lines(log, SpanSet([(0, 17)])) == " " * 17 + "\\nThe dog sleeps.", blank_other_lines(log, None)
    (True, 'Der Hund schläft.\\nThe dog sleeps.')
    """
    if off_limits is None:
        return log.text
    text, pieces, pos = log.text, [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        blank = line.strip() and off_limits.overlaps(*log.original_span(pos, end))
        pieces.append(" " * len(line) if blank else line)
        pos = end + 1
    return "\n".join(pieces)


def _run_steps(text: str, options: Options, resources: Resources, budget: float | None,
               reread: tuple | None = None, recurring_lines: frozenset = frozenset()) -> Result:
    started = time.perf_counter()
    clock = Budget(budget, max_changes=None if budget is None else MAX_STEP_CHANGES)
    log = EditLog(text)
    # The language is read once mojibake is repaired (after the `unicode` step,
    # which needs none): read on the damaged text, the answer could differ from
    # the one on the output, and a second clean would then decide otherwise.
    # `reread`: the language the text read as once its chrome was gone (see below).
    language = reread or (None if options.language == "auto" else (options.language, 1.0))
    lines = None  # (other-language lines, spans off limits to English steps), once decided
    timings, skipped, incomplete, failed = {}, [], [], []
    suggested: list[Edit] = []  # changes below the confidence floor, in original offsets
    samples: dict = {}  # the language answers by sample, for this text's versions (detect_language)
    dictionary = dictionary_words(options.dictionary, resources.rules.dictionary)
    queue, again = list(options.steps), False
    corrected = None  # words the word-correcting steps so far changed (Context.corrected)
    joined = "whitespace" not in options.steps  # the scraper's cuts, joined once (below)
    for step in queue:
        spec = step_named(step)
        if not joined and step != "unicode":
            # The paragraphs a scraper cut at its links are joined as soon as the characters
            # are repaired (unicode decides nothing on lines), as real edits: every later step
            # reads the lines a second clean reads. Decided at the end instead, a break's trace
            # (the blank the `trailing` fix removes) could outlive a paragraph that chrome
            # shortened, and the second clean would read other lines than the first.
            joined = True
            t0 = time.perf_counter()
            log.apply_step("whitespace", inline_cuts(log.text, clock))  # the clock polled line by line
            timings["whitespace"] = round((time.perf_counter() - t0) * 1000, 3)
        if language is None and step != "unicode":
            language = detect_language(log.text, resources.dictionaries.unigrams, samples, ASSUMED_LANGUAGE)
        english_only = spec.english_only
        if english_only and lines is None:
            lines = paragraph_languages(log, language[0], options, resources)
        code = "und" if language is None else language[0]
        english = code == "en" or (code == "und" and options.language == "auto")
        others, off_limits = lines or ([], None)
        if english_only and not english and not others:
            skipped.append(step)
            continue
        if clock.expired():
            if step not in incomplete:
                incomplete.append(step)  # not run: the text is left as the earlier steps made it
            continue
        t0 = time.perf_counter()
        clock.hit = False
        ctx = Context(options=options, language="en" if english_only else code,
                      rules=resources.rules.compiled(step),
                      resources=resources.dictionaries if spec.needs_dictionaries else None,
                      budget=clock, dictionary=dictionary, recurring_lines=recurring_lines,
                      corrected=corrected)
        try:
            # an English-only step reads the English lines alone (the others blanked)
            source = blank_other_lines(log, off_limits) if english_only else log.text
            if step not in ("unicode", "whitespace") and "whitespace" in options.steps:
                # chrome and the word steps read the paragraphs as whitespace will leave them
                # (unicode runs first: it repairs the characters that reading is decided on)
                reading = joined_reading(source)
                changes = [reading.restore(c) for c in spec.run(reading.text, ctx)]
            else:
                changes = spec.run(source, ctx)
        except CopydeskError:
            raise  # the caller's error (options a step finds inconsistent): a 4xx, not a defect
        except Exception:
            # A defect in one step must not lose the document: the step's changes are left
            # out, the others' kept, and the response says which step failed (and the log why).
            _log.exception("step %s failed; its changes are left out", step)
            failed.append(step)
            continue
        if spec.corrects_words:
            changes = drop_guarded_changes(log.text, changes, dictionary)
        if clock.max_changes is not None and len(changes) > clock.max_changes:
            changes = sorted(changes, key=lambda c: c.start)[:clock.max_changes]
            clock.note_cap()  # the rest of the text is left as this step found it
        if english_only and off_limits is not None:
            changes = [c for c in changes if not off_limits.overlaps(*log.original_span(c.start, c.end))]
        changes = drop_suggestions_on_changed_text(changes, log, options.min_confidence)
        changes = set_aside_suggestions(step, changes, log, options.min_confidence, suggested)
        if spec.corrects_words and not again and "chrome" in queue[:queue.index(step)] \
                and changes_what_chrome_reads(log.text, changes, function_words(code)):
            # A correction chrome's verdicts read (a line it turns into chrome, "Relatef
            # Articles"; a paragraph it makes prose, "thier" -> "their") would act only on a
            # second clean: chrome reads the text once more (and whitespace after it), so that
            # cleaning is idempotent by construction.
            again = True
            queue += [s for s in options.steps if s in ("chrome", "whitespace")]
        if spec.corrects_words:
            corrected = (corrected or 0) + len(changes)
        log.apply_step(step, changes)
        timings[step] = round(timings.get(step, 0.0) + (time.perf_counter() - t0) * 1000, 3)
        if step == "chrome" and options.language == "auto" and reread is None and changes and not again:
            # A page's chrome can outweigh its article and decide its language (an English
            # article in a French site's menus). A second clean reads the language of the text
            # without that chrome: when it differs, clean again from the start in that language.
            after = detect_language(log.text, resources.dictionaries.unigrams, samples, ASSUMED_LANGUAGE)
            if after[0] != language[0]:
                return _run_steps(text, options, resources, budget, reread=after, recurring_lines=recurring_lines)
        if clock.hit and step not in incomplete:
            incomplete.append(step)  # stopped early (clock or cap): its changes so far are kept
    if language is None:
        language = detect_language(log.text, resources.dictionaries.unigrams, samples, ASSUMED_LANGUAGE)
    code, probability = language
    others = lines[0] if lines else []
    edits, suggestions = number_edits(log.edits(), suggested)
    out = log.text
    per_step: dict[str, int] = {}
    for e in edits:
        for s in e.step.split("+"):
            per_step[s] = per_step.get(s, 0) + 1
    stats = {"chars_in": len(text), "chars_out": len(out), "edits": len(edits),
             "edits_per_step": per_step, "skipped_steps": skipped, "incomplete_steps": incomplete + failed,
             "paragraph_languages": [{"start": a, "end": b, "language": c} for a, b, c in others],
             "step_ms": timings, "elapsed_ms": round((time.perf_counter() - started) * 1000, 3)}
    cut = None if not incomplete and not failed else spent_report(clock, budget, incomplete + failed)
    if failed:
        cut.update(reason="step_error", message="these steps failed on this text and their changes were left "
                   "out (the service's log says why); the other steps' edits stand")
    return Result(text=out, original=text, edits=tuple(edits), suggestions=tuple(suggestions),
                  language={"code": code, "probability": probability},
                  diff=diffs.render(text, out, edits, options.diff), stats=stats, incomplete=cut)


# A line of at most this many words may be chrome (menus, labels, "Related Articles",
# "Share this article", a copyright line); a correction on a longer one cannot turn
# it into chrome the chrome step would remove.
CHROME_LINE_WORDS = 12


_log = logging.getLogger(__name__)


def changes_what_chrome_reads(text: str, changes: list, stopwords: frozenset) -> bool:
    """True when one of `changes` (to `text`) can change a verdict of the chrome step.

    Chrome reads a line's words where a rule may match it (a line of at most
    CHROME_LINE_WORDS words), and a paragraph's share of function words
    (`stopwords`) and its word count wherever it stands: a correction that makes
    or unmakes a function word ("thier" -> "their") or splits or joins words can
    make a paragraph prose, and so find the article a second clean finds (fuzz
    case 06c9b1015b1f: the article found, a repeated line outside it goes). Both
    counts are chrome's own (chrome.signals.word_counts), over the white-space
    chunks the change touches ("“thier”" as a whole).

    >>> from service.edits import Change
    >>> en = frozenset({"the", "their"})
    >>> changes_what_chrome_reads("Relatef Articles\\nA long line of text.", [Change(0, 7, "Related", "r", "m")], en)
    True
    >>> long = "The minister said teh plan would pass the house next week after a vote."
    >>> changes_what_chrome_reads(long, [Change(18, 21, "the", "r", "m")], en)
    True
    >>> changes_what_chrome_reads(long.replace("house", "hosue"), [Change(42, 47, "house", "r", "m")], en)
    False
    >>> quoted = long.replace("teh", "“teh”")        # a change that holds the opening quote
    >>> changes_what_chrome_reads(quoted, [Change(18, 22, "“the", "r", "m")], en)
    True
    >>> changes_what_chrome_reads(long, [Change(58, 65, "aftera", "r", "m")], en)  # words joined
    True
    """
    for c in changes:
        start = text.rfind("\n", 0, c.start) + 1
        end = text.find("\n", c.end)
        end = len(text) if end < 0 else end
        if len(text[start:end].split(None, CHROME_LINE_WORDS)) <= CHROME_LINE_WORDS:
            return True
        # the whole white-space chunks the change touches: chrome's words never span white space
        before, after = text[start:c.start], text[c.end:end]
        head = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
        tail = after.split(None, 1)[0] if after and not after[0].isspace() else ""
        if word_counts(head + text[c.start:c.end] + tail, stopwords) != \
                word_counts(head + c.replacement + tail, stopwords):
            return True
    return False


def drop_suggestions_on_changed_text(changes: list, log: EditLog, minimum: float) -> list:
    """A change below the confidence floor that touches text an earlier step changed is
    left out: merged with that change it would make the whole edit a suggestion and
    undo the earlier one (a mojibake repair inside "youâ€™re" -> "your" was lost, so a
    second clean made it)."""
    if not any(c.confidence < minimum for c in changes):
        return changes
    changed = log.changed_spans()
    return [c for c in changes if c.confidence >= minimum
            or not changed.overlaps(c.start, max(c.end, c.start + 1))]


def set_aside_suggestions(step: str, changes: list, log: EditLog, minimum: float,
                          suggested: list) -> list:
    """The changes to apply; those below the confidence floor go to `suggested` instead
    (as edits of the original), so that no later step reads a text the caller may
    never see. Returns the changes to apply."""
    if not any(c.confidence < minimum for c in changes):
        return changes
    applied = []
    for c in changes:
        if c.confidence >= minimum:
            applied.append(c)
            continue
        # drop_suggestions_on_changed_text left only suggestions on text no step has
        # changed: their span maps to the original exactly
        start, end = log.original_span(c.start, c.end)
        suggested.append(Edit(id="", start=start, end=end, original=log.original[start:end],
                              replacement=c.replacement, step=step, rule=c.rule, message=c.message,
                              confidence=round(c.confidence, 3)))
    return applied


def number_edits(edits: list[Edit], suggested: list[Edit]) -> tuple[list[Edit], list[Edit]]:
    """Applied edits and suggestions with ids e1, e2... in text order. A suggestion
    that a later step's edit overlaps, or an earlier suggestion, is dropped: the
    suggestions can be accepted in any combination on top of the edits."""
    taken = SpanSet((e.start, max(e.end, e.start + 1)) for e in edits)
    kept = []
    for s in suggested:
        span = (s.start, max(s.end, s.start + 1))
        if not taken.overlaps(*span):
            taken.add(*span)
            kept.append(s)
    both = sorted([(e.start, e.end, 0, e) for e in edits] + [(s.start, s.end, 1, s) for s in kept],
                  key=lambda t: t[:3])
    out_edits, out_suggestions = [], []
    for n, (_, _, kind, e) in enumerate(both, 1):
        (out_suggestions if kind else out_edits).append(e.numbered(f"e{n}"))
    return out_edits, out_suggestions


def paragraph_languages(log: EditLog, code: str, options: Options, resources: Resources):
    """(lines in another language than the document's, the spans English steps must
    not change), both in offsets of the original text.

    English steps run on the English paragraphs of a document and on no
    other: in an English document the lines langdetect is sure are in another
    language are off limits to them; in a document in another language they
    run only on its English lines (`language.other_language_lines`, read on
    the text as the steps before have left it). A caller who names the
    language gets no per-paragraph decision.
    """
    if options.language != "auto":
        return [], None
    others = [(*log.original_span(a, b), c)
              for a, b, c in other_language_lines(log.text, code, resources.dictionaries.unigrams)]
    if not others:
        return [], None
    if code in ("en", "und"):
        return others, SpanSet((a, b) for a, b, _ in others)
    outside, pos = [], 0  # off limits: everything but the English lines
    for a, b, _ in others:
        if a > pos:
            outside.append((pos, a))
        pos = b
    outside.append((pos, len(log.original) + 1))
    return others, SpanSet(outside)

