"""The command line: `python -m service clean` and its errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args, stdin: bytes = b""):
    return subprocess.run([sys.executable, "-m", "service", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120)


def test_clean_stdin_prints_clean_text():
    r = run_cli("clean", "-", stdin="donâ€™t  stop\n".encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == "don’t stop\n"


def test_clean_file_json_has_edits(tmp_path):
    f = tmp_path / "in.txt"
    f.write_text("a  b\n", encoding="utf-8")
    r = run_cli("clean", str(f), "--json", "--diff", "inline")
    body = json.loads(r.stdout)
    assert body["text"] == "a b\n" and body["edits"][0]["rule"] == "whitespace.spaces"
    assert body["diff"] == "a[-  -]{+ +}b\n"


def test_cli_errors_are_clear(tmp_path):
    r = run_cli("clean", str(tmp_path / "missing.txt"))
    assert r.returncode == 2 and b"cannot read" in r.stderr
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    r = run_cli("clean", str(bad))
    assert r.returncode == 2 and b"not valid UTF-8" in r.stderr
    r = run_cli("clean", "-", "--steps", "nope", stdin=b"x")
    assert r.returncode == 2 and b"unknown step" in r.stderr


def test_a_diff_is_printed_without_json():
    r = run_cli("clean", "-", "--diff", "inline", stdin=b"a  b\n")
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == "a[-  -]{+ +}b\n"


def test_serve_refuses_a_bad_setting_in_one_line():
    import os
    env = {**os.environ, "COPYDESK_MAX_BYTES": "abc"}
    r = subprocess.run([sys.executable, "-m", "service", "serve", "--bind", "127.0.0.1:0"], capture_output=True,
                       cwd=ROOT, timeout=60, env=env)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "error: COPYDESK_MAX_BYTES must be a whole number, got 'abc'"


def test_an_html_file_is_extracted_then_cleaned_as_by_the_api(tmp_path, client):
    page = ("<html><body><article><p>Teh council met on Monday to discuss the budget "
            "for next year.</p></article></body></html>")
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    r = run_cli("clean", str(f), "--html", "--json", "--diff", "none")
    assert r.returncode == 0, r.stderr
    body = json.loads(r.stdout)
    api = client.post("/v1/clean", json={"html": page, "diff": "none"}).get_json()
    assert body["input"] == api["input"] and body["text"] == api["text"]
    assert body["text"].startswith("The council")
