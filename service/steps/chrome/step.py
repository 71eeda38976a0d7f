"""Step 'chrome': remove site chrome (menus, share buttons, cookie notices...) from text.

The text is cut into blocks (`signals.group_blocks`, which glues a
scraper's link fragments back into their paragraph) and each block is judged
in the manner of jusText: long, function-word-rich prose is `good`.

1. Rules of `rules/chrome.yaml` marked `anywhere` remove their line wherever
   it stands ("Advertisement", "Back to top button").
2. The article is the contiguous run of blocks with the most prose (Body Text
   Extraction on blocks, `find_article`); a comment section ("Leave a Reply",
   "X on <date> at <time> said:") ends it. Prose is read in the page's
   language (justext's ~100 stop lists) and, whatever the language, from
   sentence structure (`signals.is_sentence_like`).
3. Everything inside the article stays. Outside it we walk away from it,
   keeping undecided lines (a headline, a dateline, a last list item). A line
   with positive evidence — a rule, a "Title – Site" link title, a run of menu
   labels, a long line without function words; never prose or list content
   (prices, quantities, times, table cells) — goes if a rule names it. Where
   a list of chrome starts (two pieces of evidence close together, a "Related
   Articles" heading after the article) it takes the link-like lines after
   it, at most LIST_REACH past its last evidence, up to the first line that
   is not link-like (`walk_outward`). Deletion needs evidence in proportion
   to what it removes: one cue never takes the rest of the page.
   The article ends with its last run of paragraphs, and below it the
   page's footer (from its copyright line or legal links) goes whole
   (`tail`), and so does a cookie consent panel below the footer, whose
   settings are described in sentences (`consent`), and a web form (`forms`). Above the page's
   headline (the line repeating the document's <title>) and its first
   paragraph, the site's header's link-like lines go (`headline`).
   Below a product's own price, runs of other products' cards (a name
   and a price, again and again) go (`carousels`), and so do its customer
   reviews, from their ratings' distribution to the page's end (`reviews`).
   Below an article of paragraphs, a run of link-like lines (story titles,
   labels) with removed chrome right above and right below it is a box of
   links and goes (`gaps`).
4. A headline-shaped line repeated outside the article goes
   (`guard.repeated_lines`); repeats inside it are content.
5. The page guard (`guard.guard_page`): when the removals would take
   more than half of the page's prose, only strong evidence stands; when
   they would leave the page near-empty, its prose lines stay
   (`guard.keep_emptied_prose`).
6. The step runs to a fixpoint (`guard.run_to_fixpoint`): cleaning
   its output again removes nothing.

A text with no good block at all is left alone but for the `anywhere` rules:
without an article we cannot tell chrome from content.
Every removal deletes whole lines and names its rule, so an editor can
restore it.

Line-shape signals are language-neutral; the phrase rules are English and
only apply to English text (and to undetermined text). Link titles glued
onto a paragraph ("… – Inside TelecomThis is…") lose just the title
(`glued`).

Speed: `match.match_rule` finds a block's rule with one joined
pattern per length tier and keeps costly patterns (the cookie notice's
300-character lookahead) off paragraphs that lack the words every match of
them contains; block shapes count words in C (`signals.shape_of`).

>>> from service.steps import context_for
>>> ctx = context_for("chrome")
>>> body = "The ministers met in Tokyo on Friday and agreed to work together on the new networks for the region."
>>> [c.rule for c in run(body + "\\n\\nBack to top button", ctx)]
['chrome.phrase.back_to_top']
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from ...budget import UNLIMITED, Budget, Spent, polled
from ...edits import Change
from ...lexicon import function_words
from . import content, guard, seen, tail
from . import signals as sig
from .glued import find_glued_titles, glued_title_end
from .match import RULE_SCHEMA, compile_rules, match_rule
from .menus import (LISTING_MIN_METADATA, is_dated_page, is_metadata_rule, is_threaded, mark_card_names,
                    mark_menu_runs, mark_replies, reply_headers, late_menu_runs, label_flags)
from .consent import consent_panel
from .headline import header_blocks
from .article import find_article, find_article_end, mark_paragraph_runs, post_comment_counts
from .listing import card_buttons, has_own_teasers, item_reading_times
from .namelists import named_lists
from .voice import own_asides, own_questions
from .waitlist import own_waitlists
from .contents import own_contents
from .details import item_details
from .carousels import other_products
from .reviews import customer_reviews
from .gaps import boxed_links
from .facets import filter_options
from .forms import form_blocks
from .recurring import recurring_changes
from .verdict import (ABOVE_HEADLINE, CONSENT_PANEL, CUSTOMER_REVIEWS, ENCLOSED, FILTER_OPTIONS, FOOTER, FORM,
                      OTHER_PRODUCTS, SHORT_LINK_RUN, Verdict, take)
from ..base import RuleSpec, Step

# Words of prose an article needs before a list of chrome after it may run
# past the short sentences between its links (teasers): below it, the page's
# content may well be the list itself (a product or category page).
SETTLED_WORDS = 250
# Lines a list may take past its last piece of evidence (a heading, a rule's
# line, a menu run): a related box holds a dozen links; a longer run of
# undecided lines is more often the page's own list (a manual's references).
LIST_REACH = 12
# Headings of lists of stories, whose links come with a teaser sentence each.
TEASER_LISTS = tail.TEASER_LISTS
# The rule of a line a list of chrome took on no evidence of its own.
LIST_TAKEN = "chrome.classifier.outside_article"
SITE_TITLE = "chrome.classifier.site_title"


def run(text: str, ctx) -> list[Change]:
    """Deletions of chrome lines and of link titles glued onto paragraphs, to a fixpoint.

    Its verdicts read the whole page, so a request's budget spent before they
    are all reached leaves the text untouched (the step is reported incomplete).
    """
    memo: dict = {}  # what each round learns of a block's text, for the next round (see per_block)
    try:
        return guard.run_to_fixpoint(text, lambda t: find_chrome(t, ctx, memo))
    except Spent:
        return []


def find_chrome(text: str, ctx, memo: dict | None = None) -> list[Change]:
    """One round of run(): the deletions the page's evidence supports."""
    lines = sig.split_lines(text)
    blocks = sig.group_blocks(lines)
    english = ctx.language in ("en", "und")
    rules = (ctx.rules or ()) if english else any_language_rules(ctx.rules or ())
    # "und": no word list is trusted, only the shapes speak (sig.is_sentence_like)
    page = classify_blocks(blocks, rules, function_words(ctx.language), memo, sig.mark_cells(lines, blocks),
                           ctx.budget)
    verdicts = page.verdicts
    changes = [delete_block(b, v) for b, v in zip(blocks, verdicts) if v is not None]
    removed = {i for b, v in zip(blocks, verdicts) if v is not None for i in range(b.first, b.last + 1)}
    # a repeat between the page's first and last prose paragraph is inside the article body
    article = range(blocks[page.body[0]].first, blocks[page.body[1]].last + 1) if page.found else range(0)
    changes += guard.repeated_lines(lines, removed, article)
    changes += recurring_changes(lines, removed, ctx.recurring_lines, article)
    for block, verdict in zip(blocks, verdicts):
        if verdict is None:
            changes += find_glued_titles(lines[block.first], "en" if english else ctx.language)
    weights = [(lines[i].start, lines[i].end, len(lines[i].text.split()),
                guard.prose_words(lines[i].text, page.prose[k]))
               for k, b in enumerate(blocks) for i in range(b.first, b.last + 1)]
    changes = guard.guard_page(sorted(changes, key=lambda c: c.start), [(s, e, p) for s, e, _, p in weights],
                               {r.id for r in rules if r.anywhere})
    changes = guard.keep_emptied_prose(changes, weights)
    return guard.attach_final_break(text, changes)


