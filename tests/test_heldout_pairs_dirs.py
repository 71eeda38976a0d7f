"""bench.heldout_pairs reads every documentation folder but those other checks read: a prose
pool's folders (bench/clean_prose.POOLS, tune or held-out) installed on the machine change nothing."""
from __future__ import annotations

from bench import heldout_pairs as hp


def test_default_dirs_leave_out_every_pools_folders(tmp_path, monkeypatch):
    for name in ("putty-doc", "nut-doc", "solfege", "git", "libc6", "nettle-dev", "tar"):
        (tmp_path / name).mkdir()
    monkeypatch.setattr(hp, "DOC_ROOT", str(tmp_path))
    monkeypatch.setattr(hp, "NPM_DOCS", ())
    assert hp.default_dirs() == [str(tmp_path / "tar")]
