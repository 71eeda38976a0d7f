"""The page's <meta> description put before a text that shows or names nothing of the page
(service/html/described.py). Hand-written pages only."""
from __future__ import annotations

import time

import pytest

from service.html import extract_html
from service.html.described import read_head, with_description
from service.html.text import word_count

DESCRIPTION = "I have no smart devices at home yet and want to start with a camera and a door sensor. Which brand?"
THREAD_SHELL = (  # a forum thread a script draws: the markup shows nothing
    '<html><head><title>Where should I start? - Home Automation Forum</title>'
    f'<meta name="description" content="{DESCRIPTION[:40]}&amp;hellip;">'
    f'<meta property="og:description" content="{DESCRIPTION}">'
    '<meta property="og:type" content="website">'
    '<meta property="article:published_time" content="2018-09-16T20:53:14+00:00">'
    '</head><body><section id="main"></section><script>boot()</script></body></html>')
APP_SHELL = THREAD_SHELL.replace('<meta property="article:published_time" content="2018-09-16T20:53:14+00:00">', "")
NAMED = "Mesh office chairs built for the ways you live and work, backed by a lifetime guarantee."
SHOP = ('<html><head><title>Mesh Office Chair | Furniture Store</title>'
        f'<meta name="description" content="{NAMED}"></head><body><nav><a href="/">Home</a></nav>'
        '<div><p>What can we help you find?</p><p>We group items in as few shipments as possible.</p></div>'
        '<div id="grid"></div></body></html>')

BOX = "Arthur Morgan and his gang are outlaws on the run, with bounty hunters massing on their heels."
ABOUT = "About this game. " + "The story follows a gang across a changing frontier, town after town. " * 8
TAGS = "".join(f'<a href="/tag/{i}">Tag {i}</a> ' for i in range(8))
GAME = ('<html><head><title>Red Dust on Store</title>'  # the short description box apart from the long "About"
        f'<meta property="og:description" content="{BOX}"></head><body><nav><a href="/">Store</a></nav>'
        f'<div class="glance"><div class="snippet">{BOX}</div><div class="tags">{TAGS}</div></div>'
        f'<article><h2>About this game</h2><p>{ABOUT}</p><p>{ABOUT}</p></article></body></html>')
DATED_GAME = GAME.replace("</title>", '</title><meta property="article:published_time" content="2024-01-02">')

CASES = {  # name: (text, page, names, whether the description comes first)
    "a dated page that shows nothing": ("", THREAD_SHELL, (), True),
    "an undated shell that shows nothing": ("", APP_SHELL, (), False),
    "a short text naming nothing of the page": ("What can we help you find?", SHOP, ("", "Mesh Office Chair",
                                                                                   "Furniture Store"), True),
    "a short text that names the page": ("Mesh office chair, black, $120.", SHOP, ("", "Mesh Office Chair"), False),
    "a text already holding the description": (NAMED, SHOP, ("", "Sofas"), False),
    "a long text naming nothing of the page": ("A story about the weather, told at length. " * 10, SHOP,
                                               ("", "Mesh Office Chair"), False),
    "a description naming nothing of the page either": ("Accept cookies", SHOP, ("", "Sofas and beds"), False),
    "a long text beside the description an undated page shows": (ABOUT, GAME, ("", "Red Dust", "Store"), True),
    "a long text holding the description the page shows": (BOX + "\n\n" + ABOUT, GAME, ("", "Red Dust"), False),
    "a dated page's standfirst left out by its story": (ABOUT, DATED_GAME, ("", "Red Dust", "Store"), False),
    "a description the page does not show": (ABOUT, SHOP, ("", "Mesh Office Chair"), False),
}
VISIBLE = {GAME: "Store\n" + BOX + "\nTag 0 Tag 1\nAbout this game\n" + ABOUT,
           DATED_GAME: "Store\n" + BOX + "\nAbout this game\n" + ABOUT,
           SHOP: "Home\nWhat can we help you find?\nWe group items in as few shipments as possible."}


@pytest.mark.parametrize("name", CASES)
def test_with_description(name):
    text, page, names, expected = CASES[name]
    out, words = with_description(text, read_head(page), names, VISIBLE.get(page, ""))
    assert (words > 0) is expected, name
    assert out.endswith(text)  # nothing of the text is removed
    if expected:
        assert out.split("\n\n")[0] in (DESCRIPTION, NAMED, BOX)


def test_extract_html_describes_a_script_drawn_thread():
    text, meta = extract_html(THREAD_SHELL)
    assert text == DESCRIPTION and meta["extraction"]["described"] == word_count(DESCRIPTION)
    assert extract_html(APP_SHELL) == ("", {})


def test_extract_html_describes_a_page_of_chrome_lines():
    text, meta = extract_html(SHOP)
    assert text.startswith(NAMED) and "What can we help you find?" in text


def test_extract_html_puts_back_the_description_an_undated_page_shows():
    text, meta = extract_html(GAME)  # trafilatura keeps the "About" alone
    assert text.startswith(BOX + "\n\nAbout this game") and meta["extraction"].get("described") == word_count(BOX)
    dated_text, dated_meta = extract_html(DATED_GAME)
    assert BOX not in dated_text and "described" not in dated_meta["extraction"]


def test_read_head_is_linear():
    def cost(n: int) -> float:
        page = '<meta name="x" content="y">' * n + "<p>x</p>"
        started = time.process_time()
        read_head(page)
        return time.process_time() - started
    small, big = cost(2_000), cost(16_000)
    assert big < 16 * max(small, 1e-3)


def test_the_line_the_page_shows_not_its_cut_description():
    post = "Hey all, I just got a fifty gallon tank and stand for free and plan a fish only tank with a canister filter."
    head = (" ".join(post.split()[:12]) + "...", False)  # the description: the opening post cut short
    visible = "Forum\nNew tank build\n" + post + "\nReply"
    out, words = with_description(ABOUT, head, ("", "New tank build"), visible)
    assert out == post + "\n\n" + ABOUT and words == word_count(post)
