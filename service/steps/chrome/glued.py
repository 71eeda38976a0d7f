"""Link titles a scraper glued onto the sentence after them ("… – Inside TelecomThis is…").

A scraper glues a link's title onto the text after it; the title starts a
line or follows a sentence end, and its site name runs into the next
sentence without a space. Only the title goes: the sentence stays. The
`chrome` step asks this module about every line it keeps.
"""
from __future__ import annotations

import re

from ...edits import Change
from ...lexicon import zipf
from . import signals as sig

_GLUE_POINT = re.compile(r"(?<=[a-z0-9])(?=[A-Z“\"‘(\[–—])|(?<=[A-Z])(?=[A-Z][a-z])")
# Blanks around the separator may be runs ("Sky Q Silver -  Denon"): the whitespace step
# makes them one space, and a second clean must find the same titles.
_GLUE_SEPARATOR = re.compile(r"[ \t]+[–—|\-][ \t]+")
# What a sentence glued onto a site name opens with: a capitalised word, a word in
# capitals ("SPEND a day"), "I" or "A", a quote or a bracket; not a model number's last
# letter ("Denon AVR X2300W - ...").
_SENTENCE_OPENING = re.compile(r"[A-Z][a-z]|[A-Z]{2,}\b|[IA](?![\w-])|[“\"‘(\[–—]")
# Characters every separator holds: four `in` tests are cheaper than a regex search.
_GLUE_MARKS = ("–", "—", "|", "-")
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
        if looks_like_title(head[:sep.start()]):
            cut = glued_site_end(line, sep.end(), language)
            if cut is not None:
                return cut
    return None


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
            if (known or is_trademark(word, glue) or not sig.words_of(line[pos + glue:])
                    or not _SENTENCE_OPENING.match(line, pos + glue)
                    or not sig.is_site_name(line[start:pos + glue])):
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
