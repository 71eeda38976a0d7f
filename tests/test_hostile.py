"""Hostile input against the HTTP API: huge bodies, huge lines, many lines, deep JSON,
bad UTF-8, control, bidi and zero-width characters, HTML and <script>, and every
mojibake ftfy knows (single and double). Each gets a precise error or a 200 whose
edits rebuild the output exactly (tests/invariant.py).

Time bounds here are ratios or generous ceilings, so a busy CI machine does not
make them flaky, while a quadratic path or a server that reads a whole oversized
body before refusing it still fails them.
"""
from __future__ import annotations

import gc
import io
import json
import random
import socket
import time
import urllib.parse

import pytest
from invariant import assert_invariant

TEN_MB = 10 * 1024 * 1024


def clean_ok(client, text: str, **options) -> dict:
    """POST text to /v1/clean; assert 200 and the edit invariant; return the body."""
    r = client.post("/v1/clean", json={"text": text, **options})
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    body = r.get_json()
    assert_invariant(text, body["edits"], body["text"])
    return body


# --- size: 10 MB body, 1 MB line, 100k lines ---------------------------------------------------

def test_ten_megabyte_body_is_refused_fast(client):
    started = time.perf_counter()
    r = client.post("/v1/clean", data=b"a" * TEN_MB, content_type="text/plain")
    elapsed = time.perf_counter() - started
    assert r.status_code == 413 and r.get_json()["error"]["code"] == "payload_too_large"
    assert elapsed < 1.0, f"413 took {elapsed:.2f}s"


