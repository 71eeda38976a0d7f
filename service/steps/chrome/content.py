"""Shapes of a page's own content that menus and link lists lack, in any language.

A scraper cuts code listings, tables, product and recipe lists into short lines
that look like a menu's labels; these shapes say they are content: a line of
code, a price, a quantity, a time or a score, table cells, a long line of
comma-separated items, a "Term – description" item. The `chrome` step keeps
them (`step.py`, `guard.py`, `recurring.py`); `signals.is_menu_item` never
counts a code line as a label.

>>> is_list_content("2 cups flour"), is_code_like("await asyncio.sleep(1)"), is_enumeration("Home News Sport")
(True, True, False)
"""
from __future__ import annotations

import re

# A line of code: a call or a signature, an assignment, a statement's end, or
# a line that opens with one of the keywords most languages share (lower case,
# as code writes them; a menu's "Return policy" is capitalised). A scraper
# cuts a code listing into such lines; they are neither labels nor links.
# Configuration and syntax listings have shapes of their own: a snake_case
# identifier, a quoted JSON key, a lower-case YAML key before its value, a
# comment or a shell prompt, a syntax synopsis's "[ optional ]" or a line of
# brackets alone, two Markdown code spans (an API reference's parameter list), or
# a shell command: a lower-case command word, then an option ("git branch topic -d").
# Interface text has none of them: its labels are words.
# The shapes a line can only open with (tried at its start, `_CODE_START.match`) ...
_CODE_OPENINGS = (
    r"\(\s*[a-z_]\w*\s*[,)]|(?:def|class|import|from|return|yield|const|let|var|function"
    r"|async|await|print|if|for|while|elif|else|try|except|catch|public|private|static|void|int|fn)\b"
    r"|\"[^\"\s][^\"]{0,40}\"\s?:|(?:-\s)?[a-z][\w-]*:\s+\S"
    r"|(?:#|//|--)\s\S|\$\s[a-z]|[\[{]\s|[\[\]{}()]+[,;]?$"
    r"|[a-z][\w.+]*(?:\s+[\w./:@=+-]+)*?\s+--?[a-z](?:[\w-]*\w)?(?:\s|$)")
# ... and those anywhere in it, each of which needs one of _CODE_NEEDLES in the
# line or one of _CODE_ENDS at its end
_CODE_ANYWHERE = (
    r"\b[a-z_][\w.]*\((?![A-Z])|\):$|[;{]$|\s=\s|=>|->|::"
    r"|(?<![@\w?&=/.])[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\b|\s[\]}]$"
    r"|`[^`\s][^`]*`[^`]*`[^`\s][^`]*`")
_CODE_NEEDLES = ("(", "=", "->", "::", "_", "`")
_CODE_ENDS = ("):", ";", "{", "]", "}")
_CODE_START = re.compile(_CODE_OPENINGS)
_CODE_LINE = re.compile(rf"{_CODE_ANYWHERE}|^(?:{_CODE_OPENINGS})")


def is_code_like(text: str) -> bool:
    """True for a line that reads as code rather than as a label.

    >>> is_code_like("def starmap"), is_code_like("await asyncio.sleep(1)"), is_code_like("( function , iterable ):")
    (True, True, True)
    >>> is_code_like("Return policy"), is_code_like("World News"), is_code_like("Boy Friend(WATCH VIDEO)")
    (False, False, False)
    >>> is_code_like("[ WHERE condition ]"), is_code_like("max_connections 100"), is_code_like('"name": "web",')
    (True, True, True)
    >>> is_code_like("image: nginx:1.25"), is_code_like("# restart the workers"), is_code_like("}")
    (True, True, True)
    >>> is_code_like("Contact: Sales"), is_code_like("#1 Bestseller"), is_code_like("[edit]"), is_code_like("@jane_doe")
    (False, False, False, False)
    >>> is_code_like("* `hostname` {string} * `callback` {Function}"), is_code_like("Use `npm` to install it")
    (True, False)
    >>> is_code_like("git branch topic -d"), is_code_like("make -j4 install"), is_code_like("Home News -- Sport")
    (True, True, False)
    >>> is_code_like("Sign in - Register"), is_code_like("news - sport - weather")
    (False, False)
    """
    text = text.strip()
    if _CODE_MARKS.isdisjoint(text):
        first = _FIRST_WORD.match(text)
        if first is None or first.group() not in _CODE_KEYWORDS:
            return False  # no character any code shape needs: most lines, without the regex
    if (_CODE_START.match(text) is None and not text.endswith(_CODE_ENDS)
            and not any(map(text.__contains__, _CODE_NEEDLES))):
        return False  # prose with a hyphen or a colon: the regex tried at every character cost more
    return _CODE_LINE.search(text) is not None


