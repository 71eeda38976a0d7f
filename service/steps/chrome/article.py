"""Where the article is on a page of blocks: the run with the most prose, and where comments end it.

- `find_article`: Body Text Extraction on blocks (Finn et al.): the
  contiguous run of blocks with the highest total of prose length less
  penalties for short lines and chrome evidence.
- `mark_paragraph_runs`: prose next to prose (articles come in runs of
  paragraphs), looking through lines that rules remove anywhere.
- `find_article_end`: the first comment-section line below the article's
  first paragraph.

Used by `chrome.step.classify_blocks`.
"""
from __future__ import annotations

import re

from . import signals as sig


def find_article_end(matched: list, good: list[int]) -> int:
    """Index of the first comment-section line with prose above it (len(matched) if none).

    >>> class R: ends_article = True
    >>> find_article_end([None, None, R(), None], [0, 3])
    2
    """
    for i, rule in enumerate(matched):
        if rule is not None and rule.ends_article and i > good[0]:
            return i
    return len(matched)


def find_article(blocks: list[sig.Block], classes: list[str], matched: list, evidence: list,
                 in_run: list | None = None) -> tuple[int, int]:
    """First and last block of the article: the run of blocks with the most prose.

    Each block scores its length if it is prose and a penalty if it is not;
    the article is the contiguous run with the highest total (Finn et al.'s
    Body Text Extraction, on blocks). A prose block standing alone between
    short lines (a teaser under a headline in a list of stories) counts for
    less than one among other prose: articles come in runs of paragraphs.
    Lines that rules remove anywhere ("Advertisement") neither count nor
    separate paragraphs. `in_run` is mark_paragraph_runs of these blocks,
    when the caller has it already.

    >>> bs = [sig.Block(i, i, 0, 0, t) for i, t in enumerate(["Menu", "x" * 300, "y" * 200, "Home"])]
    >>> find_article(bs, ["short", "good", "good", "short"], [None] * 4, [1, None, None, 1])
    (1, 2)
    """
    if in_run is None:
        in_run = mark_paragraph_runs(classes, matched)
    scores = []
    for i, block in enumerate(blocks):
        if matched[i] is not None and matched[i].anywhere:
            scores.append(0.0)
        elif evidence[i] is not None:
            scores.append(-60.0)
        elif classes[i] in ("good", "near"):
            weight = (1.0 if classes[i] == "good" else 0.3) * (1.0 if in_run[i] else 0.25)
            scores.append(weight * len(block.text))
        else:
            scores.append(-25.0)
    best, best_span, total, start = float("-inf"), (0, 0), 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def mark_paragraph_runs(classes: list[str], matched: list) -> list[bool]:
    """True for prose blocks next to another prose block, looking through "anywhere" chrome.

    >>> mark_paragraph_runs(["good", "short", "good", "good"], [None] * 4)
    [False, False, True, True]
    """
    prose = [c in ("good", "near") and matched[i] is None for i, c in enumerate(classes)]
    transparent = [m is not None and m.anywhere for m in matched]
    out = [False] * len(classes)
    for i in range(len(classes)):
        if not prose[i]:
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(classes) and transparent[j]:
                j += step
            if 0 <= j < len(classes) and prose[j]:
                out[i] = True
    return out


# A post's count of the comments under it ("5 Comments"), as a Q&A page shows one under each answer.
_COMMENT_COUNT = re.compile(r"\d[\d,.]*[kK]?\s+comments?", re.IGNORECASE)
COMMENT_FORM = "chrome.phrase.comment_form"
# Counts on this many lines of a page, most of them right under a paragraph, are each post's own.
POST_COUNTS_MIN = 3


def post_comment_counts(texts: list[str], matched: list, prose: list) -> list[int]:
    """Blocks of comment counts that stand under each post of a thread, inside its text.

    A news page's comment count heads its comment section, or stands under
    each related story's title below the article; a Q&A page shows one under
    each answer, right below the answer's last paragraph, between the page's
    first and last paragraphs. There the count starts no list and ends
    nothing: the commenters' names and comments below it are the thread's.
    POST_COUNTS_MIN counts, at least half of them right under a paragraph.

    >>> class C: id = COMMENT_FORM
    >>> texts = ["An answer.", "5 Comments", "jdoe", "A comment.", "Another answer.", "2 Comments", "ann",
    ...          "A reply.", "A third answer.", "1 Comment", "A last word."]
    >>> prose = [t.endswith(".") for t in texts]
    >>> post_comment_counts(texts, [C() if "Comment" in t else None for t in texts], prose)
    [1, 5, 9]
    >>> texts = ["An answer.", "Story one", "604 Comments", "Story two", "12 Comments", "Story three", "3 Comments"]
    >>> post_comment_counts(texts, [C() if "Comment" in t else None for t in texts], [True] + [False] * 6)
    []
    """
    paragraphs = [i for i, p in enumerate(prose) if p]
    if not paragraphs:
        return []
    counts = [i for i, rule in enumerate(matched) if rule is not None and rule.id == COMMENT_FORM
              and paragraphs[0] < i < paragraphs[-1] and _COMMENT_COUNT.fullmatch(texts[i].strip())]
    under = sum(1 for i in counts if prose[i - 1] and matched[i - 1] is None)
    return counts if len(counts) >= POST_COUNTS_MIN and 2 * under >= len(counts) else []
