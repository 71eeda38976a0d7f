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
}


@pytest.mark.parametrize("name", CASES)
def test_with_description(name):
    text, page, names, expected = CASES[name]
    out, words = with_description(text, read_head(page), names)
    assert (words > 0) is expected, name
    assert out.endswith(text)  # nothing of the text is removed
    if expected:
        assert out.split("\n\n")[0] in (DESCRIPTION, NAMED)


def test_extract_html_describes_a_script_drawn_thread():
    text, meta = extract_html(THREAD_SHELL)
    assert text == DESCRIPTION and meta["extraction"]["described"] == word_count(DESCRIPTION)
    assert extract_html(APP_SHELL) == ("", {})


def test_extract_html_describes_a_page_of_chrome_lines():
    text, meta = extract_html(SHOP)
    assert text.startswith(NAMED) and "What can we help you find?" in text


def test_read_head_is_linear():
    def cost(n: int) -> float:
        page = '<meta name="x" content="y">' * n + "<p>x</p>"
        started = time.process_time()
        read_head(page)
        return time.process_time() - started
    small, big = cost(2_000), cost(16_000)
    assert big < 16 * max(small, 1e-3)
