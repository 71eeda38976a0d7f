"""Bounded cost (issues 16 and 19): every step linear in its input, a time budget per
request inside the pipeline, cost per unknown word bounded, and a worker model that
neither a runaway request nor slow clients can pin.

Ceilings are generous (a busy 2-core CI machine must not make them flaky) and far
below what the old quadratic paths took, so they still fail those.
"""
from __future__ import annotations

import time

import pytest

from service import clean
from service.pipeline import default_resources


@pytest.fixture(scope="module")
def resources():
    return default_resources()


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


# --- row 1: no backtracking pattern, no quadratic windows in `unicode` -------------------------

@pytest.mark.parametrize("text", [
    "\u200b" * 90_000 + "x",        # spacer-line pattern backtracked: ~50 s
    "\u200c" * 192_000,             # one window search per character: 20-32 s
    "a" + "\u0301" * 600_000,       # 600k combining marks: 69 s
    "\u00e9a" * 100_000,            # many matches, no space
], ids=["zwsp", "zwnj", "combining", "no-spaces"])
def test_unicode_step_is_linear_on_long_invisible_runs(resources, text):
    result, elapsed = timed(clean, text, steps=["unicode"], resources=resources)
    assert elapsed < 8.0, f"unicode took {elapsed:.1f}s on {len(text)} characters"


@pytest.mark.parametrize("text, kept", [("a" + "\u200b" * 90_000 + "x", False),  # splits a word: removed
                                        ("\u200b" * 90_000 + "x", True)])        # at the text's edge: kept
def test_zero_width_flood_cleans_through_every_step_in_seconds(resources, text, kept):
    result, elapsed = timed(clean, text, resources=resources)
    assert ("\u200b" in result.text) == kept
    assert elapsed < 5.0, f"{elapsed:.1f}s"


# --- row 2: a time budget per request, polled by the steps ---------------------------------------

def unknown_words_text(n: int, seed: int = 7) -> str:
    """English sentences, each with a distinct made-up word: the spelling step's worst case."""
    import random
    rng = random.Random(seed)
    letters = "abcdefghijklmnoprstuvw"
    out = []
    for i in range(n):
        word = "".join(rng.choice(letters) for _ in range(rng.randint(7, 11)))
        out.append(f"The council said the {word} would be ready by the end of the year.")
    return " ".join(out)


def test_spent_budget_returns_text_untouched_and_says_which_steps(resources):
    text = "The two counties have decided to work togther, the minister said.\u200b"
    result = clean(text, resources=resources, budget=0.0)
    assert result.text == text and result.edits == ()
    assert result.stats["incomplete_steps"] == ["unicode", "chrome", "names", "spelling", "context",
                                                "whitespace"]
    assert result.incomplete["reason"] == "time_budget"
    assert result.to_dict()["incomplete"]["steps"] == result.stats["incomplete_steps"]


def test_default_budget_leaves_normal_text_complete_and_deterministic(resources, seed_text):
    first = clean(seed_text, resources=resources, budget=5.0)
    again = clean(seed_text, resources=resources)
    assert first.incomplete is None and first.stats["incomplete_steps"] == []
    assert "incomplete" not in first.to_dict()
    assert first.text == again.text


def test_budget_stops_a_long_step_inside_its_loop(resources):
    """A budget far below the spelling step's cost: it stops at its next poll, keeps what it
    found, and the text past that point is returned as it was."""
    from invariant import assert_invariant
    text = unknown_words_text(3000, seed=11)
    result, elapsed = timed(clean, text, resources=resources, budget=0.3,
                            steps=["spelling", "context", "whitespace"])
    assert result.incomplete is not None
    assert result.stats["incomplete_steps"][0] in ("spelling", "context")
    assert elapsed < 0.3 + 2.0, f"{elapsed:.2f}s for a 0.3 s budget"
    assert_invariant(text, [e.to_dict() for e in result.edits], result.text)


def test_a_step_makes_a_bounded_number_of_changes_under_a_budget(resources, monkeypatch):
    from service import pipeline
    from service.edits import apply_edits
    monkeypatch.setattr(pipeline, "MAX_STEP_CHANGES", 1000)
    text = "a  " * 5000  # 5,000 double spaces: one whitespace change each
    result = clean(text, resources=resources, diff="none", budget=60.0)
    assert len(result.edits) == 1000 and result.stats["incomplete_steps"] == ["whitespace"]
    assert apply_edits(text, result.edits) == result.text and result.text.startswith("a a a ")
    assert result.incomplete["reason"] == "cost_cap"
    # without a budget (the library's default) every change is made
    assert len(clean(text, resources=resources, diff="none").edits) == 5000


