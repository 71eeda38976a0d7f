"""Article text and metadata from raw HTML (trafilatura; no network).

`extract_html` returns the article as plain text, one paragraph per block with
a blank line between blocks, ready for `service.clean`, whose `chrome` step
then removes what trafilatura let through (share rows, "Related" headings,
bylines) and says why for each line — the combination beats either alone.

>>> text, meta = extract_html("<html><body><article><p>" + "The cat sat on the mat. " * 8 + "</p></article></body></html>")
>>> text.startswith("The cat sat on the mat.")
True
>>> extract_html("<p>Teh cat sat on the mat.</p>")
('Teh cat sat on the mat.', {'extraction': {'source': 'rules'}})
>>> extract_html("<<<not html")
('', {})
"""
from __future__ import annotations

import logging
import re

from ..budget import UNLIMITED, Budget, Stages, spent_report
from .bounds import bound_page, markup_weight
from .cardlines import join_card_parts
from .cards import cards_text
from .dates import date_params, page_date, trafilatura_date_skipped
from .declared import declared_posts, with_declared_posts
from .described import read_head, with_description
from .named import MAX_UNNAMED_SHARE, guard_unnamed, named_share, page_name, text_from_heading, title_parts
from .posts import thread_of
from .joins import space_inline_joins
from .lede import with_lede
from .regions import region_text
from .vote import NEAR_EMPTY_WORDS, choose_by_agreement, holds_most_of, is_sliver_of
from .sections import MIN_CONTAINER_SHARE, widened
from .tail import capped_text, tail_text, with_tail
from .teasers import drop_teasers
from .text import find_container, holds_heading, link_share, read_page, separate_paragraphs, word_bag, word_count, word_key

log = logging.getLogger(__name__)

METADATA_FIELDS = ("title", "author", "date", "sitename")
# Pages larger than this are cut before parsing: a bound on time and memory
# (the request limit for HTML bodies, COPYDESK_MAX_HTML_BYTES, is 10 MiB).
MAX_HTML_CHARS = 10_500_000
# When the precise pass keeps less than this share of what the recall pass
# finds, it has probably cut the article itself, not just chrome.
MIN_PRECISE_SHARE = 0.5
# Pages heavier than this (bounds.markup_weight: a few thousand tags) get
# one trafilatura pass, the recall one, instead of two: a bound on time.
SINGLE_PASS_WEIGHT = 100_000
# When trafilatura keeps less than this share of the page's visible words
# (without navigation and asides), it has missed the content of a listing,
# product, forum or short fragment: the visible text goes to the chrome step.
MIN_ARTICLE_SHARE = 0.4
# Below this share trafilatura found nothing of the page: the visible text is used.
MIN_FOUND_SHARE = 0.05
# Between the two, the text of the element holding the article replaces it
# when the article has less than sections.MIN_CONTAINER_SHARE of that element's words.
# When less than this share of the chosen text's words is in trafilatura's
# baseline (the page's main paragraphs) and the baseline is longer, the choice
# took another part of the page (a cookie banner, a sidebar): the baseline is used.
MIN_BASELINE_OVERLAP = 0.5
# ...or when the chosen text has less than this share of the baseline's words.
MIN_BASELINE_SHARE = 0.35
# When the chosen text lacks the page's <h1> heading and has less than this
# share of the words of the visible text from that heading on, it is another
# part of the page than the one the page is about (a sidebar story instead of
# the listing, a cookie notice instead of the post): the headed text is used...
MIN_HEADED_SHARE = 0.3
# ...unless this share or more of the visible text's words are in lines that
# are only a link's text (`text.link_share`: a menu, a link farm: evidence of no main text).
MAX_LINK_SHARE = 0.3
# The candidates that vote on the page's main text (`choose_by_agreement`):
# "rules" is the rule chain above (choose_text, prefer_baseline, prefer_headed).
VOTERS = ("rules", "precise", "recall", "baseline", "visible", "container", "region")
# A chosen text with fewer than vote.NEAR_EMPTY_WORDS words is near-empty (`guard_empty`) ...
# ... and is replaced by the fullest candidate, the earlier one here on ties.
FALLBACK_ORDER = ("rules", "container", "region", "visible", "recall", "precise", "baseline")
# A chosen text with fewer words than this is short enough that a grid of item
# cards beside it (`cards.cards_text`) may be the page's main content...
MAX_CARDED_WORDS = 50
# ...when the cards have this many times its words and less than half of their
# words are in it (`prefer_cards`): a banner chosen beside a product grid.
MIN_CARDS_RATIO = 2
MAX_CARDS_INSIDE = 0.5
# A choice that holds the page's <h1> is an intro that a grid of cards beside it may
# complete (`prefer_cards_beside`: both are kept) below this many words; a story is longer.
MAX_INTRO_WORDS = 300


