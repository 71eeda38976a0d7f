"""Whitespace: trailing blanks, runs of spaces, too many blank lines, ends;
a paragraph a scraper cut at its links, joined again.

Runs last, so that it also tidies the gaps other steps leave behind (a chrome
line removed between two paragraphs).

>>> from service.edits import apply_edits
>>> from service.steps import context_for
>>> apply_edits("a  b \\n\\n\\n\\nc\\n\\n", run("a  b \\n\\n\\n\\nc\\n\\n", context_for("whitespace")))
'a b\\n\\nc\\n'
"""
from __future__ import annotations

import re
from itertools import accumulate

from ..edits import Change, SpanSet
from .base import Step
from .chrome.content import is_code_like
from .chrome.signals import ends_dangling, ends_sentence, is_sentence_like
from .unicode import is_spacer_line


# (pattern, replacement, rule, message): each a separate, named fix, tried in
# this order; a later fix never touches what an earlier one already changed.
# A replacement of None keeps the line ending style found (CRLF or LF).
_FIXES = (
    (re.compile(r"(?<=\S)(?:[ \t\u00a0]*\r?\n){2,}[ \t\u00a0]*\Z"), None, "whitespace.trailing_lines",
     "removed trailing blank lines"),
    (re.compile(r"\A(?:[ \t\u00a0]*\r?\n)+"), "", "whitespace.leading", "removed leading blank lines"),
    # "\n(...)" and group 1, not a lookbehind: the engine then only tries line
    # feeds, a tenth of the cost for the same matches.
    (re.compile(r"\n((?:[ \t\u00a0]*\r?\n){2,})"), None, "whitespace.blank_lines",
     "collapsed blank lines"),
    # possessive: a run of blanks that no line break follows is not tried shorter
    (re.compile(r"[ \t\u00a0]++(?=\r?\n|\Z)"), "", "whitespace.trailing", "removed trailing spaces"),
    # Whole runs that start with a space and go on, or hold a tab; `run` keeps
    # those of 2+ characters between two non-space characters. Cheaper than
    # "(?<=\S)[ \t]{2,}(?=\S)", whose lookbehind runs at every character.
    (re.compile(r" [ \t]+|\t[ \t]*"), " ", "whitespace.spaces", "collapsed a run of spaces"),
)


_TAIL = " \t\u00a0\r\n"

# A naive scraper (get_text("\\n")) puts a line break around every inline
# element and keeps the text nodes' own spaces: "in the \\nSouthwest Trails\\n,
# where", "love \\ncoffee\\n for the sake". One blank left at the cut, or a
# closing mark opening the next line, is the cut's trace; a hard-wrapped
# paragraph, a poem or an address has neither, two blanks before a break are
# Markdown's own line break and two after it an indent. The paragraph the
# lines make (each line going on the one before, whatever its blanks) must
# read as a sentence (chrome.signals.is_sentence_like): a menu whose labels
# keep a blank ("Home \\nNews \\n") stays one label a line, and code keeps its
# lines. The paragraph does not depend on the blanks, which the other fixes
# remove: a second pass sees the same paragraphs and joins nothing more.
_CLOSERS = ".,;:!?)]}%\u2019\u201d"
# A closing mark that opens a line closes the text above only when a blank, the line's end or a
# quote follows it, or when it is an apostrophe before a clitic ("urllib3\n\u2019s"); before a word
# character or a path's mark it opens a word of its own, which the page spaced from the one above
# (".spec.os.name", "../lib", ".deb", "?column?").
_CLITIC = re.compile(r"\u2019(?:s|t|d|m|re|ve|ll)(?!\w)", re.IGNORECASE)
_TOKEN_MARKS = frozenset("_/\\*~#@$&=+<>|^`")
_NO_CODE = frozenset("=(){};`<>")
_LINE_BLANKS = " \u00a0"
_SPACE_BEFORE_CLOSER = re.compile(r" (?=[.,;:!?)\]}%\u2019\u201d])")