@lru_cache(maxsize=8)
def any_language_rules(rules: tuple) -> tuple:
    """The rules that hold in every language (one tuple per rule set: match_rule indexes it once).

    >>> [r.id for r in any_language_rules(compile_rules([{"id": "a", "message": "m", "pattern": "x"},
    ...      {"id": "b", "message": "m", "pattern": "©.*", "any_language": True}]))]
    ['b']
    """
    return tuple(r for r in rules if r.any_language)


@dataclass
class Verdicts:
    """classify_blocks' answer: a Verdict (or None) per block, and where the article is."""

    verdicts: list
    prose: list          # blocks with sentence structure or article-like shape
    first: int = 0       # the article's first and last block
    last: int = -1
    body: tuple = (0, -1)  # the first and last prose block, when they reach past the article

    @property
    def found(self) -> bool:
        return self.last >= self.first


@dataclass(frozen=True)
class Page:
    """What the classifier knows of every block, computed once."""

    matched: list        # the rule each block matches, or None
    classes: list        # good / near / short (signals.classify_shape)
    evidence: list       # Verdict of positive chrome evidence, or None
    in_run: list         # prose next to prose
    good: list           # indices of good blocks that no rule matches
    end: int             # first comment-section block after the article, or len(blocks)
    listable: list       # link-like lines a list heading may take with it (see walk_outward)
    lists: list          # list items of the article's kind (content.is_list_content)
    titled: list         # titles of 4+ words: a listing's items when the article is short
    content: list        # table rows and code lines: the page's own, never a link (a dated
                         # line is list content too, but a list of links has dates)
    settled: bool = False  # the article is long enough that a list after it is the page's
    listing: bool = False  # metadata lines (bylines, datelines) on many items: a listing's own
    dated: bool = False  # metadata lines are a good part of the page: each of its items has them
    own_teasers: bool = False  # the article is mostly short lone paragraphs under titles (a listing)
    texts: tuple = ()    # each block's text
    replies: frozenset = frozenset()  # a reply's name and dateline (menus.reply_headers): no
                                      # evidence that starts a list, but no stop inside one