def extract_html(html: str, budget: Budget = UNLIMITED) -> tuple[str, dict]:
    """(article text, metadata) from a page; ("", {}) when nothing can be extracted.

    Never raises on bad input: garbage, empty or undecodable HTML yields ("", {}).
    metadata["extraction"] says which candidate was chosen and, when the
    choice was near-empty and another candidate had words (`guard_empty`), or
    held none of the page's name away from its heading (`named.guard_unnamed`:
    source "named" or "headed"), or was one post of a thread (`posts.thread_of`:
    source "thread"), or named nothing of a page without an <h1> beside its
    grid of cards (`prefer_titled_cards`: source "cards"), that a guard
    replaced it and why; that the baseline was not taken because the rules'
    text names more of the page (`names_more`); that a grid of cards was
    kept beside a short intro holding the <h1> (`prefer_cards_beside`: source
    "grid"); "teasers" counts the
    lines dropped as other stories' headlines (`teasers.drop_teasers`);
    "declared" the words cut from a thread's text around the posts the page
    declares in its schema.org markup (`declared.with_declared_posts`);
    "lede" the words of the page's <h1> and the lines under it put back
    before a text that skipped them (`lede.with_lede`);
    "described" the words of the page's <meta> description put before a
    text that shows or says nothing of the page, or that lacks it where an
    undated page shows it (`described.with_description`);
    "card_lines" the runs of lines joined as one card's name, price and
    rating (`cardlines.join_card_parts`); "sections" the words that the
    rules' text took back from the article's container (`sections.widened`);
    "cut_at" the character of the page from which the parser read nothing (past
    MAX_HTML_CHARS, or markup past `bounds.MARKUP_BUDGET`); "tail" the words of
    the part past the markup budget's cut, read without a parser and put after
    a text that runs to the cut (`tail.with_tail`), "tail_end" the character
    of the page where that reading stopped, the text having reached
    `tail.MAX_TEXT_CHARS`; "left_out" the characters of a text longer than that
    left out at its end (`tail.capped_text`); "incomplete" (`budget.spent_report`) the stages
    not run because `budget` ran out: trafilatura's recall pass, the parts
    before it and the tail always run, so the article is what they hold. Source "unparsed":
    the page's text read without a parser, when the parser lost it (`parser_lost`), or when
    the budget skipped stages and left a near-empty choice (never an empty page because of load).
    """
    if not isinstance(html, str) or not html.strip():
        return "", {}
    bounded, cut_at = bound_page(html[:MAX_HTML_CHARS])
    past = html[cut_at:MAX_HTML_CHARS] if cut_at is not None else ""  # read by `with_tail`, without a parser
    if cut_at is None and len(html) > MAX_HTML_CHARS:
        cut_at = MAX_HTML_CHARS
    html = space_inline_joins(bounded)
    heavy = markup_weight(html) > SINGLE_PASS_WEIGHT
    stages = Stages(budget)  # what runs past the recall pass, while the request's time lasts
    precise = None if heavy else stages.run("precise", lambda: _bare_extract(html, favor_precision=True), None)
    recall = _bare_extract(html, with_metadata=precise is None, favor_recall=True)  # the page's metadata read once
    doc = choose_extraction(precise, recall)
    article = separate_paragraphs(doc.text or "") if doc is not None else ""
    visible, heading, links = stages.run("visible", lambda: read_page(html), ("", "", frozenset()))
    element, container = stages.run("container", lambda: find_container(html, article), (None, ""))
    text = choose_text(article, visible, lambda: container)
    sections = stages.run("sections", lambda: widened(element, container, article), "") if text == article else ""
    if sections:  # the article's own sections that trafilatura cut, from its container
        text = separate_paragraphs(sections)
    baseline = "" if heavy else stages.run("baseline", lambda: baseline_text(html), "")  # one parse less if heavy
    metadata = metadata_of(precise or recall, page_date(html))
    names = (heading, *title_parts(metadata.get("title", "")))
    kept_out = ""
    if baseline:
        based = prefer_baseline(text, baseline)
        if based != text and names_more(text, based, names):
            kept_out = f"the baseline ({word_count(based)} words) names less of the page than the rules' text: not taken"
        else:
            text = based
    text = prefer_headed(text, visible, heading, links)
    candidates = {"rules": text, "precise": _text_of(precise), "recall": _text_of(recall),
                  "baseline": separate_paragraphs(baseline), "visible": separate_paragraphs(visible),
                  "container": separate_paragraphs(container),
                  "region": separate_paragraphs(stages.run("region", lambda: region_text(html), ""))}
    source = stages.run("vote", lambda: choose_by_agreement({k: candidates[k] for k in VOTERS}), "rules")
    if source and holds_most_of(candidates[source], text):
        source = "rules"  # the vote only adds what the rules cut: captions, related links, a story's boxes
    elif source and is_sliver_of(candidates[source], text):
        source = "rules"  # the vote would keep a few lines of a page the rules read as content
    source, guard = guard_empty(source, candidates)
    if word_count(candidates.get(source, "")) < MAX_CARDED_WORDS:
        # near-empty after the budget cut the page's own candidates short: its text read without
        # a parser (one linear pass) is read whatever the time, so no page is emptied by load
        starved = bool(stages.skipped) and word_count(candidates.get(source, "")) < NEAR_EMPTY_WORDS
        unparsed = separate_paragraphs(tail_text(html) if starved else
                                       stages.run("unparsed", lambda: tail_text(html), ""))
        why = (f"the time budget skipped {', '.join(stages.skipped)}; the page's text read without a parser"
               if starved and word_count(unparsed) >= NEAR_EMPTY_WORDS else
               f"the parser showed {word_count(visible)} words of the {word_count(unparsed)} read without it"
               if parser_lost(visible, unparsed) else "")
        if why:
            candidates["unparsed"], source = unparsed, "unparsed"
            guard = "; ".join(filter(None, (guard, why)))
    if kept_out and source == "rules":
        guard = "; ".join(filter(None, (kept_out, guard)))
    chosen, title = candidates.get(source, ""), metadata.get("title", "")
    untitled = not heading and title_is_link(title, links) and not names_title(chosen, title)
    if word_count(chosen) < MAX_CARDED_WORDS or untitled:
        candidates["cards"] = separate_paragraphs(stages.run("cards", lambda: cards_text(html), ""))
        if prefer_cards(chosen, candidates["cards"], heading):
            source = "cards"
        elif untitled and prefer_titled_cards(chosen, candidates["cards"]):
            why = f"{source} names nothing of the title {title!r}; the cards have {word_count(candidates['cards'])} words"
            source, guard = "cards", "; ".join(filter(None, (guard, why)))
    if source not in ("", "cards") and heading and word_count(chosen) < MAX_INTRO_WORDS and holds_heading(chosen, heading):
        cards = separate_paragraphs(stages.run("grid", lambda: cards_text(html, outside_story=True), ""))
        if prefer_cards_beside(chosen, cards):
            candidates["grid"] = with_cards(chosen, cards)
            why = f"{source} holds the heading in {word_count(chosen)} words beside cards of {word_count(cards)}: both kept"
            source, guard = "grid", "; ".join(filter(None, (guard, why)))
    named, text, unnamed = stages.run("named", lambda: guard_unnamed(candidates[source] if source else "", visible,
                                                                      heading, title, links, html), ("", "", ""))
    if unnamed:
        candidates[named] = text
        source, guard = named, "; ".join(filter(None, (guard, unnamed)))
    text = candidates[source] if source else ""
    thread = separate_paragraphs(stages.run("thread", lambda: thread_of(html, text), ""))
    if thread:
        why = f"{source} is one post of {word_count(text)} words; the thread has {word_count(thread)}"
        source, text, guard = "thread", thread, "; ".join(filter(None, (guard, why)))
    text, declared = with_declared_posts(text, stages.run("declared", lambda: declared_posts(html), []), heading)
    text, lede = stages.run("lede", lambda: with_lede(text, visible, heading, links), (text, 0))
    text, described = stages.run("described", lambda: with_description(text, read_head(html), names, visible),
                                   (text, 0))
    text, tail, tail_end = with_tail(text, html, past)  # linear, and past the markup's cut it holds the article
    text, teasers = stages.run("teasers", lambda: drop_teasers(text, links), (text, 0))
    text, card_lines = stages.run("card_lines", lambda: join_card_parts(text, html), (text, 0))
    text, left_out = capped_text(text)
    if not re.search(r"\w", text):
        return "", {}  # stray markup characters are not an article
    extraction = {"source": source, **({"guard": guard} if guard else {}), **({"teasers": teasers} if teasers else {}),
                  **({"declared": declared} if declared else {}),
                  **({"lede": lede} if lede else {}),
                  **({"described": described} if described else {}),
                  **({"tail": tail} if tail else {}),
                  **({"tail_end": cut_at + tail_end} if tail_end is not None else {}),
                  **({"sections": word_count(sections) - word_count(article)} if sections and source == "rules" else {}),
                  **({"card_lines": card_lines} if card_lines else {}),
                  **({"left_out": left_out} if left_out else {}),
                  **({"incomplete": spent_report(budget, budget.seconds, stages.skipped)} if stages.skipped else {}),
                  **({"cut_at": cut_at} if cut_at is not None else {})}
    return text, {**metadata, "extraction": extraction}


