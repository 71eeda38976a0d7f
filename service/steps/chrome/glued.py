"""Link titles a scraper glued onto the sentence after them ("… – Inside TelecomThis is…").

A scraper glues a link's title onto the text after it; the title starts a
line or follows a sentence end, and its site name runs into the next
sentence without a space. Only the title goes: the sentence stays. The
`chrome` step asks this module about every line it keeps.
"""
from __future__ import annotations

import re

from ...edits import Change
from ...lexicon import function_words, zipf
from ...titles import GLUED_TITLE, LINK_MARKS, title_separator
from . import signals as sig

_GLUE_POINT = re.compile(r"(?<=[a-z0-9])(?=[A-Z“\"‘(\[–—])|(?<=[A-Z])(?=[A-Z][a-z])")
# A link title's separator, its blanks in runs (titles.GLUED_TITLE: a second clean must find the same titles).
_GLUE_SEPARATOR = title_separator(**GLUED_TITLE)
# What a sentence glued onto a site name opens with: a capitalised word, a word in
# capitals ("SPEND a day"), "I" or "A" before a word, a quote before a word, a bracket
# or a dash; not a model number's last letters ("Denon AVR X2300W - ...", "| VX2716A",
# "VX2718-2KPC-MHD"), nor an inch mark ("Ranger 15" | ...").
_SENTENCE_OPENING = re.compile(r"[A-Z][a-z]|[A-Z]{2,}(?![\w-])|[IA](?=[ \t]+\S|[’'][a-z])|[“\"‘](?=\S)|[(\[–—]")
# Characters every separator holds: a few `in` tests are cheaper than a regex search.
_GLUE_MARKS = (*LINK_MARKS, "::")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z0-9])")


def find_glued_titles(line: sig.Line, language: str) -> list[Change]:
    """Delete "Title – Site" link titles glued onto a sentence of the line.

    A scraper glues a link's title onto the text after it; the title starts a
    line or follows a sentence end, and its site name runs into the next
    sentence without a space.

    >>> l = sig.Line(0, 80, "Big news today – Inside TelecomThis is a huge update for all the readers.")
    >>> [(c.start, c.end) for c in find_glued_titles(l, "en")]
    [(0, 31)]
    """
    if not any(map(line.text.__contains__, _GLUE_MARKS)) or not _GLUE_SEPARATOR.search(line.text):
        return []  # glued_title_end needs a separator: most paragraphs have none
    changes, taken = [], 0
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(line.text)]
    for start in starts[:50]:
        if start < taken:
            continue
        cut = glued_title_end(line.text[start:], language)
        if cut is not None:
            glued = line.text[start:start + cut]
            changes.append(Change(line.start + start, line.start + start + cut, "", "chrome.glued_title",
                                  f"removed link title {glued!r} glued onto the sentence after it", 0.85))
            taken = start + cut
    return changes


def glued_title_end(line: str, language: str) -> int | None:
    """Where a "Title – Site" head glued onto the line's first sentence ends, or None.

    >>> glued_title_end("New satellite launched – WIONThe rocket left at dawn.", "en")
    29
    >>> glued_title_end("Sony shows its console – PlayStation 5 is due in November.", "en") is None
    True
    >>> glued_title_end("LG 65E9 - Sky Q Silver -  Denon AVR X2300W - Monitor Audio Radius", "en") is None
    True
    """
    head = line[:220]
    for sep in _GLUE_SEPARATOR.finditer(head):
        cut = glued_site_end(line, sep.end(), language)
        if cut is not None and is_glued_title(head[:sep.start()], line[sep.end():cut], line[cut:], language):
            return cut
    return None