def is_code_token(texts: list[str], i: int) -> bool:
    """True when line i is one lower-case word of a code listing a scraper cut into lines.

    A call is cut at its name ("print", then "( r.url)"), and a keyword
    stands between two lines of code: there "print" or "share" is no button.
    A button's label is capitalised, or stands beside other labels.

    >>> is_code_token(["** kwargs):", "print", "( r.", "url)"], 1), is_code_token(["Share", "print", "Email"], 1)
    (True, False)
    >>> is_code_token(["A paragraph about it.", "Print", "( see below)"], 1)
    False
    """
    word = texts[i].strip()
    if not word.isalpha() or not word.islower():
        return False
    after = texts[i + 1].lstrip() if i + 1 < len(texts) else ""
    return after.startswith("(") or (i > 0 and is_code_like(texts[i - 1])) or is_code_like(after)


# A label inside a sentence: the line above holds at least IN_SENTENCE_MIN_WORDS
# words and ends on a word no sentence ends on (an article, a possessive, a
# conjunction: "a construct such as", "see our"; not a preposition, which ends
# many a headline: "symptoms to watch for"). The phrase rules whose lines this
# keeps are English, and so is the list.
IN_SENTENCE_MIN_WORDS = 3
IN_SENTENCE_MAX_WORDS = 3
OPEN_ENDED_WORDS = frozenset("the a an our your my their and or nor than as of".split())
# A sentence's end right after the label: "to reference", "X", "."
_CLOSING = frozenset(".,;)")


def in_sentence(texts: list[str], i: int) -> bool:
    """True when short line i is a word of a sentence a scraper cut at an inline element.

    A <code> or a link breaks a scraper's line: "a construct such as", "X",
    "RIGHT JOIN". The line above ends on a word no sentence ends on
    (OPEN_ENDED_WORDS), or on a lower-case word with the sentence's end right
    after the label ("X."): the label goes on with it. A button ("X", "Share")
    stands between paragraphs or beside other buttons, never mid-sentence.

    >>> in_sentence(["Thus, although a construct such as", "X", "RIGHT JOIN"], 1)
    True
    >>> in_sentence(["it is not allowed for Y to reference", "X."], 1)
    True
    >>> in_sentence(["The ministers met in Tokyo.", "X", "Facebook"], 1), in_sentence(["About the", "X"], 1)
    (False, False)
    >>> in_sentence(["(46 KiB) Downloaded 453 times", "Top"], 1), in_sentence(["Steam for the system", "Recommended:"], 1)
    (False, False)
    >>> in_sentence(["Symptoms to watch for", "Newsletters"], 1), in_sentence(["Add to bag", "Loading..."], 1)
    (False, False)
    """
    if i == 0 or len(texts[i].split()) > IN_SENTENCE_MAX_WORDS:
        return False
    above = texts[i - 1].split()
    if len(above) < IN_SENTENCE_MIN_WORDS or not (above[-1].isalpha() and above[-1].islower()):
        return False
    after = texts[i + 1].lstrip()[:1] if i + 1 < len(texts) else ""
    label = texts[i].rstrip()
    return (above[-1] in OPEN_ENDED_WORDS or after in _CLOSING
            or (label.endswith(".") and not label.endswith("..")))  # a full stop, not "Loading..."


