"""The preview page at /, HTML diffs that show hostile text as text, and a browser test.

The browser test drives Debian's Chromium (/usr/bin/chromium, installed by
.ci/install-browser) through Playwright; it skips when either is missing.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from spec import assert_conforms

import service
from service import diff as diffs
from service.edits import Edit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
STATIC = Path(service.__file__).parent / "app" / "static"
HOSTILE = ("<script>alert(1)</script>  and  \"><img src=x onerror=alert(1)>  donâ€™t "
           "'\"><svg onload=alert(2)>  &amp; &lt;b&gt;")
# Several kinds of edits, for when the seed article is absent.
FALLBACK_TEXT = ("The goverment  met Dr. S.J. Shankar.   The two counties donâ€™t agree.\n\n\n\n"
                 "Talks  continue \u200btoday.  ")


# ---- the page --------------------------------------------------------------------

def test_page_is_served_with_a_strict_csp(client):
    r = client.get("/")
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert_conforms("/", "get", r)
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    page = r.get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    # no inline script or style, no event-handler attributes, nothing from another origin
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert not re.search(r"\son[a-z]+=|\sstyle=|<style", page)
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_static_files_are_served(client):
    js = client.get("/static/preview.js")
    css = client.get("/static/preview.css")
    assert js.status_code == 200 and js.mimetype in ("text/javascript", "application/javascript")
    assert css.status_code == 200 and css.mimetype == "text/css"
    assert client.get("/static/nothing.js").get_json()["error"]["code"] == "not_found"


def test_script_never_writes_html():
    source = (STATIC / "preview.js").read_text(encoding="utf-8")
    source = re.sub(r"^\s*//.*$", "", source, flags=re.M)  # comments may name what the code avoids
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, sink


# ---- HTML diffs escape everything -----------------------------------------------

class TagCollector(HTMLParser):
    """Every tag and its attributes, and the text as a browser would show it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.inside = [], [], None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.inside = tag

    def handle_endtag(self, tag):
        self.inside = None

    def handle_data(self, data):
        if self.inside != "ins":
            self.text.append(data)


def parse_html(fragment: str) -> TagCollector:
    collector = TagCollector()
    collector.feed(fragment)
    collector.close()
    return collector


@pytest.mark.parametrize("text", [HOSTILE, "  <b>x</b>  ", '"  \'  <', "<!--  -->  ]]>  <![CDATA[  "])
def test_html_diff_shows_markup_as_text(client, text):
    r = client.post("/v1/clean", json={"text": text, "diff": "html"})
    assert r.status_code == 200
    body = r.get_json()
    assert body["edits"], "whitespace edits expected"
    parsed = parse_html(body["diff"])
    assert {tag for tag, _ in parsed.tags} <= {"del", "ins"}
    for _, attrs in parsed.tags:
        assert set(attrs) == {"data-id", "data-rule", "data-step", "title"}
    # the original shows through unchanged: it was escaped, not interpreted
    assert "".join(parsed.text) == text
    ids = [attrs["data-id"] for _, attrs in parsed.tags]
    assert set(ids) == {e["id"] for e in body["edits"]}


def test_html_diff_escapes_attributes():
    evil = '"><img src=x onerror=alert(1)>'
    edit = Edit(id=evil, start=0, end=1, original="<", replacement=evil, step=evil, rule=evil,
                message=evil + "'", confidence=1.0)
    out = diffs.html("<a", [edit])
    parsed = parse_html(out)
    assert [tag for tag, _ in parsed.tags] == ["del", "ins"]
    for _, attrs in parsed.tags:
        assert attrs["data-id"] == evil and attrs["title"] == evil + "'"
    assert "<img" not in out and html.escape(evil) in out


def test_inline_and_unified_diffs_are_plain_text(client):
    body = client.post("/v1/clean", json={"text": HOSTILE, "diff": "inline"}).get_json()
    assert "<script>alert(1)</script>" in body["diff"]
    body = client.post("/v1/apply", json={"text": HOSTILE, "edits": body["edits"], "diff": "html"}).get_json()
    assert {tag for tag, _ in parse_html(body["diff"]).tags} <= {"del", "ins"}