def is_glued_title(title: str, site: str, after: str, language: str) -> bool:
    """The rule's evidence: may "`title` – `site`", glued onto `after`, be deleted?

    Deleting article text is the worst edit the service makes, so the span must
    read as a link title on every count: a short capitalised title
    (`looks_like_title`) that does not read as a sentence (`reads_as_sentence`),
    a site's name after the separator, and a sentence opening right after the
    glue (`opens_sentence`).

    >>> is_glued_title("Talks resume after border standoff", "The Print", "The two sides met.", "en")
    True
    >>> is_glued_title("Markets close higher on trade hopes", "The Diplomat", "“We are not there yet,” he said.", "en")
    True

    A sentence before a dash is the article's, whatever follows the dash:

    >>> is_glued_title("As the probe reads the soil, the model is updated", "NASA", "The rover drove on.", "en")
    False
    >>> is_glued_title("“Buy this lens if you shoot the night sky.”", "Astro", "Photography", "en")
    False

    A model number's last letter, or a product card's name, is no sentence:

    >>> is_glued_title("Gaming Monitor with USB-C 27 inch", "VX2716", "A", "en")
    False
    >>> is_glued_title("Trail Running Shoes (TRS)", "Tech", "Loom Dream. Color Black.", "en")
    False

    Nor is a code cut in two ("U+0080 – U+07FF"), nor a table's next cell:

    >>> is_glued_title("Codes from U+0080", "U+07", "FF take two bytes.", "en")
    False
    >>> is_glued_title("Small teams on a budget", "Go", "Team | Cheap and simple for a start", "en")
    False
    """
    letters = site[-1:].isalpha() and after[:1].isalpha()
    return (looks_like_title(title) and sig.is_site_name(site) and _SITE_WORDS.fullmatch(site) is not None
            and not reads_as_sentence(title, language) and opens_sentence(after, letters))


# A site's name is words of letters and digits ("News18", "Reuters.com", "AT&T"):
# "U+07" in "U+0080 – U+07FF" is a code cut in two.
_SITE_WORDS = re.compile(r"[\w.&'’-]+(?: [\w.&'’-]+)*")
# A link title is a headline: a span in sentence case longer than this reads as
# a sentence (a title in headline case may run to looks_like_title's 25 words).
TITLE_MAX_WORDS = 12
# Function words make this share of a span of PROSE_MIN_WORDS or more in prose
# (a sentence's median is ~0.46 with justext's English list, a link title's ~0.3).
PROSE_FUNCTION_SHARE = 0.4
PROSE_MIN_WORDS = 8
# Headline case: this share of a span's words capitalised, function words too
# ("How Many Watts Does a Computer Use?"); a German sentence capitalises its
# nouns, not its articles and verbs.
HEADLINE_CASE_SHARE = 0.6
# A comma before a lower-case word joins clauses ("…samples, the model is…");
# a headline's comma joins names or items ("Tested, Reviewed", "Trump, Xi meet").
_COMMA_WORD = re.compile(r",\s+[\"“‘(]?([^\W\d_])")
_FULL_STOP = ".!…。！"
_CLOSERS = "\"'”’)]"


def reads_as_sentence(span: str, language: str) -> bool:
    """True when a span reads as a sentence rather than a link title.

    Any one cue is enough: it ends like a sentence (a full stop or "!"; a "?"
    unless in headline case, as a question headline is), a clause comma; and,
    unless in headline case, function words at prose's rate for its language or
    more words than a headline has.

    >>> reads_as_sentence("Huawei has lost the Romanian 5G market", "en")
    False
    >>> reads_as_sentence("How Many Watts Does a Computer Use?", "en")
    False
    >>> reads_as_sentence("They keep coming out with new ways to make it easier for us", "en")
    True
    >>> reads_as_sentence("When the rain stopped, the crews went back to work", "en")
    True
    >>> reads_as_sentence("Die Minister haben sich in Tokio auf einen neuen Plan für die Netze geeinigt", "de")
    True
    """
    words = sig.words_of(span)
    if not words:
        return False
    headline_case = is_headline_case(words)
    body = span.rstrip().rstrip(_CLOSERS)
    if (body and body[-1] in _FULL_STOP) or (body.endswith("?") and not headline_case):
        return True
    if any(m.group(1).islower() for m in _COMMA_WORD.finditer(span)):
        return True
    if headline_case:
        return False
    if len(words) > TITLE_MAX_WORDS:
        return True
    stopwords = function_words(language)
    share = sum(w.lower() in stopwords for w in words) / len(words)
    return bool(stopwords) and len(words) >= PROSE_MIN_WORDS and share >= PROSE_FUNCTION_SHARE


def is_headline_case(words: list[str]) -> bool:
    """True when HEADLINE_CASE_SHARE of the words are capitalised, function words too.

    >>> is_headline_case("How Many Watts Does a Computer Use".split()), is_headline_case("It is a use".split())
    (True, False)
    """
    return sum(w[0].isupper() for w in words) >= HEADLINE_CASE_SHARE * len(words)


