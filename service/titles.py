"""A title's parts: the one place that reads "Story | Site" as parts, and the marks between them.

A page's <title>, and a link's title, join a story's or a product's name and
the site's with a mark between blanks: "Bridge closed | City News",
"City News – Bridge closed", "Arrival T-Shirt - Black · Gymshark". Three
readers split titles; they share SEPARATOR_MARKS and differ on purpose in
what else separates, each difference a named option of `title_separator`:

- `colon`: "spaced" reads " : " (the guard by the page's name, which weighs
  each part as a name: "Bridge: the vote" is one name); "after" reads ": "
  after a word (the headline finder: a shop's "Hiking Boots: Shop Boots for
  Hiking" repeats its <h1> before the colon); "double" reads " :: " (a link's
  title, "Title :: Site", whose single colon is a subtitle's).
- `slash`: " / " too ("Story / Section"), for the guard by the page's name.
- `bare_pipe`: "|" without blanks ("Robotic Vacuum|Slam Mapping"), for the
  headline finder: a shop's title, never prose.
- `link`: a link's title inside a line of text: the blanks are single spaces
  and a bullet is no separator ("Home • News • Sports" is a menu's line, and
  a tab or a no-break space around a mark lays out a table or a price).
- `blank_runs` (with `link`): runs of spaces and tabs around the mark, for a
  link's title glued onto a sentence ("Sky Q Silver -  Denon"): the whitespace
  step makes a run one space, and a second clean must find the same titles.

>>> split_title("Bridge closed | City News")
['Bridge closed', 'City News']
>>> split_title("Hiking Boots: Shop | REI", **HEADLINE_TITLE)
['Hiking Boots', 'Shop', 'REI']
>>> split_title("Robotic Vacuum|Slam Mapping", **HEADLINE_TITLE), split_title("Robotic Vacuum|Slam Mapping")
(['Robotic Vacuum', 'Slam Mapping'], ['Robotic Vacuum|Slam Mapping'])
>>> split_title("Story / Section", **PAGE_TITLE), split_title("Story / Section")
(['Story', 'Section'], ['Story / Section'])
>>> split_last_separator("Talks resume – Inside Telecom", **LINK_TITLE)
('Talks resume', 'Inside Telecom')
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType

# The marks a title's parts are joined with, each between blanks: "Story | Site",
# "Site – Story", "Name — Site", "Name - Colour", "Name · Site", "Name • Site".
SEPARATOR_MARKS = "|–—-·•"
# A link's title inside a line: a bullet between blanks starts a menu's next item.
LINK_MARKS = SEPARATOR_MARKS.replace("•", "")

# The readers' options, each named once (read-only: a caller cannot change another's reading).
# The guard by the page's name (html.named): " : " and " / " too.
PAGE_TITLE = MappingProxyType({"slash": True})
# The headline finder (chrome.headline): "Name: Kind" and an unspaced "|" too.
HEADLINE_TITLE = MappingProxyType({"colon": "after", "bare_pipe": True})
# A link's title in a line (chrome.signals.split_site_title): single spaces, " :: ", no bullet.
LINK_TITLE = MappingProxyType({"link": True, "colon": "double"})
# A link's title glued onto the sentence after it (chrome.glued): as LINK_TITLE, blanks in runs.
GLUED_TITLE = MappingProxyType({**LINK_TITLE, "blank_runs": True})


@lru_cache(maxsize=None)
def title_separator(*, colon: str = "spaced", slash: bool = False, bare_pipe: bool = False,
                    link: bool = False, blank_runs: bool = False) -> re.Pattern:
    """The pattern of what separates a title's parts, with the options the module's docstring names.

    >>> title_separator(**LINK_TITLE).pattern
    ' [\\\\|–—\\\\-·] | :: '
    >>> bool(title_separator(link=True).search("a\\u00a0|\\u00a0b")), bool(title_separator().search("a\\u00a0|\\u00a0b"))
    (False, True)
    """
    if colon not in ("spaced", "after", "double"):
        raise ValueError(f"colon must be 'spaced', 'after' or 'double', not {colon!r}")
    if blank_runs and not link:
        raise ValueError("blank_runs reads a link's title: link=True")
    marks = LINK_MARKS if link else SEPARATOR_MARKS
    marks += ":" if colon == "spaced" else ""
    marks += "/" if slash else ""
    blank = r"[ \t]+" if blank_runs else " " if link else r"\s"
    alternatives = [f"{blank}[{re.escape(marks)}]{blank}"]
    if bare_pipe:
        alternatives.append(r"\s*\|\s*")
    if colon == "after":
        alternatives.append(r":\s")
    elif colon == "double":
        alternatives.append(f"{blank}::{blank}")
    return re.compile("|".join(alternatives))


def split_title(title: str, **options) -> list[str]:
    """The title's parts between separators (`title_separator(**options)`), as they stand: a blank
    the separator did not take stays (" a |  b" gives " a" and " b"), for the caller to strip.

    >>> split_title("Arrival T-Shirt - Black · Gymshark")
    ['Arrival T-Shirt', 'Black', 'Gymshark']
    >>> split_title("")
    ['']
    """
    return title_separator(**options).split(title)


def has_separator(text: str, **options) -> bool:
    """Whether `text` holds a separator of a title (`title_separator(**options)`).

    >>> has_separator("June 9 – City @ Venue", **LINK_TITLE), has_separator("Mid-term results", **LINK_TITLE)
    (True, False)
    """
    return title_separator(**options).search(text) is not None


def split_last_separator(text: str, **options) -> tuple[str, str] | None:
    """(before, after) the last separator of `text`, both stripped; None when it has none but at its start.

    The last is the separator that starts last, overlapping ones too ("a - - b": the second).

    >>> split_last_separator("Huawei has lost – the market | Inside Telecom", **LINK_TITLE)
    ('Huawei has lost – the market', 'Inside Telecom')
    >>> split_last_separator("- Building Permit", **LINK_TITLE) is None
    True
    """
    pattern = title_separator(**options)
    last, pos = None, 0
    while (m := pattern.search(text, pos)) is not None:
        last, pos = m, m.start() + 1
    if last is None or last.start() == 0:
        return None
    return text[:last.start()].strip(), text[last.end():].strip()