_UNKNOWN = object()


def per_block(fn, blocks: list, memo: dict | None, *args) -> list:
    """[fn(b.text, *args) for b in blocks], for a pure `fn` whose other
    arguments are fixed for one run(): each answer is kept in `memo`, as
    run_to_fixpoint's next round reads most of the same blocks again, and a
    short block's in `seen` for the next documents.

    >>> memo = {}; per_block(len, [sig.Block(0, 0, 0, 2, "ab")], memo), memo
    ([2], {(<built-in function len>, 'ab'): 2})
    """
    if memo is None:
        return [fn(b.text, *args) for b in blocks]
    out, slot = [], None
    for b in blocks:
        key = (fn, b.text)
        found = memo.get(key, _UNKNOWN)
        if found is _UNKNOWN:
            # a short block's answer is also kept across documents (seen.py: a site's menus)
            slot = seen.slot_for(fn, args) if slot is None else slot
            found = memo[key] = seen.answer(slot, b.text)
        out.append(found)
    return out


def classify_blocks(blocks: list[sig.Block], rules, stopwords: frozenset, memo: dict | None = None,
                    cells: list | None = None, budget: Budget = UNLIMITED) -> Verdicts:
    """A Verdict for each chrome block, None for each article block; and the article's place.

    `memo`: see per_block (rules and stopwords must be the same at every call with one memo).
    `cells`: blocks whose lines hold table cells (sig.mark_cells: the tabs a
    block's text no longer shows). `budget`: polled in the loops over blocks (Spent once it is past).
    """
    matched = per_block(match_rule, polled(blocks, budget), memo, rules)
    verdicts: list[Verdict | None] = [
        Verdict(r.id, r.message, r.confidence) if r is not None and r.anywhere else None for r in matched]
    prose = per_block(sig.is_sentence_like, polled(blocks, budget), memo)
    # by block text, as a paragraph longer than shape_of caches is measured again in each round
    classes = [sig.promote_prose(shaped, prose[i], len(b.text))
               for i, (b, shaped) in enumerate(zip(blocks, per_block(sig.shape_class, polled(blocks, budget), memo, stopwords)))]
    prose = [p or c == "good" for p, c in zip(prose, classes)]
    # a network's name in the article's own list of names (namelists.named_lists)
    for i in named_lists(label_flags(blocks, matched), matched, prose):
        matched[i] = verdicts[i] = None
    texts = [b.text for b in blocks]
    # a section's heading, a word of a code listing or of a sentence cut at it, a table's source
    for i in tail.sibling_headings(texts, matched, prose):  # the text's own, as its other headings
        matched[i] = verdicts[i] = None
    for i in own_contents(texts, matched, prose):  # the text's own table of contents over its sections
        matched[i] = verdicts[i] = None
    for i in own_asides(texts, matched, prose):  # a writer's disclaimer in their own voice
        matched[i] = verdicts[i] = None
    for i in own_questions(texts, matched, prose):  # a writer's question between their paragraphs
        matched[i] = verdicts[i] = None
    for i in own_waitlists(texts, matched, prose):  # a sign-up sentence about the page's own item
        matched[i] = verdicts[i] = None
    for i in tail.own_list_items(texts, matched):  # an item of a writer's list, between two of its own
        matched[i] = verdicts[i] = None
    for i in post_comment_counts(texts, matched, prose):  # each answer's own in a Q&A thread
        matched[i] = verdicts[i] = None
    for i in item_reading_times(texts, matched):  # a listing's items' own, unless outside the article
        verdicts[i] = None
    for i, verdict in enumerate(verdicts):
        if verdict is not None and (tail.is_section_heading(i, matched, prose) or content.is_code_token(texts, i)
                                    or content.in_sentence(texts, i)
                                    or tail.is_table_source(i, matched, cells)
                                    or tail.continues_notice(texts, i, matched)):
            verdicts[i] = None
    good = [i for i, c in enumerate(classes) if c == "good" and matched[i] is None]
    if not good:
        return Verdicts(verdicts, prose)  # no article to stand on: only the "anywhere" rules speak
    # without the phrase rules (a page in another language) no page shows known chrome
    # a page of dated posts (is_threaded): each post's byline and dateline are its own
    threaded = is_threaded(blocks, matched, prose)
    # each card's own button ("Read more" under every testimonial, the next card's text right
    # after it) names no menu either; a comment's "Reply" stands in its post's menu
    buttons = {i for i in card_buttons(blocks, matched, prose)
               if matched[i].id in TEASER_LISTS and i + 1 < len(blocks) and prose[i + 1]}
    phrases = any(not r.any_language for r in rules)  # the English phrase rules ran
    menu = mark_menu_runs(blocks, [None if i in buttons else m for i, m in enumerate(matched)], top=good[0],
                          phrases=phrases, threaded=threaded, prose=prose)
    worded = [p or content.reads_as_item(sig.shape_of(t, stopwords)) for p, t in polled(zip(prose, texts), budget)]
    # prices, quantities, "Term – description" and "Label: value" lines, an item of a written
    # list beside its prose items (content.in_written_list): the page's own list
    lists = [any(kinds) for kinds in zip(per_block(content.is_list_content, polled(blocks, budget), memo),
                                         [content.in_written_list(texts, i, worded) for i in range(len(texts))],
                                         per_block(content.is_definition_item, blocks, memo),
                                         tail.mark_field_runs([b.text for b in blocks],
                                                              per_block(tail.is_field_line, blocks, memo)))]
    if cells is not None:
        lists = [listed or cell for listed, cell in zip(lists, cells)]
    # code cut into lines by a scraper is no list of links either
    code = per_block(content.is_code_like, blocks, memo)
    # an item with a list marker someone wrote into the page (a manual's "See also", its
    # references): a scraper's link titles come without one (a "·" separates a scraper's
    # pieces, a dash a title's parts)
    # a short sentence below a post's header is the reply it heads (menus.mark_replies)
    replies = mark_replies([b.text for b in blocks], matched, stopwords)
    # a product's name above its price is a card's (menus.mark_card_names), however long and
    # free of function words: a list of links stops at it as at its price
    named = mark_card_names(blocks, matched)
    unlinked = [lists[i] or code[i] or replies[i] or named[i] or b.text.startswith(content.WRITTEN_MARKERS)
                for i, b in enumerate(blocks)]
    listable = [not (p or u) for p, u in zip(prose, unlinked)]
    # an item of a list someone wrote (content.in_written_list, whatever its neighbour's words)
    marked = [True] * len(blocks)
    evidence = [chrome_evidence(b, matched[i], menu[i], stopwords, prose[i] or code[i] or lists[i],
                                named[i] or content.in_written_list(texts, i, marked))
                for i, b in polled(enumerate(blocks), budget)]
    for i in card_buttons(blocks, evidence, prose):
        evidence[i] = verdicts[i] = None
    # a "Name – Descriptor" line may be the page's own item, not a link title (content.own_items);
    # the first line is the document's <title> (below)
    titles = [(sig.strip_bullet(t[0]), t[1]) if i and e is not None and e.rule == SITE_TITLE
              and (t := sig.split_site_title(b.text)) else None for i, (b, e) in enumerate(zip(blocks, evidence))]
    for i in content.own_items(titles, [t for t, p in zip(texts, prose) if p], cells or []):
        evidence[i] = None
    # evidence between the first and the last paragraph is the article's own text (a subheading
    # without function words), unless a rule removes it anywhere ("Advertisement")
    lone = guard.lone_metadata(evidence, [good[0] < i < good[-1] and not (m is not None and m.anywhere)
                                          for i, m in enumerate(matched)])
    if lone is not None:
        evidence[lone] = None
    # the document's <title> on its first line is the page's only title unless a headline repeats it
    titled = evidence[0] is not None and evidence[0].rule == SITE_TITLE and sig.split_site_title(blocks[0].text)
    if titled and content.is_own_title([b.text for b in blocks], titled[0], [e is None for e in evidence]):
        evidence[0] = verdicts[0] = None
    page = Page(matched, classes, evidence,
                mark_paragraph_runs(classes, matched), good, find_article_end(matched, good), listable, lists,
                [b.text.count(" ") >= 3 for b in blocks],
                [c or cell for c, cell in zip(code, cells or [False] * len(blocks))],
                texts=tuple(texts))
    end = page.end
    # the article's runs of paragraphs are the page's when the article reaches the last block
    first, last = find_article(blocks[:end], classes[:end], matched[:end], page.evidence[:end],
                               page.in_run if end == len(blocks) else None)
    # a consent panel drawn below the page's footer is no part of the article (its settings'
    # descriptions are sentences): an article that runs into it ends above it, one found inside it
    # goes with it (consent.consent_panel)
    panel = consent_panel(texts, matched, good[0], page.in_run)
    if panel and first < panel.start <= last:
        last = panel.start - 1
    last = tail.trim_article_end(first, last, page.in_run, matched)
    words = sum(len(blocks[i].text.split()) for i in range(first, last + 1) if page.classes[i] == "good")
    metadata = sum(1 for v in page.evidence if v is not None and v.metadata)
    page = replace(page, settled=words >= SETTLED_WORDS, listing=threaded or metadata >= LISTING_MIN_METADATA,
                   own_teasers=has_own_teasers(page.texts[first:last + 1], page.classes[first:last + 1],
                                               page.in_run[first:last + 1]),
                   dated=threaded or is_dated_page(metadata, len(blocks)),
                   replies=frozenset(reply_headers(blocks, matched, prose, first)))
    walk_outward(list(range(first - 1, -1, -1)), "before", page, verdicts)
    walk_outward(list(range(last + 1, len(blocks))), "after", page, verdicts)
    taken = [v is not None and v.rule == LIST_TAKEN for v in verdicts]
    # a listing's teaser is a paragraph (a menu's one-line descriptions are sentences too)
    kept = [v is None and c == "good" and k < first for k, (v, c) in enumerate(zip(verdicts, page.classes))]
    for i in tail.headlines_of_kept_teasers(kept, [v is not None for v in verdicts], taken, page.texts):
        verdicts[i] = None
    # the page's parts read from its shape (verdict.py's table gives each its rule and reason)
    take(verdicts, tail.footer_blocks(last, verdicts, page.in_run, matched, page.settled, page.end), FOOTER)
    take(verdicts, form_blocks(texts, last, page.end), FORM)
    take(verdicts, panel, CONSENT_PANEL)
    for run in late_menu_runs(blocks, matched, [v is not None for v in verdicts], first, last, phrases=phrases):
        take(verdicts, run, SHORT_LINK_RUN)
    take(verdicts, header_blocks(page.texts, [c == "good" for c in page.classes], page.listable, first), ABOVE_HEADLINE)
    take(verdicts, other_products(page.texts), OTHER_PRODUCTS)
    take(verdicts, customer_reviews(page.texts, prose), CUSTOMER_REVIEWS)
    # a category's or an archive's filters, each with its count; a run inside the article is its own
    take(verdicts, filter_options(page.texts, range(first, last + 1)), FILTER_OPTIONS)
    for i in item_details(texts, matched, prose, verdicts):  # a listing's items' details between kept items
        verdicts[i] = None
    # a box of links below an article of paragraphs (not a lone one, a banner's) enclosed by chrome
    if (page.settled or sum(page.in_run[first:last + 1]) >= 2) and not page.dated:
        take(verdicts, boxed_links(last, verdicts, texts, prose, unlinked), ENCLOSED)
    return Verdicts(verdicts, prose, first, last, (min(first, good[0]), max(last, good[-1])))


