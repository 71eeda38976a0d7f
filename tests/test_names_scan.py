"""`names_scan`: the step reads only the tokens near capitals and lower-case
forms, and only the runs that could hold a name. That is a speed-up, never a
change of behaviour: every test here compares the step with the same step
reading every token and every run."""
from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import service
from service.steps import Context
from service.steps.names import step as names
from service.steps.names.scan import screen_of, sparse_tokens, trie_regex
from service.tokens import tokenize

CASES = yaml.safe_load((Path(__file__).parent / "data" / "names_cases.yaml").read_text(encoding="utf-8"))


def context(style: str = "document", request=()) -> Context:
    res = service.default_resources()
    options = service.Options.from_mapping(name_style=style, names=list(request))
    return Context(options=options, language="en", rules=res.rules.compiled("names"), resources=res.dictionaries)


def every_token(text: str, ctx: Context) -> list:
    """The step as it was: every token tokenized, every run matched."""
    with mock.patch.object(names, "sparse_tokens", lambda t, screens: list(tokenize(t))), \
            mock.patch.object(names, "could_name", lambda parts, screens: True):
        return names.run(text, ctx)


def assert_same(text: str, ctx: Context) -> None:
    assert names.run(text, ctx) == every_token(text, ctx), text


def _case_texts():
    for group in ("seed", "synthetic", "request", "canonical"):
        yield from (c["input"] for c in CASES[group])
    yield from CASES["negatives"]


@pytest.mark.parametrize("style", ["document", "canonical"])
def test_same_changes_on_the_labelled_cases(style, seed_text):
    ctx = context(style)
    for text in list(_case_texts()) + [seed_text]:
        assert_same(text, ctx)


# Names, their parts and spellings, case-fixable forms, particles, titles,
# ordinary capitalised words, tokens of other kinds, and what may join them.
PIECES = ["Dr.", "S.", "S", "J.", "Jai", "Shankar", "Jaishanker", "Modi", "Mody's", "Modi-led", "Narendra", "narendra",
          "modi", "Xi", "Jin", "Ping", "Jinping", "china", "China's", "CHINA", "quad", "Quad", "members", "bike", "new",
          "New", "delhi", "Delhi", "York", "united", "nations", "world", "health", "organisation", "Organization",
          "indo-pacific", "Indo-Pacific", "indo-Pacific", "the", "The", "Scott", "Morris", "Morison", "Rose", "Bush",
          "May", "President", "Minister", "Prime", "Zelensky", "Zelenskiy", "Zelenskyy", "Volodymyr", "Vladimir",
          "Sergei", "Lavrov", "Gideon", "Saar", "Sa'ar", "Ursula", "von", "der", "Leyen", "von's", "de", "Kim",
          "Jong-un", "Abdel", "Fattah", "el-Sisi", "Erdoğan", "Erdogan", "Støre", "Jane", "Starner", "Puttin", "Putin",
          "Who", "WHO", "us", "US", "U.S.", "N.A.T.O.", "A", "I", "Bang", "fine", "and", "met", "said", "Tuesday",
          "Officials", "Trade", "5G", "2024", "#Modi", "@Modi", "x@Modi.com", "http://x.io/Modi", "www.China.cn",
          "𝐌𝐨𝐝𝐢", "İstanbul", "ǅemal", "Ⓜodi", "_china", "’s", "'s", "-", "—", "(", ")", "“", "”", '"', ",", ".", ":"]
SEPS = [" ", " ", " ", "", "\n", "  ", "\t", "\u00a0", ", ", ". "]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPS)), max_size=30),
       st.sampled_from(["document", "canonical"]))
def test_same_changes_on_any_mix(pieces, style):
    assert_same("".join(p + s for p, s in pieces), context(style))


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPS)), max_size=20))
def test_same_changes_with_request_names(pieces):
    ctx = context(request=[{"canonical": "Penelope Wongsakul", "aliases": ["P. Wongsakul"]}, "Jaishankar S",
                           {"canonical": "indo-Pacific Command", "kind": "organisation"}])
    assert_same("".join(p + s for p, s in pieces + [("Penelope", " "), ("Wongsakal", ".")]), ctx)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(max_size=120))
def test_same_changes_on_any_text(text):
    assert_same(text, context())


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from("aAbBzZ S.-'’@#:/_5\n(ñÑİǅ𝐌"), max_size=60))
def test_sparse_tokens_are_the_texts_own(text):
    """Each token read is one of the text's tokens, once, in order."""
    screens = [screen_of(context().rules)]
    ours, theirs = sparse_tokens(text, screens), list(tokenize(text))
    assert [t for t in theirs if t in set(ours)] == ours
    assert len(set(ours)) == len(ours)


def test_the_token_after_a_runs_last_particle_is_read():
    """collect_runs asks whether the token after a particle is capitalised:
    it must be the text's next token, not the next one read."""
    text = "met Ursula von x. Then Leyen"
    tokens = [t.text for t in sparse_tokens(text, [screen_of(context().rules)])]
    assert tokens[tokens.index("von") + 1] == "x"


def test_trie_regex_prefers_the_longest_form():
    import re
    pattern = re.compile(f"(?:{trie_regex(['new', 'new delhi', 'newark'])})")
    assert [pattern.match(t).group() for t in ("new delhi", "newark", "new york")] == ["new delhi", "newark", "new"]


def test_a_run_of_ordinary_capitalised_words_is_not_read():
    """A few plain capitalised words that can be no name ("Officials Said Tuesday") are
    skipped like one such word; after a title (read as the step reads one) they are read."""
    screens = [screen_of(context().rules)]
    assert [t.text for t in sparse_tokens("Officials Said Tuesday that Modi spoke.", screens)] == ["Modi"]
    for text in ("the prime minister Officials Said Tuesday.", "The former chancellor, Trade Officials, said",
                 "Officials Said Tuesday that Modi spoke."):
        assert_same(text, context())
    titled = sparse_tokens("The former chancellor, Trade Officials, said", screens)
    assert "Officials" in [t.text for t in titled]