# Every shape of _CODE_LINE but its opening keywords needs one of these characters
_CODE_MARKS = frozenset('()[]{};:=>-_"#/$`')
_CODE_KEYWORDS = frozenset("""def class import from return yield const let var function async await print if
for while elif else try except catch public private static void int fn""".split())
_FIRST_WORD = re.compile(r"[a-z]+")

# An enumeration: at least this many commas on a line of at least
# ENUM_MIN_WORDS words (an ingredient list, a spec line, a cast list, a
# paper's four authors).
# It has no function words yet is the page's content, not a menu: menus and
# tag lists come one label a line in scraped text.
ENUM_MIN_COMMAS = 3
ENUM_MIN_WORDS = 8


def is_enumeration(text: str) -> bool:
    """True for a long line of comma-separated items.

    >>> is_enumeration("Jojoba Seed Oil, Castor Seed Oil, Grapefruit Seed Extract, Glycerin, Citric Acid, Limonene")
    True
    >>> is_enumeration("Home News Sport World Business Technology Science Health Travel")
    False
    >>> is_enumeration("Maria Lopez , Kenji Tanaka , David Okafor , Anna Schmidt")  # a paper's authors
    True
    """
    return text.count(",") >= ENUM_MIN_COMMAS and len(text.split()) >= ENUM_MIN_WORDS


# Lines of list-like content: a price, a quantity with its unit, a time of
# day, a score, or table cells. Related-link titles and menu labels rarely
# carry them; products, recipes, schedules and tables always do.
_LIST_CONTENT = re.compile(
    r"[$€£¥₹₩]\s?\d|\d(?:[.,]\d+)?\s?(?:€|\$|£|kr|zł|Kč|руб|₽|₩|₹|USD|EUR|GBP)\b"
    r"|(?:^|[\s(])\d+(?:[.,/]\d+)?\s?(?-i:g|kg|mg|ml|l|dl|cl|oz|lb|lbs|tsp|tbsp|cups?|EL|TL|St)\b\.?"
    r"|\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?|h|uhr)?\b|\b\d{1,3}\s?[-–:]\s?\d{1,3}\b|\t|\s\|\s.*\s\|\s|^\|.*\|", re.I)
# Three numbers on a line: a spec sheet, a table row, a score line.
_NUMBER = re.compile(r"\d+")
# What every alternative of _LIST_CONTENT and _NUMBER needs: a digit, a tab or
# a bar. One character class is scanned in C at a fraction of the cost of
# trying the alternation (case-insensitive) at every position of prose.
_LIST_MARK = re.compile(r"[\d\t|]")


# A definition item: a capitalised term, a dash, and a description of five
# words or more that goes on in lower case ("Compact Footprint – maximize
# workspace with straight up-and-down movement"): a feature, a plan or a
# glossary entry. A link title puts a site's name after its dash, and a
# headline's tag after one is short ("– as it happened").
_DEFINITION = re.compile(r"(?:[-*•]\s)?[A-Z][^–—]{1,60}?\s[–—-]\s[a-z]\S*(?:\s+\S+){4,}")


def is_definition_item(text: str) -> bool:
    """True for a "Term – lower-case description" line (see _DEFINITION).

    >>> is_definition_item("Gas Spring Adjustment – safe, stable, and easy transitions between sitting & standing")
    True
    >>> is_definition_item("Huawei has lost the Romanian 5G market – Inside Telecom")
    False
    >>> is_definition_item("Fed raises rates again – as it happened")
    False
    """
    return _DEFINITION.fullmatch(text.strip()) is not None


# A line that is a price alone ("£88", "From $32", "149,00 €"): a product card's,
# whose name stands on the lines above it.
_PRICE = re.compile(r"(?:[^\W\d]{1,5}\.?\s)?(?:[$€£¥₹]\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|kr|zł|Kč|₽|USD|EUR|GBP|CHF))"
                    r"(?:\s?[A-Z]{3})?")


def is_price(text: str) -> bool:
    """True for a line that is a price and nothing else (a word before it at most).

    >>> is_price("£88"), is_price("From $32"), is_price("149,00\xa0€"), is_price("$20.00 USD")
    (True, True, True, True)
    >>> is_price("Free shipping on orders over £30"), is_price("2026"), is_price("Sale price")
    (False, False, False)
    """
    return _PRICE.fullmatch(text.strip()) is not None


