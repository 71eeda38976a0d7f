"""bench/mustkeep.py: a lost must-keep snippet is charged to the rules over it, and no text is kept."""
import doctest

import bench.mustkeep
from bench.mustkeep import compare, lost_snippets
from service.pipeline import clean


def test_doctests():
    assert doctest.testmod(bench.mustkeep).failed == 0


def test_a_removed_snippet_is_charged_to_the_edit_that_removed_it():
    text = "Breaking news from the city.\n\nShare on Facebook\n\nThe council met on Monday and voted to close the bridge."
    result = clean(text)
    had, found, rules = lost_snippets(text, result.text, result.edits, ["Share on Facebook", "voted to close"])
    assert (had, found) == (2, 1)
    assert rules and all(rule.startswith("chrome.") for rule in rules)


def test_a_capture_row_holds_counts_and_rule_ids_only():
    before = {"7": {"type": "article", "had": 2, "found": 2, "lost_to": []}}
    after = {"7": {"type": "article", "had": 2, "found": 2, "lost_to": []}}
    assert compare(before, after) == ["found: 2 -> 2 of 2 on 1 pages; 0 pages lose, 0 gain"]