def walk_outward(order: list[int], side: str, page: Page, verdicts: list) -> None:
    """Mark chrome among the blocks `order` lists, walking away from the article.

    Undecided blocks stay (a headline, a last list item). A block with
    evidence goes if a rule names it and it is not between two prose blocks.
    Where a list of chrome starts — two pieces of evidence close together,
    a "Related Articles" heading after the article, a comment section — the
    link-like lines right after it go too (`Page.listable`: no sentence
    structure, no price, quantity, time or table cells); the first line that
    is not link-like ends the list. After an article of SETTLED_WORDS the
    list runs past short sentences (teasers: kept) up to the next run of
    paragraphs, unless the article is itself a listing of teasers
    (has_own_teasers): then teasers below it are the page's too. Only the comment section, once the article ended with prose
    above it, goes whole (the page guard still bounds it).
    """
    cut: Verdict | None = None
    reach = 0  # lines taken since the last piece of evidence
    teaser: int | None = None  # a sentence right after a link the list took
    opened = -2  # the step at which the list began
    taken: set = set()  # blocks a list took as links, on no evidence of their own
    since_evidence: list = []  # blocks the list took since its last piece of evidence
    # the step from which no block to the walk's end holds a rule's match or evidence
    quiet_from = next((step + 1 for step in range(len(order) - 1, -1, -1)
                       if page.evidence[order[step]] is not None or page.matched[order[step]] is not None), 0)
    seen = Counter(page.texts)  # how often each line stands on the page (see describes_term)
    # a reply's header starts no list (menus.reply_headers)
    starting = [None if k in page.replies else v for k, v in enumerate(page.evidence)]
    for step, i in enumerate(order):
        evidence = page.evidence[i] if cut is not None else starting[i]
        if i == page.end:
            opened = step if cut is None else opened
            cut = evidence
            verdicts[i] = verdicts[i] or evidence
            continue
        if cut is not None and side == "after" and evidence is None and i < page.end and step \
                and order[step - 1] in taken and names_term(order[step - 1], i, page, seen):
            verdicts[order[step - 1]] = None  # a term and its description stay (the list goes on)
            taken.discard(order[step - 1])
            teaser = None
            continue
        if (cut is not None and opened == step - 1 and evidence is None
                and tail.heads_text(page.evidence[order[step - 1]], page.classes[i] != "short", page.texts[i])):
            cut = None  # the heading heads a section of text, not a list (heads_text)
        if cut is not None and evidence is None and i < page.end and (
                not page.listable[i] or (not page.settled and page.titled[i] and not cut.starts_list)):
            if (not page.settled or page.own_teasers or (page.in_run[i] and page.classes[i] == "good")
                    or page.content[i]):
                cut = None  # a paragraph or the article's own table or code: the chrome list ended
            else:
                # a teaser's sentence: it goes only if a heading of stories began the list,
                # the list took a link's title right before it and takes a link right after it
                teaser = (i if teaser is None and cut.rule in TEASER_LISTS and step and opened != step - 1
                          and verdicts[order[step - 1]] is not None else None)
                continue
        if cut is not None and evidence is None and i < page.end:
            reach += 1
            if reach > LIST_REACH:
                # evidence licenses a bounded list, not the rest of the page; and when a
                # heading's list of stories would run on to the page's end with no evidence
                # after it, the stories it took are the page's own too (a listing's "More news")
                if own_stories(cut, side, since_evidence, page, step >= quiet_from):
                    for k in since_evidence:
                        verdicts[k] = None
                        taken.discard(k)
                cut = None
        elif evidence is not None:
            reach = 0
            since_evidence = []
        if cut is not None:
            if verdicts[i] is None and evidence is None:
                taken.add(i)
                since_evidence.append(i)
            verdicts[i] = verdicts[i] or evidence or Verdict(
                LIST_TAKEN,
                f"{side} the article, a link-like line in a list "
                f"that starts with a {cut.rule} line", 0.75)
            if teaser is not None:
                since_evidence.append(teaser)
                verdicts[teaser] = Verdict(
                    "chrome.classifier.teaser", f"{side} the article, a sentence between two links of a "
                    f"list that starts with a {cut.rule} line", 0.7)
            teaser = None
            continue
        teaser = None
        if evidence is None or (step == 0 and is_heading(evidence)):
            continue
        # (a metadata line stays on a listing, and in a post's header: menus.reply_headers)
        if (evidence.rule.startswith("chrome.phrase.") and not page.good[0] < i < page.good[-1]
                and not (evidence.metadata and (page.listing or i in page.replies))):
            verdicts[i] = verdicts[i] or evidence
        # below a settled article, metadata lines may start a list too, unless they stand
        # beside each item of the page (a news index): then they are the page's own
        metadata_counts = page.settled and not page.dated
        if (evidence.starts_list and side == "after") or ((metadata_counts or not evidence.metadata)
                                                          and tail.starts_chrome_run(order, step, starting,
                                                                                     metadata_counts)):
            opened = step if cut is None else opened
            cut = evidence
            verdicts[i] = verdicts[i] or evidence


