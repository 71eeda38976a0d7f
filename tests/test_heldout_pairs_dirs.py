"""bench.heldout_pairs reads the documentation folders it names, never one other checks read: a
prose pool's folders (bench/clean_prose.POOLS, tune or held-out) installed on the machine change
nothing, and neither does a file another package's folder links to them."""
from __future__ import annotations

from bench import heldout_pairs as hp


def test_default_dirs_are_the_named_sources_present(tmp_path, monkeypatch):
    for name in ("putty-doc", "git", "tar", "dpkg", "bc"):
        (tmp_path / name).mkdir()
    monkeypatch.setattr(hp, "DOC_ROOT", str(tmp_path))
    monkeypatch.setattr(hp, "NPM_DOCS", ())
    monkeypatch.setattr(hp, "DOC_SOURCES", ("dpkg", "bc", "git", "time"))
    assert hp.default_dirs() == [str(tmp_path / "bc"), str(tmp_path / "dpkg")]
    assert hp.missing_dirs() == [str(tmp_path / "time")]


def test_a_file_linked_from_a_pools_folder_is_not_read(tmp_path, monkeypatch):
    sentence = "This sentence of the manual holds more than eight plain words in a row."
    (tmp_path / "git").mkdir()
    (tmp_path / "git" / "manual.txt").write_text(sentence + "\n")
    (tmp_path / "tar").mkdir()
    (tmp_path / "tar" / "manual.txt").symlink_to(tmp_path / "git" / "manual.txt")
    (tmp_path / "tar" / "own.txt").write_text("Another sentence of its own with enough plain words to count.\n")
    monkeypatch.setattr(hp, "DOC_ROOT", str(tmp_path))
    assert hp.prose_sentences([str(tmp_path / "tar")]) == [
        "Another sentence of its own with enough plain words to count."]