def read_unparsed(html: str) -> tuple[str, dict]:
    """(text, metadata) of a page whose request has no time left to parse it: its text
    read without a parser (one linear pass, `tail_text`), reported as extraction not run.

    A /v1/batch request reads every page before cleaning any; once the batch's time is
    spent, a page left is read this way instead of holding the worker for a parse.

    >>> text, meta = read_unparsed("<html><body><p>The council met.</p></body></html>")
    >>> text, meta["extraction"]["source"], meta["extraction"]["incomplete"]["steps"]
    ('The council met.', 'unparsed', ['parse'])
    """
    if not isinstance(html, str) or not html.strip():
        return "", {}
    text, left_out = capped_text(separate_paragraphs(tail_text(html[:MAX_HTML_CHARS])))
    if not re.search(r"\w", text):
        return "", {}
    extraction = {"source": "unparsed", "guard": "no time was left to parse the page; its text read without a parser",
                  **({"left_out": left_out} if left_out else {}),
                  "incomplete": spent_report(Budget(0.0), 0.0, ["parse"])}
    return text, {"extraction": extraction}


def _text_of(doc) -> str:
    return separate_paragraphs(doc.text or "") if doc is not None else ""


def prefer_cards(chosen: str, cards: str, heading: str = "") -> bool:
    """Whether a page's item cards replace a short `chosen` text that holds little of them.

    A collection page's grid of items is link text to trafilatura, so its
    passes may agree on the one banner or newsletter note beside the grid. A
    choice that holds the page's `heading` (its <h1>) is the part the page is
    about (a short story with a grid of teasers below it) and stays.

    >>> grid = "\\n\\n".join(f"Brass lamp model {i}, $2{i}" for i in range(9))
    >>> prefer_cards("Free shipping on orders over $50.", grid), prefer_cards(grid, grid)
    (True, False)
    >>> prefer_cards("A short story about the old bridge, told in full. " * 20, grid)
    False
    >>> prefer_cards("Bridge closed. The old bridge is closed to lorries.", grid, heading="Bridge closed")
    False
    """
    words = word_count(chosen)
    if heading and holds_heading(chosen, heading):
        return False
    if words >= MAX_CARDED_WORDS or word_count(cards) < MIN_CARDS_RATIO * max(1, words):
        return False
    return holds_little_of(chosen, cards)


