"""bench.clean_prose's labels of the tune pools' edits: every row well formed, read by the
key the bench builds, and never a held-out pool's edit."""
from __future__ import annotations

import collections

from bench import clean_prose as cp


def test_every_label_row_is_a_tune_pool_edit_read_once():
    labels = cp.read_labels()
    assert labels, "bench/data/clean_prose_labels.tsv holds the tune pools' labels"
    keys = collections.Counter()
    for (pool, original, _replacement, context), row in labels.items():
        assert pool in cp.POOLS and not pool.startswith("heldout")
        assert row["label"] in cp.LABEL_VALUES and row["why"].strip()
        assert "".join(original.split()) in "".join(context.split()) or original.startswith("'")
        keys[(pool, original, row["replacement"], context)] += 1
    assert max(keys.values()) == 1


def test_edits_are_counted_by_their_label_and_new_ones_as_unlabelled(tmp_path):
    doc = "We wrote it with thier help. The refcount leaks."
    start = doc.index("thier")
    context = cp.edit_context(doc, start, start + 5)
    assert context == "We wrote it with [[thier]] help. The refcount leaks."
    path = tmp_path / "labels.tsv"
    path.write_text("\t".join(cp.LABEL_FIELDS) + "\n"
                    + "\t".join(("tune1", "0", "spelling.typo", "thier", "their", context, "correct", "a slip"))
                    + "\n", encoding="utf-8")
    labels = cp.read_labels(path)
    found = [(0, "spelling.typo", "thier", "their", context),
             (0, "spelling.typo", "refcount", "recount", cp.edit_context(doc, 33, 41))]
    assert cp.count_labels("tune1", found, labels) == {"correct": 1, "unlabelled": 1}
    assert cp.count_labels("tune2", found, labels) == {"unlabelled": 2}


def test_a_half_filled_label_is_an_error(tmp_path):
    path = tmp_path / "labels.tsv"
    path.write_text("\t".join(cp.LABEL_FIELDS) + "\n"
                    + "\t".join(("tune1", "0", "spelling.typo", "thier", "their", "x [[thier]] y", "?", "")) + "\n",
                    encoding="utf-8")
    try:
        cp.read_labels(path)
    except ValueError as e:
        assert "'?'" in str(e)
    else:
        raise AssertionError("a '?' label must not be read as a label")


def test_a_pools_folders_are_read_under_the_root_its_packages_were_unpacked_in(tmp_path, capsys):
    assert cp.rooted(["/usr/share/doc/m4"], "") == ["/usr/share/doc/m4"]
    folder = tmp_path / "usr/share/doc/m4"
    folder.mkdir(parents=True)
    (folder / "guide.md").write_text("The macro processor copies its input to the output and expands "
                                     "each macro it meets along the way.\n", encoding="utf-8")
    cp.main(["/usr/share/doc/m4", "--root", str(tmp_path) + "/"])
    out = capsys.readouterr().out
    assert out.startswith("1 paragraphs, 18 words: 0 edits")