def has_price(text: str) -> bool:
    """True when `text` holds a price somewhere (a product card's, `html.cardlines`).

    >>> has_price("Brass lamp\\n$20.00"), has_price("Lamp 149,00 €"), has_price("Lamps since 1920")
    (True, True, False)
    """
    return _PRICE.search(text) is not None


# The list markers of a list someone wrote (Markdown's, a text export's): a scraper's
# get_text writes none, and the HTML extractor writes none either.
WRITTEN_MARKERS = ("- ", "* ", "• ")


# An item that reads as a writer's line: this many words, this share of them function
# words (a menu's labels have none; "Terms of Use" is too short to count).
ITEM_MIN_WORDS = 6
ITEM_MIN_STOP_DENSITY = 0.1


def reads_as_item(shape) -> bool:
    """True for a line (its signals.Shape) long enough and with function words enough to be a writer's item."""
    return shape.words >= ITEM_MIN_WORDS and shape.stop_density >= ITEM_MIN_STOP_DENSITY


def in_written_list(texts: list[str], i: int, worded: list[bool]) -> bool:
    """True for an item of a list someone wrote, beside an item of it that reads as a writer's.

    A change log's entry ("* typed arrays: fix 32 bit size/index overflow (Ben
    Noordhuis)") has no function word, yet a neighbour with the same marker has
    them ("* http: Improve performance of single-packet responses"; `worded`:
    prose, or reads_as_item): one list, the writer's. A menu's items are labels
    beside labels.

    >>> in_written_list(["* http: Improve the speed of the parser", "* typed arrays: fix 32 bit overflow"],
    ...                 1, [True, False])
    True
    >>> in_written_list(["The minister said on Friday that talks resume.", "* Home News Sport World Business"],
    ...                 1, [True, False])
    False
    """
    marker = texts[i][:2]
    if marker not in WRITTEN_MARKERS:
        return False
    return any(0 <= j < len(texts) and worded[j] and texts[j].startswith(marker) for j in (i - 1, i + 1))


# A Markdown link's target ("[Help](./doc/issues.md#help)") and an autolink ("<https://...>"):
# addresses, not words a reader reads. A scraper's text has none (it keeps the link's words).
_LINK_TARGET = re.compile(r"(?<=\])\([^()\s]*\)|<https?://[^<>\s]*>")


def without_link_targets(text: str) -> str:
    """The text without Markdown link targets and autolinks, whose pieces are no words.

    >>> without_link_targets("* [#1645](https://example.org/issues/1645) fs: Add the flag to fs.open (Ada Lin)")
    '* [#1645] fs: Add the flag to fs.open (Ada Lin)'
    >>> without_link_targets("See <https://example.org/a-b-c> for more")
    'See  for more'
    """
    return _LINK_TARGET.sub("", text)


def is_list_content(text: str) -> bool:
    """True for a list item of the article's own kind (see _LIST_CONTENT).

    >>> is_list_content("Sonos Move for $400"), is_list_content("2 cups flour"), is_list_content("Mon 7:30 pm Yoga")
    (True, True, True)
    >>> is_list_content("MacBook Air, 13-inch, M5 Chip, 16GB memory"), is_list_content("Markets close higher")
    (True, False)
    >>> is_list_content("Huawei has lost the Romanian 5G market")
    False
    >>> is_list_content("| Examples | Results |")  # a table row written in Markdown
    True
    """
    mark = _LIST_MARK.search(text)
    if mark is None:
        return False
    # no alternative of _LIST_CONTENT starts more than 2 characters before its
    # mark ("$ 5"); a search from a later position still sees the text before
    # it for \b and \s
    return (_LIST_CONTENT.search(text, max(0, mark.start() - 2)) is not None
            or len(_NUMBER.findall(text)) >= 3)


