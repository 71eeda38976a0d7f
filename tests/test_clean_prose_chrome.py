"""bench.clean_prose --chrome: a pool's documents sent to the chrome step as scraped pages, alone
and between bench.outside_prose's chrome lines, and the paragraphs it removes counted each way."""
from __future__ import annotations

from bench import clean_prose as cp

PROSE = ("The tool reads each file it is given and writes what it found to the log.\n\n"
         "When the disk is full, it stops and says which file it could not write.")
NOTICE = "Copyright © 2001 Example Press. All rights reserved."


def test_clean_paragraphs_are_counted_kept_and_a_copyright_notice_removed_both_ways():
    c = cp.count_chrome_removals([PROSE, PROSE.replace("tool", "program") + "\n\n" + NOTICE])
    assert c["paragraphs"] == 5
    assert (c["removed alone"], c["removed with chrome"], c["only with chrome"]) == (1, 1, 0)
    assert c["chrome lines"] >= 2 * 10 and 0 < c["chrome removed"] <= c["chrome lines"]


def test_the_flag_prints_the_counts_for_a_folder(tmp_path, capsys):
    (tmp_path / "guide.md").write_text(PROSE + "\n\n" + NOTICE + "\n", encoding="utf-8")
    cp.main([str(tmp_path), "--chrome"])
    out = capsys.readouterr().out
    assert "chrome step as scraped: 1 of 3 paragraphs removed alone, 1 with chrome around them (0 only then)" in out
