"""The `whitespace` step's joins of a paragraph a scraper cut at its links (whitespace.inline_cuts)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import service
from service.edits import apply_edits
from service.steps import context_for
from service.steps import whitespace
from service.steps.whitespace import blank_runs

# (input, expected output of the whitespace step)
JOINED = [
    # a link's text on a line of its own, the node's spaces kept around the cut
    ("Fully immerse yourself in the landscapes of the Southwest with the \nNative Trails\n road trip this summer.",
     "Fully immerse yourself in the landscapes of the Southwest with the Native Trails road trip this summer."),
    # a closing mark opens the line after the link
    ("North-facing windows get the least direct \nsunlight\n, making them best for plants that like shade.",
     "North-facing windows get the least direct sunlight, making them best for plants that like shade."),
    ("I got bit by a dog in the Transkei in \nSouth Africa\n. I actually got bit twice that same week.",
     "I got bit by a dog in the Transkei in South Africa. I actually got bit twice that same week."),
    # a no-break space left by the scraper counts as a blank
    ("If you simply just love \ncoffee\n for the sake of coffee, you may not have thought about it.",
     "If you simply just love coffee for the sake of coffee, you may not have thought about it."),
    # an apostrophe's clitic after an inline element is the element's word
    ("The session will reuse \nhttplib\n\u2019s connection pool, so if you make many requests it is faster.",
     "The session will reuse httplib\u2019s connection pool, so if you make many requests it is faster."),
    # a word that opens with a closing mark (a field, a file's extension) is spaced from the one above: its
    # break stays (its blank goes), the break after it is joined
    ("In version 2 of the tool, the value of \n.spec.node.name\n does not change how the agent reads its files.",
     "In version 2 of the tool, the value of\n.spec.node.name does not change how the agent reads its files."),
    ("You could also back up all the \n.deb\n packages from the cache folder if you have the disk space for it.",
     "You could also back up all the\n.deb packages from the cache folder if you have the disk space for it."),
    # an upper-case line after a word that leaves the phrase open is the element the sentence goes on with
    ("The work was first described in a paper by the \nInstitute for Tropical Medicine and its field team last year.\n",
     "The work was first described in a paper by the Institute for Tropical Medicine and its field team last year.\n"),
]

KEPT = [
    # a hard-wrapped paragraph: no trace of a scraper's cut
    "The difficult part is proving that the creases together with\na subset of the other creases fold flat.",
    # a menu whose labels keep a blank: no sentence
    "Home \nNews \nSport \nWorld \nBusiness",
    # Markdown's line break (two blanks) and an indented line of code
    "The first line of the poem goes here  \nand the second line of it goes here.",
    "Call the function like this: \n    result = compute(x, y)\n",
    # a sentence ends before the cut: the next line is a link of its own
    "Want to help us build a better future for the whole community? \nLearn more about the project",
    # separate paragraphs stay apart
    "The first paragraph ends here with a full stop. \n\nThe second one starts on its own line.",
    # a word that opens with a closing mark (a path) is spaced from the one above: not joined onto it
    "The directive then replaces the module path with \n../othermodule, a folder next to the project's own.",
    # a list's last item keeps a blank, then the next paragraph: a sentence of its own in upper case
    "Common signs of the injury:\nSwelling\nStiff fingers \nYou should see a doctor as soon as possible after the fall.",
    "Opening hours are not yet published \nThe festival brings growers and cooks together for three days in May.",
]


def clean(text: str) -> str:
    return apply_edits(text, whitespace.run(text, context_for("whitespace")))


@pytest.mark.parametrize("text,expected", JOINED)
def test_a_paragraph_cut_at_its_links_is_joined(text, expected):
    assert clean(text) == expected
    assert clean(expected) == expected  # nothing more to join the second time


@pytest.mark.parametrize("text", KEPT)
def test_lines_without_a_scrapers_cut_stay_apart(text):
    assert clean(text).count("\n") == text.count("\n")


def test_joins_name_their_rule():
    text, _ = JOINED[0]
    rules = {c.rule for c in whitespace.run(text, context_for("whitespace"))}
    assert rules == {"whitespace.inline_breaks"}


# Texts whose joins once depended on how the lines were cut: a second pass joined more
SETTLED = [
    "The list can be placed after the \nWITH ( ... )\n clause only if there is just a single table in the query.",
    "Here is a quick breakdown for each group:\n\nQuads\n – \nsquats\n, \nlunges\n, one-legged squats, box jumps.\n\n"
    "Butt and Hamstrings\n – \ndeadlifts\n, hip raises, straight leg deadlifts, good mornings.",
    "Our writers have years of experience reviewing letters for college \n\t\t\t\tfaculty and their staff members.",
    "Add the Stow Bottle of half a litre to \u00a0 \n Compare \n the bottles that you have picked so far today.",
    "It is used across \nsales\n, \nservice\n, \ncommerce\n, \nIT\n, and more by companies of every size.",
]


@pytest.mark.parametrize("text", SETTLED)
def test_a_second_pass_joins_nothing_more(text):
    once = clean(text)
    assert clean(once) == once


WS_CASES = yaml.safe_load((Path(__file__).parent / "data" / "whitespace_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", WS_CASES["laid_out"], ids=lambda t: t[:30])
def test_blanks_that_lay_out_columns_are_left_as_written(text):
    result = service.clean(text, steps=["whitespace"])
    assert result.text == text and result.edits == (), [(e.rule, e.original) for e in result.edits]
    assert blank_runs(text) == []


@pytest.mark.parametrize("case", WS_CASES["tidied"], ids=lambda c: c["input"][:30])
def test_blanks_between_words_of_prose_become_one_space(case):
    result = service.clean(case["input"], steps=["whitespace"])
    assert result.text == case["output"]