def own_stories(cut: Verdict, side: str, taken: list[int], page: Page, quiet: bool) -> bool:
    """True when the stories a heading's list took are the page's own list, not a related box.

    The list ran past LIST_REACH (`walk_outward`) below the article under a
    heading of stories (TEASER_LISTS), every line it took a title of 4+
    words, and nothing after it to the page's end is chrome (`quiet`: no
    rule's line, no evidence): a related box stands above a footer, while a
    listing's last section ("More news") runs on to the page's end.
    """
    return (quiet and side == "after" and cut.rule in TEASER_LISTS and bool(taken)
            and all(page.titled[k] or page.classes[k] != "short" for k in taken))


def names_term(term: int, i: int, page: Page, seen: Counter) -> bool:
    """tail.describes_term for block `term` and block i below it, in a series of such pairs.

    Features and plans come two or more in a row (name, description, name,
    description); a lone short title above a sentence is as often a story's
    in a list of links. `seen`: each block text's count on the page.
    """
    def pair(k: int) -> bool:
        if k < 0 or k + 1 >= len(page.texts):
            return False
        near = page.evidence[max(0, k - tail.TERM_WINDOW):k + tail.TERM_WINDOW + 1]
        return tail.describes_term(page.texts[k], page.titled[k], seen[page.texts[k]], page.texts[k + 1], near)
    return i == term + 1 and pair(term) and (pair(term - 2) or pair(term + 2))