def prefer_cards_beside(intro: str, cards: str) -> bool:
    """Whether a grid of item cards completes an `intro` that holds the page's heading (both are kept).

    A collection or listing page opens with its heading and a paragraph or two,
    then its grid; trafilatura keeps the intro and drops the grid (link text).
    The grid is kept beside it when it has MIN_CARDS_RATIO times the intro's
    words and less than MAX_CARDS_INSIDE of its words are in it. Only an intro
    under MAX_INTRO_WORDS is weighed: a story is longer, and its "related"
    grid stays out (`extract_html` checks the heading and the length).

    >>> grid = "\\n\\n".join(f"Brass lamp model {i}, turned by hand, $2{i}" for i in range(9))
    >>> prefer_cards_beside("Brass lamps. Our lamps are turned by hand in Lisbon.", grid)
    True
    >>> prefer_cards_beside("Brass lamps. " + grid, grid), prefer_cards_beside("Brass lamps. " * 40, grid)
    (False, False)
    """
    return word_count(cards) >= MIN_CARDS_RATIO * max(1, word_count(intro)) and holds_little_of(intro, cards)


def with_cards(intro: str, cards: str) -> str:
    """`intro`, then the blocks of `cards` that are not blocks of it, a blank line between blocks.

    >>> with_cards("Brass lamps\\n\\nTurned by hand.", "Brass lamps\\n\\nDesk lamp, $20")
    'Brass lamps\\n\\nTurned by hand.\\n\\nDesk lamp, $20'
    """
    seen = {word_key(block) for block in intro.split("\n\n")}
    return "\n\n".join([intro, *(block for block in cards.split("\n\n") if word_key(block) not in seen)])