def _title_key(text: str) -> str:
    """A title's words, lower case, without punctuation ("Mesh-office-chair" -> "mesh office chair")."""
    return " ".join(re.findall(r"\w+", text.lower()))


def is_own_title(texts: list[str], title: str, headed: list[bool]) -> bool:
    """Whether a page's first line "Title | Site" is the page's only title (content, not chrome).

    A scraper writes the document's <title> first. A news page repeats its
    title as a headline (a kept line of its own: `headed` says which lines
    are kept), so the first line is a duplicate and can go. A shop's or a
    listing's page has no other headline: its title line is the one place
    the page says what it is. A breadcrumb repeating it is chrome and does
    not count as a headline.

    >>> is_own_title(["Mesh Office Chair | NBF", "Home", "Mesh-office-chair"], "Mesh Office Chair",
    ...              [False, False, False])
    True
    >>> is_own_title(["Talks resume | The Print", "Talks resume", "Delhi said..."], "Talks resume",
    ...              [False, True, True])
    False
    """
    key = _title_key(title)
    return not any(kept and _title_key(t) == key for t, kept in zip(texts[1:], headed[1:]))


def own_items(titles: list, prose_texts: list[str], cells: list) -> list[int]:
    """Indices of the "Title – Site" lines (titles: (title, site) or None per block) that are the page's own.

    A link title names another page: its words stand on the link, not in the
    article, and a site names many titles. Lines shaped like one are the
    page's own items when
    - the page's prose names the title (three words or more: split_site_title,
      whole and with the same case): a roundup's picks ("Bear Elite Hybrid –
      Best Value"), each reviewed in the paragraphs below;
    - one title stands with two or more descriptors: variants of one item
      ("Buy Forza Horizon 5 - Deluxe Edition", "... - Premium Edition");
    - the line stands right above a table's rows (`cells`: signals.mark_cells):
      the table's caption.

    >>> own_items([None, ("Bear Elite Hybrid", "Best Value"), ("Talks resume after standoff", "The Print")],
    ...           ["The Bear Elite Hybrid is a firm hybrid mattress with coils."], [])
    [1]
    >>> own_items([("Buy Forza Horizon 5", "Deluxe Edition"), ("Buy Forza Horizon 5", "Premium Edition")], [], [])
    [0, 1]
    >>> own_items([None, ("US Property and Casualty", "Policyholders Surplus"), None], [], [False, False, True])
    [1]
    """
    if not any(titles):
        return []
    sites: dict = {}
    for pair in titles:
        if pair:
            sites.setdefault(pair[0], set()).add(pair[1])
    named = titles_in_prose(list(sites), prose_texts)
    return [i for i, pair in enumerate(titles)
            if pair and (len(sites[pair[0]]) >= 2 or (i + 1 < len(cells) and cells[i + 1]) or pair[0] in named)]


# Words of a title compared at most: a longer title is named when its first this many are.
TITLE_KEY_WORDS = 12


def titles_in_prose(titles: list[str], prose_texts: list[str]) -> set[str]:
    """The titles whose words stand in one of the texts, in order and with the same case.

    Read as runs of word characters (punctuation between them is not compared), so that
    a page of many titles and paragraphs costs one pass per distinct title length, not a
    search of the whole prose per title.

    >>> sorted(titles_in_prose(["Bear Elite Hybrid", "Talks resume", "elite hybrid"], ["The Bear Elite Hybrid is firm."]))
    ['Bear Elite Hybrid']
    """
    keys = {title: tuple(_WORD_RUN.findall(title)[:TITLE_KEY_WORDS]) for title in titles}
    wanted: dict = {}  # first word -> {length: keys}
    for key in keys.values():
        if key:
            wanted.setdefault(key[0], {}).setdefault(len(key), set()).add(key)
    seen: set = set()
    for prose in prose_texts:
        words = _WORD_RUN.findall(prose)
        for k, word in enumerate(words):
            for n, found in wanted.get(word, {}).items():
                key = tuple(words[k:k + n])
                if key in found:
                    seen.add(key)
    return {title for title, key in keys.items() if key and key in seen}


_WORD_RUN = re.compile(r"\w+")