def test_oversized_body_is_refused_before_it_is_read(live_url):
    """Content-Length says 10 MB but only 64 KB are sent: the answer must still come at once.

    A server that read the body before checking the limit would wait for bytes that never
    come, and the client's 1 s timeout would fail this test.
    """
    url = urllib.parse.urlsplit(live_url)
    with socket.create_connection((url.hostname, url.port), timeout=5) as s:
        s.sendall(b"POST /v1/clean HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                  b"Content-Length: %d\r\n\r\n" % TEN_MB + b"a" * 65536)
        started = time.perf_counter()
        s.settimeout(1.0)
        head = b""
        while b"\r\n" not in head:
            chunk = s.recv(4096)
            if not chunk:
                break
            head += chunk
        elapsed = time.perf_counter() - started
    assert head.startswith(b"HTTP/1.1 413"), head[:100]
    assert elapsed < 1.0


CHUNKED = {"Transfer-Encoding": "chunked"}


def post_chunked(client, path: str, body: bytes, content_type: str):
    """A body without Content-Length, as a chunked request reaches the app from gunicorn."""
    return client.post(path, input_stream=io.BytesIO(body), content_type=content_type, headers=CHUNKED,
                       environ_overrides={"wsgi.input_terminated": True})


def padded(template: bytes):
    """A maker of bodies of exactly n bytes: `template` with its {} filled with a's."""
    return lambda n: template.replace(b"{}", b"a" * (n - len(template) + 2))


@pytest.mark.parametrize("path,content_type,make", [
    ("/v1/clean?steps=whitespace", "text/plain", padded(b"{}")),
    ("/v1/clean?steps=whitespace", "application/json", padded(b'{"text": "{}"}')),
    ("/v1/apply", "application/json", padded(b'{"text": "{}", "edits": []}')),
    ("/v1/batch", "application/json", padded(b'{"documents": [{"id": 1, "text": "{}"}]}')),
], ids=["clean-text", "clean-json", "apply", "batch"])
def test_chunked_body_over_the_limit_is_refused_not_truncated(path, content_type, make, make_app):
    """Werkzeug stops reading a chunked body at the limit without a word; the app must say 413,
    not clean the first MAX_BYTES of it (regression: a 3 MB chunked body came back as 2 MB)."""
    limit = 4096
    small = make_app(MAX_CONTENT_LENGTH=limit).test_client()
    exact, over = make(limit), make(limit + 1)
    assert len(exact) == limit and len(over) == limit + 1
    r = post_chunked(small, path, exact, content_type)
    assert r.status_code == 200, r.get_data(as_text=True)[:200]
    for body in (over, make(3 * limit)):
        r = post_chunked(small, path, body, content_type)
        assert r.status_code == 413, (len(body), r.status_code, r.get_data(as_text=True)[:200])
        assert r.get_json()["error"]["code"] == "payload_too_large"


def test_chunked_languagetool_form_over_the_limit_is_refused_not_truncated(make_app):
    small = make_app(MAX_CONTENT_LENGTH=4096).test_client()
    body = b"language=en-US&text=" + b"teh  " * 2000
    r = post_chunked(small, "/v2/check", body, "application/x-www-form-urlencoded")
    assert r.status_code == 413, f"{r.status_code}: the text was cut at 4096 bytes and checked"


def prose_line(size: int) -> str:
    """`size` characters of one paragraph of damaged news prose (no line breaks)."""
    from bench.load import make_article
    article = make_article(random.Random(3), 5000).replace("\n", " ")
    return (article * (size // len(article) + 1))[:size]


def test_one_megabyte_line_is_answered_in_linear_time(make_app):
    """Ten times the text, about ten times the work: quadratic would be ~100x.

    CPU time of this process (the test client runs the app in it), not wall time, so
    other jobs on the machine do not count; best of three (100 KB) and of two (1 MB). Today
    about 10x now that whitespace and context skip taken spans in logarithmic time.
    """
    # The request's time budget is wall time: under a loaded machine the 1 MB text would come
    # back partly cleaned (test_budget.py tests that), so this test, which measures CPU, lifts it.
    big = make_app(MAX_CONTENT_LENGTH=4 * 1024 * 1024, TIME_BUDGET_MS=600_000).test_client()
    small_text, large_text = prose_line(100_000), prose_line(1_000_000)
    clean_ok(big, small_text[:5000])  # warm

    def cost(text: str) -> float:
        started = time.process_time()
        body = clean_ok(big, text)
        spent = time.process_time() - started
        assert body["stats"]["chars_in"] == len(text)
        assert "  " not in body["text"] and "teh " not in body["text"]
        return spent

    small = min(cost(small_text) for _ in range(3))
    large = min(cost(large_text) for _ in range(2))  # the first 1 MB run also pays for growing the heap
    ratio = large / small
    assert ratio < 25, f"100 KB took {small:.2f}s of CPU, 1 MB {large:.2f}s ({ratio:.1f}x)"


def test_a_hundred_thousand_tiny_lines(client):
    text = "ab cd.\n" * 100_000
    started = time.perf_counter()
    body = clean_ok(client, text)
    assert time.perf_counter() - started < 30
    assert body["text"].count("\n") >= 99_000


def test_many_lines_of_one_character_and_blank_runs(client):
    clean_ok(client, "a\n" * 50_000)
    clean_ok(client, "\n" * 50_000 + "The end.")
    clean_ok(client, "\r\n" * 20_000 + "x" + "\r" * 20_000)


# --- JSON: deep nesting on every JSON endpoint --------------------------------------------------

DEEP = 100_000
DEEP_BODIES = {
    "open_arrays": '{"text": ' + "[" * DEEP,
    "closed_arrays": '{"text": "a", "names": ' + "[" * DEEP + "]" * DEEP + "}",
    "objects": '{"a":' * DEEP + "1" + "}" * DEEP,
    "mixed": '{"text": "a", "steps": ' + '[{"x":' * (DEEP // 2) + "1" + "}]" * (DEEP // 2) + "}",
}


@pytest.mark.parametrize("endpoint", ["/v1/clean", "/v1/batch", "/v1/apply"])
@pytest.mark.parametrize("name", sorted(DEEP_BODIES))
def test_deeply_nested_json_is_a_400_not_a_crash(client, endpoint, name):
    r = client.post(endpoint, data=DEEP_BODIES[name], content_type="application/json")
    assert r.status_code == 400, r.get_data(as_text=True)[:200]
    assert r.get_json()["error"]["code"] == "invalid_json"


def test_deeply_nested_ndjson_line_is_reported_on_its_line(client):
    lines = [json.dumps({"id": 1, "text": "a  b"}), '{"id": 2, "text": ' + "[" * DEEP,
             json.dumps({"id": 3, "text": "c  d"})]
    r = client.post("/v1/batch", data="\n".join(lines) + "\n", content_type="application/x-ndjson")
    assert r.status_code == 200
    results = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    assert [("error" in x) for x in results] == [False, True, False], results
    assert results[0]["text"] == "a b" and results[2]["text"] == "c d"


# --- encodings ----------------------------------------------------------------------------------

INVALID_UTF8 = {
    "lone_ff": b"\xff",
    "lone_continuation": b"a\x80b",
    "overlong_slash": b"\xc0\xaf",
    "overlong_nul": b"\xc0\x80",
    "encoded_surrogate": b"\xed\xa0\x80",
    "beyond_10ffff": b"\xf4\x90\x80\x80",
    "truncated_at_end": b"caf\xc3",
    "truncated_4byte": b"\xf0\x9f\x98",
    "latin1_text": "naïve café".encode("latin-1"),
    "utf16_without_charset": "text".encode("utf-16"),
}


@pytest.mark.parametrize("name", sorted(INVALID_UTF8))
def test_invalid_utf8_is_refused_with_the_byte_offset(client, name):
    raw = INVALID_UTF8[name]
    for body, kind in ((raw, "text/plain"), (b'{"text": "' + raw + b'"}', "application/json")):
        r = client.post("/v1/clean", data=body, content_type=kind)
        assert r.status_code == 400, (kind, r.get_data(as_text=True))
        error = r.get_json()["error"]
        assert error["code"] == "invalid_encoding" and "byte" in error["message"]


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\ud83d", "\\ude00x", "\\uDBFF\\u0041"])
def test_lone_surrogate_escapes_are_refused(client, escape):
    r = client.post("/v1/clean", data='{"text": "a ' + escape + ' b"}', content_type="application/json")
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "invalid_encoding"


def test_paired_surrogate_escape_is_an_emoji(client):
    r = client.post("/v1/clean", data='{"text": "smile \\ud83d\\ude00 now"}', content_type="application/json")
    assert r.status_code == 200 and "😀" in r.get_json()["text"]


# --- characters: control, NUL, bidi, zero-width, non-characters ---------------------------------

C0 = "".join(chr(i) for i in range(32))
C1 = "".join(chr(i) for i in range(0x80, 0xA0))
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad"
HOSTILE_TEXTS = {
    "c0_controls": f"The minister{C0}met his counterpart.",
    "c1_controls": f"The minister{C1}met his counterpart.",
    "nul_everywhere": "\x00".join("The minister met his counterpart in Tokyo."),
    "only_nul": "\x00" * 1000,
    "del_and_escape": "colour\x7f \x1b[31mred\x1b[0m \x1b]0;title\x07 text",
    "bidi_override": f"Pay {BIDI} invoice\u202e exe.txt\u202c now.",
    "trojan_source": "access_level = \"user\u202e \u2066// Check if admin\u2069 \u2066\"",
    "zero_width_inside_words": "go" + ZERO_WIDTH + "vernment rec\u200bieved thier report.",
    "only_zero_width": ZERO_WIDTH * 200,
    "rtl_languages": "שלום עולם. مرحبا بالعالم. The minister met his counterpart.",
    "mixed_rtl_ltr_numbers": "\u05d0\u05d1 123 \u0627\u0644 456 abc \u202bdef\u202c",
    "non_characters": "a\ufffe b\uffff c\U0010ffff d\U000effff e\ufdd0 f",
    "bom_and_replacement": "\ufeffThe text\ufffd\ufffd with replacement marks.",
    "combining_pileup": "Z" + "\u0336\u0334\u0335\u0337" * 500 + "algo text.",
    "emoji_sequences": "👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇯🇵 1️⃣ teh end",
    "lone_combining_at_start": "\u0301\u0308 starts with marks",
    "line_and_paragraph_separators": "one\u2028two\u2029three\x85four\x0bfive\x0csix",
    "private_use_and_astral": "\ue000\uf8ff \U0001d400\U0001f600 \U00020000 text",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_characters_get_a_correct_answer(client, name):
    text = HOSTILE_TEXTS[name]
    body = clean_ok(client, text)
    # no step may invent a bidi override the text did not have (it could reorder a display)
    for ch in BIDI:
        assert body["text"].count(ch) <= text.count(ch)


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_hostile_characters_as_plain_text_body(client, name):
    text = HOSTILE_TEXTS[name]
    r = client.post("/v1/clean?diff=inline", data=text.encode("utf-8"), content_type="text/plain; charset=utf-8")
    assert r.status_code == 200
    body = r.get_json()
    assert_invariant(text, body["edits"], body["text"])


# --- HTML and <script> --------------------------------------------------------------------------

ARTICLE = ("<p>The minister met his counterpart in Tokyo on Friday. Both sides agreed to cooperate on "
           "telecommunications and artificial intelligence. Analysts said the agreement could reshape "
           "regional supply chains.</p><p>Officials declined to comment on the timing of the summit.</p>")
HOSTILE_HTML = (
    "<html><head><title>T</title><script>alert('XSS1')</script><style>body{x:expression(XSS2)}</style></head>"
    "<body><nav>Home</nav><article>" + ARTICLE +
    "<script>document.cookie='XSS3'</script><img src=x onerror=\"alert('XSS4')\">"
    "<iframe src=\"javascript:alert('XSS5')\"></iframe><svg onload=alert('XSS6')></svg>"
    "<a href=\"javascript:alert('XSS7')\">link</a><noscript>XSS8</noscript>"
    "</article></body></html>")


def test_html_scripts_never_reach_the_cleaned_text(client):
    for r in (client.post("/v1/clean", json={"html": HOSTILE_HTML}),
              client.post("/v1/clean", data=HOSTILE_HTML, content_type="text/html")):
        assert r.status_code == 200 and r.mimetype == "application/json"
        body = r.get_json()
        extracted = body["input"]["text"]
        assert "Tokyo" in extracted
        for n in range(1, 8):
            assert f"XSS{n}" not in extracted and f"XSS{n}" not in body["text"]
        assert_invariant(extracted, body["edits"], body["text"])


@pytest.mark.parametrize("text", [
    "<script>alert('x')</script>",
    "Hello <script>alert(1)</script> world\n<img src=x onerror=alert(2)>",
    "</script><script>alert(1)</script><!--",
    "<" * 5000 + ">" * 5000,
    "&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; &#0; &#x110000; &#xD800;",
    "<![CDATA[ x ]]> <?xml version='1.0'?> <!DOCTYPE html>",
])
def test_html_sent_as_text_is_text(client, text):
    r = client.post("/v1/clean", json={"text": text})
    assert r.status_code == 200 and r.mimetype == "application/json"
    body = r.get_json()
    assert_invariant(text, body["edits"], body["text"])


@pytest.mark.parametrize("html", ["", " ", "<", "<html>", "<script>only</script>", "\x00<p>\x00</p>",
                                  "<p>" * 20_000, "<div>" * 3000 + "deep" + "</div>" * 3000])
def test_degenerate_html_is_answered(client, html):
    r = client.post("/v1/clean", json={"html": html})
    assert r.status_code in (200, 400), r.get_data(as_text=True)[:300]
    if r.status_code == 200:
        body = r.get_json()
        assert_invariant(body["input"]["text"], body["edits"], body["text"])
    else:
        assert r.get_json()["error"]["code"]


# --- every mojibake ftfy knows ------------------------------------------------------------------

SAMPLE = "The café’s naïve façade — “quoted” and ‘single’ … über Ærø 😀 costs €5."


def mojibake_cases():
    ftfy_chardata = pytest.importorskip("ftfy.chardata")
    import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-* codecs)
    cases = []
    for encoding in ftfy_chardata.CHARMAP_ENCODINGS:
        once = SAMPLE.encode("utf-8").decode(encoding, errors="replace")
        twice = once.encode("utf-8").decode(encoding, errors="replace")
        cases += [pytest.param(encoding, once, id=f"{encoding}-once"),
                  pytest.param(encoding, twice, id=f"{encoding}-twice")]
    return cases


@pytest.mark.parametrize("encoding,damaged", mojibake_cases())
def test_every_mojibake_ftfy_knows(client, encoding, damaged):
    assert damaged != SAMPLE
    clean_ok(client, damaged)                        # every step: 200 and the invariant
    clean_ok(client, f"Intro line.\n\n{damaged}\n\n{damaged} again.")
    repaired = clean_ok(client, damaged, steps=["unicode"])
    assert repaired["text"] == SAMPLE, f"{encoding}: {repaired['text']!r}"


# --- many edits in one document: the work must grow linearly ------------------------------------

def cpu_ratio(step: str, unit: str, n: int, factor: int = 8, head: str = "") -> float:
    """CPU time to clean `head` + `unit` * (factor * n) over `head` + `unit` * n (best of two), one step."""
    import service
    service.clean(unit * 10, steps=[step])  # warm

    def cost(text: str) -> float:
        # the collector off: in the whole suite's large heap, a full collection
        # that the larger case happens to trigger costs more than the work measured
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            result = service.clean(text, steps=[step], diff="none")
            spent = time.process_time() - started
        finally:
            gc.enable()
        assert len(result.edits) >= text.count(unit) // 2, "the case needs many edits to mean anything"
        return spent

    # best of three on both sides: one collector pause must not decide the ratio
    small = min(cost(head + unit * n) for _ in range(3))
    large = min(cost(head + unit * (factor * n)) for _ in range(3))
    return large / max(small, 1e-3)


# 8x the edits: linear work is ~8x, quadratic ~64x. Each case costs 1-3 s while it is quadratic.
def test_whitespace_work_is_linear_in_the_number_of_edits():
    ratio = cpu_ratio("whitespace", "a  ", 800)
    assert ratio < 16, f"8x the edits cost {ratio:.1f}x the CPU"


def test_context_work_is_linear_in_the_number_of_edits():
    ratio = cpu_ratio("context", "I could of gone. ", 300)
    assert ratio < 16, f"8x the edits cost {ratio:.1f}x the CPU"


# A link title's shape beside prose: chrome.content.own_items looks for each title in the
# page's prose (it searched the whole prose once per title line: 12x slower at 1 MB).
TITLE_BESIDE_PROSE = ("Harbour Lights Festival Returns – Coastal Times\n\n"
                      "The council met on Monday and the members discussed the budget for the year.\n\n")


# Section headings and labels between paragraphs (chrome.tail.sibling_headings counts the headings
# around each label) and a label inside a cut sentence (chrome.content.in_sentence).
HEADINGS_BESIDE_LABELS = ("The council met on Monday and the members discussed the budget for the year.\n\n"
                          "Background\n\nThe members agreed to meet again in the spring, the chair said.\n\n"
                          "See also\n\nThe plan accepts a construct such as\nX\nonly in the first year.\n\n"
                          "Share this article\n\n")


# A thread's counts under answers, a listing's reading times, a manual's headings in capitals, a
# written list's heading (article.post_comment_counts, listing.item_reading_times,
# tail.heads_in_capitals, tail.heads_written_list): each counted in one pass over the page.
THREADS_AND_MANUALS = ("The council met on Monday and the members discussed the budget for the year.\n\n"
                       "5 Comments\n\njdoe\n\nMay 3, 2024\n\n3 min read\n\nDESCRIPTION\n\n"
                       "The members agreed to meet again in the spring, the chair said.\n\n"
                       "SEE ALSO\n\nRelated\n- Budget rules\n- Spring agenda\n\n")

# A listing's items with their details (chrome.details.item_details): each item's frame read once,
# a few blocks back from its dateline. Stamped with a time of day, the details are a thread's
# post headers and go, so the case has its edits.
LISTING_DETAILS = ("New bridge opens over the river\n\n"
                   "The town's new bridge opened on Monday after six years of work and a long argument.\n\n"
                   "Jane Doe\n\ncomment\n\ncity life\n\nFebruary 25, 2026 at 8:28 am\n\n")

# Copyright lines, cookie notices and a panel's labels over and over (consent.consent_panel): the
# panel is read once, from the page's end up.
CONSENT_PANELS = ("The council met on Monday and the members discussed the budget for the year.\n\n"
                  "© 2024 The Courier. All rights reserved.\n\n"
                  "We use cookies to give you the best experience on our website and analyse traffic.\n\n"
                  "Strictly Necessary Cookies\n\nThese cookies keep the site working for you.\n\nAccept all\n\n")


# A product's page with its headline and price, then other products' cards over and over
# (chrome.carousels.other_products): the runs of prices are read in one pass.
PRODUCT_HEAD = ("Trail Mug - Blue | Northwind\n\nTrail Mug\n$24.00\n\n"
                "India and Japan have finalised an agreement that provides for cooperation in 5G technology, "
                "artificial intelligence and a range of other critical areas, officials said on Wednesday.\n\n")
PRODUCT_CARDS = "Camp Cup\nSteel\n$12.00\n"


# A product's page, then rating distributions' steps over and over, of three shapes
# (chrome.reviews.customer_reviews): each step reads a few blocks after it; the reviews go to the end.
RATING_STEPS = "5 stars\n106\n5 ★\n4 star reviews\n26\n"


def test_customer_reviews_work_is_linear_in_the_number_of_steps():
    ratio = cpu_ratio("chrome", RATING_STEPS, 500, head=PRODUCT_HEAD + "Reviews\n" + RATING_STEPS.replace("5 ★", "4 stars")
                      + "3 stars\n15\n2 stars\n5\n1 stars\n7\n")
    assert ratio < 16, f"8x the steps cost {ratio:.1f}x the CPU"


# A category page's filters over and over (chrome.facets.filter_options): each option is read once.
FILTER_OPTIONS = "Altra\n(73)\nBrooks (71)\n"


def test_filter_options_work_is_linear_in_the_number_of_options():
    ratio = cpu_ratio("chrome", FILTER_OPTIONS, 500, head=PRODUCT_HEAD)
    assert ratio < 16, f"8x the options cost {ratio:.1f}x the CPU"


def test_carousels_work_is_linear_in_the_number_of_cards():
    ratio = cpu_ratio("chrome", PRODUCT_CARDS, 500, head=PRODUCT_HEAD)
    assert ratio < 16, f"8x the cards cost {ratio:.1f}x the CPU"


@pytest.mark.parametrize("step,unit", [("chrome", "Share this article\n"), ("chrome", TITLE_BESIDE_PROSE),
                                       ("chrome", HEADINGS_BESIDE_LABELS), ("chrome", THREADS_AND_MANUALS),
                                       ("chrome", CONSENT_PANELS), ("chrome", LISTING_DETAILS),
                                       ("unicode", "cafÃ©. The minister met him.\n\n")],
                         ids=["chrome", "titles", "headings", "threads", "consent", "details", "mojibake"])
def test_other_steps_work_is_linear_in_the_number_of_edits(step, unit):
    ratio = cpu_ratio(step, unit, 500)
    assert ratio < 16, f"{step}: 8x the edits cost {ratio:.1f}x the CPU"


def test_a_long_header_above_the_headline_costs_linear_time():
    # headline.header_blocks: the title's parts are read once and each block is compared with them
    # once, however many header lines stand above the headline (one deletion each)
    import service

    def page(n: int) -> str:
        labels = "".join(f"Aisle {k} Shelf\n" for k in range(n))
        return ("Trail Runner Shoe - Navy | Northwind\n\n" + labels + "Northwind\nShoes\nTrail Runner Shoe\n\n"
                + "The council met on Monday and the members discussed the budget for the coming year.\n" * 3)

    service.clean(page(10), steps=["chrome"])  # warm

    def cost(n: int) -> tuple[float, int]:
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            result = service.clean(page(n), steps=["chrome"], diff="none")
            return time.process_time() - started, len(result.edits)
        finally:
            gc.enable()

    (small, edits), (large, _) = min(cost(500), cost(500)), min(cost(4000), cost(4000))
    assert edits >= 250, "the case needs many deletions to mean anything"
    assert large / small < 16, f"8x the header lines cost {large / small:.1f}x the CPU"

# --- request validation and output bounds (issue 19) ------------------------------------------
# Each row: the request, and what it did before (in the comment). Bounds are generous: the
# point is a 4xx or a bounded answer instead of a 500, gigabytes or hundreds of megabytes.

def peak_traced(fn):
    """(result, peak bytes Python allocated while fn ran)."""
    import tracemalloc
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_one_long_request_name_is_refused(client):
    # was: 200 after 14 s, worker +2 GB (every prefix of the name stored)
    r = client.post("/v1/clean", json={"text": "The minister met AAAA.", "names": ["A" * 64000]})
    assert r.status_code == 400 and r.get_json()["error"]["code"] == "invalid_option"
    assert "names[0]" in r.get_json()["error"]["message"]


@pytest.mark.parametrize("names,where", [
    ([{"canonical": f"Person{i} Surname", "aliases": [f"Alias{j} Name" for j in range(100)]} for i in range(3)],
     "aliases"),
    ([{"canonical": "Xi Jinping", "aliases": ["B" * 300]}], "names[0].aliases[0]"),
    ([f"Name{i} " + "x" * 190 for i in range(600)], "characters in all"),
    ([{"canonical": f"N{i} S", "aliases": [f"A{i}x{j} B" for j in range(19)]} for i in range(300)], "aliases in all"),
    (["a"] * 1001, "at most 1000"),
], ids=["aliases-per-name", "alias-length", "total-chars", "total-forms", "count"])
def test_request_names_beyond_the_limits_are_a_400(client, names, where):
    # was: 1000 names x 100 aliases took 20 s and kept ~400 MB in the cache
    r = client.post("/v1/clean", json={"text": "The minister met Xi.", "names": names})
    assert r.status_code == 400, r.get_data(as_text=True)[:200]
    assert where in r.get_json()["error"]["message"]


def test_request_names_beyond_the_limits_fail_only_their_batch_document(client):
    docs = [{"id": 1, "text": "a  b", "options": {"names": ["A" * 500]}}, {"id": 2, "text": "c  d"}]
    results = client.post("/v1/batch", json={"documents": docs}).get_json()["results"]
    assert results[0]["error"]["code"] == "invalid_option" and results[1]["text"] == "c d"


def test_unknown_steps_of_any_type_get_a_short_message(client):
    r = client.post("/v1/clean", json={"text": "a", "steps": [{"x": "y" * 100_000}] * 10 + ["nope"] * 1000})
    assert r.status_code == 400 and len(r.get_data()) < 2000


def test_request_names_at_the_limits_compile_in_linear_memory():
    """A list just inside every limit: compiled in bounded memory (measured ~25 MB), and the
    structures grow linearly: one name 8x longer costs ~8x, not ~64x."""
    from service.options import NameEntry
    from service.steps.names.step import _compile_names
    _, one = peak_traced(lambda: _compile_names((NameEntry("A" * 25),)))
    _, eight = peak_traced(lambda: _compile_names((NameEntry("A" * 200),)))
    assert eight < 20 * one + 200_000, (one, eight)
    names = tuple(NameEntry(f"Given{i} Family{i}", tuple(f"Alias{i}x{j} Other{j}" for j in range(4)))
                  for i in range(1000))
    _, peak = peak_traced(lambda: _compile_names(names))
    assert peak < 150 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


def test_the_request_names_cache_is_bounded_in_bytes():
    """Many distinct large name lists: the cache keeps what fits its byte budget."""
    from service.options import NameEntry
    from service.sized_cache import SizedCache
    from service.steps.names import step as names_step
    small = SizedCache(max_bytes=2_000_000, max_entries=256)
    saved, names_step.REQUEST_NAMES_CACHE = names_step.REQUEST_NAMES_CACHE, small
    try:
        for n in range(6):
            names = tuple(NameEntry(f"Given{n}x{i} Family{i}") for i in range(200))
            names_step.compile_request_names(names)
        assert small.total_bytes <= 2_000_000 and len(small.keys()) < 6
    finally:
        names_step.REQUEST_NAMES_CACHE = saved


@pytest.mark.parametrize("name", [("a " * 300).strip(), " ".join(["ab"] * 600)])
def test_a_long_request_name_with_spaces_is_no_500(client, name):
    # was: 500 (RecursionError in names_scan.trie_regex); now over the length limit: a 400
    r = client.post("/v1/clean", json={"text": "the minister met a b and ab ab today.", "names": [name]})
    assert r.status_code == 400, r.get_data(as_text=True)[:200]
    r = client.post("/v1/clean", json={"text": "the minister met a b and ab ab today.", "names": [name[:200]]})
    assert r.status_code == 200, r.get_data(as_text=True)[:200]


def test_trie_regex_of_long_and_deeply_nested_phrases():
    """Whatever the limits let through, the regex builds and compiles: one phrase of
    5000 characters, and 400 phrases each the prefix of the next (nested groups)."""
    import re
    from service.steps.names.scan import trie_regex
    long = " ".join(["word"] * 1000)
    assert re.fullmatch(trie_regex([long]), long)
    nested = [" ".join(["ab"] * k) for k in range(1, 401)]
    pattern = re.compile(trie_regex(nested))
    assert pattern.match(nested[-1]).group() == nested[-1]
    assert pattern.match(nested[99] + " x").group() == nested[99]


HUGE = "9" * 5000


@pytest.mark.parametrize("path,body,content_type", [
    ("/v1/clean", '{"text": "a  b", "min_confidence": ' + HUGE + "}", "application/json"),
    ("/v1/clean", '{"text": "a  b", "min_confidence": 0.' + HUGE + "}", "application/json"),
    ("/v1/clean", '{"text": "a  b", "min_confidence": NaN}', "application/json"),
    ("/v1/apply", '{"text": "a  b", "edits": [{"start": ' + HUGE + ', "end": 1, "replacement": ""}]}',
     "application/json"),
    ("/v1/apply", '{"text": "a  b", "edits": [{"start": 1e999, "end": 1, "replacement": ""}]}', "application/json"),
    ("/v1/batch", '{"documents": [{"id": ' + HUGE + ', "text": "a  b"}]}', "application/json"),
    ("/v1/batch", '{"documents": [{"id": 1, "text": "a  b"}], "options": {"min_confidence": ' + HUGE + "}}",
     "application/json"),
], ids=["clean-int", "clean-fraction", "clean-nan", "apply-int", "apply-float", "batch-id", "batch-option"])
def test_a_number_of_thousands_of_digits_is_a_precise_400(client, path, body, content_type):
    # was: 500 (Python's int/str conversion limit)
    r = client.post(path, data=body, content_type=content_type)
    assert r.status_code == 400, r.get_data(as_text=True)[:200]
    error = r.get_json()["error"]
    assert error["code"] == "invalid_json" and ("digits" in error["message"] or "number" in error["message"])


def test_a_huge_number_in_languagetool_data_is_a_422(client):
    data = '{"annotation": [{"text": "teh cat"}], "x": ' + HUGE + "}"
    r = client.post("/v2/check", data={"language": "en-US", "data": data})
    assert r.status_code == 422 and r.get_json()["error"]["code"] == "invalid_data"


def test_ndjson_huge_number_and_lone_surrogate_are_errors_of_their_line(client):
    # was: the surrogate line cut the stream (500 from gunicorn), later lines lost
    lines = ['{"id": 1, "text": "a  b"}', '{"id": 2, "text": "x \\ud800 y"}', '{"id": ' + HUGE + ', "text": "c"}',
             '{"id": "\\udfff", "text": "c"}', '{"id": 5, "text": "c  d"}']
    r = client.post("/v1/batch", data="\n".join(lines) + "\n", content_type="application/x-ndjson")
    assert r.status_code == 200
    results = [json.loads(line) for line in r.get_data(as_text=True).splitlines()]
    assert [("error" in x) for x in results] == [False, True, True, True, False], results
    assert results[1]["error"]["code"] == "invalid_encoding" and results[1]["line"] == 2
    assert "digits" in results[2]["error"]["message"]
    assert results[4]["text"] == "c d"


def test_cli_batch_skips_a_lone_surrogate_line(tmp_path):
    from service.batch import run_batch
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "x \\ud800 y"}\n{"id": 2, "text": "a  b"}\n', encoding="utf-8")
    counts = run_batch(str(src), str(tmp_path / "out.jsonl"), workers=1, progress=False)
    assert counts["cleaned"] == 1 and counts["errors"] == 1


def test_languagetool_response_is_bounded_for_many_matches_without_sentences(client):
    # was: 405 MB for "teh " * 10000 (every match's sentence was the whole text), 15 s
    r = client.post("/v2/check", data={"language": "en-US", "text": "teh " * 10000})
    assert r.status_code == 200
    size = len(r.get_data())
    assert size < 20 * 1024 * 1024, f"{size / 1e6:.0f} MB"
    body = r.get_json()
    assert body["matches"] and all(len(m["sentence"]) <= 600 for m in body["matches"])


def test_languagetool_match_count_is_capped_and_said(make_app):
    small = make_app(MAX_MATCHES=50).test_client()
    body = small.post("/v2/check", data={"language": "en-US", "text": "teh " * 200}).get_json()
    assert len(body["matches"]) == 50 and body["warnings"]["incompleteResults"] is True
    body = small.post("/v2/check", data={"language": "en-US", "text": "teh cat"}).get_json()
    assert body["warnings"]["incompleteResults"] is False


def test_languagetool_many_annotation_items_cost_linear_time(client):
    """8x the annotation items, ~8x the CPU (it was quadratic: 20k items took 68 s)."""
    def cost(n: int) -> float:
        items = [{"text": "teh "}, {"markup": "<b>", "interpretAs": ""}] * n
        started = time.process_time()
        r = client.post("/v2/check", data={"language": "en-US", "data": json.dumps({"annotation": items})})
        assert r.status_code == 200
        return time.process_time() - started
    cost(50)
    small, large = min(cost(500) for _ in range(2)), min(cost(4000) for _ in range(2))
    assert large / max(small, 1e-3) < 20, (small, large)


def test_many_unknown_options_get_a_short_message(client):
    # was: a 989 KB message naming all 100,000
    body = {"text": "a", **{f"opt{i}": 1 for i in range(100_000)}}
    r = client.post("/v1/clean", json=body)
    assert r.status_code == 400 and len(r.get_data()) < 2000
    assert "and 99995 more" in r.get_json()["error"]["message"]


def test_invented_methods_share_one_metrics_label(client):
    # was: each invented method a new series in /metrics
    for method in ("BREW", "PROPFIND", "X-" + "A" * 50):
        assert client.open("/v1/clean", method=method).status_code == 405
    metrics = client.get("/metrics").get_data(as_text=True)
    assert "BREW" not in metrics and "PROPFIND" not in metrics
    assert 'copydesk_requests_total{endpoint="/v1/clean",method="other",status="405"}' in metrics


@pytest.mark.parametrize("diff", ["none", "unified", "inline", "html"])
def test_a_text_of_many_edits_gets_a_bounded_response(diff, make_app):
    """Past COPYDESK_MAX_EDITS, the first edits are kept, the text rebuilt from them, and
    stats.edits_dropped says how many were left (was: 270 MB for a 1.8 MB text, html diff)."""
    small = make_app(MAX_EDITS=100).test_client()
    text = "a  " * 1000
    r = small.post("/v1/clean", json={"text": text, "steps": ["whitespace"], "diff": diff})
    body = r.get_json()
    assert r.status_code == 200 and len(body["edits"]) == 100 and body["stats"]["edits_dropped"] == 900
    assert_invariant(text, body["edits"], body["text"])
    assert body["text"].startswith("a " * 100 + "a  ") and len(r.get_data()) < 100_000


def test_a_json_batch_shares_one_edit_budget(make_app):
    small = make_app(MAX_EDITS=100).test_client()
    docs = [{"id": i, "text": "a  " * 80} for i in range(3)]
    results = small.post("/v1/batch", json={"documents": docs}).get_json()["results"]
    assert [len(x["edits"]) for x in results] == [80, 20, 0]
    assert [x["stats"].get("edits_dropped", 0) for x in results] == [0, 60, 80]


def test_rate_limit_per_client_is_a_429_with_retry_after(make_app):
    limited = make_app(RATE_LIMIT=(3, 60.0)).test_client()
    statuses = [limited.post("/v1/clean", json={"text": "a"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    r = limited.post("/v1/clean", json={"text": "a"})
    assert r.status_code == 429 and r.get_json()["error"]["code"] == "too_many_requests"
    assert 1 <= int(r.headers["Retry-After"]) <= 60
    assert limited.get("/healthz").status_code == 200  # probes are never limited
    other = limited.post("/v1/clean", json={"text": "a"}, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_ndjson_lines_of_any_bytes_each_get_one_entry(client):
    """schemathesis skips application/x-ndjson: random lines here, JSON-like and not.
    Every non-blank line gets exactly one entry, in order, and the stream is never cut."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20))
    values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                           st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                          max_leaves=8)
    documents = st.fixed_dictionaries({"id": st.one_of(st.integers(), st.text(max_size=5))},
                                      optional={"text": st.text(max_size=40), "options": values, "x": values})
    line = st.one_of(documents.map(json.dumps), values.map(json.dumps), st.binary(max_size=40),
                     st.sampled_from(['{"id": 1, "text": "\\ud800"}', '{"id": 99' + "9" * 5000 + "}",
                                      '{"id": 1, "text": "a", "options": {"min_confidence": 1e999}}',
                                      '{"id": 1, "text": "a", "options": {"names": ["' + "A b " * 100 + '"]}}']))

    @settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.lists(line, min_size=1, max_size=6))
    def check(lines):
        raw = [x.encode("utf-8") if isinstance(x, str) else x.replace(b"\n", b" ") for x in lines]
        r = client.post("/v1/batch?steps=whitespace", data=b"\n".join(raw) + b"\n",
                        content_type="application/x-ndjson")
        assert r.status_code == 200
        out = [json.loads(x) for x in r.get_data().decode("utf-8").splitlines()]
        assert len(out) == sum(1 for x in raw if x.strip()), (raw, out)
        assert all("error" in e or "text" in e for e in out)
    check()
