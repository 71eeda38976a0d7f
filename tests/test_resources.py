"""The SymSpell index survives its compact disk cache unchanged."""
from __future__ import annotations

import mmap

from symspellpy import SymSpell, Verbosity

from service import resources
from service.resources import DeleteIndex, _restore_symspell, _save_symspell

WORDS = {"country": 900, "countries": 800, "counties": 300, "county": 500, "counter": 200,
         "together": 700, "tack": 50, "tact": 60, "track": 400, "the": 10000}
QUERIES = ["contry", "countires", "countys", "togther", "tacck", "teh", "xyzzy", "countr"]


def small_symspell() -> SymSpell:
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=resources.PREFIX_LENGTH)
    for word, count in WORDS.items():
        sym.create_dictionary_entry(word, count)
    sym._bigrams = {"the country": 40}
    return sym


def lookups(sym: SymSpell) -> list:
    return [[(s.term, s.distance, s.count) for s in sym.lookup(q, v, d)]
            for q in QUERIES for v, d in ((Verbosity.ALL, 1), (Verbosity.CLOSEST, 2), (Verbosity.TOP, 2))]


def test_restored_symspell_gives_the_same_lookups(tmp_path):
    built = small_symspell()
    _save_symspell(built, tmp_path, "t")
    restored = _restore_symspell(tmp_path, "t")
    assert isinstance(restored._deletes, DeleteIndex)
    assert isinstance(restored._deletes._ids.obj, mmap.mmap)  # shared pages, not a private copy
    assert lookups(restored) == lookups(built)
    assert restored._bigrams == {"the country": 40} and restored._words == built._words


def test_a_truncated_cache_is_rebuilt_not_fatal(tmp_path, monkeypatch):
    _save_symspell(small_symspell(), tmp_path, "t")
    (tmp_path / "t.ids.u32").write_bytes(b"broken")
    monkeypatch.setattr(resources, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(resources, "_symspell_name", lambda: "t")
    monkeypatch.setattr(resources, "_build", small_symspell)
    sym = resources._load_symspell()
    assert lookups(sym) == lookups(small_symspell())
    assert lookups(_restore_symspell(tmp_path, "t")) == lookups(small_symspell())  # and rewritten


def test_cache_files_are_readable_by_other_users(tmp_path, monkeypatch):
    # the image builds the cache as root and runs the service as uid 10001
    monkeypatch.setattr(resources, "cache_dir", lambda: tmp_path)
    _save_symspell(small_symspell(), tmp_path, "t")
    resources.load_cached("derived-test", lambda: {"a": 1})
    files = sorted(tmp_path.iterdir())
    assert {f.suffix for f in files} == {".pickle", ".u32"}
    for f in files:
        assert f.stat().st_mode & 0o044 == 0o044, f"{f.name} is {oct(f.stat().st_mode)}"


def test_a_symspellpy_without_the_restored_attributes_fails_fast(tmp_path, monkeypatch):
    import pytest
    _save_symspell(small_symspell(), tmp_path, "t")
    monkeypatch.setattr(resources, "_SYMSPELL_STATE", resources._SYMSPELL_STATE + ("_renamed_in_a_new_release",))
    monkeypatch.setattr(resources, "cache_dir", lambda: tmp_path)
    monkeypatch.setattr(resources, "_symspell_name", lambda: "t")
    with pytest.raises(resources.SymSpellInternalsChanged, match="_renamed_in_a_new_release"):
        resources._load_symspell()