def scan_start(rule: str, text: str) -> int:
    """Where a fix's pattern can first match: scanning a 5 KB article from 0
    for a pattern that can only match at its end, or for a run of spaces
    the text does not have, is most of this step's time.

    Trailing blank lines must follow a non-space character and run to the
    end, so only the trailing run of blanks and line breaks can match (the
    lookbehind still sees the character before). A run of two spaces or tabs
    starts at the first "  ", " \t" or tab. Trailing blanks end at a line
    break (or the end) with a blank just before it: their first run starts
    at the first such blank, walked back over the blanks before it (no match
    can start earlier; the pattern tried at every space of the text was most
    of the step's time on clean text). Returns len(text) when a fix cannot match.

    >>> scan_start("whitespace.trailing", "a b\\nc  \\nd"), scan_start("whitespace.trailing", "a b\\nc")
    (5, 5)
    >>> scan_start("whitespace.trailing", "a\\xa0\\t\\r\\nb"), scan_start("whitespace.spaces", "a b\\tc  d")
    (1, 3)
    """
    if rule == "whitespace.trailing_lines":
        return len(text.rstrip(_TAIL))
    if rule == "whitespace.spaces":
        return _first_of(text, ("  ", " \t", "\t"))
    if rule == "whitespace.trailing":
        end = len(text)
        if text and text[-1] in _BLANKS:
            end -= 1  # blanks at the very end
        first = min(end, _first_of(text, _BLANK_BREAKS if "\r" in text else _BLANK_BREAKS[:3]))
        return len(text[:first].rstrip(_BLANKS)) if first < len(text) else first
    return 0


_BLANKS = " \t\u00a0"  # what "trailing" removes before a line break
_BLANK_BREAKS = tuple(b + "\n" for b in _BLANKS) + tuple(b + "\r\n" for b in _BLANKS)


def _first_of(text: str, needles: tuple) -> int:
    """The first offset of any of `needles` in `text`, or len(text) (C-speed finds)."""
    first = len(text)
    for needle in needles:
        i = text.find(needle, 0, first + len(needle) - 1)
        if i >= 0:
            first = i
    return first


def _between_words(text: str, start: int, end: int) -> bool:
    """A run of 2+ blanks with a non-space character on each side.

    >>> _between_words("a  b", 1, 3), _between_words("a\tb", 1, 2), _between_words("  b", 0, 2)
    (True, False, False)
    """
    return (end - start >= 2 and start > 0 and end < len(text)
            and not text[start - 1].isspace() and not text[end].isspace())


class LaidOut:
    """Whether a run of blanks lays out columns rather than parting words: such a run is
    correct text, left as found (issue 13).

    Tabs alone part a table's cells, two for an empty one ("Visa\\t\\t✓"); inside a
    line of code or one opening with an indent (a tab or two blanks, as
    `_joins` reads it), spaces align columns and comments ("db      *sql.DB   // conn")
    or belong to a string ('"  hi  ".trim()'). Asked in the text's order, so each
    line is read once (one line remembered): linear in the text.

    >>> t = "Visa\\t\\tyes\\n    db   *sql.DB\\nx = f(a)  # b\\nThe end.  Next."
    >>> laid = LaidOut(t); [laid(s, e) for s, e in [(4, 6), (17, 20), (36, 38), (50, 52)]]
    [True, True, True, False]
    """

    def __init__(self, text: str):
        self.text, self.line_end, self.verdict = text, -1, False

    def __call__(self, start: int, end: int) -> bool:
        text = self.text
        if text.count("\t", start, end) == end - start:
            return True
        if start >= self.line_end:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            self.line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:self.line_end]
            self.verdict = line.startswith(("\t", "  ")) or is_code_like(line)
        return self.verdict


def makes_one_space(text: str, laid_out: LaidOut, start: int, end: int) -> bool:
    """True for a run of blanks this step makes one space: between two words, laying out
    no columns (`laid_out`, asked in the text's order).

    >>> t = "a  b\\tc \\td"; [makes_one_space(t, LaidOut(t), s, e) for s, e in [(1, 3), (6, 8)]]
    [True, True]
    """
    return _between_words(text, start, end) and not laid_out(start, end)


def blank_runs(text: str) -> list[tuple[int, int]]:
    """The runs of spaces and tabs between two words that this step makes one space.

    Other steps read such a run as the one space it becomes, so that a
    second pass, which sees that space, decides as the first did.

    >>> blank_runs("a  b\\tc \\td"), blank_runs("a b")
    ([(1, 3), (6, 8)], [])
    """
    pattern = _FIXES[-1][0]
    laid_out = LaidOut(text)
    return [m.span() for m in pattern.finditer(text, scan_start("whitespace.spaces", text))
            if makes_one_space(text, laid_out, *m.span())]


