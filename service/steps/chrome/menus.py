"""Menus and listings for the `chrome` step: runs of short labels, and pages of dated items.

A run of short labels is a menu or a link list when known chrome names it
("Home", "Share"), or when it is long, above the first paragraph, on a page
that shows chrome elsewhere (`mark_menu_runs`). It is not one when its
labels repeat as a table's values do (`has_repeated_labels`), unless whole
sequences of them come back in order (a menu copied whole). A run that
repeats a menu run's labels elsewhere on the page is that menu again
(`mark_menu_echoes`). Once the article is found, a long run outside it is
read again (`late_menu_runs`): below it, one right above removed chrome is
that chrome's first column; above it, a selector's options in alphabetical
order (`is_sorted_run`). A page whose
blocks are largely bylines and datelines is a listing of dated items
(`is_dated_page`): there those lines are the items' own.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from . import signals as sig
from .glued import is_headline_case
from .content import is_price
from .namelists import names_variants
from ...language.words import stem_of

# Bylines and datelines on this many lines of a page are its items' own (a
# listing of stories or jobs): alone, outside the article, they stay; they
# still go inside a list of chrome another piece of evidence started.
LISTING_MIN_METADATA = 6
# ...and when they are this share of its blocks, the page is made of dated
# items (a news index: title, byline, date, teaser): there they start no list
# of chrome even below a long article. A news page's related stories carry
# dates too, but make a smaller part of it (3-11% on the news benchmark).
LISTING_MIN_SHARE = 0.2


# The rule of a dateline ("1d ago", "Nov 7, 2025"): an item's, a post's, a story's date.
DATELINE_RULE = "chrome.phrase.dateline"
# What every item of a listing carries: its author and its date (a section
# label such as "Editorial" heads a menu of names as often as not).
ITEM_METADATA_RULES = ("chrome.phrase.byline", DATELINE_RULE)
# A picture's credit: it stands beside an item of the article (a roundup's
# product, a gallery's photo), so it is no menu's label (a caption's "Hide
# caption" button is).
ITEM_CREDIT_RULES = ("chrome.phrase.photo_credit",)
# A tag or category line ("Tags: India, Japan", "Category:Benchmarking")
# names the values after it, on its line or below it; the short labels above
# it, at the end of the article, are as often the article's own list (a
# wiki's "See also") as a menu.
TAG_RULES = ("chrome.phrase.tags",)
# Lines rules remove anywhere ("Sign in", "Privacy Policy") a page must show
# before a long run of unknown labels counts as its menu: a scraped page has
# dozens, an article's own text (a product's swatches, a spec sheet sent
# clean) none; without them, position alone is no evidence.
MENU_MIN_SHOWN = 2


def mark_menu_runs(blocks: list[sig.Block], matched: list, min_run: int = 3, long_run: int = 6,
                   top: int | None = None, phrases: bool = True, threaded: bool = False,
                   prose: list | None = None) -> list[bool]:
    """True for blocks in a run of short labels that looks like a menu or a link list.

    A run counts when one of its labels is a known chrome phrase ("Home",
    "Share"; not a picture's credit: is_menu_label), or when it is long and ends before block
    `top` (the first paragraph) on a page that shows known chrome elsewhere
    (MENU_MIN_SHOWN; `phrases`: the English phrase rules ran, else no page
    could show any): four short subheadings in a fact-check ("Claim",
    "Rating") are not a menu, nor is one heading below "Trending Now", nor a
    category page's list of categories below its introduction. A run whose
    labels repeat ("Yes", "No", "N/A") is a table's cells: a menu names each
    place once. The run's last label right above a paragraph (`prose`) is that
    paragraph's heading when it is longer than every label of the run
    (heads_paragraph).

    >>> class R: anywhere, id = True, "chrome.phrase.navigation"
    >>> bs = sig.group_blocks(sig.split_lines("Home\\nNews\\nSport\\nA long sentence here, it says."))
    >>> mark_menu_runs(bs, [R(), None, None, None])
    [True, True, True, False]
    >>> mark_menu_runs(bs, [None] * 4)
    [False, False, False, False]
    >>> spec = sig.group_blocks(sig.split_lines("Wired\\nYes\\nWireless\\nYes\\nBluetooth\\nYes\\nHome\\nNo"))
    >>> mark_menu_runs(spec, [None] * 6 + [R(), None])
    [False, False, False, False, False, False, False, False]
    """
    top = len(blocks) if top is None else top
    shown = shows_chrome(matched, phrases)
    dated = threaded or is_dated_page(sum(1 for m in matched if m is not None and m.id in ITEM_METADATA_RULES),
                                      len(blocks))
    flags = label_flags(blocks, matched)
    out = [False] * len(blocks)
    for i, j in sig.true_runs(flags):
        # on a page of dated items, a byline or a dateline is an item's, not a menu's label
        # a tag line at the run's end vouches for no label above it (TAG_RULES)
        known = sum(1 for k in range(i, j) if is_menu_label(matched[k], dated)
                    and not (k == j - 1 and matched[k].id in TAG_RULES))
        bulleted = sum(1 for k in range(i, j) if sig.strip_bullet(blocks[k].text) != blocks[k].text)
        # a lone unknown label beside known chrome is as likely the article's heading
        # a long run of unknown labels is a menu only above the first paragraph (the
        # header's navigation) of a page that shows chrome: further down, or on a
        # page without chrome, it is as likely the page's own list
        # a bulleted list is as often the page's own (a category list, a manual's
        # "See also"): known labels, two of them, make it a menu
        if j - i - known >= 2 and not has_repeated_labels(blocks[i:j], matched[i:j]) and (
                (j - i >= long_run and j <= top and not bulleted and shown)
                or (j - i >= min_run and known >= (2 if bulleted else 1))):
            out[i:j] = [True] * (j - i)
            out[j - 1] = not (prose is not None and heads_paragraph(blocks, matched, prose, i, j))
    return mark_menu_echoes(blocks, matched, flags, out)


def shows_chrome(matched: list, phrases: bool = True) -> bool:
    """True when the page shows known chrome (MENU_MIN_SHOWN lines of rules that hold anywhere),
    or when the phrase rules did not run (`phrases` False: a page in another language, where
    no page could show it).

    >>> class R: anywhere = True
    >>> shows_chrome([R(), None, R()]), shows_chrome([R(), None]), shows_chrome([None], phrases=False)
    (True, False, True)
    """
    return not phrases or sum(1 for m in matched if m is not None and m.anywhere) >= MENU_MIN_SHOWN


def label_flags(blocks: list[sig.Block], matched: list) -> list[bool]:
    """True for the blocks a menu run is made of: short labels (not a card's name) and rules' lines."""
    named = mark_card_names(blocks, matched)
    return [matched[i] is not None or (sig.is_menu_item(b.text) and not named[i]) for i, b in enumerate(blocks)]


# Runs of labels that mark_menu_runs leaves, read again once the article is
# found (late_menu_runs). Below it, a long run of unknown labels is as often
# the page's own list (a manual's index, a shop's categories) as the footer's
# menu; one whose next block or the one after it (a column's heading, a phone
# number between) is chrome already removed is that chrome's first column.
INTO_CHROME_REACH = 2
# Above the article, a selector's options (countries, states, currencies,
# languages) scraped as labels: this many in alphabetical order, on a page
# that shows chrome. A selector may put its commonest options first, hence a
# share of the neighbouring pairs in order. Below the article a sorted run is
# as often the page's own: a category index, a glossary, a contact form's
# fields that a contact page is about.
SORTED_MIN_RUN = 15
SORTED_MIN_IN_ORDER = 0.9


def late_menu_runs(blocks: list[sig.Block], matched: list, removed: list, first: int, last: int,
                   phrases: bool = True, long_run: int = 6) -> list[range]:
    """Runs of `long_run` unknown labels outside the article (blocks first..last) that are menus after all.

    `removed`: True for each block the classifier removes already. Below the
    article, a run that ends within INTO_CHROME_REACH of a removed block;
    above it, a selector's options (is_sorted_run) on a page that shows
    chrome (MENU_MIN_SHOWN; `phrases` as in mark_menu_runs). A run holding a
    known label, a bulleted one, or one whose labels repeat as a table's
    values do (has_repeated_labels) is left to mark_menu_runs.

    >>> bs = sig.group_blocks(sig.split_lines("A long paragraph, it says.\\nAbout\\nCareers\\nPress\\nStores\\nGifts\\nHelp\\n"
    ...                                       "Call 555 0100\\nTerms of Use"))
    >>> late_menu_runs(bs, [None] * 9, [False] * 8 + [True], 0, 0)
    [range(1, 7)]
    >>> late_menu_runs(bs, [None] * 9, [False] * 9, 0, 0), late_menu_runs(bs[:8] + [bs[0]], [None] * 9, [False] * 9, 0, 0)
    ([], [])
    >>> names = [sig.Block(0, 0, 0, 0, t) for t in "Aa Ab Ac Ad Ae Af Ag Ah Ai Aj Ak Al Am An Ao Ap".split()]
    >>> late_menu_runs(names + bs[:1], [None] * 17, [False] * 17, 16, 16, phrases=False)
    [range(0, 16)]
    >>> late_menu_runs(bs[:1] + names, [None] * 17, [False] * 17, 0, 0, phrases=False)
    []
    """
    shown = shows_chrome(matched, phrases)
    out = []
    for i, j in sig.true_runs(label_flags(blocks, matched)):
        if (j - i < long_run or all(removed[i:j]) or any(is_menu_label(matched[k]) for k in range(i, j))
                or any(sig.strip_bullet(b.text) != b.text for b in blocks[i:j])
                or has_repeated_labels(blocks[i:j], matched[i:j]) or names_variants([b.text for b in blocks[i:j]])):
            continue
        if (i > last and any(removed[j:j + INTO_CHROME_REACH])) or (
                j <= first and shown and is_sorted_run(blocks[i:j], matched[i:j])):
            out.append(range(i, j))
    return out


def is_sorted_run(blocks: list[sig.Block], matched: list) -> bool:
    """True for SORTED_MIN_RUN unknown labels in alphabetical order that are not one name's variants.

    >>> countries = "Albania Algeria Andorra Angola Armenia Aruba Austria Bahamas Belgium Benin Bhutan Bolivia Brazil "
    >>> bs = [sig.Block(0, 0, 0, 0, t) for t in (countries + "Brunei Bulgaria Burundi").split()]
    >>> is_sorted_run(bs, [None] * 16), is_sorted_run(bs[::-1], [None] * 16), is_sorted_run(bs[:12], [None] * 12)
    (True, False, False)
    >>> is_sorted_run([sig.Block(0, 0, 0, 0, "Velvet " + b.text) for b in bs], [None] * 16)
    False
    """
    keys = [sort_key(b.text) for b, rule in zip(blocks, matched) if rule is None]
    if len(keys) < SORTED_MIN_RUN:
        return False
    if sum(1 for a, b in zip(keys, keys[1:]) if a <= b) < SORTED_MIN_IN_ORDER * (len(keys) - 1):
        return False
    return not names_variants(keys)


def sort_key(text: str) -> str:
    """A label as an alphabetical list orders it: lower case, without accents or punctuation.

    >>> sort_key("Åland Islands"), sort_key("Côte d’Ivoire / XOF")
    ('aland islands', 'cote divoire  xof')
    """
    letters = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in letters if c.isalnum() or c == " ").strip()


# A run of unknown labels this long, this share of them standing in a menu run
# found elsewhere on the page, is that menu again (the footer's copy of the
# header's sections, a sidebar repeating the top bar): where it stands, or
# whether the page shows other chrome, no longer matters.
ECHO_MIN_RUN = 4
ECHO_MIN_SHARE = 0.6
# ...unless a price stands this many lines from it: then the labels are a card's
# (a plan's features, a product's name and variants) that the menu names too.
ECHO_PRICE_REACH = 12


def mark_menu_echoes(blocks: list[sig.Block], matched: list, flags: list, out: list) -> list[bool]:
    """`out` (mark_menu_runs' runs) with the runs of `flags` that repeat a marked run's labels.

    >>> bs = sig.group_blocks(sig.split_lines("News\\nSport\\nWeather\\nTravel\\nA text.\\nSport\\nNews\\nTravel\\nJobs"))
    >>> flags = [True] * 4 + [False] + [True] * 4
    >>> mark_menu_echoes(bs, [None] * 9, flags, [True] * 4 + [False] * 5)
    [True, True, True, True, False, True, True, True, True]
    >>> mark_menu_echoes(bs, [None] * 9, flags, [False] * 9)
    [False, False, False, False, False, False, False, False, False]
    """
    labels = {label_key(blocks[k]) for k, marked in enumerate(out) if marked and matched[k] is None}
    if not labels:
        return out
    out = list(out)
    for i, j in sig.true_runs(flags):
        unknown = [label_key(blocks[k]) for k in range(i, j) if matched[k] is None]
        if (j - i >= ECHO_MIN_RUN and not any(out[i:j]) and unknown
                and sum(1 for label in unknown if label in labels) >= ECHO_MIN_SHARE * len(unknown)
                and not any(is_price(b.text) for b in blocks[max(0, i - ECHO_PRICE_REACH):j + ECHO_PRICE_REACH])):
            out[i:j] = [True] * (j - i)
    return out


# Words a menu run's last label needs, and more than any other label of
# its run has, to be the heading of the paragraph below it ("Home", "About",
# "Blog", "Support Small, Buy Local", then the section's paragraph).
HEADING_MIN_WORDS = 3


def heads_paragraph(blocks: list[sig.Block], matched: list, prose: list, i: int, j: int) -> bool:
    """True when the last label of the run blocks[i:j] heads the paragraph right after the run.

    >>> bs = sig.group_blocks(sig.split_lines("Home\\nAbout\\nBlog\\nShop Small, Buy Local\\nA paragraph."))
    >>> heads_paragraph(bs, [None] * 5, [False] * 4 + [True], 0, 4), heads_paragraph(bs, [None] * 5, [False] * 5, 0, 4)
    (True, False)
    """
    if j >= len(blocks) or not prose[j] or matched[j - 1] is not None or j - i < 2:
        return False
    words = len(blocks[j - 1].text.split())
    return words >= HEADING_MIN_WORDS and all(len(blocks[k].text.split()) < words for k in range(i, j - 1))


# Lines above a price that name its product (a name, a variant, a "Sale
# price" label): a product grid's card alternates them with its price.
CARD_NAME_LINES = 3


def mark_card_names(blocks: list[sig.Block], matched: list) -> list[bool]:
    """True for the unmatched blocks among the CARD_NAME_LINES above a price line.

    A collection's grid of products reads as a run of short labels broken by
    prices ("The Super Pack", "All three serums", "£88"); a menu's labels
    carry no price of their own.

    >>> bs = sig.group_blocks(sig.split_lines("Shop\\nSale\\nNew\\nThe Trio\\nOriginal formula\\n£42\\nAbout"))
    >>> mark_card_names(bs, [None] * 7)
    [False, False, True, True, True, False, False]
    """
    out = [False] * len(blocks)
    for k, block in enumerate(blocks):
        if matched[k] is None and is_price(block.text):
            for j in range(k - 1, max(-1, k - 1 - CARD_NAME_LINES), -1):
                if matched[j] is not None or is_price(blocks[j].text):
                    break
                out[j] = True
    return out


def is_menu_label(rule, dated: bool = False) -> bool:
    """True when a line matched by `rule` is known chrome that can name a run of labels a menu.

    A picture's credit (ITEM_CREDIT_RULES) labels an item of the article;
    on a page of dated items (`dated`) a byline or a dateline is an item's.

    >>> class R: id = "chrome.phrase.photo_credit"
    >>> class N: id = "chrome.phrase.navigation"
    >>> is_menu_label(R()), is_menu_label(N()), is_menu_label(None)
    (False, True, False)
    """
    if rule is None or rule.id in ITEM_CREDIT_RULES:
        return False
    return not (dated and rule.id in ITEM_METADATA_RULES)


# Labels of a run that come back followed by a different label than before:
# this many make the run a table's cells ("Wired / Yes / Bluetooth / Yes").
TABLE_MIN_REPEATS = 2
# ...and at least one label in this many must be such a repeat: a long
# menu (a consultancy's services under each of its sections) repeats a few.
TABLE_LABELS_PER_REPEAT = 5
# A menu copied whole (the desktop and the mobile header, a mega-menu's
# columns again in its drawer) repeats sequences of labels in their order:
# this many runs of three different labels that come back in the same order
# make a run a menu however its labels repeat. A table's values come back
# beside ever new keys, a filter's value beside its one key: neither repeats
# three different labels in order (see has_repeated_labels).
MENU_RECOPIED_TRIPLES = 3


# Posts headed by an author's name and a dateline, this many on a page: the
# page is a thread of dated posts (a forum, a blog's entries), and each
# post's name and date are its own, the first and the last too. A news
# article has one such header; its comment section starts with a line that
# ends the article ("3 Comments", "Leave a Reply") and goes with it whatever
# its headers.
THREAD_MIN_POSTS = 3
# An author's name: a short line.
POST_NAME_MAX_WORDS = 4


def is_threaded(blocks: list[sig.Block], matched: list, prose: list) -> bool:
    """True when THREAD_MIN_POSTS datelines stand between a name and a post's text.

    A post's text reads as prose, or is a short sentence ("I'm confused.").

    >>> class D: id = "chrome.phrase.dateline"
    >>> post = ["jdoe", "May 3, 2024, 8:45am", "Try disabling it and restarting."]
    >>> bs = sig.group_blocks(sig.split_lines("\\n\\n".join(post * 3)))
    >>> is_threaded(bs, [None, D(), None] * 3, [False] * 9), is_threaded(bs[:6], [None, D(), None] * 2, [False] * 6)
    (True, False)
    """
    headers = sum(1 for i in range(1, len(blocks) - 1)
                  if (h := post_header(blocks, i, matched, prose, attributions=0)) is not None and h[1])
    return headers >= THREAD_MIN_POSTS


# Lines of a post's header after its dateline: a quote's attribution ("10
# hours ago, jdoe said:") opens many replies.
POST_HEADER_MAX_EXTRA = 1


def post_header(blocks: list[sig.Block], i: int, matched: list,
                prose: list, attributions: int = POST_HEADER_MAX_EXTRA) -> tuple[range, bool] | None:
    """The blocks of a post's header whose dateline is block i and whether a post's text follows, or None.

    A forum reply opens with its author's name (a short line no rule names, is_name_line),
    its dateline, maybe a quote's attribution (`attributions` metadata lines),
    then its text, a line no rule names: True when it reads as a post's (prose or a short
    sentence), False for any other (a thread's title, a list). The header is the reply's own
    when its text follows; a news article's byline ("By ...") is a rule's line, not a bare name.

    >>> class D: id, anywhere, ends_article = "chrome.phrase.dateline", False, False
    >>> class Q: id, anywhere, ends_article = "chrome.phrase.comment_says", False, False
    >>> post = ["jdoe", "May 3, 2024", "Earlier, ann said:", "Try disabling it and restarting."]
    >>> bs = sig.group_blocks(sig.split_lines("\\n\\n".join(post)))
    >>> post_header(bs, 1, [None, D(), Q(), None], [False] * 4)
    (range(0, 3), True)
    >>> post_header(bs, 1, [None, D(), Q(), None], [False] * 4, attributions=0) is None
    True
    >>> titled = sig.group_blocks(sig.split_lines("\\n\\n".join(post[:3] + ["Driver issue"])))
    >>> post_header(titled, 1, [None, D(), Q(), None], [False] * 4)
    (range(0, 3), False)
    """
    if (matched[i] is None or matched[i].id != DATELINE_RULE or i == 0 or matched[i - 1] is not None
            or prose[i - 1] or len(blocks[i - 1].text.split()) > POST_NAME_MAX_WORDS
            or sig.ends_sentence(blocks[i - 1].text) or not is_name_line(blocks[i - 1].text)):
        return None
    j = i + 1
    while j < len(blocks) and j - i - 1 < attributions and matched[j] is not None and is_metadata_rule(matched[j]):
        j += 1
    if j < len(blocks) and matched[j] is None:
        return range(i - 1, j), prose[j] or sig.ends_sentence(blocks[j].text)
    return None


# Post headers (menus.post_header) on a page that make it a thread of replies:
# then the first one, above the article, is a reply's too.
THREAD_MIN_HEADERS = 2


def reply_headers(blocks: list[sig.Block], matched: list, prose: list, first: int) -> list[int]:
    """Blocks of the post headers (name, dateline, attribution) that belong to the reply below them.

    Below the article's first block a header above a reply's text is the
    reply's own. Above it, a name and a date are as often a news article's
    byline, unless the page has THREAD_MIN_HEADERS of them: a thread. In a
    thread a name and a date over a title or a list (the first post's, a
    parts list's) are a post's header too when they open the page or follow a
    post's text: a listing's items stack labels above their dates.

    >>> class D: id, anywhere, ends_article = "chrome.phrase.dateline", False, False
    >>> post = ["jdoe", "May 3, 2024", "Try disabling it and restarting."]
    >>> bs = sig.group_blocks(sig.split_lines("\\n\\n".join(post * 2)))
    >>> reply_headers(bs, [None, D(), None] * 2, [False] * 6, 2), reply_headers(bs[:3], [None, D(), None], [False] * 3, 2)
    ([0, 1, 3, 4], [])
    >>> bs = sig.group_blocks(sig.split_lines("\\n\\n".join(["jdoe", "May 3, 2024", "Driver issue"] + post * 2)))
    >>> reply_headers(bs, [None, D(), None] * 3, [False] * 9, 4)
    [0, 1, 3, 4, 6, 7]
    """
    headers, over_any_text = [], []
    for i in range(1, len(blocks)):
        found = post_header(blocks, i, matched, prose)
        if found is None:
            continue
        header, over_text = found
        if over_text:
            headers.append(header)
        elif i < 2 or prose[i - 2] or sig.ends_sentence(blocks[i - 2].text):
            over_any_text.append(header)
    if len(headers) < THREAD_MIN_HEADERS:
        headers = [h for h in headers if h.start > first]
    else:
        # a thread: a post's header over a title, a list or a quote is a post's too, when it
        # opens the page or follows a post's text (a listing's items stack labels and tags
        # above their dates: "comment / Community / spam / January 14, 2026")
        headers += over_any_text
    return sorted({k for h in headers for k in h})


# The last lines of a post's header, right above its text: its dateline, a
# quote's attribution ("jdoe said:"), a count (the post's number "#3", the
# poster's "1,370" posts). A poster's details are names, dates and counts.
POST_HEADER_RULES = (DATELINE_RULE, "chrome.phrase.comment_says")
_COUNT = re.compile(r"#?\s?\d[\d,.]*[kKmM]?")
# Blocks between a post header's last line and the reply below it (a quoted
# post and its "Click to expand..." stand between them).
REPLY_REACH = 3
# A reply of a few words ("Thank you.") is a sentence: it ends with a full
# stop, "!" or "?" and holds a function word of the page's language (first-
# and second-person words are in every stop list); a link title ends without
# one or has none ("Official Thread 2024"). Longer text reads as prose anyway.
REPLY_MAX_WORDS = 30
# Without a stop list (an undetermined language), a reply needs this many words.
REPLY_MIN_WORDS = 3


def is_post_header_line(text: str, rule) -> bool:
    """True for a line that ends a post's header: a dateline, a quote's attribution, a count.

    >>> class D: id = "chrome.phrase.dateline"
    >>> is_post_header_line("Jul 9, 2007", D()), is_post_header_line("#3", None), is_post_header_line("1,370", None)
    (True, True, True)
    >>> is_post_header_line("Reply", None), is_post_header_line("3 Comments", None)
    (False, False)
    """
    if rule is not None:
        return rule.id in POST_HEADER_RULES
    return bool(_COUNT.fullmatch(text.strip()))


def reads_as_reply(text: str, stopwords: frozenset) -> bool:
    """True for a short line that is a sentence someone wrote: sentence punctuation and a function word.

    >>> en = frozenset({"that", "is", "by", "you", "a", "for", "the"})
    >>> reads_as_reply("That's amazing! Congrats!", en), reads_as_reply("Design and Consultation is by far #1.", en)
    (True, True)
    >>> reads_as_reply("Thank you.", en), reads_as_reply("Official 2024-2025 Application Thread", en)
    (True, False)
    >>> reads_as_reply("What Is a Software Development Framework?", en)
    False
    >>> reads_as_reply("Read more...", en), reads_as_reply("Congrats!", en), reads_as_reply("Great.", frozenset())
    (False, False, False)
    """
    body = text.strip().rstrip("\"'”’)]")
    if not body or body[-1] not in ".!?" or body.endswith(("..", "…")):
        return False
    words = sig.words_of(text)
    if len(words) >= REPLY_MIN_WORDS + 1 and is_headline_case(words):
        return False  # a question's or a slogan's headline ("Does an ADU Increase Home Value?")
    if stopwords:
        return len(words) <= REPLY_MAX_WORDS and any(stem_of(w) in stopwords for w in words)
    return REPLY_MIN_WORDS <= len(words) <= REPLY_MAX_WORDS


def mark_replies(texts: list[str], matched: list, stopwords: frozenset) -> list[bool]:
    """True for a short sentence (reads_as_reply) at most REPLY_REACH blocks below a post header's line.

    A thread's replies stand between their posters' details, which a list of
    chrome takes (a run of short labels: "Joined", "Messages"); the reply is
    the text that header heads, not one of its links.

    >>> class D: id = "chrome.phrase.dateline"
    >>> texts = ["Senior Member", "Jul 9, 2007", "#3", "That's amazing!", "Thank you.", "Similar threads", "Thank you."]
    >>> mark_replies(texts, [None, D(), None, None, None, None, None], frozenset({"that", "you"}))
    [False, False, False, True, True, False, False]
    """
    out = [False] * len(texts)
    last = None  # the last post header line seen
    for k, text in enumerate(texts):
        if is_post_header_line(text, matched[k]):
            last = k
        elif last is not None and k - last <= REPLY_REACH and reads_as_reply(text, stopwords):
            out[k] = True
    return out


def is_name_line(text: str) -> bool:
    """A line that can be a poster's name: it opens with a letter, a digit or an "@".

    An embedded post's closing attribution ("— Jane Doe (@jdoe)") opens with a dash.

    >>> is_name_line("jdoe"), is_name_line("@jane_doe"), is_name_line("— Jane Doe (@jdoe)")
    (True, True, False)
    """
    first = text.lstrip()[:1]
    return first.isalnum() or first == "@"


def is_dated_page(metadata: int, blocks: int) -> bool:
    """True when metadata lines are LISTING_MIN_METADATA and LISTING_MIN_SHARE of the blocks.

    >>> is_dated_page(10, 21), is_dated_page(11, 181), is_dated_page(3, 6)
    (True, False, False)
    """
    return metadata >= LISTING_MIN_METADATA and metadata >= LISTING_MIN_SHARE * blocks


def is_metadata_rule(rule) -> bool:
    """A rule that holds only outside the article and ends no article: a byline, a dateline, a caption.

    >>> class R: anywhere, ends_article = False, False
    >>> is_metadata_rule(R())
    True
    """
    return not rule.anywhere and not rule.ends_article


def has_repeated_labels(blocks: list[sig.Block], matched: list) -> bool:
    """True when a run's unknown labels repeat as a table's values do.

    A table repeats its values ("Yes", "No", "N/A") beside ever new keys; a
    scraped page repeats its whole menu (desktop and mobile), so there a
    repeated label comes back with the same label after it.

    >>> bs = sig.group_blocks(sig.split_lines("Wired\\nYes\\nWireless\\nYES\\nBluetooth\\nYes\\nRange"))
    >>> has_repeated_labels(bs, [None] * 7)
    True
    >>> menu = sig.group_blocks(sig.split_lines("World\\nSport\\nScience\\nWorld\\nSport\\nScience"))
    >>> has_repeated_labels(menu, [None] * 6)
    False

    A menu's labels may come back in another order too (a section's "Shop
    All" after each of its groups), but a copied menu repeats whole
    sequences of them (recopied_triples), which a table does not.
    """
    keys = [None if rule is not None else label_key(block) for block, rule in zip(blocks, matched)]
    if recopied_triples(keys) >= MENU_RECOPIED_TRIPLES:
        return False
    after: dict = {}
    repeats = 0
    for k, key in enumerate(keys):
        if key is None:
            continue
        following = keys[k + 1] if k + 1 < len(keys) else None
        if key in after and after[key] != following:
            repeats += 1
        after[key] = following
    return repeats >= TABLE_MIN_REPEATS and repeats * TABLE_LABELS_PER_REPEAT >= len(keys)


def label_key(block: sig.Block) -> str:
    """A label as its copies elsewhere on the page are compared: trimmed, lower case."""
    return block.text.strip().lower()


def recopied_triples(keys: list) -> int:
    """How many runs of three different labels stand again, in the same order, among `keys`.

    `keys`: a run's labels (None for a line a rule matched: it breaks a triple).

    >>> recopied_triples(["men", "women", "kids", "sale", "men", "women", "kids", "sale"])
    2
    >>> recopied_triples(["driver", "polymer", "driver", "polymer", "driver", "steel"])
    0
    >>> recopied_triples(["wired", "yes", "wireless", "yes", "range", "no", "size", "no"])
    0
    """
    seen = Counter(t for t in zip(keys, keys[1:], keys[2:]) if all(t) and len(set(t)) == 3)
    return sum(1 for n in seen.values() if n >= 2)