def holds_little_of(chosen: str, cards: str) -> bool:
    """Whether less than MAX_CARDS_INSIDE of the cards' words are in `chosen` (False without cards).

    >>> holds_little_of("Free shipping on orders over $50.", "Brass lamp, $27"), holds_little_of("x", "")
    (True, False)
    """
    inner, outer = word_bag(cards), word_bag(chosen)
    size = sum(inner.values())
    return size > 0 and sum((inner & outer).values()) < MAX_CARDS_INSIDE * size


def title_is_link(title: str, links) -> bool:
    """Whether the page's name in its <title> (`named.page_name`: its longest part) is a link's text.

    >>> title_is_link("Skincare sets | Glossy", {"skincare sets", "home"}), title_is_link("Skincare sets", {"home"})
    (True, False)
    """
    name = page_name("", title)
    return bool(name) and word_key(name) in links


def names_title(chosen: str, title: str) -> bool:
    """Whether `chosen` holds MAX_UNNAMED_SHARE of the words of a part of the page's <title> (True without a title).

    >>> names_title("Free shipping on orders over $40.", "Skincare sets | Glossy")
    False
    >>> names_title("Our skincare sets, four of them.", "Skincare sets | Glossy"), names_title("Anything", "")
    (True, True)
    """
    parts = title_parts(title)
    return not parts or named_share(chosen, *parts) >= MAX_UNNAMED_SHARE


def prefer_titled_cards(chosen: str, cards: str) -> bool:
    """Whether a page's item cards replace a choice of any length that names nothing of the page.

    Called on a page without an <h1> whose title's name is also a link's text
    (`title_is_link`) and whose choice names no part of its <title>
    (`names_title`): a collection's name is often a link of its menu, so the
    guard by the page's name (`named.guard_unnamed`) has no place to anchor
    there (the first line naming the page may be the menu's), and trafilatura's passes agree on a shipping banner or a
    strip of blog teasers beside the grid. The grid replaces the choice when
    less than MAX_CARDS_INSIDE of its words are in it (`holds_little_of`).

    >>> grid = "\\n\\n".join(f"Brass lamp model {i}, $2{i}" for i in range(9))
    >>> prefer_titled_cards("Free shipping on orders over $50. " * 20, grid), prefer_titled_cards(grid, grid)
    (True, False)
    >>> prefer_titled_cards("Free shipping on orders over $50.", "")
    False
    """
    return holds_little_of(chosen, cards)