# A capital glued onto a site's last letter ("TelecomThis", "WIONThe") may be one
# brand's name ("TechLoom", "PCPartPicker"): then the text after it must open a
# sentence of at least this many words, one in lower case, not a name ("Loom
# Dream.", "Focus SA | University Health").
GLUED_MIN_WORDS = 3
# The first sentence of a text: up to a mark after a word of two letters or more
# ("U.S." does not end one), or to the line's end.
_FIRST_SENTENCE = re.compile(r"(?:[^\n]*?[^\W\d_]{2}[.!?…](?=[\"'”’)]*(?:\s|$)))|[^\n]*")


def opens_sentence(after: str, letters: bool = False) -> bool:
    """True when the text glued onto a site name opens a sentence (whose words no bar parts).

    `letters`: the glue joins a letter to a capital ("TechLoom"), as a brand's
    name does: the sentence must have GLUED_MIN_WORDS words, one of them in
    lower case.

    >>> opens_sentence("This is a huge update."), opens_sentence("“We are not there yet,” he said.")
    (True, True)
    >>> opens_sentence("A"), opens_sentence("KPC-MHD"), opens_sentence("I think so.")
    (False, False, True)
    >>> opens_sentence("Loom Dream. Color Black.", letters=True), opens_sentence("China’s leaders met.", letters=True)
    (False, True)
    >>> opens_sentence("Focus SA | University Health", letters=True), opens_sentence('" | Bonfire 19.5"')
    (False, False)
    >>> opens_sentence("Team | Cheap and simple for a start", letters=True)
    False
    """
    if not _SENTENCE_OPENING.match(after) or not sig.words_of(after):
        return False
    first = _FIRST_SENTENCE.match(after).group(0)
    if " | " in first:
        return False  # a bar parts a table's cells or a list of links, never a sentence's words
    if not letters:
        return True
    words = sig.words_of(first)
    return len(words) >= GLUED_MIN_WORDS and any(w.islower() for w in words)


def looks_like_title(title: str) -> bool:
    """Three to 25 words, capitalised, no sentence end inside.

    >>> looks_like_title("Huawei has lost the Romanian 5G market"), looks_like_title("It rained. Then")
    (True, False)
    """
    words = title.split()
    return (3 <= len(words) <= 25 and (title[:1].isupper() or title[:1].isdigit())
            and not re.search(r"[.!?]\s", title))


def alnum_run_at(word: str, pos: int) -> str:
    """The run of letters and digits of `word` around `pos`.

    >>> alnum_run_at("Reuters.comThe", 11), alnum_run_at("PlayStation", 4)
    ('comThe', 'PlayStation')
    """
    start, end = pos, pos
    while start > 0 and word[start - 1].isalnum():
        start -= 1
    while end < len(word) and word[end].isalnum():
        end += 1
    return word[start:end]


def glued_site_end(line: str, start: int, language: str) -> int | None:
    """Offset where a site name starting at `start` runs into the next sentence.

    The site is one to four capitalised words; its last word is glued onto a
    sentence start ("TelecomThis", "TimesI", "WIONThe"). A glued word the
    dictionary knows ("PlayStation", "YouTube") is a brand, not a glue.
    Whether the site and what follows it are what they seem is is_glued_title's
    question.

    >>> line = "Talks resume – The PrintThe two sides met."
    >>> line[15:glued_site_end(line, 15, "en")]
    'The Print'
    """
    pos = start
    for _ in range(4):
        m = re.match(r"\S+", line[pos:])
        if not m or not (m.group(0)[:1].isupper() or m.group(0)[:1].isdigit()):
            return None
        word = m.group(0)
        glue = next((g.start() for g in _GLUE_POINT.finditer(word) if g.start() >= 2), None)
        if glue is not None:
            # a letter glued onto a letter may be a brand ("PlayStation"): ask the dictionary
            joined = alnum_run_at(word, glue)
            known = word[glue].isalpha() and zipf(joined, language) > 0
            if known or is_trademark(word, glue):
                return None
            return pos + glue
        pos += len(word)
        if line[pos:pos + 1] != " ":
            return None
        while line[pos:pos + 1] == " ":
            pos += 1
    return None



def is_trademark(word: str, glue: int) -> bool:
    """True when the run glued at `glue` carries a trademark sign: one brand ("JoyLab™"), not two words.

    >>> is_trademark("JoyLab™", 3), is_trademark("TelecomThis", 7)
    (True, False)
    """
    run = alnum_run_at(word, glue)
    after = word.find(run, max(0, glue - len(run))) + len(run)
    return word[after:after + 1] in ("™", "®")