def inline_cuts(text: str, budget=None) -> list[Change]:
    """Joins of the line breaks a scraper put into a paragraph at its inline elements.

    Lines go on one another (`_goes_on`, which reads no blanks) into paragraphs; in a paragraph that
    reads as a sentence, each break with the scraper's trace (one blank on a
    side, or a closing mark after it) is joined. `budget` (a request's) is
    polled line by line.

    >>> from service.edits import apply_edits
    >>> t = "We went to the \\nGrand Canyon\\n, then home by \\ntrain\\n last week with all of the family."
    >>> apply_edits(t, inline_cuts(t))
    'We went to the Grand Canyon, then home by train last week with all of the family.'
    >>> inline_cuts("Home \\nNews \\nSport \\nWorld"), inline_cuts("He left the house\\nand walked home on his own.")
    ([], [])
    >>> inline_cuts("Want to help us build a better future for the whole community? \\nLearn more about it")
    []
    >>> apply_edits("She said we will go there\\t\\n . It was late", inline_cuts("She said we will go there\\t\\n . It was late"))
    'She said we will go there. It was late'

    A line of nothing but a zero-width space parts paragraphs as a blank line does:

    >>> inline_cuts("It is run by the data team\\n\\u200b\\n, with \\nall of the other engineers\\n\\u200b\\n and more.")
    []
    """
    lines = text.split("\n")
    out: list[Change] = []
    para: list[int] = []
    chars = list(accumulate(map(len, lines), initial=0))  # line k starts at chars[k] + k (its breaks)
    # the end of the paragraph so far, its lines joined (what a second pass sees): `_normal(raw)[-200:]`,
    # worked out only when a line may go on it (most lines stand before a blank line or end the text)
    raw, tail = "", ""
    for k, line in enumerate(lines):
        if budget is not None and (budget.every(k) or budget.full(len(out))):
            return out
        if not para and not line.strip():
            continue  # a blank line outside a paragraph (most of a scraped page's lines): nothing to do
        # a line of invisible characters is a spacer (unicode.is_spacer_line), kept as a blank
        # line: joined, it would hold a zero-width space the unicode step then removes
        blank = not line.strip() or is_spacer_line(line)
        if para and not blank:
            if raw is not None:
                tail, raw = _normal(raw)[-200:], None
            if _goes_on(tail, line):
                para.append(k)
                raw = tail + " " + line
                continue
        if len(para) > 1:  # a paragraph of one line has no break to join (most of a scraped page's)
            out += _joins(lines, chars, para)
        para = [] if blank else [k]
        raw = line
    return out + _joins(lines, chars, para)


def _goes_on(before: str, after: str) -> bool:
    """True when line `after` is the rest of the paragraph that ends with `before`.

    A closing mark goes on anything; otherwise the paragraph must not end a
    sentence, and either the line opens in lower case or the paragraph ends on
    a word in lower case ("a dog in \\nSouth Africa"). Read on the paragraph
    joined so far, not on its last line, and on nothing past the first
    character of `after`: a second pass sees the lines the first joined as one.

    >>> _goes_on("a dog in", "South Africa"), _goes_on("He left.", "and"), _goes_on("Home", "News")
    (True, False, False)
    """
    first = after.lstrip()[:1]
    if first in _CLOSERS:
        return True
    words = before.split()
    return bool(words) and not ends_sentence(before) and (first.islower() or words[-1][:1].islower())


def _normal(text: str) -> str:
    """A paragraph's text as the lines a pass joins show it: one space between words, none before a closing mark."""
    return _SPACE_BEFORE_CLOSER.sub("", " ".join(text.split()))