def chrome_evidence(block: sig.Block, rule, in_menu: bool, stopwords: frozenset,
                    prose: bool = False, card_name: bool = False) -> Verdict | None:
    """Positive evidence that a block outside the article is chrome, or None.

    Only a rule speaks against prose (`prose`: sentence structure in any
    language, or a line of code or of a list's or table's content): the
    shapes below describe labels and link titles. A product's name above its
    price, or an item of a list someone wrote (a list marker and a sibling with
    the same one: a scraper writes none), is long and without function words
    by nature (`card_name`).

    >>> chrome_evidence(sig.Block(0, 0, 0, 0, "Talks resume after border standoff | The Print"), None, False,
    ...                 frozenset()).rule
    'chrome.classifier.site_title'
    """
    if rule is not None:
        return Verdict(rule.id, rule.message, rule.confidence, rule.starts_list, is_metadata_rule(rule))
    if prose or content.is_list_content(block.text):
        return None
    # a title glued onto its sentence is handled by find_glued_titles: the sentence stays;
    # a list marker makes it an item someone wrote into a list (a page's sources, its
    # forms): a scraper's link titles come without one
    if (sig.split_site_title(block.text) and sig.strip_bullet(block.text) == block.text
            and not glued_title_end(block.text, "en")):
        return Verdict(SITE_TITLE, "a link title shaped 'Title – Site'", 0.8)
    if in_menu:
        return Verdict("chrome.classifier.short_link_run", "one of a run of short menu or link labels", 0.75)
    shape = sig.shape_of(content.without_link_targets(block.text), stopwords)
    if (stopwords and not card_name and shape.words >= 8 and shape.stop_density < 0.08 and not shape.ends_sentence
            and not content.is_enumeration(block.text)):
        return Verdict("chrome.classifier.no_function_words",
                       "a long line of labels without function words (a menu or tag list)", 0.75)
    return None


def is_heading(evidence: Verdict) -> bool:
    """A title line right next to the article is its headline, even if shaped like chrome.

    Only the classifier's weakest signal (a run of short labels) yields to it:
    a rule or a "Title – Site" shape still counts.
    """
    return evidence.rule == "chrome.classifier.short_link_run"


def delete_block(block: sig.Block, verdict: Verdict) -> Change:
    """Delete a block's lines with their line breaks."""
    shown = sig.shorten_for_message(block.text)
    return Change(block.start, block.end, "", verdict.rule,
                  f"removed site chrome {shown!r}: {verdict.message}", verdict.confidence)


STEP = Step(name="chrome", run=run,
            summary="site chrome lines and link titles glued onto sentences",
            # line shapes work in any language; the phrase rules only run on English
            english_only=False,
            rules=RuleSpec("chrome.yaml", RULE_SCHEMA, compile_rules))
