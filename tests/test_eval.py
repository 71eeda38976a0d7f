"""The quality report, `python -m service.eval`."""
from __future__ import annotations

import json

from service import eval as report


def test_report_counts_fixes_and_false_edits(tmp_path, capsys):
    cases = tmp_path / "cases.jsonl"
    rows = [{"kind": "unicode", "input": "donâ€™t", "expected": "don’t"},
            {"kind": "unicode", "input": "fine text", "expected": "fine text"},
            {"kind": "space", "input": "a  b", "expected": "a  b"}]
    cases.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert report.main(["--cases", str(cases), "--steps", "unicode,whitespace"]) == 0
    out = capsys.readouterr().out.splitlines()
    unicode_row = next(line for line in out if line.startswith("unicode"))
    space_row = next(line for line in out if line.startswith("space"))
    assert "1/1" in unicode_row and "0/1" in unicode_row  # fixed 1 of 1, no false edit
    assert "1/1" in space_row  # the negative "a  b" was changed: one false edit


def test_project_cases_cover_each_kind():
    kinds = {c.kind for c in report.project_cases()}
    assert kinds == {"nonword", "realword", "names"}


def test_bad_case_file_names_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"input": "x"}\n', encoding="utf-8")
    try:
        report.read_cases(str(bad), None)
    except SystemExit as exc:
        assert "bad.jsonl:1" in str(exc)
    else:
        raise AssertionError("a case without 'expected' was accepted")
