"""What the `chrome` step may delete on a page's evidence: repeated lines and the page guard.

Deleting article text is the worst thing the step can do, so removals need
evidence in proportion to what they take:

- `repeated_lines`: a title-like line the page already showed,
  repeated outside the article (a headline again in a related-links list).
  A line repeated inside the article is the article's (a forum quote, a
  meal plan's ingredient, a chorus).
- `guard_page`: when the removals would take most of the page's prose, the
  classifier has more likely lost the article than found a page of chrome.
  Only strong, local evidence stands then (a rule that holds anywhere, a
  link title glued onto a sentence); every other removal is dropped, and the
  removals that stay say so in their message.
- `keep_emptied_prose`: removals that would leave a page near-empty keep
  its sentence-shaped lines, whatever evidence named them: a page of one
  signup box or one notice is that text, not nothing.
- `lone_metadata`: a dateline or byline that is the text's only sign of
  chrome is the article's own line (an article body sent as it is).
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from ...edits import Change
from . import content
from . import signals as sig

# A line of at least this many words that repeats an earlier line word for
# word, outside the article, is the page's: a headline or teaser shown again
# in a related-links list, a share box or a pull quote (trafilatura's
# `deduplicate` rests on the same observation). The first copy stays, so
# nothing is lost. Lines, not blocks: how lines group into blocks can change
# once whitespace is cleaned.
REPEAT_MIN_WORDS = 8
# A headline is a few words without a sentence's end; a longer repeated line,
# or one that ends like a sentence, is a paragraph or a quote given again.
REPEAT_MAX_WORDS = 40
# A line shown this many times or more is a field of a list's items (every
# product card of a collection carries the same feature line), not a headline
# shown again: a related-links list repeats a headline once or twice.
REPEAT_MAX_COPIES = 4
# A reply quotes a post's line under the quoted poster's name: a short line
# ending with a colon ("jdoe:", "jdoe said:") right above the repeat. A
# headline shown again in a list of links stands under a title or a label
# that a rule removes ("Related:"), not under a name.
QUOTE_ATTRIBUTION_MAX_WORDS = 4
# The page guard: removals may take at most this share of the words of the
# page's prose blocks (article-like or sentence-like, in any language) on
# weak evidence. On news pages the article is most of a page's prose, and on
# the development pages the classifier's removals took at most a third of it
# where it was right; a removal of more than half is more often an article
# read as chrome (a product roundup, a German page read with English cues).
GUARD_MAX_SHARE = 0.5
# A page that the removals would leave with fewer words than this is emptied
# (`keep_emptied_prose`): its prose lines stay (vote.NEAR_EMPTY_WORDS, the
# extraction's own near-empty bound, is the same figure).
MIN_LEFT_WORDS = 5
# Rules whose evidence holds wherever the line stands (besides `anywhere` rules).
STRONG_RULES = ("chrome.glued_title",)
# Removals below a settled article and below its footer's legal or copyright
# line (tail.footer_blocks), and a cookie consent panel below that line
# (consent.consent_panel: its settings' descriptions are prose): they cannot
# take the article, so their words do not count toward the guard's share;
# they go with the other weak removals when the guard trips. So do a product's
# customer reviews (reviews.customer_reviews: below their ratings' distribution
# stand other writers' texts, often most of a shop's page's prose).
UNCOUNTED_RULES = ("chrome.classifier.footer", "chrome.classifier.consent_panel",
                   "chrome.classifier.customer_reviews")


def is_quote_attribution(text: str) -> bool:
    """A short line ending with a colon: the name a reply's quote stands under.

    >>> is_quote_attribution("Battosaii:"), is_quote_attribution("jdoe said:"), is_quote_attribution("Related")
    (True, True, False)
    """
    text = text.strip()
    return text.endswith(":") and 0 < text.count(" ") + 1 <= QUOTE_ATTRIBUTION_MAX_WORDS


def repeated_lines(lines: list[sig.Line], removed: set, article: range) -> list[Change]:
    """Deletions of later copies of title-like lines, outside the article's lines.

    `removed`: indices of lines already deleted; `article`: the line indices
    of the article (empty when there is none: then nothing is a repeat).

    >>> head = "Two patients diagnosed with plague in China, officials say"
    >>> L = [sig.Line(0, 10, head), sig.Line(10, 20, "Text."), sig.Line(20, 30, head + " ")]
    >>> [(c.start, c.rule) for c in repeated_lines(L, set(), range(0, 2))]
    [(20, 'chrome.repeated_line')]
    >>> repeated_lines(L, set(), range(0, 3))
    []
    >>> item = "- advertised for both kids and women (in different colors)"
    >>> repeated_lines(L[:2] + [sig.Line(30, 40, item), sig.Line(40, 50, item)], set(), range(0, 2))
    []
    >>> oils = "Jojoba Seed Oil, Castor Seed Oil, Shea Butter, Grapefruit Seed Extract, Citric Acid, Limonene"
    >>> repeated_lines(L[:2] + [sig.Line(30, 40, oils), sig.Line(40, 50, oils)], set(), range(0, 2))
    []
    >>> card = "Slim arm system designed to hold up to six monitors on one post"
    >>> repeated_lines(L[:2] + [sig.Line(30 + 10 * k, 40 + 10 * k, card) for k in range(4)], set(), range(0, 2))
    []
    >>> repeated_lines(L[:2] + [sig.Line(30, 40, "jdoe:"), sig.Line(40, 50, head)], set(), range(0, 2))
    []
    """
    if not article:
        return []
    keys = [repeat_key(line.text) for line in lines]
    # only a line whose key stands 2 to REPEAT_MAX_COPIES - 1 times can be a later copy
    # (a key written once is never looked for in `seen`): one set look-up for the others
    repeats = {key for key, n in Counter(keys).items() if 2 <= n < REPEAT_MAX_COPIES}
    if not repeats:
        return []
    seen: set = set()
    out = []
    for i, (line, key) in enumerate(zip(lines, keys)):
        if key not in repeats:
            continue
        # (counting spaces, not splitting: every paragraph passes through here)
        spaces = key.count(" ")
        if spaces + 1 < REPEAT_MIN_WORDS or i in removed:
            continue
        if key not in seen:
            seen.add(key)
            continue
        if (i in article or spaces + 1 > REPEAT_MAX_WORDS or sig.ends_sentence(key) or content.is_list_content(key)
                or sig.strip_bullet(key) != key or content.is_code_like(key) or content.is_enumeration(key)
                or (i and i - 1 not in removed and is_quote_attribution(lines[i - 1].text))):
            # the article's own line, a sentence, a list item (a meal plan's, or any line
            # with a list marker: a scraper's link titles come without one), code, an
            # enumeration (a product's ingredients shown in two tabs: no headline has four
            # commas), or a reply's quote under the quoted poster's name
            continue
        shown = sig.shorten_for_message(key)
        out.append(Change(line.start, line.end, "", "chrome.repeated_line",
                          f"removed {shown!r}: outside the article, it repeats an earlier line of the page "
                          "word for word (a headline or teaser shown twice)", 0.8))
    return out


def repeat_key(text: str) -> str:
    """The line as repeats are compared: stripped, runs of white space as one space.

    >>> repeat_key("  Two  patients\u00a0say ")
    'Two patients say'
    """
    key = text.strip()
    if "  " in key or "\t" in key or "\u00a0" in key:
        key = " ".join(key.split())  # rare: most lines are single-spaced already
    return key


def prose_words(text: str, prose: bool) -> int:
    """Words a block counts for in the guard: its words if it is prose, else none.

    >>> prose_words("A long sentence, it says.", True), prose_words("Home", False)
    (5, 0)
    """
    return len(text.split()) if prose else 0


def guard_page(changes: list[Change], weights: list[tuple[int, int, int]], strong: set) -> list[Change]:
    """The changes, or only the strong ones when the rest would take most of the page's prose.

    `weights`: (start, end, prose words) of each line, in text order;
    `strong`: ids of rules that hold anywhere.

    >>> ch = [Change(0, 10, "", "chrome.classifier.outside_article", "m", 0.75),
    ...       Change(10, 12, "", "chrome.phrase.advertisement", "an advertisement label", 0.9)]
    >>> [c.rule for c in guard_page(ch, [(0, 10, 30), (10, 12, 0), (12, 40, 20)], {"chrome.phrase.advertisement"})]
    ['chrome.phrase.advertisement']
    >>> len(guard_page(ch, [(0, 10, 10), (10, 12, 0), (12, 40, 20)], set()))
    2
    >>> footer = [Change(12, 40, "", "chrome.classifier.footer", "m", 0.75)]
    >>> len(guard_page(footer, [(0, 12, 10), (12, 40, 20)], set()))
    1
    """
    total = sum(w for _, _, w in weights)
    if not total or not changes:
        return changes
    weak = sorted((c.start, c.end) for c in changes
                  if not is_strong(c, strong) and c.rule not in UNCOUNTED_RULES)
    taken, k = 0, 0
    for start, end, words in weights:  # both in text order: one sweep
        while k < len(weak) and weak[k][1] < end:
            k += 1
        if words and k < len(weak) and weak[k][0] <= start and end <= weak[k][1]:
            taken += words
    if taken <= GUARD_MAX_SHARE * total:
        return changes
    share = round(100 * taken / total)
    note = (f" (page guard: the other removals would have taken {share}% of the page's prose, "
            "so only lines with strong evidence were removed)")
    return [replace(c, message=c.message + note) for c in changes if is_strong(c, strong)]


def keep_emptied_prose(changes: list[Change], weights: list[tuple[int, int, int, int]]) -> list[Change]:
    """The changes, less those that take a prose line, when all of them would leave the page near-empty.

    `weights`: (start, end, words, prose words) of each line, in text order.
    Deletion needs evidence in proportion to what it removes: a page the step
    would empty (fewer than MIN_LEFT_WORDS words left) is more likely a page
    whose content looks like chrome (a signup page, a notice, a waitlist) than
    a page of chrome alone. Its sentence-shaped lines stay; a removal that
    takes none of them stands and says so in its message. Labels alone (a
    menu sent as it is) have no prose: their removals stand.

    >>> ch = [Change(0, 12, "", "chrome.phrase.newsletter", "a newsletter box", 0.9),
    ...       Change(12, 60, "", "chrome.phrase.newsletter", "a newsletter box", 0.9)]
    >>> kept = keep_emptied_prose(ch, [(0, 12, 2, 0), (12, 60, 9, 9)])
    >>> [(c.start, c.end) for c in kept], "page guard" in kept[0].message
    ([(0, 12)], True)
    >>> len(keep_emptied_prose(ch, [(0, 12, 2, 0), (12, 60, 9, 9), (60, 99, 8, 8)]))
    2
    >>> len(keep_emptied_prose(ch, [(0, 12, 2, 0), (12, 60, 3, 0)]))
    2
    """
    if not changes:
        return changes
    spans = sorted((c.start, c.end) for c in changes)
    left, prose, k = 0, [], 0
    for start, end, words, prose_words in weights:  # both in text order: one sweep
        while k < len(spans) and spans[k][1] < end:
            k += 1
        if k < len(spans) and spans[k][0] <= start and end <= spans[k][1]:
            if prose_words:
                prose.append((start, end))
        else:
            left += words
    if left >= MIN_LEFT_WORDS or not prose:
        return changes
    note = (f" (page guard: the removals would have left {left} words of the page, "
            "so its sentence-shaped lines were kept)")
    kept, k = [], 0
    for change in sorted(changes, key=lambda c: c.start):
        while k < len(prose) and prose[k][1] <= change.start:
            k += 1
        if k < len(prose) and prose[k][0] < change.end:
            continue  # the change takes a prose line
        kept.append(replace(change, message=change.message + note))
    return kept


def is_strong(change: Change, strong: set) -> bool:
    """True for a removal whose evidence is local and strong (see the module docstring)."""
    return change.rule in strong or change.rule in STRONG_RULES


# Rounds run_to_fixpoint may take; each round after the first sees a page
# without the lines the last one removed (a repeat that now stands alone, a
# line no longer glued to a neighbour). Pages of the development benchmarks
# settle in two rounds.
MAX_ROUNDS = 4


def run_to_fixpoint(text: str, find) -> list[Change]:
    """The deletions `find` makes on `text`, then on its result, until it finds none.

    Cleaning the output again finds nothing whenever the loop settles within
    MAX_ROUNDS: idempotent by construction, not by tuning.

    >>> find = lambda t: [Change(0, 2, "", "r", "m")] if t.startswith("x\\n") else []
    >>> [(c.start, c.end) for c in run_to_fixpoint("x\\nx\\nok", find)]
    [(0, 2), (2, 4)]
    """
    changes = drop_overlaps(find(text))
    for _ in range(MAX_ROUNDS - 1):
        if not changes:
            break
        out = apply_deletions(text, changes)
        more = drop_overlaps(find(out))
        if not more:
            break
        changes = sorted(changes + map_back(changes, more, len(text)), key=lambda c: c.start)
    return changes


def drop_overlaps(changes: list[Change]) -> list[Change]:
    """The changes in text order, without any that overlaps an earlier one.

    >>> [(c.start, c.end) for c in drop_overlaps([Change(5, 9, "", "a", ""), Change(0, 6, "", "b", "")])]
    [(0, 6)]
    """
    out: list[Change] = []
    for c in sorted(changes, key=lambda c: (c.start, c.end)):
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def apply_deletions(text: str, changes: list[Change]) -> str:
    """The text without the spans of sorted, non-overlapping deletions."""
    parts, pos = [], 0
    for c in changes:
        parts.append(text[pos:c.start])
        pos = c.end
    parts.append(text[pos:])
    return "".join(parts)


def map_back(done: list[Change], more: list[Change], size: int) -> list[Change]:
    """Deletions `more` of the text left after `done`, as deletions of the original.

    A later deletion that spans an earlier one becomes the pieces around it.

    >>> done = [Change(2, 4, "", "a", "")]
    >>> [(c.start, c.end) for c in map_back(done, [Change(1, 3, "", "b", "")], 8)]
    [(1, 2), (4, 5)]
    """
    kept, pos, out_pos = [], 0, 0  # (start, end, start in the output) of each kept span
    for c in done:
        if c.start > pos:
            kept.append((pos, c.start, out_pos))
            out_pos += c.start - pos
        pos = c.end
    if pos < size:
        kept.append((pos, size, out_pos))
    starts = [at for _, _, at in kept]
    out = []
    for c in more:
        k = max(0, bisect_right(starts, c.start) - 1)
        while k < len(kept) and kept[k][2] < c.end:  # the kept spans this deletion reaches
            start, end, at = kept[k]
            lo, hi = max(c.start, at), min(c.end, at + end - start)
            if lo < hi:
                out.append(Change(start + lo - at, start + hi - at, "", c.rule, c.message, c.confidence))
            k += 1
    return out


def attach_final_break(text: str, changes: list[Change]) -> list[Change]:
    """A deleted last line without a break takes the break before it instead.

    >>> [(c.start, c.end) for c in attach_final_break("a\\nb", [Change(2, 3, "", "r", "m")])]
    [(1, 3)]
    """
    if not changes or text.endswith(("\n", "\r")):
        return changes
    last = max(changes, key=lambda c: c.start)
    if last.end != len(text) or last.start == 0 or any(c.end == last.start for c in changes):
        return changes
    back = 2 if text[max(0, last.start - 2):last.start] == "\r\n" else 1
    if text[last.start - 1] not in "\r\n":
        return changes
    moved = Change(last.start - back, last.end, "", last.rule, last.message, last.confidence)
    return [moved if c is last else c for c in changes]


def lone_metadata(evidence: list, own: list | None = None) -> int | None:
    """The block of the page's only piece of chrome evidence, when that is a metadata line.

    `evidence`: verdict.Verdict or None per block. A dateline, a byline or a
    caption above an article (rules that hold only outside it:
    Verdict.metadata) is chrome on a scraped page, where menus, share buttons
    and link lists stand around it. A text that shows no other sign of
    chrome is an article body sent as it is, and the line is its own: one cue
    is no evidence of a page's chrome (deletion needs evidence in proportion).
    `own`: True for blocks whose evidence is the article's own text (a
    subheading without function words between its paragraphs): no sign of a
    page's chrome either.

    >>> class V: metadata = True
    >>> class S: metadata = False
    >>> lone_metadata([V(), None, None]), lone_metadata([V(), None, V()]), lone_metadata([S(), None])
    (0, None, None)
    >>> lone_metadata([V(), None, S(), None], [False, False, True, False])
    0
    """
    marked = [i for i, v in enumerate(evidence) if v is not None and not (own and own[i])]
    return marked[0] if len(marked) == 1 and evidence[marked[0]].metadata else None