def _joins(lines: list[str], chars: list[int], para: list[int]) -> list[Change]:
    """The joins of the traced breaks of paragraph `para` (line numbers), if it reads as a sentence;
    `chars[k]`: the characters of the lines before line k, without their breaks."""
    if len(para) < 2:
        return []
    joined = _normal(" ".join(lines[k] for k in para))
    # a line of code (one with code's marks that reads as code) keeps the paragraph's lines
    if not is_sentence_like(joined) or any(is_code_like(lines[k]) for k in para if not _NO_CODE.isdisjoint(lines[k])):
        return []
    out = []
    for k in para[1:]:
        before, after = lines[k - 1], lines[k]
        body = before[:-1] if before.endswith("\r") else before
        tail = len(body) - len(body.rstrip(_LINE_BLANKS + "\t"))
        head = len(after) - len(after.lstrip(_LINE_BLANKS + "\t"))
        if "\t" in after[:head] or head > 1:
            continue  # a tab or two blanks opening a line: an indent
        closer = after.lstrip()[:1] in _CLOSERS
        if closer and opens_a_word(after.lstrip()):
            continue  # ".spec.os.name" after "the value of": a word, spaced from the one before
        if not closer and head == 0 and tail == 1 and opens_a_block(body, after):
            continue  # "Muscle spasms \nYou should speak with a doctor ...": a list's last item, then a paragraph
        # two blanks and no more are Markdown's break; blanks on both sides a scraper's cut (a
        # second pass, the blanks before the break removed, sees the one after it). A tab
        # before the break is no scraper's blank, but whitespace.trailing removes it: what
        # follows decides, as it will on a second pass
        if not (closer or (tail == 1 and "\t" not in body[-1:]) or head == 1):
            continue
        out.append(Change(chars[k - 1] + k - 1 + len(body) - tail, chars[k] + k + head, "" if closer else " ",
                          "whitespace.inline_breaks",
                          "joined a line a scraper cut at a link or other inline element", 0.9))
    return out


def opens_a_word(line: str) -> bool:
    """True when the closing marks that open `line` begin a word of their own rather than close the text above.

    >>> [opens_a_word(t) for t in (", and more", ".", "\u2019s connection pooling", ").", ".\u201d")]
    [False, False, False, False, False]
    >>> [opens_a_word(t) for t in (".spec.os.name", "../theirmodule, a directory", ".deb", "?column?", "%APPDATA%")]
    [True, True, True, True, True]
    """
    if _CLITIC.match(line):
        return False
    rest = line.lstrip(_CLOSERS)[:1]
    return bool(rest) and (rest.isalnum() or rest in _TOKEN_MARKS)


def opens_a_block(before: str, after: str) -> bool:
    """True when line `after`, cut from `before` by a break with one blank before it, is a block of its own:
    it opens in upper case and reads as a sentence by itself, and `before` leaves no phrase open
    (chrome.signals.ends_dangling: "in the \nSouth Africa ..."). A scraper's cut before an inline
    element puts the element's text on the line (a name, a title, a term: no sentence of its own);
    a list item or a heading that keeps a trailing blank is followed by the next paragraph.

    >>> cuts = [("Muscle spasms ", "You should speak with a doctor as soon as possible after the injury."),
    ...         ("I got bit by a dog in the Transkei in ", "South Africa"),
    ...         ("It was described by the ", "Research Institute for Tropical Medicine and its field team in 2019.")]
    >>> [opens_a_block(before, after) for before, after in cuts]
    [True, False, False]
    """
    return after[:1].isupper() and not ends_dangling(" " + before) and is_sentence_like(after.strip())


def run(text: str, ctx) -> list[Change]:
    """Changes that tidy whitespace; line endings (CRLF or LF) are kept as found.

    A request's budget (time, and the most changes a step may make) is polled
    as matches are found: a text of 600,000 double spaces would otherwise make
    600,000 changes.
    """
    budget = ctx.budget
    changes: list[Change] = inline_cuts(text, budget)
    taken = SpanSet()  # a list scanned per match made many edits quadratic
    laid_out = LaidOut(text)
    for c in changes:
        taken.add(c.start, c.end)
    for pattern, replacement, rule, message in _FIXES:
        for i, m in enumerate(pattern.finditer(text, scan_start(rule, text))):
            if budget.every(i) or budget.full(len(changes)):
                return changes
            s, e = m.span(m.lastindex or 0)
            if s == e or taken.overlaps(s, e):
                continue
            if rule == "whitespace.spaces" and not makes_one_space(text, laid_out, s, e):
                continue
            found = text[s:e]
            if replacement is None:
                rep = "\r\n" if "\r\n" in found else "\n"
            else:
                rep = replacement
            if rep != found:
                changes.append(Change(s, e, rep, rule, message, 1.0))
                taken.add(s, e)
    return changes


STEP = Step(name="whitespace", run=run,
            summary="runs of spaces, trailing blanks, too many blank lines, paragraphs cut at their links")
