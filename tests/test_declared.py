"""A thread's posts as the page declares them in schema.org markup (service/html/declared.py).
Hand-written pages only."""
from __future__ import annotations

import json
import time

import pytest

from service.html import extract_html
from service.html.declared import declared_posts, with_declared_posts

NAMES = ["alder", "birch", "cedar", "dogwood", "elm"]
REPLIES = ["I had the same hum with my brass lamp; a dimmer rated for LED bulbs fixed it within a day.",
           "Check the neutral wire at the switch first, a loose one makes the bulb flicker and buzz.",
           "Mine stopped humming once I swapped the cheap bulb for a warm white one from the hardware store.",
           "The transformer in the base can buzz when it ages; mine was replaced under the warranty.",
           "A friend had this and it was the dimmer, not the lamp, so try it on a plain switch first."]
HEADING = "Brass lamp hums when dimmed"


def post(i: int, text: str, scope: str = ' itemscope itemtype="https://schema.org/Comment"',
         body: str = ' itemprop="text"') -> str:
    """One post of a thread: the poster's box, the body, a signature and a row of actions."""
    return (f'<article class="message"{scope}><div class="user"><a href="/u/{i}">{NAMES[i]}</a>'
            f'<span>Well-known member</span><dl><dt>Joined</dt><dd>Mar {i + 3}, 2019</dd><dt>Messages</dt>'
            f'<dd>{120 + i * 7}</dd><dt>Reaction score</dt><dd>{40 + i}</dd></dl></div>'
            f'<div class="body"><time>Jun {i + 1}, 2024</time><span>#{i + 1}</span>'
            f'<div class="bbWrapper"{body}>{text}</div>'
            f'<div class="sig">Location: somewhere near the river, with three lamps and a cat</div>'
            f'<div class="actions"><a>Like</a> <a>Quote</a> <a>Reply</a> <a>Report</a></div></div></article>')


def thread_page(posts: str, head: str = "") -> str:
    return (f'<html><head><title>{HEADING} | Lamp Forum</title>{head}</head><body>'
            '<nav><a href="/">Forums</a> <a href="/new">New posts</a> <a href="/s">Search</a></nav>'
            f'<main><h1>{HEADING}</h1><div class="thread">{posts}</div></main>'
            '<footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer></body></html>')


def json_ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


PLAIN_POSTS = "".join(post(i, t, scope="", body="") for i, t in enumerate(REPLIES))
THREAD_LD = json_ld({"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": HEADING,
                     "text": REPLIES[0], "comment": [{"@type": "Comment", "text": f"<p>{t}</p>"} for t in REPLIES[1:]]})
FAQ_LD = json_ld({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
    {"@type": "Question", "name": f"Question {i}?", "acceptedAnswer": {"@type": "Answer", "text": t}}
    for i, t in enumerate(REPLIES)]})
BLOG = ('<article itemscope itemtype="https://schema.org/BlogPosting"><div itemprop="articleBody"><p>'
        + "The old brass lamp came from my grandmother's house and hummed from the first day. " * 6 + "</p></div>"
        + "".join(post(i, t) for i, t in enumerate(REPLIES)) + "</article>")

PAGES = {  # name: (page, whether the text is cut to the heading and the declared posts)
    "a thread's posts in microdata": (thread_page("".join(post(i, t) for i, t in enumerate(REPLIES))), True),
    "a thread's posts in JSON-LD": (thread_page(PLAIN_POSTS, THREAD_LD), True),
    "a thread that declares nothing": (thread_page(PLAIN_POSTS), False),
    "a FAQ's answers in JSON-LD": (thread_page(PLAIN_POSTS, FAQ_LD), False),
    "one post declared": (thread_page(post(0, REPLIES[0]) + PLAIN_POSTS), False),
    "a blog post and its readers' comments": (thread_page(BLOG), False),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_threads_text_is_cut_to_its_declared_posts(name):
    """Posts declared in microdata or JSON-LD, inside the chosen text and a part of it only: the text is the
    page's <h1> and the posts, without the posters' boxes, signatures and action rows, and the response says
    how many words were cut. A FAQ's answers, a single post, a blog post's readers' comments (the page's own
    body is declared as another type) and a thread that declares nothing keep the chosen text."""
    page, cut = PAGES[name]
    text, meta = extract_html(page)
    assert all(reply in text for reply in REPLIES)
    if cut:
        assert text.split("\n\n") == [HEADING, *REPLIES]
        assert meta["extraction"]["declared"] > 0
    else:
        assert "declared" not in meta["extraction"]
        assert "Reaction score" in text or "grandmother" in text


def test_declared_posts_outside_the_text_leave_it():
    """Declared posts that the chosen text does not hold (another part of the page) never replace it."""
    posts = declared_posts(thread_page("".join(post(i, t) for i, t in enumerate(REPLIES))))
    assert posts == REPLIES
    assert with_declared_posts("A shipping note, and nothing of the thread.", posts, HEADING) == (
        "A shipping note, and nothing of the thread.", 0)
    whole = "\n\n".join(posts)  # the posts are the whole text already: nothing to cut
    assert with_declared_posts(whole, posts, HEADING) == (whole, 0)


def test_hostile_json_ld_is_read_within_linear_time():
    """A JSON-LD block nested past Python's recursion limit is skipped; one with many comments is read in
    time linear in its size."""
    assert declared_posts('<script type="application/ld+json">' + "[" * 200_000 + "]" * 200_000 + "</script>") == []

    def seconds(n: int) -> float:
        data = {"@type": "DiscussionForumPosting", "text": "First post here.",
                "comment": [{"@type": "Comment", "text": f"Reply number {i} to the lamp."} for i in range(n)]}
        page = json_ld(data)
        started = time.perf_counter()
        assert len(declared_posts(page)) == n + 1
        return time.perf_counter() - started

    small, large = seconds(2_000), seconds(16_000)
    assert large < 8 * small * 3 + 0.05
