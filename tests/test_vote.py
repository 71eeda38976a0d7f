"""When the vote's fuller winner replaces the rule chain's text (service/html/vote.py): it adds the
page's own blocks, not links, on a page that declares no publication date. Hand-written pages only."""
from __future__ import annotations

import pytest

from service.html import extract, extract_html
from service.html.text import word_key
from service.html.vote import adds_own_text

PITCH = "\n".join(f"Our payroll tool pays your team on time, every time, in {n} countries." for n in range(10, 16))
FEATURES = [f"Feature {i}: tax forms filed for you each quarter" for i in range(5)]
BLOCKS = "\n".join(FEATURES)

ADDS = {  # name: (winner, chosen, links, whether the winner adds the page's own text)
    "feature blocks that are no links": (PITCH + "\n" + BLOCKS, PITCH, frozenset(), True),
    "a menu of links": (PITCH + "\n" + BLOCKS, PITCH, frozenset(word_key(f) for f in FEATURES), False),
    "a winner that adds a line or two": (PITCH + "\nShare this page", PITCH, frozenset(), False),
    "a chosen text that is the winner": (PITCH, PITCH, frozenset(), False),
}


@pytest.mark.parametrize("name", ADDS)
def test_adds_own_text(name):
    winner, chosen, links, expected = ADDS[name]
    assert adds_own_text(winner, chosen, links) is expected


def _page(dated: bool) -> str:
    head = '<meta property="article:published_time" content="2024-05-04">' if dated else ""
    body = "".join(f"<p>{line}</p>" for line in PITCH.splitlines()) + "".join(f"<div>{f}</div>" for f in FEATURES)
    return f"<html><head><title>Payroll</title>{head}</head><body><main>{body}</main></body></html>"


@pytest.mark.parametrize("dated", [False, True])
def test_the_fuller_winner_replaces_the_rules_text_only_on_an_undated_page(monkeypatch, dated):
    """The rules kept the pitch, the vote's winner the pitch and its feature blocks: on a service
    page both are its own text; on a dated story the blocks are boxes cut on purpose."""
    monkeypatch.setattr(extract, "choose_text", lambda *a, **k: PITCH)
    monkeypatch.setattr(extract, "prefer_baseline", lambda text, baseline: text)
    monkeypatch.setattr(extract, "choose_by_agreement", lambda candidates: "visible")
    text, meta = extract_html(_page(dated))
    assert ("Feature 4" in text) is not dated
    assert meta["extraction"]["source"] == ("rules" if dated else "visible")
