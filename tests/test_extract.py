"""HTML extraction: hostile markup is bounded, fragments are not lost, large pages are accepted."""
from __future__ import annotations

import time

import lxml.html
import pytest

from service.html import extract_html
from service.html.bounds import MAX_ATTRIBUTES, bound_html

N = 200_000  # 1.5-2 MB of attributes on one tag: over 20 minutes before the bound


def wrap(body: str) -> str:
    return "<html><body>" + body + "</body></html>"


def force_rules_choice(monkeypatch, part: str) -> str:
    """The rule chain settles on `part`'s text (each chooser forced to it, no vote): what the
    guards after it make of that choice is what a test then reads. Returns the forced text."""
    from service.html import extract
    from service.html.text import visible_text

    chosen = extract.separate_paragraphs(visible_text(wrap(part)))
    for name in ("choose_text", "prefer_baseline", "prefer_headed"):
        monkeypatch.setattr(extract, name, lambda *a, **k: chosen)
    monkeypatch.setattr(extract, "VOTERS", ("rules",))
    return chosen


HOSTILE = {
    "plain attributes": wrap("<p " + " ".join(f"a{i}=x" for i in range(N)) + ">Hello world.</p>"),
    "'>' in quoted values": wrap("<p " + " ".join(f'a{i}=">"' for i in range(N)) + ">Hello world.</p>"),
    "values without spaces between": wrap("<p " + "".join(f'a{i}="x"' for i in range(N)) + ">Hello world.</p>"),
    "one name repeated": wrap("<p " + "a " * N + ">Hello world.</p>"),
    "slashes between": wrap("<p " + "/a" * N + ">Hello world.</p>"),
    "a comment hiding a quote": wrap('<!-- <p a=" --> <p ' + " ".join(f"a{i}" for i in range(N)) + '>">Hello</p>'),
    "a script hiding a quote": wrap('<script><a x="</script><p ' + " ".join(f"a{i}" for i in range(N))
                                    + '>"></script>Hello'),
    "a noscript hiding a quote": wrap('<noscript><a x="</noscript><p ' + " ".join(f"a{i}" for i in range(N))
                                      + '>"></noscript>Hello'),
    "a bogus comment hiding a quote": wrap('<!x <a b="> <p ' + " ".join(f"a{i}" for i in range(N)) + '>">Hello'),
    "a tag left open": wrap("<p " + " ".join(f"a{i}" for i in range(N))),
    "a class of 8 MB": wrap('<p class="' + "x " * 4_000_000 + '">Hello world.</p>'),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_tag_reaches_the_parser_with_more_attributes_than_the_bound(name):
    tree = lxml.html.document_fromstring(bound_html(HOSTILE[name]))
    assert max(len(el.attrib) for el in tree.iter()) <= MAX_ATTRIBUTES


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_markup_is_extracted_in_seconds(name):
    started = time.perf_counter()
    extract_html(HOSTILE[name])
    assert time.perf_counter() - started < 15, name


@pytest.mark.parametrize("page", [
    wrap('<div class="a b" id=x data-x=\'1\'><p title="x>y">Text &amp; more</p><br/><img src=a.png alt=""></div>'),
    wrap("<script>if (a && b) { x = 1 }</script><style>p > a { color: red }</style><p>Text</p>"),
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>T</title></head><body>x</body></html>",
    wrap('<noscript><img src="a.png" alt="x"><style>.a{display:none}</style></noscript><p>Text</p>'),
])
def test_ordinary_markup_passes_unchanged(page):
    """Including noscript content, which libxml2 parses as markup (escaping it changed extractions)."""
    assert bound_html(page) == page


@pytest.mark.parametrize("page", [
    wrap("<p>Some words here.</p>\n" * 400_000),  # 9 MB, 800,000 tags
    wrap(("<p " + " ".join(f"a{i}=x" for i in range(64)) + ">Hi there.</p>") * 23_000),  # 64 attributes each
    "<div>" * 2_000_000,
])
def test_a_ten_megabyte_page_is_extracted_in_seconds(page):
    started = time.perf_counter()
    text, metadata = extract_html(page)
    assert time.perf_counter() - started < 30
    assert "<" not in text
    assert not metadata or 0 < metadata["extraction"]["cut_at"] < len(page)  # read in part, and said so


def test_a_page_read_whole_says_nothing_of_a_cut():
    page = wrap("<p>Some words here, and a few more of them.</p>\n" * 200)
    assert "cut_at" not in extract_html(page)[1]["extraction"]


@pytest.mark.parametrize("fragment,expected", [
    ("<p>Teh cat sat on the mat.</p>", ["Teh cat sat on the mat."]),
    ("<h2>Specs</h2><ul><li>Weight: 2 kg</li><li>Price: $20</li></ul>", ["Weight: 2 kg", "Price: $20"]),
    ("Just a line of text, no markup.", ["Just a line of text, no markup."]),
])
def test_a_fragment_trafilatura_finds_no_article_in_keeps_its_text(fragment, expected):
    text = extract_html(fragment)[0]
    assert [line for line in expected if line not in text] == []


def test_a_fragment_comes_back_cleaned_through_the_api(client):
    r = client.post("/v1/clean", json={"html": "<p>Teh cat sat on the mat.</p>"})
    assert r.status_code == 200
    assert r.get_json()["text"] == "The cat sat on the mat."


def test_html_bodies_up_to_ten_megabytes_are_accepted(client):
    page = wrap("<article>" + "<p>The cat sat on the mat and looked at the dog.</p>" * 20 + "</article>"
                + "<script>" + "var x = 1;" * 1_000_000 + "</script>")  # 10 MB, mostly script
    r = client.post("/v1/clean?steps=whitespace", json={"html": page})
    assert r.status_code == 200, r.get_json()
    assert "The cat sat on the mat" in r.get_json()["text"]
    r = client.post("/v1/clean?steps=whitespace", data=page.encode(), content_type="text/html")
    assert r.status_code == 200


def test_text_bodies_keep_the_text_limit(client):
    r = client.post("/v1/clean?steps=whitespace", json={"text": "word " * 1_000_000})
    assert r.status_code == 413 and r.get_json()["error"]["code"] == "payload_too_large"
    assert str(client.application.config["MAX_CONTENT_LENGTH"]) in r.get_json()["error"]["message"]


def test_html_bodies_over_the_html_limit_are_refused(client):
    r = client.post("/v1/clean", data=b"<p>" + b"a" * (13 * 1024 * 1024), content_type="text/html")
    assert r.status_code == 413
    assert str(client.application.config["MAX_HTML_BYTES"]) in r.get_json()["error"]["message"]


def test_a_batch_of_pages_may_be_large_but_a_batch_of_texts_may_not(client):
    page = wrap("<p>The cat sat on the mat.</p>" + "<script>" + "var x = 1;" * 300_000 + "</script>")
    r = client.post("/v1/batch?steps=whitespace", json={"documents": [{"id": "a", "html": page}]})
    assert r.status_code == 200 and r.get_json()["results"][0]["text"] == "The cat sat on the mat."
    r = client.post("/v1/batch?steps=whitespace", json={"documents": [{"id": "a", "text": "word " * 600_000}]})
    assert r.status_code == 413


def test_a_choice_outside_the_page_main_paragraphs_falls_back_to_them(monkeypatch):
    """trafilatura may settle on the wrong region (a consent banner, one reply of a
    thread); when the baseline (the page's main paragraphs) is longer and holds
    little of the choice, the baseline is the article."""
    from service.html import extract

    story = "The council voted on Monday to close the old bridge to lorries. " * 6
    monkeypatch.setattr(extract, "choose_text", lambda *a, **k: "We use cookies. Accept all or manage choices.")
    monkeypatch.setattr(extract, "baseline_text", lambda html: story)
    text, _ = extract_html("<html><body><p>" + story + "</p></body></html>")
    assert text.startswith("The council voted")


DESCRIPTION = ("The Brass Desk Lamp is turned by hand in Lisbon. Its shade tilts, its cord is cloth-covered, "
               "and it takes any E27 bulb.")
REVIEWS = "Arrived late and the box was dented. The shade rattles a little when I move it. Two stars. " * 4


@pytest.mark.parametrize("chosen,replaced", [
    (DESCRIPTION, False),  # the description names the page, the reviews do not: it stays
    ("We use cookies to measure visits. Accept all or manage your choices.", True),  # names nothing: the baseline
    ("Brass desk lamp reviews. " + DESCRIPTION, True),  # both name it as fully: the baseline, as before
])
def test_the_baseline_does_not_replace_a_text_that_names_the_page_more_than_it_does(monkeypatch, chosen, replaced):
    """The baseline (the page's longest paragraphs, here its reviews) replaces a text mostly not in it
    (forced here) unless that text holds more of the page's name (<h1>, <title>) than the baseline:
    then the text stays and the response says why."""
    from service.html import extract

    reviews = REVIEWS if "reviews" not in chosen else "Brass desk lamp reviews. " + REVIEWS
    monkeypatch.setattr(extract, "choose_text", lambda *a, **k: chosen)
    monkeypatch.setattr(extract, "baseline_text", lambda html: reviews)
    monkeypatch.setattr(extract, "VOTERS", ("rules",))
    page = ("<html><head><title>Brass Desk Lamp | Lisbon Lights</title></head><body>" + NAV
            + f"<div><h1>Brass Desk Lamp</h1><p>{DESCRIPTION}</p></div><div class=reviews><p>{REVIEWS}</p></div>"
            + FOOTER + "</body></html>")
    text, meta = extract_html(page)
    if replaced:
        assert text.startswith(reviews[:30]) and "guard" not in meta["extraction"]
    else:
        assert text == chosen and "names less of the page" in meta["extraction"]["guard"]


def test_a_heavy_page_is_not_parsed_again_for_the_baseline(monkeypatch):
    from service.html import extract

    def refuse(html):
        raise AssertionError("baseline parsed on a heavy page")
    monkeypatch.setattr(extract, "baseline_text", refuse)
    page = "<html><body>" + "<div><p>Hi there, a line.</p></div>" * 60_000 + "</body></html>"
    assert extract.markup_weight(page) > extract.SINGLE_PASS_WEIGHT
    extract_html(page)


def test_a_choice_that_misses_the_headed_part_of_the_page_falls_back_to_it(monkeypatch):
    """When the chosen text holds none of the page's <h1> and is small beside the
    visible text from that heading on, it is another part of the page."""
    from service.html import extract

    monkeypatch.setattr(extract, "choose_text", lambda *a, **k: "We use cookies. Accept all or manage choices.")
    monkeypatch.setattr(extract, "baseline_text", lambda html: "")
    rows = "".join(f"<tr><td>Lamp model {i}</td><td>brass, {20 + i} cm</td><td>${30 + i}</td></tr>" for i in range(20))
    text, _ = extract_html(wrap(f"<nav><a href=/>Home</a></nav><h1>Brass table lamps</h1><table>{rows}</table>"))
    assert text.startswith("Brass table lamps\n\nLamp model 0")


def test_a_page_of_links_keeps_the_choice(monkeypatch):
    """Link lines are no evidence of a main text: the choice stays."""
    from service.html import extract

    monkeypatch.setattr(extract, "choose_text", lambda *a, **k: "A short note on brass lamps.")
    monkeypatch.setattr(extract, "baseline_text", lambda html: "")
    monkeypatch.setattr(extract, "VOTERS", ("rules",))  # the rule chain alone, without the vote
    links = "".join(f"<li><a href=/l{i}>Lamp model {i} in brass</a></li>" for i in range(30))
    text, _ = extract_html(wrap(f"<h1>Brass table lamps</h1><ul>{links}</ul>"))
    assert text == "A short note on brass lamps."


# --- the choice among candidate extractions (hand-written pages) ------------------------------------

NAV = "<nav><ul>" + "".join(f"<li><a href=/c{i}>Category {i}</a></li>" for i in range(12)) + "</ul></nav>"
FOOTER = "<footer><p>Copyright 2025 Lamp House.</p><a href=/privacy>Privacy</a> <a href=/terms>Terms</a></footer>"
CARDS = "".join(f"<div class=card><h3><a href=/p{i}>Brass lamp model {i}</a></h3><span>${20 + i}.00</span>"
                f"<p>Hand made in Lisbon, {30 + i} cm tall.</p></div>" for i in range(16))
LISTING = wrap(NAV + "<div><h1>Brass table lamps</h1><div class=grid>" + CARDS + "</div></div>" + FOOTER)
POSTS = "".join(f"<div class=post><div>member{i}</div><p>I had the same trouble with my lamp number {i}; "
                "changing the bulb fixed it for me.</p></div>" for i in range(8))
THREAD = wrap(NAV + "<div><h1>Lamp flickers after a week</h1>" + POSTS + "</div><div class=popular><ul>"
              + "".join(f"<li><a href=/t{i}>Thread {i}</a></li>" for i in range(10)) + "</ul></div>" + FOOTER)


@pytest.mark.parametrize("page,kept,left", [
    (LISTING, ["Brass lamp model 0", "Brass lamp model 15", "$35.00", "Hand made in Lisbon, 45 cm tall."],
     ["Category 3", "Privacy"]),
    (THREAD, ["member0", "member7", "my lamp number 7;"], ["Category 3", "Thread 3", "Privacy"]),
])
def test_the_region_holds_every_item_and_no_link_list(page, kept, left):
    """A product grid's names are links, yet the region keeps them: the grid's prose carries it;
    the menu, the "popular" list and the footer are link lists outside it."""
    from service.html.regions import region_text

    text = region_text(page)
    assert [k for k in kept if k not in text] == [] and [w for w in left if w in text] == []


def test_a_near_empty_choice_is_replaced_and_the_response_says_so(monkeypatch, client):
    """When the choice has (almost) no words and another candidate has them, the fullest replaces it."""
    from service.html import extract

    monkeypatch.setattr(extract, "choose_by_agreement", lambda candidates: "precise")
    monkeypatch.setattr(extract, "_bare_extract", lambda html, **kw: None)  # trafilatura finds nothing
    text, meta = extract_html(LISTING)
    assert "Brass lamp model 15" in text
    assert meta["extraction"]["source"] != "precise" and "precise had 0 words" in meta["extraction"]["guard"]
    r = client.post("/v1/clean?steps=whitespace", json={"html": LISTING})
    assert "precise had 0 words" in r.get_json()["input"]["metadata"]["extraction"]["guard"]


def test_the_candidates_vote_out_a_banner(monkeypatch):
    """One candidate settled on a consent banner; the others hold the story: the story wins."""
    from service.html import extract

    story = "<p>The council voted on Monday to close the old bridge to lorries, citing cracks.</p>" * 6
    banner = "We use cookies to improve your visit. Accept all or manage your choices."
    monkeypatch.setattr(extract, "choose_text", lambda *a, **k: banner)
    monkeypatch.setattr(extract, "baseline_text", lambda html: "")  # no rule brings the story back
    text, meta = extract_html(wrap(NAV + f"<div class=consent><p>{banner}</p></div><article>{story}</article>"))
    assert text.count("The council voted") == 6
    assert meta["extraction"]["source"] != "rules"


def test_the_vote_does_not_shrink_a_listing_to_a_banner(monkeypatch):
    """trafilatura's passes agree on a shipping banner; the rule chain read the listing: the listing stays."""
    from service.html import extract

    banner = "Free shipping on orders over $50, this week only."
    monkeypatch.setattr(extract, "_bare_extract", lambda html, **kw: type("Doc", (), {"text": banner})())
    monkeypatch.setattr(extract, "baseline_text", lambda html: banner)
    page = wrap(NAV + f"<div class=promo><p>{banner}</p></div><div><h1>Brass table lamps</h1><div class=grid>"
                + CARDS + "</div></div>" + FOOTER)
    text, meta = extract_html(page)
    assert "Brass lamp model 15" in text and meta["extraction"]["source"] == "rules"


def test_a_banner_chosen_beside_a_grid_of_cards_gives_way_to_the_cards(monkeypatch):
    """Every candidate settled on a newsletter note; the page is a grid of product cards: the cards win."""
    from service.html import extract

    note = "Sign up for our newsletter and get 10% off your first order."
    for name in ("choose_text", "prefer_baseline", "prefer_headed"):
        monkeypatch.setattr(extract, name, lambda *a, **k: note)
    monkeypatch.setattr(extract, "choose_by_agreement", lambda candidates: "rules")
    grid = "".join(f"<div class=tile><a href=/p{i}>Brass lamp model {i}</a><span>${20 + i}.00</span></div>"
                   for i in range(12))
    text, meta = extract_html(wrap(NAV + f"<div class=promo><p>{note}</p></div><div class=grid>{grid}</div>" + FOOTER))
    assert "Brass lamp model 0" in text and "$31.00" in text and "Category 3" not in text
    assert note not in text and meta["extraction"]["source"] == "cards"


@pytest.mark.parametrize("page", [
    "<ul>" + "".join(f"<li><a href=/c{i}>Category {i}</a></li>" for i in range(12)) + "</ul>",  # a menu
    "<div>" + "<p>A line of prose about lamps, with no link in it at all.</p>" * 8 + "</div>",  # prose
])
def test_a_menu_or_prose_has_no_cards(page):
    from service.html.cards import cards_text

    assert cards_text(wrap(page)) == ""


def test_a_story_is_never_replaced_by_the_cards_beside_it():
    """A long story with a "related" grid beside it keeps the story: only a short choice gives way."""
    story = "<p>The council voted on Monday to close the old bridge to lorries, citing cracks.</p>" * 12
    text, meta = extract_html(wrap(NAV + f"<article><h1>Bridge closed</h1>{story}</article><div class=grid>"
                                   + CARDS + "</div>" + FOOTER))
    assert text.count("The council voted") == 12 and meta["extraction"]["source"] != "cards"


def test_a_short_story_keeps_its_place_beside_a_grid_of_teasers(monkeypatch):
    """A story short enough for the cards to be weighed holds the page's heading: the teasers stay out."""
    from service.html import extract

    monkeypatch.setattr(extract, "MAX_CARDED_WORDS", 1000)  # weigh the cards whatever the story's length
    story = "".join(f"<p>The council voted on Monday to close bridge number {i} to lorries, citing cracks.</p>"
                    for i in range(5))
    teasers = "".join(f"<div class=teaser><a href=/s{i}>Council debates the new tram line for district {i}</a>"
                      f"<time>{i + 1} March 2026</time></div>" for i in range(16))
    text, meta = extract_html(wrap(NAV + f"<article><h1>Bridge closed</h1>{story}</article>"
                                   f"<div class=more>{teasers}</div>" + FOOTER))
    assert "bridge number 4" in text and "tram line" not in text and meta["extraction"]["source"] != "cards"


INTRO = ("<h1>Brass table lamps</h1><p>Our brass table lamps are turned by hand in Lisbon, each one signed by "
         "its maker.</p>")


@pytest.mark.parametrize("page,kept", [
    (wrap(NAV + f"<div class=page><div class=intro>{INTRO}</div><div class=grid>{CARDS}</div></div>" + FOOTER), True),
    (wrap(NAV + f"<article>{INTRO}</article><div class=grid>{CARDS}</div>" + FOOTER), False),  # a story's grid
])
def test_a_grid_of_cards_is_kept_after_a_short_intro_that_holds_the_heading(monkeypatch, page, kept):
    """A collection page opens with its <h1> and a short intro, then its grid of cards; the rule chain
    settles on the intro (forced here): the cards are kept after it and the response says so. When the
    heading is in an <article> that does not hold the grid, the grid is that story's "related" items."""
    chosen = force_rules_choice(monkeypatch, INTRO)
    text, meta = extract_html(page)
    if kept:
        assert text.startswith(chosen) and "Brass lamp model 0" in text and "$35.00" in text and "Category 3" not in text
        assert meta["extraction"]["source"] == "grid" and "both kept" in meta["extraction"]["guard"]
    else:
        assert text == chosen and meta["extraction"]["source"] == "rules"


UNTITLED_GRID = "".join(f"<div class=tile><a href=/p{i}>Skin set number {i}</a><span>Sale price ${20 + i}.00</span></div>"
                        for i in range(6))
SHIPPING = "".join(f"<p>Free standard shipping on orders over {40 + i} in zone {i}; see our shipping page for times.</p>"
                   for i in range(8))


@pytest.mark.parametrize("head,h1,menu,replaced", [
    ("<title>Skincare sets | Glossy</title>", "", "Skincare sets", True),  # no <h1>; the banner names nothing
    ("<title>Skincare sets | Glossy</title>", "<h1>Skincare sets</h1>", "Skincare sets", False),  # the name guard's
    ("<title>Free shipping | Glossy</title>", "", "Free shipping", False),  # the banner names the title
    ("<title>Skincare sets | Glossy</title>", "", "Body care", False),  # the title's name is no link: no evidence
])
def test_a_long_banner_that_names_nothing_of_an_untitled_page_gives_way_to_its_cards(monkeypatch, head, h1, menu,
                                                                                    replaced):
    """trafilatura's passes agree on a long shipping banner (forced here) on a page without an <h1> whose
    title's name is a link of its menu (the guard by the page's name has no place to anchor); when the
    banner names no part of the <title>, the grid of cards beside it replaces it, whatever its length,
    and the response says why."""
    banner = force_rules_choice(monkeypatch, SHIPPING)
    page = (f"<html><head>{head}</head><body>" + NAV + f"<nav><a href=/c>{menu}</a></nav><div class=promo>{SHIPPING}</div>"
            f"<div>{h1}<div class=grid>{UNTITLED_GRID}</div></div>" + FOOTER + "</body></html>")
    text, meta = extract_html(page)
    if replaced:
        assert "Skin set number 0" in text and "$25.00" in text and "Free standard shipping" not in text
        assert meta["extraction"]["source"] == "cards" and "names nothing of the title" in meta["extraction"]["guard"]
    else:
        assert meta["extraction"]["source"] != "cards"


def test_a_page_without_visible_text_comes_back_empty():
    """A JavaScript shell has nothing to extract: "" (not a guess), and no guard is claimed."""
    assert extract_html(wrap("<div id=root></div><script>render()</script>")) == ("", {})


# --- text a page shows only through its script, or inside controls (hand-written pages) -------------

FAQ = wrap(NAV + "<main><h1>Brass table lamps</h1><p>" + "Every lamp is turned and polished by hand in Lisbon. " * 3
           + "</p><button>Add to cart</button>" + "".join(
               f"<h3><button aria-expanded=false>Question {i}: can lamp {i} take a dimmer?</button></h3>"
               f"<div class=panel><p>Yes, lamp {i} works with any trailing-edge dimmer.</p></div>" for i in range(4))
           + "</main>" + FOOTER)
STREAMED = wrap(NAV + "<main><template id=B:0></template><p>Loading...</p></main>"
                "<div hidden id=S:0><h1>Lamp flickers after a week</h1>" + POSTS + "</div>"
                "<div hidden><p>Sign in to reply.</p></div><script>$RC('B:0','S:0')</script>")
CRAWLER_VIEW = wrap("<section id=splash><p>Loading the forum...</p></section>"
                    "<noscript><h1>Lamp flickers after a week</h1>" + POSTS + "</noscript><section id=main></section>")


@pytest.mark.parametrize("page,kept,left", [
    (FAQ, ["Question 0: can lamp 0 take a dimmer?", "Question 3: can lamp 3 take a dimmer?"], ["Add to cart"]),
    (STREAMED, ["Lamp flickers after a week", "member0", "my lamp number 7;"], ["Category 3"]),
    (CRAWLER_VIEW, ["Lamp flickers after a week", "member0", "my lamp number 7;"], []),
])
def test_the_visible_text_keeps_what_scripts_show_and_headings_hold(page, kept, left):
    """A button inside a heading is an accordion's question; a page streamed into a hidden
    element, or served to readers without scripts in <noscript>, has its text there."""
    from service.html.text import visible_text

    text = visible_text(page)
    assert [k for k in kept if k not in text] == [] and [w for w in left if w in text] == []


def test_a_small_hidden_part_stays_out():
    """A hidden element that holds little of the page (a sign-in form, a mobile menu) is not shown."""
    from service.html.text import visible_text

    text = visible_text(wrap("<main><p>" + "The lamp is brass and hand made. " * 6 + "</p>"
                             "<div hidden><p>Sign in to reply.</p></div><noscript>Turn on JavaScript.</noscript></main>"))
    assert "The lamp is brass" in text and "Sign in" not in text and "JavaScript" not in text


SIGN_IN = ('<div class=sheet style="display: none"><form>' + "".join(
    f"<p>Step {i}: enter your email and password to sign in, or create an account.</p>" for i in range(40))
    + "</form></div>")


@pytest.mark.parametrize("page", [
    # a footer whose sign-in dialog, hidden by its inline style, is most of the page's words
    wrap("<h1>Casual sneakers</h1><p>" + "Leather sneakers for work and weekend wear. " * 8 + "</p>"
         "<footer><p>Help</p>" + SIGN_IN + "</footer>"),
    # a <header> left unclosed: the parser puts the page's <main> inside it
    wrap("<header><p>Free shipping</p><main><h1>Casual sneakers</h1><p>"
         + "Leather sneakers for work and weekend wear. " * 8 + "</p></main><footer>" + SIGN_IN + "</footer>"),
])
def test_furniture_goes_when_what_it_hides_or_the_main_it_holds_made_it_most_of_the_page(page):
    """The visible text drops the page's furniture unless that would leave little of what a
    reader is shown: a dialog the markup hides is not shown, and furniture holding <main> is the page."""
    from service.html.text import visible_text

    text = visible_text(page)
    assert "Leather sneakers for work" in text and "Casual sneakers" in text and "sign in" not in text


# a <header> left unclosed under the page's name: the parser puts the rest of the page, <main> and its grid
# with it, inside the header
UNCLOSED_HEADER = wrap("<h1>Desk lamps</h1><header>" + NAV + "<p>Free shipping on all orders</p><main>"
                       "<p>Every lamp is turned and polished by hand in Lisbon, then signed.</p><ul>"
                       + "".join(f"<li class=card><a href=/p{i}>Brass lamp {i}</a> ${i}9.00, in stock</li>"
                                 for i in range(1, 5)) + "</ul></main>" + FOOTER)


@pytest.mark.parametrize("candidate", ["cards", "region", "around"])
def test_every_candidate_keeps_furniture_that_holds_the_pages_main(candidate):
    """The one test of furniture (`text.furniture`) is the cards', the region's and the named region's:
    a header holding <main> is the page, so each candidate still reads the grid (was: none, none, the
    heading alone); the cards and the region still drop the menu inside it (the named region is an
    element's whole text: furniture only does not count towards its growth)."""
    from service.html.cards import cards_text
    from service.html.regions import region_around, region_text

    text = {"cards": lambda: cards_text(UNCLOSED_HEADER), "region": lambda: region_text(UNCLOSED_HEADER),
            "around": lambda: region_around(UNCLOSED_HEADER, "Desk lamps")}[candidate]()
    assert "Brass lamp 3 $39.00, in stock" in text
    assert ("Category 5" in text) is (candidate == "around")


# --- inline items the page's style sheet sets apart (service/html/joins.py; hand-written markup) ----

@pytest.mark.parametrize("markup,kept", [
    ("<li><a href=/p1><span>Lumen</span><span>Brass Desk Lamp</span></a> $20, in stock</li>", "Lumen Brass Desk Lamp"),
    ("<p><a href=/jobs>Careers</a><a href=/login>Login</a></p>", "Careers Login"),
    ("<p><b>T</b>he council voted on Monday.</p>", "The council voted"),  # a drop cap stays one word
    ("<p>Cases for the <a>iPhone</a><a>and</a> more.</p>", "iPhoneand"),  # no capital after: as written
])
def test_inline_items_written_together_are_read_apart(markup, kept):
    """Sibling inline elements glued in the markup, a word ending in lower case then one starting with a
    capital, are two items (a brand and a name, two menu links); other joins stay as written."""
    from service.html.joins import space_inline_joins
    from service.html.text import visible_text

    assert kept in visible_text(space_inline_joins(wrap(markup)))


# --- the guard by the page's own name (service/html/named.py, regions.region_around; hand-written pages) ---

CONSENT = ("<div class=cmp><p>When you visit any website, it may store or retrieve information on your browser, "
           "mostly in the form of cookies.</p>" + "<p>These partners process data for measurement, offers and "
           "the improvement of services; you may object to each purpose below.</p>" * 3 + "</div>")
PROMO = "<div class=promo>" + "<p>Free shipping on every order this week, and returns are free as well.</p>" * 4 + "</div>"
STORY = "".join(f"<p>Astronauts could sleep through part {i} of a long flight, the agency said on Tuesday.</p>"
                for i in range(6))
MORE = "<div class=more>" + "".join(f"<p>Another reader asks why her kettle number {i} hums at night.</p>"
                                    for i in range(2)) + "</div>"
NAMED_PAGES = {  # name: (page, the part the rule chain settles on, whether the guard replaces it)
    # a consent dialog's prose below a thread: the choice skipped the posts under the heading
    "a consent dialog below the posts": (wrap(NAV + "<div><h1>Lamp flickers after a week</h1>" + POSTS + "</div>"
                                              + MORE + CONSENT + FOOTER), CONSENT, True),
    # a banner above the heading: the choice lies outside the text from the heading on
    "a banner above the heading": (wrap(NAV + PROMO + "<div><h1>Lamp flickers after a week</h1>" + POSTS + "</div>"
                                        + MORE + FOOTER), PROMO, True),
    # the same with the heading also a breadcrumb's link: the <h1> still names the page
    "a banner above a heading in the breadcrumbs": (wrap(NAV + PROMO + "<div><p><a href=/>Forum</a> / <a href=/t>"
                                                         "Lamp flickers after a week</a></p><h1>Lamp flickers after a week"
                                                         "</h1>" + POSTS + "</div>" + MORE + FOOTER), PROMO, True),
    # no <h1>, and the title's name is a footer link's text: no evidence of where the page's part is
    "a title named only by a footer link": ("<html><head><title>Lamp flickers | Lamp House</title></head><body><div>"
                                            + POSTS + "</div>" + PROMO + "<div><a href=/t>Lamp flickers</a></div>"
                                            "</body></html>", PROMO, False),
    # a story whose body does not repeat its headline, right under it: the choice stays
    "a story right under its headline": (wrap(NAV + "<article><h1>Snooze cruise to Mars</h1>" + STORY + "</article>"
                                              + CONSENT + FOOTER), STORY, False),
}


@pytest.mark.parametrize("name", sorted(NAMED_PAGES))
def test_a_choice_that_names_nothing_of_the_page_gives_way_to_the_region_around_its_name(monkeypatch, client, name):
    """The rule chain and the vote settle on one part of the page (forced here); when it holds none of
    the page's <h1> and lies above the heading or far below it, the smallest element holding the heading
    and most of what follows it replaces it (the posts, not the other readers' questions below them) and
    the response says why; a story right under its headline stays even if it never repeats it."""
    page, part, replaced = NAMED_PAGES[name]
    chosen = force_rules_choice(monkeypatch, part)
    text, meta = extract_html(page)
    if replaced:
        assert "Lamp flickers after a week\n\nmember0" in text[:80] and "member7" in text
        assert "kettle" not in text and "cookies" not in text and "Free shipping" not in text
        assert meta["extraction"]["source"] == "named"
        assert "holds none of the page's name 'Lamp flickers after a week'" in meta["extraction"]["guard"]
        r = client.post("/v1/clean?steps=whitespace", json={"html": page})
        assert r.get_json()["input"]["metadata"]["extraction"]["source"] == "named"
    else:
        assert text == chosen and "guard" not in meta["extraction"]


# --- a choice that is one post of a thread (service/html/posts.py; hand-written pages) -------------------

TEASERS = "<div class=more><ul>" + "".join(f"<li class=teaser><a href=/s{i}>Another story about bridges, part {i}"
                                            "</a></li>" for i in range(6)) + "</ul></div>"
LONG_STORY = "".join(f"<p>The council voted on Monday to close the old bridge {i} to lorries, citing cracks.</p>"
                     for i in range(12))
THREAD_PAGES = {  # name: (page, the part the rule chain settles on, whether the thread replaces it)
    "a thread read as its first post": (THREAD, "<div class=post><div>member0</div><p>I had the same trouble with "
                                                "my lamp number 0; changing the bulb fixed it for me.</p></div>", True),
    "a story beside a list of teasers": (wrap(NAV + "<article><h1>Bridge closed</h1>" + LONG_STORY + "</article>"
                                              + TEASERS + FOOTER), LONG_STORY, False),
}


@pytest.mark.parametrize("name", sorted(THREAD_PAGES))
def test_a_choice_that_is_one_post_of_a_thread_widens_to_the_thread(monkeypatch, name):
    """The choice (forced here) is the element of one post among sibling posts of the same shape, each
    with prose: the thread replaces it, its menu and "popular" links still out; a story beside a list
    of teaser links is no post (its siblings are links, not prose) and stays."""
    page, part, replaced = THREAD_PAGES[name]
    chosen = force_rules_choice(monkeypatch, part)
    text, meta = extract_html(page)
    if replaced:
        assert "member0" in text and "member7" in text and "Thread 3" not in text and "Category 3" not in text
        assert meta["extraction"]["source"] == "thread" and "one post of" in meta["extraction"]["guard"]
    else:
        assert text == chosen and meta["extraction"]["source"] == "rules"


# --- a teaser between a story's paragraphs (service/html/teasers.py; hand-written pages) -------------------

TEASER_STORY = "".join(f"<p>The council voted on Monday to close bridge number {i} to lorries, citing deep cracks.</p>"
                       for i in range(4))


@pytest.mark.parametrize("line,dropped", [
    ("<p><strong>READ MORE: <a href=/s1>Tram line to open in May after years of delay</a></strong></p>", True),
    ("<p>Verwandt: <a href=/s2>Die neue Straßenbahn fährt ab Mai durch die Altstadt</a></p>", True),  # any language
    ("<p>Read more: the council's report on the bridge runs to forty pages.</p>", False),  # the writer's own line
    ("<p>Best for runners: <a href=/p1>Brass Sport Buds</a></p>", False),  # a product's name, not a headline
])
def test_a_label_and_one_links_headline_between_paragraphs_is_dropped(client, line, dropped):
    """A line that is a short label and then the whole text of one link, between two paragraphs, is another
    story's teaser: dropped from HTML input and counted; a writer's own "Read more:" sentence stays."""
    page = wrap(NAV + "<article><h1>Bridge closed</h1>" + TEASER_STORY + line + TEASER_STORY + "</article>" + FOOTER)
    text, meta = extract_html(page)
    label = lxml.html.fromstring(line).text_content().split(":")[0]
    assert (label not in text) is dropped and text.count("bridge number 3") == 2
    assert meta["extraction"].get("teasers", 0) == int(dropped)
    r = client.post("/v1/clean?steps=whitespace", json={"html": page})
    assert (label not in r.get_json()["text"]) is dropped


# --- a small priced card's parts on one line (service/html/cardlines.py; hand-written pages) ---

CARD = ("<li class=card><div class=badge>Top Pick</div><a href=/p{0}><h3>Lumen Brass Desk Lamp {0}</h3></a>"
        "<div class=price><span>${0}9.00</span></div><div class=rating>({0}) reviews</div></li>")
DESCRIBED = ("<li class=card><a href=/p{0}><h3>Lumen Brass Desk Lamp {0}</h3></a><div class=price>${0}9.00</div>"
             "<p>Turned by hand in Lisbon, this lamp lights a whole desk and never gets hot.</p></li>")


@pytest.mark.parametrize("card,joined", [
    (CARD, True),
    (DESCRIBED, False),  # a card with prose of its own: its blocks stay lines
])
def test_a_cards_name_price_and_rating_read_as_one_line(monkeypatch, card, joined):
    """The chosen text (forced here: a reader that puts each block of a card on a line of its own) has a
    grid's card name, price and rating as separate lines: they become one line, "Name $price (n) reviews",
    and the metadata counts the cards joined; a card with a description keeps its lines, and so does
    every other line of the text."""
    from service.html import extract
    from service.html.text import visible_text

    page = wrap(NAV + "<main><h1>Desk lamps</h1><ul>" + "".join(card.format(i) for i in range(1, 5)) + "</ul></main>")
    chosen = extract.separate_paragraphs(visible_text(page))
    for rule in ("choose_text", "prefer_baseline", "prefer_headed"):
        monkeypatch.setattr(extract, rule, lambda *a, **k: chosen)
    monkeypatch.setattr(extract, "VOTERS", ("rules",))
    text, meta = extract_html(page)
    line = "Top Pick Lumen Brass Desk Lamp 2 $29.00 (2) reviews"
    assert (line in text.split("\n\n")) is joined and text.startswith("Desk lamps\n\n")
    assert meta["extraction"].get("card_lines", 0) == (4 if joined else 0)
    assert ("$29.00" in text.split("\n\n")) is not joined


def test_an_article_with_a_price_on_a_line_of_its_own_is_left_as_it_is():
    """A story's lines are no grid's cards: a price alone on its line stays there."""
    story = "".join(f"<p>The council voted on Monday to close bridge number {i} to lorries, citing cracks.</p>"
                    for i in range(4))
    page = wrap("<article><h1>Bridge closed</h1>" + story + "<p>$20</p><div><p>A toll</p><p>$5</p></div></article>")
    text, meta = extract_html(page)
    assert "\n\n$20\n\n" in text and "card_lines" not in meta["extraction"]


# --- the article's sections that trafilatura cut, from its container (service/html/sections.py; hand-written pages) ---

GUIDE_INTRO = "<p>Bread needs flour, water, salt and time, and little else besides patience.</p>"
GUIDE_END = "<p>Bake it hot, then let it cool for an hour before you cut the first slice.</p>"
GUIDE_ARTICLE = ("Bread needs flour, water, salt and time, and little else besides patience.\n"
                 "Bake it hot, then let it cool for an hour before you cut the first slice.")
CUT_PARTS = {  # name: (what sits between the article's two paragraphs, a line of it, whether it is taken back)
    "sections under their own headings": ("".join(f"<h2>Step {i}</h2><p>Knead the dough for ten minutes, then let it"
                                                  f" rest.</p>" for i in range(3)), "Step 2", True),
    "captions of a gallery": ("".join(f"<figure><img src=/p{i}.jpg><figcaption>The dough on day {i}, left to rise "
                                      f"in the cold.</figcaption></figure>" for i in range(3)), "day 2", False),
    "captions marked by their class": ("".join(f"<div class=wp-caption><p class=wp-caption-text>The dough on day {i},"
                                               f" left to rise in the cold.</p></div>" for i in range(3)), "day 2", False),
    "a form to report the page": ("<form><p>Tell us what is wrong with this page.</p>" + "".join(
        f"<label>Reason {i}: the page is wrong in some way</label>" for i in range(3)) + "</form>", "Reason 2", False),
    "a list of related links": ("<ul>" + "".join(f"<li><a href=/s{i}>Another bread recipe to try, number {i}</a></li>"
                                                 for i in range(3)) + "</ul>", "number 2", False),
}


@pytest.mark.parametrize("name", sorted(CUT_PARTS))
def test_the_articles_cut_sections_are_taken_back_from_its_container(monkeypatch, name):
    """trafilatura's article (forced here) is two paragraphs, most of the page's text but not of the element
    that holds them, with more between them:
    sections under their own headings are the article's and come back, with the words counted in the metadata;
    captions (<figcaption>, a class ending in "caption"), forms and link lists are what it cuts on purpose and
    stay out."""
    from service.html import extract

    part, marker, taken = CUT_PARTS[name]

    class Doc:
        text, title, author, date, sitename = GUIDE_ARTICLE, "Bread", None, None, None
    monkeypatch.setattr(extract, "_bare_extract", lambda *a, **k: Doc())
    monkeypatch.setattr(extract, "VOTERS", ("rules",))
    page = wrap(NAV + "<div class=guide>" + GUIDE_INTRO + part + GUIDE_END + "</div>" + FOOTER)
    text, meta = extract_html(page)
    assert (marker in text) is taken and "patience" in text and "first slice" in text
    assert ("sections" in meta["extraction"]) is taken


def test_sections_cut_test_is_linear_in_the_page():
    """sections.cut_on_purpose looks up each block of the container among the article's lines
    (it searched the whole article once per block: quadratic in the page)."""
    from service.html.sections import cut_on_purpose

    def cost(n: int) -> float:
        para = "<p>The council met on Monday and discussed the budget for the coming year, item {i}.</p>"
        extra = "<div><h2>Section {i}</h2><span>Mix the dough for ten minutes, then rest it, step {i}</span></div>"
        element = lxml.html.fromstring("<div>" + "".join(para.format(i=i) + extra.format(i=i) for i in range(n))
                                       + "</div>")
        article = "\n".join(f"The council met on Monday and discussed the budget for the coming year, item {i}."
                            for i in range(n))
        started = time.process_time()
        cut_on_purpose(element, article, 10 * n)
        return time.process_time() - started

    small = min(cost(1000) for _ in range(3))
    large = min(cost(8000) for _ in range(3))
    assert large / max(small, 1e-3) < 16, f"8x the page cost {large / max(small, 1e-3):.1f}x the CPU"


def test_container_search_is_linear_in_the_page():
    """text.container_element looks for each text node of the page in the article: from where
    the previous one was found, not through the whole article each time (quadratic: a 3 MB
    article took 30 s), also when the article's order is not the page's."""
    from service.html.text import container_element

    def cost(n: int, order) -> float:
        para = "<p>The council met on Monday and discussed the budget for the coming year, item {i}.</p>"
        nav = "<li>Section number {i} of the site menu here</li>"
        tree = lxml.html.fromstring("<div><ul>" + "".join(nav.format(i=i) for i in range(n)) + "</ul><article>"
                                    + "".join(para.format(i=i) for i in range(n)) + "</article></div>")
        article = "\n".join(f"The council met on Monday and discussed the budget for the coming year, item {i}."
                            for i in order(range(n)))
        started = time.process_time()
        assert container_element(tree, article).tag == "article"
        return time.process_time() - started

    for order in (list, reversed):
        small = min(cost(1000, order) for _ in range(3))
        large = min(cost(8000, order) for _ in range(3))
        assert large / max(small, 1e-3) < 16, f"8x the page cost {large / max(small, 1e-3):.1f}x the CPU"


# --- readers' comments inside the article's container (service/html/comments.py; hand-written pages) ---

SHORT_POST = ("I watched the old film again this winter, and it holds up better than I remembered it.",
              "The satire is sharper now, and the effects still look good on a large screen.")
LONG_POST = SHORT_POST + tuple(f"Scene {i} is where the film shows its hand: the cut is quick, the music swells, and the "
                               f"crowd in the cinema laughs at the moment the script meant it to." for i in range(20))


def replies(n: int) -> str:
    return "".join(f"<li class='comment'><p>Reader {i} says: I saw it in a cinema when it came out, and I laughed "
                   f"all the way through the second half of it.</p></li>" for i in range(n))


REPLIES = replies(40)


def paragraphs(lines) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


COMMENTED = {  # name: (the post's lines, its element with what follows it, whether the replies come back)
    "comments marked by id": (LONG_POST, f"<div class=post>{paragraphs(LONG_POST)}<div id=comments><ol>{REPLIES}"
                                         f"</ol></div></div>", False),
    "a comment list marked by class": (LONG_POST, f"<div class=post>{paragraphs(LONG_POST)}<ol class=commentlist>"
                                                  f"{REPLIES}</ol></div>", False),
    "a post's comments section": (LONG_POST, f"<div class=post>{paragraphs(LONG_POST)}<section class=post-comments>"
                                             f"<ul>{REPLIES}</ul></section></div>", False),
    "a commentary is not comments": (LONG_POST, f"<div class=post>{paragraphs(LONG_POST)}<div class=commentary><ul>"
                                                f"{REPLIES}</ul></div></div>", True),
    "a short post's replies": (SHORT_POST, f"<div class=post>{paragraphs(SHORT_POST)}<div id=comments><ol>"
                                           f"{replies(12)}</ol></div></div>", True),
    "a thread marked as comments, most of the article among them": (LONG_POST, f"<div class=topic>"
                                                                    f"{paragraphs(LONG_POST[:8])}<ul class=comments>"
                                                                    f"<li>{paragraphs(LONG_POST[8:])}</li>{REPLIES}"
                                                                    f"</ul></div>", True),
}


@pytest.mark.parametrize("name", sorted(COMMENTED))
def test_readers_comments_do_not_come_back_with_the_articles_container(monkeypatch, name):
    """trafilatura's article (forced here; no baseline) is a story beside many readers' comments: the rule chain
    reads its container (the article is a small share of the page, or of the element that holds it), which no
    longer brings the comment section back (trafilatura drops it on purpose). A section whose class only starts
    like one ("commentary"), the replies to a short post (a forum's question and its answers) and a thread whose
    comment section holds the article itself come back whole."""
    from service.html import extract

    lines, part, replies = COMMENTED[name]

    class Doc:
        text, title, author, date, sitename = "\n".join(lines), "The old film", None, None, None
    monkeypatch.setattr(extract, "_bare_extract", lambda *a, **k: Doc())
    monkeypatch.setattr(extract, "baseline_text", lambda html: "")
    monkeypatch.setattr(extract, "VOTERS", ("rules",))
    text, _ = extract_html(wrap(NAV + part + FOOTER))
    assert "holds up better" in text and "large screen" in text
    assert ("Reader 11 says" in text) is replies


def test_finding_comment_sections_is_linear_in_the_page():
    """comments.comment_sections walks the container once and does not enter a section it found."""
    from service.html.comments import comment_sections

    def cost(n: int) -> float:
        element = lxml.html.fromstring("<div>" + "".join(
            f"<div class=comment-{i}><div class=comment-body><p>Reply {i}.</p></div></div><p>Item {i}.</p>"
            for i in range(n)) + "</div>")
        started = time.process_time()
        assert len(comment_sections(element)) == n
        return time.process_time() - started

    small = min(cost(2000) for _ in range(3))
    large = min(cost(16000) for _ in range(3))
    assert large / max(small, 1e-3) < 16, f"8x the page cost {large / max(small, 1e-3):.1f}x the CPU"


_TITLED_PAGE = ("<html><head><title>Harbour council votes on the new ferry line</title></head><body><article>"
                + "<p>The harbour council voted on Tuesday to open a new ferry line to the islands next spring.</p>" * 6
                + "</article></body></html>")


def test_trafilatura_reads_no_date_and_the_metadata_once(monkeypatch):
    """trafilatura's own date search (htmldate over the whole page, in each of its two passes) is
    never used (dates.page_date reads the markup's): it does not run, and the page's metadata is
    read by one pass, the other reads only the text."""
    import trafilatura.metadata as tm

    from service.html import extract

    dates, metadata = [], []
    monkeypatch.setattr(tm, "find_date", lambda *a, **k: dates.append(1) or "1999-01-01")
    reads = extract._bare_extract
    monkeypatch.setattr(extract, "_bare_extract", lambda html, **kw: metadata.append(kw.get("with_metadata", True))
                        or reads(html, **kw))
    text, meta = extract_html(_TITLED_PAGE)
    assert "ferry line" in text and meta["title"] == "Harbour council votes on the new ferry line"
    assert "date" not in meta and dates == [] and metadata == [True, False]
    assert tm.find_date("<html></html>") == "1999-01-01"  # other callers get htmldate's answer


def test_the_metadata_comes_from_the_recall_pass_when_the_precise_one_finds_nothing(monkeypatch):
    from service.html import extract

    reads = extract._bare_extract
    monkeypatch.setattr(extract, "_bare_extract",
                        lambda html, **kw: None if kw.get("favor_precision") else reads(html, **kw))
    text, meta = extract_html(_TITLED_PAGE)
    assert "ferry line" in text and meta["title"] == "Harbour council votes on the new ferry line"