# ---- the browser test --------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: run .ci/install-browser (Debian's chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_url):
    """A fresh page on the preview, failing the test on any dialog or console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.goto(live_url + "/")
    page.problems = problems
    yield page
    context.close()


def review_text() -> str:
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
    text = seed.read_text(encoding="utf-8") if seed.exists() else FALLBACK_TEXT
    return text + "\n" + HOSTILE + "\n"


def clean_in_page(page, text: str) -> None:
    page.fill("#input", text)
    page.click("#clean")
    page.wait_for_selector("#result[data-state=ready]")


def wait_for_result(page, expected: str) -> None:
    page.wait_for_function("(want) => document.getElementById('result').value === want", arg=expected,
                           timeout=15000)


def test_reject_one_accept_the_rest_in_the_browser(page, client, tmp_path):
    text = review_text()
    body = client.post("/v1/clean", json={"text": text}).get_json()
    edits = body["edits"]
    kinds = {e["step"].split("+")[0] for e in edits}
    assert len(edits) >= 3 and len(kinds) >= 2, "the text should get several edits of different kinds"
    target = edits[len(edits) // 2]
    expected = client.post("/v1/apply", json={"text": text, "edits": edits, "reject": [target["id"]]}) \
        .get_json()["text"]

    clean_in_page(page, text)
    buttons = page.locator("#review button.edit")
    assert buttons.count() == len(edits) + len(body["suggestions"])  # suggestions are shown too, not applied
    # start from nothing accepted, then accept all but one: half by mouse, half by keyboard
    page.click("#kinds button[data-kind-action=reject][data-kind='']")
    wait_for_result(page, text)
    for i, e in enumerate(edits):
        if e["id"] == target["id"]:
            continue
        button = page.locator(f"#review button.edit[data-id='{e['id']}']")
        if i % 2:
            button.click()
        else:
            button.focus()
            page.keyboard.press("a")
        assert button.get_attribute("aria-pressed") == "true"
    target_button = page.locator(f"#review button.edit[data-id='{target['id']}']")
    assert target_button.get_attribute("aria-pressed") == "false"
    wait_for_result(page, expected)
    assert page.input_value("#result") == expected

    # the reason shows on keyboard focus and on hover
    target_button.focus()
    tip = target_button.locator(".tip")
    assert tip.is_visible() and target["message"] in tip.text_content()
    assert f"{round(target['confidence'] * 100)}%" in tip.text_content()
    assert target_button.get_attribute("aria-describedby") == tip.get_attribute("id")

    # hostile text is shown as text, nothing of it runs or becomes markup
    assert page.locator("#review img, #review script, #review svg").count() == 0
    assert "<script>alert(1)</script>" in page.text_content("#review")
    assert page.problems == []

    # the diff and the download match the choice
    page.click("#diff-box summary")
    assert page.text_content("#diff").startswith("--- original")
    with page.expect_download() as info:
        page.click("#download")
    assert Path(info.value.path()).read_text(encoding="utf-8") == expected

    page.screenshot(path=str(tmp_path / "desktop.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    target_button.focus()
    page.screenshot(path=str(tmp_path / "phone.png"))
    # usable on a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_accept_or_reject_all_of_one_kind(page, client):
    text = FALLBACK_TEXT
    edits = client.post("/v1/clean", json={"text": text}).get_json()["edits"]
    whitespace = [e["id"] for e in edits if e["step"].split("+")[0] == "whitespace"]
    assert whitespace
    expected = client.post("/v1/apply", json={"text": text, "edits": edits, "reject": whitespace}).get_json()
    clean_in_page(page, text)
    page.click("#kinds button[data-kind-action=reject][data-kind=whitespace]")
    wait_for_result(page, expected["text"])
    pressed = page.eval_on_selector_all(
        "#review button.edit", "bs => bs.map(b => [b.dataset.kind, b.getAttribute('aria-pressed')])")
    assert all((state == "false") == (kind == "whitespace") for kind, state in pressed)
    page.click("#kinds button[data-kind-action=accept][data-kind=whitespace]")
    wait_for_result(page, client.post("/v1/clean", json={"text": text}).get_json()["text"])
    assert page.problems == []


def test_load_a_text_file(page):
    page.set_input_files("#file", files=[{"name": "story.txt", "mimeType": "text/plain",
                                          "buffer": "donâ€™t  panic 😀".encode("utf-8")}])
    page.wait_for_function("() => document.getElementById('input').value !== ''")
    assert page.input_value("#input") == "donâ€™t  panic 😀"
    page.click("#clean")
    page.wait_for_selector("#result[data-state=ready]")
    assert page.input_value("#result") == "don’t panic 😀"


def test_an_api_error_is_shown_not_thrown(page):
    page.fill("#input", "x" * (2 * 1024 * 1024 + 10))
    page.click("#clean")
    page.wait_for_selector("#status.error")
    assert "larger than the limit" in page.text_content("#status")


def test_suggestions_are_shown_and_applied_only_when_accepted(page, client):
    text = "We now that the company lost money."
    body = client.post("/v1/clean", json={"text": text}).get_json()
    assert body["edits"] == [] and len(body["suggestions"]) == 1, "the case needs one suggestion and no edit"
    suggestion = body["suggestions"][0]
    clean_in_page(page, text)
    button = page.locator(f"#review button.edit.suggestion[data-id='{suggestion['id']}']")
    assert button.count() == 1 and button.get_attribute("aria-pressed") == "false"
    assert "suggestion" in page.text_content("#status").lower()
    assert page.input_value("#result") == text  # not applied until accepted
    button.click()
    wait_for_result(page, text[:suggestion["start"]] + suggestion["replacement"] + text[suggestion["end"]:])
    assert page.problems == []


def test_the_reason_of_an_edit_on_the_last_line_is_not_cut_off(page):
    text = "\n".join(f"Line {i} of a long text that fills the review box." for i in range(60)) + "\nTeh end."
    clean_in_page(page, text)
    last = page.locator("#review button.edit").last
    last.scroll_into_view_if_needed()
    last.focus()
    tip = last.locator(".tip")
    assert tip.is_visible()
    box, review = tip.bounding_box(), page.locator("#review").bounding_box()
    viewport = page.viewport_size
    # wholly inside the viewport, and drawn even where it leaves the scrolling review box
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    assert page.evaluate("""() => {
        const tip = [...document.querySelectorAll('#review button.edit .tip')].pop();
        tip.style.pointerEvents = 'auto';  // hit-testable for this check only
        const t = tip.getBoundingClientRect();
        const hits = [[t.left + 2, t.top + 2], [t.left + 2, t.bottom - 2]].map(
            ([x, y]) => document.elementFromPoint(x, y));
        tip.style.pointerEvents = '';
        return hits.every((h) => h === tip);
    }""")
    assert review is not None and page.problems == []
