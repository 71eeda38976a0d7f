"""Hot loops rewritten for speed give exactly the answers of the plain code
they replaced (kept here as the reference), on generated text."""
from __future__ import annotations

from operator import itemgetter

from hypothesis import given, settings
from hypothesis import strategies as st

from service.steps.chrome import signals

# Prices, units, times, scores, tables and their near misses, in any order.
LIST_PIECES = ["$", "€", "£", " ", "  ", "\t", "|", " | ", "(", "5", "12", "7:30", "3.5", "1,000", "400", "2-1",
               "kg", "g", "ml", "cups", "tbsp", "pm", "a.m.", "uhr", "USD", "kr", "₹", "Kč", "flour", "Sonos",
               "Move", "for", "price", "-", "–", ":", "/", ".", ",", "٣", "x", "\n", "İ"]


def plain_is_list_content(text: str) -> bool:
    return bool(signals._LIST_CONTENT.search(text)) or len(signals._NUMBER.findall(text)) >= 3


@settings(max_examples=1500, deadline=None, derandomize=True)
@given(st.one_of(st.lists(st.sampled_from(LIST_PIECES), max_size=25).map("".join), st.text(max_size=60)))
def test_list_content_is_the_plain_search(text):
    assert signals.is_list_content(text) == plain_is_list_content(text)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["The", "minister", "said", "Home", "News", "ÉTÉ", "été", "5G", "x,", "U.S.",
                                 ".", " ", "  ", "\n", "talks", "Trade"]), max_size=40).map(" ".join))
def test_lower_case_words_are_counted_as_before(text):
    words = signals.words_unordered(text)
    assert len(words) - sum(map(str.isupper, map(itemgetter(0), words))) == sum(
        1 for w in words if not w[0].isupper())
