"""The rule chain's text stands against the vote's fuller winner that holds most of it
(service/html/vote.py `holds_most_of`), dated page or not: the winner's added blocks may be
the page's own or its boxes, and replacing the rules' text can lose up to a tenth of it.
Hand-written pages only."""
from __future__ import annotations

import pytest

from service.html import extract, extract_html

PITCH = "\n".join(f"Our payroll tool pays your team on time, every time, in {n} countries." for n in range(10, 16))
FEATURES = [f"Feature {i}: tax forms filed for you each quarter" for i in range(5)]


def _page(dated: bool) -> str:
    head = '<meta property="article:published_time" content="2024-05-04">' if dated else ""
    body = "".join(f"<p>{line}</p>" for line in PITCH.splitlines()) + "".join(f"<div>{f}</div>" for f in FEATURES)
    return f"<html><head><title>Payroll</title>{head}</head><body><main>{body}</main></body></html>"


@pytest.mark.parametrize("dated", [False, True])
def test_the_rules_text_stands_against_a_fuller_winner_that_holds_it(monkeypatch, dated):
    """The rules kept the pitch, the vote's winner the pitch and its feature blocks."""
    monkeypatch.setattr(extract, "choose_text", lambda *a, **k: PITCH)
    monkeypatch.setattr(extract, "prefer_baseline", lambda text, baseline: text)
    monkeypatch.setattr(extract, "choose_by_agreement", lambda candidates: "visible")
    text, meta = extract_html(_page(dated))
    assert "Feature 4" not in text
    assert meta["extraction"]["source"] == "rules"