def parser_lost(visible: str, unparsed: str) -> bool:
    """Whether the parser's visible text has less than MIN_FOUND_SHARE of the words of the page's
    text read without a parser (`tail.tail_text`): the parser lost the page (libxml2 drops what
    is nested past 256 elements), and that reading is the text.

    >>> parser_lost("Deep page", "Deep page\\n\\n" + "The council met on Monday. " * 40), parser_lost("", "")
    (True, False)
    """
    return word_count(visible) < MIN_FOUND_SHARE * word_count(unparsed)


def guard_empty(source: str, candidates: dict) -> tuple[str, str]:
    """(candidate name, why the guard replaced the choice or ""): never a near-empty text beside a full one.

    A choice with fewer than NEAR_EMPTY_WORDS words when another candidate has
    at least that many (a JavaScript shell's one line, a cookie notice) is
    replaced by the candidate with the most words, in FALLBACK_ORDER on ties.

    >>> guard_empty("rules", {"rules": "", "visible": "Brass lamps. Price $20, in stock now."})
    ('visible', 'rules had 0 words; visible has 7')
    >>> guard_empty("rules", {"rules": "Brass lamps, hand made in Lisbon.", "visible": "Brass lamps " * 9})
    ('rules', '')
    """
    words = {name: word_count(text) for name, text in candidates.items()}
    chosen = words.get(source, 0)
    if chosen >= NEAR_EMPTY_WORDS:
        return source, ""
    order = [name for name in FALLBACK_ORDER if name in candidates]
    order += [name for name in candidates if name not in order]
    best = max(order, key=lambda name: (words[name], -order.index(name)))
    if words[best] < NEAR_EMPTY_WORDS or words[best] <= chosen:
        return source, ""
    return best, f"{source or 'the choice'} had {chosen} words; {best} has {words[best]}"


def choose_text(article: str, visible: str, container=lambda: "") -> str:
    """trafilatura's article; its container's text, or the page's visible text, when it kept too little.

    `container` is called only when needed (it parses the page again).

    >>> choose_text("A long article. " * 10, "Menu. " + "A long article. " * 10)[:15]
    'A long article.'
    >>> choose_text("", "Lamp, brass\\nPrice\\n$20, in stock")
    'Lamp, brass\\n\\nPrice\\n\\n$20, in stock'
    >>> choose_text("Lamp, brass", "Home\\nLamp, brass\\n$20, in stock\\nShop", lambda: "Lamp, brass\\n$20, in stock")
    'Lamp, brass\\n\\n$20, in stock'
    """
    words = word_count(article)
    if words < MIN_FOUND_SHARE * word_count(visible):
        return separate_paragraphs(visible)
    if words >= MIN_ARTICLE_SHARE * word_count(visible):
        return article
    around = container()
    if words < MIN_CONTAINER_SHARE * word_count(around):
        return separate_paragraphs(around)
    return article


def prefer_baseline(text: str, baseline: str) -> str:
    """`text`, or the baseline when `text` is mostly not in it and the baseline is longer.

    >>> prefer_baseline("Cookies help us. Accept all.", "A story about cats. " * 5)[:19]
    'A story about cats.'
    >>> prefer_baseline("A story about cats.", "A story about cats. Menu")
    'A story about cats.'
    """
    words, base = word_bag(text), word_bag(baseline)
    n_words, n_base = sum(words.values()), sum(base.values())
    if n_base <= n_words:
        return text
    overlap = sum((words & base).values())
    if overlap >= MIN_BASELINE_OVERLAP * n_words and n_words >= MIN_BASELINE_SHARE * n_base:
        return text
    return separate_paragraphs(baseline)