def test_api_reports_incomplete_and_the_budget_setting(monkeypatch, make_app):
    monkeypatch.setenv("COPYDESK_TIME_BUDGET_MS", "100")
    app = make_app()
    assert app.config["TIME_BUDGET_MS"] == 100
    text = unknown_words_text(4000, seed=5)
    r = app.test_client().post("/v1/clean", json={"text": text})
    assert r.status_code == 200
    body = r.get_json()
    assert body["incomplete"]["reason"] == "time_budget" and body["stats"]["incomplete_steps"]
    check = app.test_client().post("/v2/check", data={"text": text, "language": "en-US"})
    assert check.status_code == 200 and check.get_json()["warnings"]["incompleteResults"] is True


def test_batch_documents_share_one_time_budget(make_app, swap_step):
    """A JSON batch's documents share COPYDESK_BATCH_TIME_BUDGET_MS: past it they come back
    untouched and incomplete, so one request costs at most that, however many documents."""
    import time as clock

    def slow_whitespace(text, ctx):  # 80 ms of work that does not poll the budget
        clock.sleep(0.08)
        return []
    swap_step("whitespace", slow_whitespace)
    app = make_app(BATCH_TIME_BUDGET_MS=200)
    documents = [{"id": i, "text": "Teh  council met."} for i in range(6)]
    started = clock.monotonic()
    r = app.test_client().post("/v1/batch", json={"documents": documents, "options": {"steps": ["whitespace", "spelling"]}})
    elapsed = clock.monotonic() - started
    results = r.get_json()["results"]
    late = [x for x in results if x.get("incomplete")]
    assert r.status_code == 200 and len(results) == 6
    assert late and all(x["text"] == "Teh  council met." and x["edits"] == [] for x in late)
    assert not results[0].get("incomplete") and results[0]["text"] == "The  council met."
    assert elapsed < 0.08 * 6  # documents past the deadline cost no step work
    assert app.config["TIME_BUDGET_MS"] == 5000  # each document's own budget is unchanged


def test_batch_pages_are_read_within_the_batch_time(make_app, monkeypatch):
    """A JSON batch reads every page before cleaning any: that reading is charged to the
    batch's time too (half of it, as for a document). Pages met after that are read
    without a parser and say so, so 12 MB of pages just under the polled size cannot hold a worker past
    gunicorn's timeout; their text is still all there."""
    import time as clock
    import service.html as html_package
    real = html_package.extract_html

    def slow_extract(html, budget=None):  # 150 ms of parsing that does not poll the budget
        clock.sleep(0.15)
        return real(html, budget)
    monkeypatch.setattr(html_package, "extract_html", slow_extract)
    app = make_app(BATCH_TIME_BUDGET_MS=400)  # pages are read within half of it
    page = "<html><body><nav><a href=/>Home</a></nav><p>The council met on Monday to vote on the bridge.</p></body></html>"
    documents = [{"id": i, "html": page} for i in range(8)]
    started = clock.monotonic()
    r = app.test_client().post("/v1/batch", json={"documents": documents})
    elapsed = clock.monotonic() - started
    results = r.get_json()["results"]
    assert r.status_code == 200 and len(results) == 8
    first = results[0]
    assert first["input"]["metadata"]["extraction"]["source"] != "unparsed"
    late = [x for x in results if x["input"]["metadata"]["extraction"].get("source") == "unparsed"]
    assert late, "every page was parsed past the batch's time"
    for x in late:
        assert x["incomplete"]["steps"][0] == "extract"
        assert "The council met on Monday to vote on the bridge." in x["text"]
    assert elapsed < 0.15 * 8  # pages past the deadline are not parsed


# --- row 3 (issue 16 item 2): cost per unknown word bounded ------------------------------------

