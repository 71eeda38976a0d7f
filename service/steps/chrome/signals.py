"""Language-neutral signals for the `chrome` step: lines, blocks and their shapes.

Scraped text comes either as paragraphs (one per line, blank lines between) or
as a naive scraper's `get_text("\\n")`, where every inline link breaks a
sentence over several lines ("Trump \\ntweeted\\n before"). `group_blocks`
glues such fragments back into the block they came from, so the classifier
judges paragraphs, not link texts. The classifier follows jusText: a block's
length, its stop-word density and its end punctuation make it `good` (article
prose), `near` (probably prose), or `short` (undecided); neighbours decide
the rest (see `chrome.py`).

>>> blocks = group_blocks(split_lines("Menu\\nThe cat \\nsat\\n on the mat.\\n"))
>>> [b.text for b in blocks]
['Menu', 'The cat sat on the mat.']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter, not_
from typing import NamedTuple

from ...titles import LINK_TITLE, has_separator, split_last_separator
from ...tokens import WORD
from .content import is_code_like

# A block is article prose when it is long and full of function words; the
# thresholds are jusText's (length 70/200, stop-word density 0.30/0.32),
# loosened a little because our blocks may hold a caption or a dateline too.
LENGTH_LOW = 70
LENGTH_HIGH = 150
STOPWORDS_LOW = 0.22
STOPWORDS_HIGH = 0.28
# Without a stop-word list (languages justext has none for) only length and
# end punctuation speak.
LENGTH_GOOD_NO_STOPLIST = 160

_WORD = re.compile(WORD)
_new = tuple.__new__  # a NamedTuple built without its __new__ (see split_lines)
_PLUS_BREAK = (1).__add__
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|\Z)")
_END_SENTENCE = re.compile(r"[.!?…:;。！？][\"'”’)\]]*\s*$|[\"”’]\s*$")
# group_blocks drops a space left before closing punctuation where a fragment was cut.
_SPACE_BEFORE_CLOSER = re.compile(r" (?=[.,;:!?)\]}%’”])")


class Line(NamedTuple):
    """One line of the text: `start`..`end` covers its line break too.

    A tuple, not a frozen dataclass: an article has dozens of lines and
    blocks, and a frozen dataclass costs several times more to build.
    """

    start: int
    end: int
    text: str  # without the line break


class Block(NamedTuple):
    """Consecutive lines that a scraper cut out of one paragraph."""

    first: int   # index of its first line
    last: int    # index of its last line
    start: int
    end: int
    text: str    # fragments joined with single spaces


@dataclass(frozen=True)
class Shape:
    """What the classifier reads of a block."""

    chars: int
    words: int
    stop_density: float
    ends_sentence: bool
    title_case: bool


def true_runs(flags: list[bool]):
    """(start, end) of each maximal run of True in `flags`, in order.

    >>> list(true_runs([True, True, False, True, False, False]))
    [(0, 2), (3, 4)]
    """
    i, n = 0, len(flags)
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < n and flags[j]:
            j += 1
        yield i, j
        i = j


def split_lines(text: str) -> list[Line]:
    """Lines with offsets; a line's span includes its break.

    >>> [(l.start, l.end, l.text) for l in split_lines("a\\r\\nbc")]
    [(0, 3, 'a'), (3, 5, 'bc')]
    """
    if "\r" not in text:
        # the common case, without a regex: only "\n" breaks lines; each line's
        # end is the running sum of the lengths with their breaks, and the tuples
        # are built in C (Line's own __new__ is a Python function: a page of
        # menus has hundreds of lines)
        parts = text.split("\n")
        last = parts.pop()
        ends = list(accumulate(map(_PLUS_BREAK, map(len, parts))))
        lines = list(map(_new, repeat(Line), zip([0] + ends[:-1], ends, parts)))
        if last:
            lines.append(_new(Line, (ends[-1] if ends else 0, len(text), last)))
        return lines
    lines = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        raw = m.group(0)
        lines.append(Line(m.start(), m.end(), raw.rstrip("\r\n")))
    return lines


def is_blank(line: Line) -> bool:
    """True for an empty or whitespace-only line.

    >>> is_blank(Line(0, 3, " \\t")), is_blank(Line(0, 2, "a"))
    (True, False)
    """
    return not line.text.strip()


def continues_fragment(prev: str, cur: str) -> bool:
    """True when `cur` is the rest of the paragraph `prev` was cut from.

    A naive scraper puts a newline around every inline element, and a
    hard-wrapped paragraph goes on in lower case or with punctuation; a new
    block starts with neither. A line that ends on a word no sentence ends
    with (`ends_dangling`) goes on whatever follows, and a dash before a
    lower-case word is a term's description (`opens_description`). The
    spaces a scraper leaves around the cut ("said \nBiden") are not read:
    the whitespace step removes them, and the blocks must be the same when
    the cleaned text is cleaned again (a second pass removed a line the
    first had kept inside a paragraph).

    >>> continues_fragment("Trump ", "tweeted"), continues_fragment("he said", ".")
    (True, True)
    >>> continues_fragment("Home", "News"), continues_fragment("Friday.  ", "The minister")
    (False, False)
    >>> continues_fragment("Navigate to the", "Maven repository"), continues_fragment("Flexbox Froggy", "— a game")
    (True, True)
    """
    first = cur.lstrip()[:1]
    if first and first in ".,;:!?)]}%’”":
        return True
    if not first or ends_sentence(prev):
        return False
    return first.islower() or ends_dangling(prev) or opens_description(cur)


# Words no sentence, title or label ends with (an article, a possessive, a
# preposition that needs its object, a conjunction): a line ending with one
# runs on into the next, whatever case that opens with ("Navigate to the\n
# Maven repository", "Enter a message in the\nClick here to reply\nfield").
# Particles that end a phrasal verb's label ("Sign in", "Log out", "Opt out")
# are left out.
DANGLING_WORDS = frozenset("""a an the of to for and or nor with from into onto than your our my their its
whose via""".split())


def ends_dangling(text: str) -> bool:
    """True when `text` ends with a word of DANGLING_WORDS, without punctuation after it.

    >>> ends_dangling("Navigate to the "), ends_dangling("Sign in"), ends_dangling("the end of."), ends_dangling("Of")
    (True, False, False, False)
    """
    body = text.rstrip()
    if not body[-1:].isalpha() or " " not in body:
        return False  # a one-word line is a label ("To", "From"), not a sentence's start
    return body[body.rfind(" ") + 1:].lower() in DANGLING_WORDS


# A description cut from its term: a dash, then a lower-case word ("Flexbox
# Froggy\n— an educational game"). A list marker is a hyphen; a link title's
# site after its dash is capitalised.
_DESCRIPTION = re.compile(r"\s*[–—]\s+[^\W\d_]")


def opens_description(text: str) -> bool:
    """True for a line that opens with a dash and a lower-case word: the rest of a "Term — description" item.

    >>> opens_description("— an educational game"), opens_description("– Inside Telecom"), opens_description("- home")
    (True, False, False)
    """
    m = _DESCRIPTION.match(text)
    return m is not None and text[m.end() - 1].islower()


def group_blocks(lines: list[Line]) -> list[Block]:
    """Join non-blank lines that continue one another into blocks."""
    blocks: list[Block] = []
    cur: list[int] = []

    def close() -> None:
        if cur:
            text = " ".join(" ".join(lines[i].text.split()) for i in cur)
            text = _SPACE_BEFORE_CLOSER.sub("", text)
            blocks.append(_new(Block, (cur[0], cur[-1], lines[cur[0]].start, lines[cur[-1]].end, text)))
            cur.clear()

    for i, line in enumerate(lines):
        if not line.text.strip():  # is_blank, written in: a page of menus has hundreds of lines
            close()
        elif cur and continues_fragment(lines[cur[-1]].text, line.text):
            cur.append(i)
        else:
            close()
            cur.append(i)
    close()
    return blocks


def words_of(text: str) -> list[str]:
    """The letter words of a text.

    >>> words_of("5G is here, isn't it?")
    ['G', 'is', 'here', "isn't", 'it']
    """
    return _WORD.findall(text)


# Blocks up to this many characters are cached by shape_of: menus, headlines and
# list lines, asked about again and again. A cache of whole paragraphs grew a worker
# by hundreds of MB on a few hundred large texts and never shrank; 4096 entries of at
# most this size stay under ~10 MB.
SHAPE_CACHE_MAX_CHARS = 600


def shape_of(text: str, stopwords: frozenset) -> Shape:
    """Length, stop-word density, end punctuation and Title Case of a block.

    Cached for short blocks (SHAPE_CACHE_MAX_CHARS): a pure function of its
    arguments, and classify_blocks asks it twice about every block outside
    the article (shape, then evidence). Every block of every article is
    shaped, so the per-word work runs in C (map, compress, sum) rather than
    in a Python loop.

    >>> s = shape_of("Back To Top", frozenset({"to"}))
    >>> s.words, s.title_case, s.ends_sentence
    (3, True, False)
    """
    if len(text) <= SHAPE_CACHE_MAX_CHARS:
        return _cached_shape(text, stopwords)
    return measure_shape(text, stopwords)


@lru_cache(maxsize=4096)
def _cached_shape(text: str, stopwords: frozenset) -> Shape:
    return measure_shape(text, stopwords)


def measure_shape(text: str, stopwords: frozenset) -> Shape:
    """shape_of, uncached."""
    words = words_unordered(text)
    n = len(words)
    is_stop = function_word_flags(words, stopwords)
    stops = sum(is_stop)
    content = list(compress(words, map(not_, is_stop)))
    capital = sum(map(str.isupper, map(itemgetter(0), content)))
    title = bool(content) and n >= 2 and capital / len(content) >= 0.75
    return Shape(len(text), n, stops / n if n else 0.0, ends_sentence(text), title)


def function_word_flags(words: list[str], stopwords: frozenset) -> list[bool]:
    """Which of `words` are function words (`stopwords`, lower-case): the share shape_of reads."""
    return list(map(stopwords.__contains__, map(str.lower, words)))


def word_counts(text: str, stopwords: frozenset) -> tuple[int, int]:
    """How many words of `text` shape_of counts, and how many of them are function words.

    Counts add up over white-space chunks (no word spans white space), so a
    correction changes a paragraph's counts exactly as it changes those of the
    chunks it touches (pipeline.changes_what_chrome_reads).

    >>> word_counts("“Thier” house, a lot", frozenset({"their", "a"}))
    (4, 1)
    >>> word_counts("“Their” house, a lot", frozenset({"their", "a"}))
    (4, 2)
    """
    words = words_unordered(text)
    return len(words), sum(function_word_flags(words, stopwords))


def words_unordered(text: str) -> list[str]:
    """The words of `text` (as words_of finds them), not in text order.

    No word spans white space, and a white-space chunk of letters only is
    one word: only the other chunks ("said,", "“We", "5G") need the word
    pattern, whose Unicode classes cost 30 ns a character. Counting words
    needs no order.

    >>> sorted(words_unordered("“We said,” he  said: 5G isn't here."))
    ['G', 'We', 'he', 'here', "isn't", 'said', 'said']
    """
    chunks = text.split()
    plain = list(map(str.isalpha, chunks))
    words = list(compress(chunks, plain))
    if len(words) < len(chunks):
        words += _WORD.findall(" ".join(compress(chunks, map(not_, plain))))
    return words


# What _END_SENTENCE reads at the end of a text (see ends_sentence).
_SENTENCE_MARKS = ".!?…:;。！？"
_CLOSERS = "\"'”’)]"
_END_QUOTES = "\"”’"


def ends_sentence(text: str) -> bool:
    """`bool(_END_SENTENCE.search(text))`, read from the end instead of searched for.

    The pattern only matches at the end of the text (before trailing white
    space): a sentence mark and closers, or a closing quote. `\\s` and
    str.rstrip() strip the same characters, and no mark is a closer, so
    the mark must stand right before the trailing closers. A search tried
    the pattern at every character of every paragraph.

    >>> ends_sentence("He left.”  "), ends_sentence("Home"), ends_sentence("“Quoted”")
    (True, False, True)
    """
    body = text.rstrip()
    if not body:
        return False
    if body[-1] in _END_QUOTES:
        return True
    body = body.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _SENTENCE_MARKS


def classify_shape(shape: Shape, has_stoplist: bool) -> str:
    """`good`, `near` or `short` from a block's shape alone (jusText's first pass).

    >>> classify_shape(Shape(300, 50, 0.4, True, False), True)
    'good'
    >>> classify_shape(Shape(20, 3, 0.0, False, True), True)
    'short'
    """
    if has_stoplist:
        if shape.chars >= LENGTH_HIGH and shape.stop_density >= STOPWORDS_LOW:
            return "good"
        if shape.chars >= LENGTH_LOW and shape.stop_density >= STOPWORDS_HIGH and shape.ends_sentence:
            return "good"
        # a headline is as long and as wordy, but never ends like a sentence
        if shape.chars >= LENGTH_LOW and shape.stop_density >= STOPWORDS_LOW - 0.04 and shape.ends_sentence:
            return "near"
        return "short"
    if shape.chars >= LENGTH_GOOD_NO_STOPLIST and shape.ends_sentence:
        return "good"
    if shape.chars >= LENGTH_LOW and shape.ends_sentence:
        return "near"
    return "short"


def shape_class(text: str, stopwords: frozenset) -> str:
    """`classify_shape` of the text's `shape_of` (`has_stoplist` when `stopwords` has words).

    >>> shape_class("Back To Top", frozenset({"to"}))
    'short'
    """
    return classify_shape(shape_of(text, stopwords), bool(stopwords))


def promote_prose(cls: str, sentence_like: bool, chars: int) -> str:
    """A block with sentence structure counts as prose whatever its stop words say.

    Stop-word density reads prose only in the language of its list: a German
    paragraph on a page detected as English, or any paragraph of an
    undetermined language, has sentence structure but no English stop words.

    >>> promote_prose("short", True, 300), promote_prose("short", True, 90), promote_prose("short", False, 300)
    ('good', 'near', 'short')
    """
    if not sentence_like or cls == "good":
        return cls
    if chars >= LENGTH_HIGH:
        return "good"
    return "near" if chars >= LENGTH_LOW else cls


def split_site_title(text: str) -> tuple[str, str] | None:
    """("Title", "Site") for a link title shaped "Title – Site" / "Title | Site".

    The site is one to four capitalised words (or a domain) after the last
    separator; the title has at least three words and no sentence end.

    >>> split_site_title("Huawei has lost the Romanian 5G market – Inside Telecom")
    ('Huawei has lost the Romanian 5G market', 'Inside Telecom')
    >>> split_site_title("June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre") is None
    True
    >>> split_site_title("- Building Permit - Printable PDF") is None
    True
    """
    parts = split_last_separator(text, **LINK_TITLE)  # the site stands after the last one
    if parts is None:
        return None
    title, site = parts
    if not is_site_name(site):
        return None
    title_words = strip_bullet(title).split()  # a list marker is not a word
    # a second separator or an "@" makes it a listing ("June 9 – City @ Venue")
    if has_separator(title, **LINK_TITLE) or "@" in title:
        return None
    if len(title_words) < 3 or len(title_words) > 25 or re.search(r"[.!?]\s", title):
        return None
    return title, site


def is_site_name(site: str) -> bool:
    """One to four capitalised words, or a domain name.

    >>> is_site_name("The New York Times"), is_site_name("news18.com"), is_site_name("said the man")
    (True, True, False)
    >>> is_site_name("TrailCo™ Blue/Grey L")
    False
    """
    if re.fullmatch(r"(?:www\.)?[a-z0-9\-]+\.[a-z]{2,6}(?:\.[a-z]{2})?", site, re.I):
        return True
    words = site.split()
    # a product's variant ("TrailCo™ Blue/Grey L") has a slash or a trademark sign; a site's name not
    if not 1 <= len(words) <= 4 or any(c in site for c in ",@:;!?\"“”/™®"):
        return False
    small = {"the", "of", "and", "&", "on", "in", "for", "de", "la", "le", "el"}
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in small
                                          for w in words)


# A list item's marker at the start of a line ("- Baseball", "• Home"): a
# scraper writes it for every <li>; the item's words follow it.
_BULLET = re.compile(r"[-*•·–—»▪◦‣]\s+(?=\S)")


def strip_bullet(text: str) -> str:
    """The line without its list marker, if it has one.

    >>> strip_bullet("- Contact Us"), strip_bullet("• Home"), strip_bullet("-5 degrees"), strip_bullet("Home")
    ('Contact Us', 'Home', '-5 degrees', 'Home')
    """
    m = _BULLET.match(text)
    return text[m.end():] if m else text




def mark_cells(lines: list[Line], blocks: list[Block]) -> list[bool]:
    """True for blocks with a tab between two cells of a line (a table row).

    A block's text joins its words with single spaces, so is_list_content
    no longer sees the tab that separated a row's cells.

    >>> ls = split_lines("Combined Ratio\\t97.9\\n\\tIndented")
    >>> mark_cells(ls, group_blocks(ls))
    [True, False]
    """
    return [any("\t" in lines[i].text.strip() for i in range(b.first, b.last + 1)) for b in blocks]


def is_menu_item(text: str) -> bool:
    """A short label: at most four words, no sentence end, no digits-only line.

    A list marker is not a word ("- Track and Field" is a label of three).

    >>> is_menu_item("World News"), is_menu_item("He left."), is_menu_item("Palm Bay d. Rockledge 70-44")
    (True, False, False)
    >>> is_menu_item("- Track and Field")
    True
    """
    if len(text) > 42:
        return False  # before splitting: most blocks are paragraphs
    return _is_short_menu_item(text)


# menus.label_flags asks of every block, several times a page: a site's labels recur
@lru_cache(maxsize=8192)
def _is_short_menu_item(text: str) -> bool:
    """is_menu_item of a text of at most 42 characters."""
    text = strip_bullet(text)
    if len(text) > 40:
        return False
    words = text.split()
    if not 1 <= len(words) <= 4:
        return False
    if ends_sentence(text) or any(c.isdigit() for c in text) or is_code_like(text):
        return False
    return text[:1].isupper() or text[:1].isalpha()


# Prose in any language, read without a word list: enough words, mostly
# lower-case (a caseless script counts as lower case: German capitalises its
# nouns, about a third of its words; an English Title Case headline has few
# lower-case words), and a sentence's punctuation. Menus, link titles, labels
# and headlines lack one of the three.
SENTENCE_MIN_WORDS = 8
SENTENCE_MIN_LOWER = 0.5
# Scripts written without spaces between words: a run of them is many words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# A sentence's end inside the block: after a word of two letters or more (not
# "U.S." or "Calif."'s initial), before a capital or a caseless letter.
_INNER_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?…][\"'”’)\]]*\s+[\"“‘(]?[^\W\d_]|[。！？]")


def is_sentence_like(text: str) -> bool:
    """True for a block with sentence structure, whatever its language.

    >>> is_sentence_like("Die Minister trafen sich am Freitag in Tokio und vereinbarten eine enge Zusammenarbeit.")
    True
    >>> is_sentence_like("Two Patients Diagnosed With Plague In China As Officials Scramble")
    False
    >>> is_sentence_like("Two U.S. troops killed in helicopter crash in Afghanistan")
    False
    >>> is_sentence_like("Home News Sport World Business Technology Science Health")
    False
    >>> is_sentence_like("東京で金曜日に会談した両国の閣僚は、地域の新しい通信網で協力することで合意した。")
    True
    """
    if len(text) < 30:
        return False
    if _CJK.search(text):
        cjk = len(_CJK.findall(text))
        if cjk >= 20 and any(m in text for m in "。！？.!?"):
            return True
    words = words_unordered(text)
    if len(words) < SENTENCE_MIN_WORDS:
        return False
    lower = len(words) - sum(map(str.isupper, map(itemgetter(0), words)))  # in C: ~4x a generator
    if lower < SENTENCE_MIN_LOWER * len(words):
        return False
    return ends_sentence(text) or bool(_INNER_SENTENCE_END.search(text)) or (
        len(words) >= 20 and "," in text)


SHOWN_MAX_CHARS = 60


def shorten_for_message(text: str) -> str:
    """The text as an edit's message quotes it: at most SHOWN_MAX_CHARS characters.

    >>> shorten_for_message("Related Articles"), len(shorten_for_message("word " * 20))
    ('Related Articles', 60)
    >>> shorten_for_message("word " * 20)[-5:]
    'wo...'
    """
    return text if len(text) <= SHOWN_MAX_CHARS else text[:SHOWN_MAX_CHARS - 3] + "..."