def names_more(text: str, other: str, names) -> bool:
    """Whether `text` holds a larger share of one of the page's `names` (its <h1>, its <title>'s parts) than `other`.

    The baseline (trafilatura's longest paragraphs) replaces a text that is mostly
    not in it (`prefer_baseline`): right when trafilatura read a cookie notice or
    one reply of a thread, wrong when the page's paragraphs are its reviews or
    help boxes and the text is the product's own description. The page says
    what it is about in its <h1> and <title>, in any language: a text that
    names more of it than the baseline does is the part the page is about.

    >>> names = ("Arrival T-Shirt", "Gymshark Arrival T-Shirt", "Black")
    >>> names_more("Arrival T-Shirt. Slim fit, lightweight.", "Wrong size sent. Two stars.", names)
    True
    >>> names_more("Accept all cookies.", "The Arrival T-Shirt is light.", names), names_more("a", "b", ("",))
    (False, False)
    """
    return named_share(text, *names) > named_share(other, *names)


def prefer_headed(text: str, visible: str, heading: str, links=frozenset()) -> str:
    """`text`, or the visible text from the page's heading on when `text` missed the headed part.

    >>> story = "A long story about cats and their ways. " * 3
    >>> prefer_headed("Cookies help us.", "Home\\nCat posts\\n" + story, "Cat posts")[:20]
    'Cat posts\\n\\nA long st'
    >>> prefer_headed(story, "Home\\nCat posts\\n" + story, "Cat posts") == story
    True
    >>> prefer_headed("Cookies help us.", "Cat posts\\n" + "Next page\\n" * 9, "Cat posts", {"next page"})
    'Cookies help us.'

    A heading that is a link's text (a blog's name leading to its home page)
    names the site, not this page's part of it:

    >>> prefer_headed("Cookies help us.", "Home\\nCat posts\\n" + story, "Cat posts", {"cat posts"})
    'Cookies help us.'
    """
    if not heading or word_key(heading) in links or holds_heading(text, heading):
        return text
    headed = text_from_heading(visible, heading)
    if word_count(text) >= MIN_HEADED_SHARE * word_count(headed):
        return text
    if link_share(visible, links) >= MAX_LINK_SHARE:
        return text
    return headed


def baseline_text(html: str) -> str:
    """trafilatura's baseline extraction (the page's longest paragraphs), or ""."""
    import trafilatura

    try:
        return trafilatura.baseline(html)[1] or ""
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        log.warning("trafilatura baseline could not parse the page: %s", exc)
        return ""


def _bare_extract(html: str, with_metadata: bool = True, **kwargs):
    """trafilatura's Document for the page, or None (it logs and we log, never raise); its title,
    author and sitename when `with_metadata`, never its date (`dates.page_date` reads the markup's)."""
    import trafilatura

    try:
        with trafilatura_date_skipped():
            return trafilatura.bare_extraction(
                html, with_metadata=with_metadata, include_comments=False, include_tables=True,
                include_images=False, include_links=False, deduplicate=False,
                date_extraction_params=date_params(), **kwargs)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        log.warning("trafilatura could not parse the page (%s): %s", kwargs, exc)
        return None


def choose_extraction(precise, recall):
    """The precise extraction, unless it lost most of what the recall pass found.

    >>> class D:
    ...     def __init__(self, t): self.text = t
    >>> choose_extraction(D("a" * 10), D("a" * 100)).text == "a" * 100
    True
    >>> choose_extraction(D("a" * 90), D("a" * 100)).text == "a" * 90
    True
    """
    p_len = len((precise.text or "").strip()) if precise is not None else 0
    r_len = len((recall.text or "").strip()) if recall is not None else 0
    if p_len and p_len >= MIN_PRECISE_SHARE * r_len:
        return precise
    return recall if r_len else (precise if p_len else None)


def metadata_of(doc, date: str | None = None) -> dict:
    """title, author, sitename where trafilatura found them; the `date` the page's markup declares
    (`dates.page_date`), never trafilatura's, which may be a year read in the prose.

    >>> class D: title, author, date, sitename = "T", None, "1995-01-01", " "
    >>> metadata_of(D(), "2020-10-12"), metadata_of(D())
    ({'title': 'T', 'date': '2020-10-12'}, {'title': 'T'})
    """
    if doc is None:
        return {}
    out = {}
    for name in METADATA_FIELDS:
        value = date if name == "date" else getattr(doc, name, None)
        if isinstance(value, str) and value.strip():
            out[name] = re.sub(r"\s+", " ", value).strip()
    return out
