"""The head of the page's main part taken back: its <h1> and the lines right under it, when the text skipped both.

Every candidate the vote weighs can keep the wrong part of a listing or a
service page: the job cards' dates and not the board's intro, one product's
long comment instead of the day's list, a FAQ far below the page's pitch.
The page says where its main part starts: its one <h1>, and the lines right
under it (an intro, a standfirst, the first items). A chosen text that holds
neither the heading nor any line of its first LEDE_WORDS words, names less
than MAX_NAMED_SHARE of the heading's words (it is about something else), and starts
far below the heading or nowhere under it (the distance the guard by the
page's name reads: `named.MIN_SKIPPED_WORDS`, and `named.MIN_SKIPPED_SHARE`
of the text's own words), has lost the head of the main content: those
lines are put back before it. The rest of the text stays as chosen, so
nothing is taken away; the response counts the words put back
(`extract_html`'s metadata["extraction"]["lede"]).

A story's text usually leaves out its headline, and may leave out its
standfirst and a widget of popular stories under them; it names the story's
subject, so it is left as it is: the missing heading alone is no evidence.

>>> faq = "\\n".join(f"Question {i}: how do refunds work for orders placed online?" for i in range(40))
>>> visible = "Home\\nBrass lamps\\nEvery lamp is turned by hand in our Lisbon workshop.\\n" + faq
>>> text, words = with_lede("Question 39: how do refunds work for orders placed online?", visible, "Brass lamps")
>>> text.splitlines()[:3], words
(['Brass lamps', '', 'Every lamp is turned by hand in our Lisbon workshop.'], 62)
>>> with_lede("Every lamp is turned by hand.", visible, "Brass lamps")
('Every lamp is turned by hand.', 0)
"""
from __future__ import annotations

from .named import MIN_SKIPPED_SHARE, MIN_SKIPPED_WORDS, named_share, skipped_words
from .text import holds_heading, separate_paragraphs, word_count, word_key

# The head taken back: the heading's lines, then the lines under it until this many words.
LEDE_WORDS = 60
# A line of the head counts as found in the text (or as the head's own) from this many words.
MIN_LINE_WORDS = 4
# A text holding this share of the heading's distinct words or more is about the page: what
# it lacks is the headline (and standfirst) a story's text leaves out, and it stays.
MAX_NAMED_SHARE = 0.5
# A heading broken over lines (<br>, blocks inside the <h1>) is looked for over this many lines.
MAX_HEADING_LINES = 4


def with_lede(text: str, visible: str, heading: str, links=frozenset()) -> tuple[str, int]:
    """(`text` with the head of the page's main part before it, the words put back), or (`text`, 0).

    `visible`: the page's visible text, a line per block; `heading`: its one
    <h1> or ""; `links`: the word keys of its links (a heading that is a link's
    text names the site, not this page's part of it).

    >>> with_lede("Brass lamps, hand made.", "Brass lamps\\nHand made in Lisbon.", "Brass lamps")
    ('Brass lamps, hand made.', 0)
    """
    if not heading or not text.strip() or word_key(heading) in links or holds_heading(text, heading):
        return text, 0
    if named_share(text, heading) >= MAX_NAMED_SHARE:
        return text, 0  # the text is about the page: a story without its headline
    lines = visible.splitlines()
    start, end = heading_lines(lines, heading)
    if start < 0:
        return text, 0
    head, words = lines[start:end], sum(word_count(line) for line in lines[start:end])
    for line in lines[end:]:
        if words >= LEDE_WORDS:
            break
        head.append(line)
        words += word_count(line)
    under = [line for line in head[end - start:] if word_count(line) >= MIN_LINE_WORDS]
    key = word_key(text)
    if not under or any(word_key(line) in key for line in under):
        return text, 0  # nothing under the heading, or the text holds part of it
    skipped = skipped_words(text, "\n".join(lines[start:]))
    if 0 <= skipped < max(MIN_SKIPPED_WORDS, MIN_SKIPPED_SHARE * word_count(text)):
        return text, 0  # the text starts close under the head (a story under its byline and intro)
    return separate_paragraphs("\n".join(head)) + "\n\n" + text, words


def heading_lines(lines: list[str], heading: str) -> tuple[int, int]:
    """(first, past the last) index of the first run of lines that is `heading`, or (-1, -1).

    The run is the heading's words and nothing more (a line that also holds
    the site's name is the page's title shown again, a breadcrumb or a menu);
    a heading broken over up to MAX_HEADING_LINES lines is found too.

    >>> heading_lines(["Home", "The best CRM", "for small teams.", "Try it"], "The best CRM for small teams.")
    (1, 3)
    >>> heading_lines(["Brass lamps | Lamp Co", "Brass lamps"], "Brass lamps"), heading_lines(["Home"], "Brass lamps")
    ((1, 2), (-1, -1))
    """
    target = word_key(heading)
    keys = [word_key(line) for line in lines]
    for i, first in enumerate(keys):
        if not first or not target.startswith(first):
            continue
        joined = first
        for j in range(i, min(len(keys), i + MAX_HEADING_LINES)):
            if j > i:
                joined += " " + keys[j]
            if joined == target:
                return i, j + 1
            if not target.startswith(joined):
                break
    return -1, -1