def typo_text(n: int, resources, seed: int = 1) -> str:
    """Sentences of two distinct keyboard-slip typos each: every one a candidate search."""
    import random
    rng = random.Random(seed)
    words = [w for w in resources.dictionaries.unigrams if w.isalpha() and 6 <= len(w) <= 12][:50000]

    def typo(w):
        i, j = rng.randrange(len(w)), rng.randrange(len(w))
        w = w[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + w[i + 1:]
        return w[:j] + w[j + 1:]
    return " ".join(f"The {typo(rng.choice(words))} and {typo(rng.choice(words))} were seen." for _ in range(n))


def seconds_per_mb(text, resources) -> float:
    _, elapsed = timed(clean, text, resources=resources)
    return elapsed / (len(text.encode()) / 1e6)


def test_text_of_distinct_unknown_words_costs_a_few_times_an_article_per_mb(resources, seed_text):
    """1.7 MB of such text took 65 s (38 s/MB: a whole-text search per unknown word, a line
    search per guard, a candidate search for every word); an article costs 2-6 s/MB."""
    clean(seed_text, resources=resources)
    article = min(seconds_per_mb(seed_text, resources) for _ in range(3))
    worst = seconds_per_mb(typo_text(12_000, resources), resources)
    assert worst < 8 * article, f"{worst:.1f} s/MB against {article:.1f} s/MB for an article"


def test_spelling_scores_a_bounded_number_of_words_and_says_so(resources):
    from service.steps.spelling import step as spelling
    text = typo_text(3_000, resources, seed=2)
    result = clean(text, resources=resources, steps=["spelling"])
    assert result.stats["edits"] <= spelling.scoring_allowance(len(text))
    assert result.incomplete["reason"] == "cost_cap" and result.incomplete["steps"] == ["spelling"]


# --- rows 2 and 4 against a real gunicorn: hard deadline, slow clients ------------------------

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`python -m service serve` (2 workers x 2 threads) with a 4 s hard deadline and a budget
    too large to stop anything, so only the worker model can end a long request."""
    pytest.importorskip("gunicorn")
    from bench import load
    log = tmp_path_factory.mktemp("served") / "gunicorn.log"
    try:
        process, base, _ = load.start_server(2, str(log), threads=2, extra_env={
            "COPYDESK_TIMEOUT": "4", "COPYDESK_TIME_BUDGET_MS": "600000"})
    except (SystemExit, OSError) as exc:
        pytest.skip(f"gunicorn could not start on loopback: {exc}")
    yield base, log
    process.terminate()
    try:
        process.wait(60)
    except Exception:
        process.kill()


def post_json(base: str, path: str, payload: dict, timeout: float):
    import http.client
    import json
    import urllib.parse
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)
    try:
        conn.request("POST", path, body=json.dumps(payload), headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_slow_header_clients_do_not_delay_other_requests(served):
    """8 clients sending a header line every 2 s: with gthread each held a thread (2 x 2), and
    a normal request waited until they closed (over 30 s); the worker now reads heads itself."""
    import socket
    import threading
    import urllib.parse
    base, _ = served
    url = urllib.parse.urlsplit(base)
    stop = threading.Event()
    socks = [socket.create_connection((url.hostname, url.port), timeout=5) for _ in range(8)]

    def dribble(s):
        s.sendall(b"POST /v1/clean HTTP/1.1\r\nHost: x\r\n")
        i = 0
        while not stop.wait(2.0):
            i += 1
            try:
                s.sendall(b"X-Slow-%d: y\r\n" % i)
            except OSError:
                return
    threads = [threading.Thread(target=dribble, args=(s,), daemon=True) for s in socks]
    try:
        for t in threads:
            t.start()
        time.sleep(2.5)  # every slow client has sent a byte and a further line
        for _ in range(4):
            started = time.perf_counter()
            status, _ = post_json(base, "/v1/clean", {"text": "The two counties have decided."}, timeout=10)
            elapsed = time.perf_counter() - started
            assert status == 200 and elapsed < 2.0, f"{status} after {elapsed:.2f}s"
    finally:
        stop.set()
        for s in socks:
            s.close()


def test_cleaning_past_the_hard_deadline_ends_its_worker_and_the_service_stays_up(served, resources):
    """COPYDESK_TIMEOUT=4 with a budget of 10 minutes: a ~10 s request used to finish (threads
    kept the heartbeat alive, so nothing was ever killed); now its worker ends at ~4-5 s and
    the arbiter forks another, while the other worker answers throughout."""
    import http.client
    base, log = served
    text = typo_text(40_000, resources, seed=3)  # ~1.4 MB: well over 4 s of cleaning
    started = time.perf_counter()
    try:
        status, _ = post_json(base, "/v1/clean", {"text": text}, timeout=60)
    except (ConnectionError, http.client.HTTPException, OSError):
        status = None
    elapsed = time.perf_counter() - started
    assert status is None or status >= 500, f"answered {status} after {elapsed:.1f}s"
    assert elapsed < 9.0, f"the request ran {elapsed:.1f}s past a 4 s hard deadline"
    assert "past the 4 s timeout" in log.read_text()
    for _ in range(3):
        status, _ = post_json(base, "/v1/clean", {"text": "The two counties have decided."}, timeout=10)
        assert status == 200
