"""bench.clean_prose's audit of the held-out pools' edits (bench/data/clean_prose_heldout_labels.tsv):
every row well formed and a held-out pool's edit, none left "?", and the flags that read edits
refused where they would turn a held-out pool into a tune pool."""
from __future__ import annotations

import collections

import pytest

from bench import clean_prose as cp


def test_every_audit_row_is_a_heldout_edit_with_a_label_and_why():
    labels = cp.read_labels(cp.HELDOUT_LABELS)
    assert labels, "bench/data/clean_prose_heldout_labels.tsv holds the held-out pools' audit"
    assert cp.labels_path("heldout1") == cp.HELDOUT_LABELS and cp.labels_path("tune1") == cp.LABELS
    for (pool, original, _replacement, context), row in labels.items():
        assert pool in cp.POOLS and pool.startswith("heldout")
        assert row["label"] in cp.LABEL_VALUES and row["why"].strip()
        assert "".join(original.split()) in "".join(context.split()) or original.startswith("'")


def test_no_audit_row_is_left_unfilled_and_one_key_has_one_label():
    lines = cp.HELDOUT_LABELS.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == cp.LABEL_FIELDS
    label_of = collections.defaultdict(set)
    for line in lines[1:]:
        cells = line.split("\t")
        assert len(cells) == len(cp.LABEL_FIELDS), line
        assert cells[6] != "?" and cells[7].strip(), line
        # one row per edit: an edit repeated word for word in another document is a second row, same label
        label_of[(cells[0], cells[3], cells[4], cells[5])].add(cells[6])
    assert all(len(labels) == 1 for labels in label_of.values())


def test_a_heldout_pool_is_counted_as_audited_and_unaudited(tmp_path):
    doc = "We wrote it with thier help. The refcount leaks."
    found = [(0, "spelling.typo", "thier", "their", cp.edit_context(doc, 17, 22)),
             (0, "spelling.typo", "refcount", "recount", cp.edit_context(doc, 33, 41))]
    rows = [cp.LABEL_FIELDS, ("heldout2", "0", *found[0][1:], "false", "a test")]
    path = tmp_path / "heldout.tsv"
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    labels = cp.read_labels(path)
    assert (cp.summarize_labels("heldout2", found, labels, 2000)
            == "audited: 1 false = 0.500 per 1000 words, 0 correct, 0 unsure, 1 unaudited")
    assert cp.summarize_labels("tune2", found, labels, 2000).startswith("labelled: 0 false")
    rows = cp.unlabelled_rows("heldout2", found, labels)
    assert rows == ["\t".join(("heldout2", "0", "spelling.typo", "refcount", "recount", found[1][4], "?", ""))]


@pytest.mark.parametrize("argv", [
    ["--pool", "heldout1", "--show", "5"],
    ["--pool", "heldout2", "--unlabelled"],
    ["--pool", "tune1", "--audit"],
    ["/usr/share/doc/git", "--audit"],
    ["/usr/share/doc/git", "--unlabelled"],
])
def test_reading_flags_are_refused_where_they_would_mix_pools(argv, capsys):
    with pytest.raises(SystemExit) as e:
        cp.main(argv)
    assert e.value.code == 2
    assert "error" in capsys.readouterr().err
