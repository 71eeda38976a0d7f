"""Unicode repair: mojibake and other damage ftfy knows, invisible characters that split a word.

ftfy fixes each line; a character diff of the line before and after locates
every change, so each becomes an edit with the ftfy fixers that made it.
Typographic quotes are kept by default (ftfy would straighten them) because
they are correct text, and line breaks are left as found (CRLF is not damage).

>>> from service.edits import apply_edits
>>> from service.steps import context_for
>>> t = "donâ€™t stop"
>>> apply_edits(t, run(t, context_for("unicode")))
'don’t stop'
"""
from __future__ import annotations

import difflib
import re
import unicodedata

import ftfy

from ..edits import Change
from ..guards import is_quoted_alone
from .base import Step


# A diff of a huge changed line is quadratic; past this, the changed middle
# becomes one edit instead of many small ones.
MAX_DIFF_CHARS = 4000
# Invisible characters that scraping leaves and that no writer means:
# zero-width space, word joiner. ZWJ/ZWNJ are kept: emoji and several
# scripts need them. The soft hyphen (U+00AD) is kept too: it is the
# writer's or the publishing system's hyphenation point ("Guar\u00adan\u00adtee"),
# correct text that renders as nothing unless the line breaks there;
# removing it changed words of clean pages (issue 13). A soft hyphen that is
# mojibake ("Â\u00ad") is ftfy's to repair like any other.
_INVISIBLE = re.compile("[\u200b\u2060]+")
# Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar,
# Khmer, Japanese kana, Chinese): there a zero-width space is the word
# boundary that the writer or the input method put in for line breaking and
# search, as a space is in English. Between two of their letters it stays.
_UNSPACED = re.compile("[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_INVISIBLE_RULE = "unicode.invisible"
_INVISIBLE_MESSAGE = "removed invisible characters (zero-width space, word joiner)"


def splits_a_word(text: str, start: int, end: int) -> bool:
    """True when text[start:end] (invisible characters) stands between two word characters
    (letters, digits, combining marks) of a script that spaces its words: "zero\u200bwidth".

    Only there is it damage: it breaks the word for search, spelling and
    copying. Beside a space, a line's edge or punctuation ("real time. \u200b",
    "\u200bHandling", "FreeBSD?\u200byou") it breaks no word and renders as
    nothing, a line-break opportunity or spacer the publisher put in: removing
    it was an edit on correct text (issue 13). Between two letters of an
    unspaced script it is the word boundary (_UNSPACED).

    >>> [splits_a_word(t, 4, 5) for t in ("zero\u200bwidth", "time\u200b ", "ภาษา\u200bไทย", "1 2 \u200bx")]
    [True, False, False, False]
    """
    if start == 0 or end >= len(text):
        return False
    before, after = text[start - 1], text[end]
    if not (_is_word_char(before) and _is_word_char(after)):
        return False
    return not (_UNSPACED.match(before) and _UNSPACED.match(after))


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


# A line of nothing but invisible characters is a paragraph spacer some
# publishing systems insert (an empty paragraph holding a zero-width space);
# splits_a_word leaves it, and such a line is not given to ftfy at all.
# Two checks, not one pattern: "[blank]*[zwsp][blank]*" backtracks
# quadratically on a long run of zero-width spaces that ends in a letter
# (90,000 of them took ~50 s).
_SPACER_CHARS = re.compile("[\u200b\u2060 \t\u00a0]*\r?\n?")
# Mojibake that quotes enclose alone ("sequences like “Ã©” or “Ã§”") is a text about the
# damage showing an example, not damage: its repair is only suggested, at this
# confidence (under Options.min_confidence's default 0.5). Damage inside a quoted word
# ("“CafÃ©”") is repaired as anywhere.
QUOTED_EXAMPLE_CONFIDENCE = 0.45


def drop_invisible(text: str) -> str:
    """`text` without the zero-width spaces and word joiners that split a word (splits_a_word).

    >>> drop_invisible("zero\u200bwidth \u200bspace"), drop_invisible("ภาษา\u200bไทย")
    ('zerowidth \u200bspace', 'ภาษา\u200bไทย')
    """
    return _INVISIBLE.sub(lambda m: "" if splits_a_word(text, m.start(), m.end()) else m.group(), text)


def is_spacer_line(line: str) -> bool:
    r"""True for a line of blanks holding at least one zero-width space or word joiner.

    >>> is_spacer_line("\u200b \n"), is_spacer_line("  \n"), is_spacer_line("\u200b" * 9 + "x")
    (True, False, False)
    """
    # the substring tests first: asked of every line of a page (whitespace.inline_cuts), most hold neither
    return ("\u200b" in line or "\u2060" in line) and _SPACER_CHARS.fullmatch(line) is not None
_NEEDS_FTFY = re.compile(r"[^\x09\x0a\x0d\x20-\x7e]")
# Typographic punctuation ftfy leaves alone when quotes are kept: no badness
# pattern can match a text of printable ASCII and these (checked exhaustively
# for every string of up to 3 characters, and of 4-5 over representatives of
# each class), no fixer maps them, and they are NFC. A line of only these and
# ASCII without "&" (HTML entities) needs no ftfy call, which costs ~140 us
# per paragraph (most of it the badness regex) for an unchanged line.
_TYPOGRAPHIC = "“”‘’–—…"
# Runs, not single characters: `windows` merges adjacent matches anyway, and a
# line of 600,000 combining marks is then one match instead of 600,000.
_BEYOND_TYPOGRAPHIC = re.compile(rf"[^\x09\x0a\x0d\x20-\x25\x27-\x7e{_TYPOGRAPHIC}]+")
_NEEDS_FTFY_OR_ENTITY = re.compile(r"[^\x09\x0a\x0d\x20-\x25\x27-\x7e]+")


def _config(ctx) -> ftfy.TextFixerConfig:
    """ftfy's settings. No normalization: a decomposed letter ("Geisendo\u0308rfer",
    as macOS writes names) is canonically equivalent to its composed form, the
    same text, not damage; NFC changed only correct words of clean prose (issue 13).
    A mojibake repair still gives composed letters, as the bytes encoded them."""
    keep_quotes = ctx.options.keep_typographic_quotes
    return ftfy.TextFixerConfig(uncurl_quotes=not keep_quotes, fix_line_breaks=False, explain=True,
                                normalization=None)


# Chinese, Japanese and Korean script. Their texts write full-width punctuation
# natively ("，" "（" "。"), which ftfy's fix_character_width would turn into ASCII
# (found on the Chinese pages of the Rust documentation): where a window holds
# these scripts, widths are left as written.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def fix_piece(piece: str, config: ftfy.TextFixerConfig) -> tuple:
    """ftfy.fix_and_explain, without the width fix where the piece is, or its
    repair turns out to be, CJK text (mojibake of Chinese holds no Han).

    >>> fix_piece("（Rust 示例，RBE）", ftfy.TextFixerConfig())[0]
    '（Rust 示例，RBE）'
    >>> fix_piece("ＡＢＣ rocks", ftfy.TextFixerConfig())[0]
    'ABC rocks'
    """
    if config.fix_character_width and _CJK.search(piece):
        return ftfy.fix_and_explain(piece, config._replace(fix_character_width=False))
    fixed, explanation = ftfy.fix_and_explain(piece, config)
    if config.fix_character_width and fixed != piece and _CJK.search(fixed):
        return ftfy.fix_and_explain(piece, config._replace(fix_character_width=False))
    return fixed, explanation


def _rule_for(explanation) -> tuple[str, str]:
    actions = [step for step in explanation or []]
    if any(kind in ("encode", "decode") for kind, _ in actions) or any(
            name == "decode_inconsistent_utf8" for _, name in actions):
        encodings = [name for kind, name in actions if kind == "encode"]
        via = f" (UTF-8 read as {encodings[0]})" if encodings else ""
        return "unicode.mojibake", f"repaired mojibake{via}"
    names = sorted({name for _, name in actions}) or ["fix"]
    return "unicode." + names[0], "ftfy: " + ", ".join(names)


def common_prefix(a: str, b: str, limit: int) -> int:
    """Length of the common prefix of a and b, at most `limit`.

    A binary search over slice comparisons (done in C): a character loop in
    Python cost a microsecond per character of every repaired paragraph.

    >>> common_prefix("abcd", "abxd", 4), common_prefix("ab", "ab", 1)
    (2, 1)
    """
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common suffix of a and b, at most `limit`.

    >>> common_suffix("xbcd", "ybcd", 4), common_suffix("abc", "abc", 2)
    (3, 2)
    """
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _diff_changes(old: str, new: str, offset: int, rule: str, message: str) -> list[Change]:
    """Locate the differences of two versions of a line as minimal changes."""
    shorter = min(len(old), len(new))
    p = common_prefix(old, new, shorter)
    s = common_suffix(old, new, shorter - p)
    a, b = old[p:len(old) - s], new[p:len(new) - s]
    if len(a) + len(b) > MAX_DIFF_CHARS:
        return [Change(offset + p, offset + p + len(a), b, rule, message, 0.99)]
    out = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if j1 == j2 and _INVISIBLE.fullmatch(a[i1:i2]):
            # ftfy leaves these alone; name the fix that really removed them
            out.append(Change(offset + p + i1, offset + p + i2, "", _INVISIBLE_RULE, _INVISIBLE_MESSAGE, 1.0))
        else:
            out.append(Change(offset + p + i1, offset + p + i2, b[j1:j2], rule, message, 0.99))
    return out


def lines_to_fix(text: str):
    """(offset, line) for each line (with its break) that has a character
    outside printable ASCII; a line ends after its line feed, the last one at
    the end of the text.

    One scan of the text that jumps from each such character to the end of
    its line, instead of a regex search per line (most lines are ASCII).
    """
    pos = 0
    while True:
        m = _NEEDS_FTFY.search(text, pos)
        if m is None:
            return
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end + 1
        yield start, text[start:end]
        pos = end


def windows(line: str, pattern: re.Pattern, words: int = 2):
    """[start, end) spans of `line` around every match of `pattern`, widened to
    the whole word and `words - 1` more words on each side, merged where they meet.

    ftfy's work grows with the length of what it is given, and a paragraph
    usually has its damage in a few words: fixing only these windows is ~8x
    cheaper and gave identical output on every damaged line of the benchmark
    corpora (1,312 lines), because ftfy's badness patterns and re-decoding
    look at neighbouring characters only; a word of margin keeps a
    mis-decoded character and the space after it ("Ã " for "à") together.

    >>> windows("one two thrÃ©e four five six", _BEYOND_TYPOGRAPHIC)
    [[3, 19]]
    """
    out: list[list[int]] = []
    next_space = _NextSpace(line)
    for m in pattern.finditer(line):
        a, b = m.start(), m.end()
        # Searching back beyond the previous window's end could only merge
        # into it (which keeps that window's start), and would make a line of
        # many matches and few spaces quadratic.
        floor = out[-1][1] if out else 0
        for _ in range(words):
            a = line.rfind(" ", floor, max(a - 1, 0))
            if a < 0:
                a = floor
                break
        for _ in range(words):
            b = next_space(b + 1)
            if b < 0:
                b = len(line)
                break
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


class _NextSpace:
    """line.find(" ", pos), remembering its last answer: `windows` asks for
    non-decreasing positions, so a line without spaces is scanned once, not
    once per match.

    >>> f = _NextSpace("ab cd"); f(0), f(1), f(3)
    (2, 2, -1)
    """

    def __init__(self, line: str):
        self.line, self.since, self.found = line, 0, -2

    def __call__(self, pos: int) -> int:
        if self.since <= pos and (pos <= self.found or self.found == -1):
            return self.found
        self.since, self.found = pos, self.line.find(" ", pos)
        return self.found


def run(text: str, ctx) -> list[Change]:
    """Changes that repair the text's Unicode, window by window of each line."""
    if not _NEEDS_FTFY.search(text):
        return []  # plain printable ASCII: nothing ftfy could change
    config = _config(ctx)
    # With quotes kept, ASCII and typographic punctuation are returned as is;
    # otherwise ftfy may change any character outside printable ASCII.
    pattern = _BEYOND_TYPOGRAPHIC if not config.uncurl_quotes else _NEEDS_FTFY_OR_ENTITY
    changes: list[Change] = []
    budget = ctx.budget
    for i, (start, line) in enumerate(lines_to_fix(text)):
        if budget.every(i):
            break  # the time budget ran out: the lines after this one are left as found
        if not pattern.search(line) or is_spacer_line(line):
            continue
        for a, b in windows(line, pattern):
            piece = line[a:b]
            fixed, explanation = fix_piece(piece, config)
            visible = drop_invisible(fixed)
            if visible == piece:
                continue
            if fixed != piece:
                rule, message = _rule_for(explanation)
            else:
                rule, message = _INVISIBLE_RULE, _INVISIBLE_MESSAGE
            changes.extend(_diff_changes(piece, visible, start + a, rule, message))
    return [quoted_example(text, c) for c in changes]


def quoted_example(text: str, change: Change) -> Change:
    """The change, only suggested when quotes enclose its damage alone (QUOTED_EXAMPLE_CONFIDENCE).

    >>> t = "characters like “Ã©” and a cafÃ©"
    >>> [quoted_example(t, Change(s, s + 2, "é", "unicode.mojibake", "m", 0.99)).confidence for s in (17, 31)]
    [0.45, 0.99]
    """
    if change.rule == _INVISIBLE_RULE or change.start == change.end \
            or not is_quoted_alone(text, change.start, change.end):
        return change
    return Change(change.start, change.end, change.replacement, change.rule,
                  change.message + " (quoted alone: an example of the damage, so only suggested)",
                  min(change.confidence, QUOTED_EXAMPLE_CONFIDENCE))


STEP = Step(name="unicode", run=run,
            summary="mojibake (ftfy), control characters, zero-width spaces inside words")
