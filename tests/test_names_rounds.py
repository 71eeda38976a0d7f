"""`names.rounds`: a round after the first takes the runs that the fixes left
untouched from the round before. That is a speed-up, never a change of
behaviour: every test here compares the step with the same step matching every
run again in every round."""
from __future__ import annotations

import random
from pathlib import Path
from unittest import mock

import pytest
import yaml

import service
from service.steps import Context
from service.steps.names import rounds
from service.steps.names import step as names

DATA = Path(__file__).parent / "data"


def sentences() -> list:
    """Every sentence of the by-ear lists: people misheard, and other people."""
    found = []
    for path in sorted(DATA.glob("names_by_ear_*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [c["text"] for c in cases["variants"]] + list(cases["others"])
    return found


def context(style: str = "document") -> Context:
    res = service.default_resources()
    options = service.Options.from_mapping(name_style=style)
    return Context(options=options, language="en", rules=res.rules.compiled("names"), resources=res.dictionaries)


def every_run(text: str, ctx: Context) -> list:
    """The step as it was: every round matches every run."""
    with mock.patch.object(rounds.Round, "next_round", lambda self, changes: None):
        return names.run(text, ctx)


def documents(count: int, size: int, seed: int) -> list:
    """Long texts of shuffled sentences, with lower-case forms that a name fixed
    completes ("mauro Vieeira"), so that most take a second round."""
    pool, rng = sentences(), random.Random(seed)
    pool += ["The minister said that mauro Vieeira described the budget.",
             "Later, Mauro Vieira and president Lula met Keir Stammer in Brasilia."]
    return ["\n".join(rng.sample(pool, size)) for _ in range(count)]


@pytest.mark.parametrize("style", ["document", "canonical"])
def test_later_rounds_find_what_matching_every_run_finds(style):
    ctx, taken = context(style), []
    real = rounds.Earlier.record_for

    def counted(self, text, parts, flags):
        found = real(self, text, parts, flags)
        taken.append(found is not None)
        return found
    for text in documents(6, 60, seed=len(style)):
        with mock.patch.object(rounds.Earlier, "record_for", counted):
            fast = names.run(text, ctx)
        assert fast == every_run(text, ctx)
    assert sum(taken) > 100, "the later rounds took (nearly) no run from the round before"


def test_a_fix_that_changes_the_facts_is_read_again():
    # round 1 makes "narendra modi" a name; round 2 reads it as a mention of Modi, which
    # backs the lone "Modhi" that a text naming unlisted people (Ferreira) left a suggestion
    text = "narendra modi spoke in Delhi on Monday. Later, Ferreira said that Modhi was right."
    ctx = context()
    changes = names.run(text, ctx)
    assert changes == every_run(text, ctx)
    assert [(text[c.start:c.end], c.replacement) for c in changes if c.confidence >= 0.5] == [
        ("narendra modi", "Narendra Modi"), ("Modhi", "Modi")]


def test_shift_maps_offsets_across_a_fix():
    shift = rounds.Shift([(4, 8, 6), (20, 20, 2)])  # 4 chars made 6; 2 inserted at 20
    assert [shift.new_of(p) for p in (0, 3, 4, 8, 9, 19, 20, 21)] == [0, 3, None, None, 11, 21, None, 25]
    assert [shift.old_of(p) for p in (0, 3, 11, 21, 25)] == [0, 3, 9, 19, 21]
    assert shift.untouched(0, 3) and not shift.untouched(0, 4) and not shift.untouched(10, 10)
    assert shift.untouched(11, 21) and not shift.untouched(22, 22)
