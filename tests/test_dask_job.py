"""The Dask recipe (`python -m service.dask_job`) on a real local cluster: every document
kind, bad lines, resume, and output that `cat` joins into valid JSON lines."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from service import dask_job  # noqa: E402

ARTICLE = ("The two counties have decided to work togther on the new networks, "
           "the minister said on Friday.")


def write_corpus(folder: Path, lines_per_file: list[list[str]]) -> None:
    folder.mkdir(exist_ok=True)
    for n, lines in enumerate(lines_per_file):
        (folder / f"part{n}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def read_output(out: Path) -> tuple[str, list[dict]]:
    joined = "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("*.jsonl")))
    return joined, [json.loads(line) for line in joined.splitlines()]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as c, \
            distributed.Client(c) as client:
        yield client


def test_a_corpus_is_cleaned_on_a_local_cluster_and_resumed(tmp_path, cluster):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    html = "<html><body><article><p>" + ARTICLE + " " + ARTICLE + "</p></article></body></html>"
    write_corpus(corpus, [
        [json.dumps({"id": "t1", "text": ARTICLE}), json.dumps({"id": "h1", "html": html})],
        [json.dumps({"id": "t2", "text": "Teh  end.", "options": {"steps": ["whitespace"]}}),
         "{not json", json.dumps({"id": "x", "text": 5})],
    ])
    written = dask_job.clean_corpus(str(corpus / "*.jsonl"), str(out), {"diff": "none"}, scheduler="distributed")
    assert len(written) == 2
    joined, records = read_output(out)
    assert joined.endswith("\n") and all(Path(p).read_text().endswith("\n") for p in written)
    by_id = {r.get("id"): r for r in records}
    assert "countries" in by_id["t1"]["text"] and "together" in by_id["t1"]["text"]
    assert by_id["h1"]["input"]["text"] and "countries" in by_id["h1"]["text"]
    assert by_id["t2"]["text"] == "Teh end."  # its own options: whitespace only
    assert by_id["x"]["error"]["code"] == "invalid_field"
    bad = [r for r in records if r.get("id") is None]
    assert bad and bad[0]["error"]["code"] == "invalid_json" and bad[0]["line"] == 2
    assert bad[0]["file"].endswith("part1.jsonl")

    # a second run with one more document cleans only that one, into files of its own
    (corpus / "part2.jsonl").write_text(json.dumps({"id": "t3", "text": ARTICLE}) + "\n", encoding="utf-8")
    again = dask_job.clean_corpus(str(corpus / "*.jsonl"), str(out), {"diff": "none"}, scheduler="distributed")
    assert all("run-002-" in p for p in again)
    _, records = read_output(out)
    ids = [r["id"] for r in records if r.get("id") is not None]
    assert sorted(ids) == ["h1", "t1", "t2", "t3", "x"]


def test_the_command_line_runs_the_local_schedulers(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_corpus(corpus, [[json.dumps({"id": 1, "text": "Teh  cat sat on the mat."})]])
    assert dask_job.main([str(corpus / "*.jsonl"), str(out), "--scheduler", "synchronous"]) == 0
    _, records = read_output(out)
    assert records == [records[0]] and records[0]["id"] == 1 and records[0]["text"] == "The cat sat on the mat."


def test_a_glob_that_matches_nothing_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        dask_job.clean_corpus(str(tmp_path / "none-*.jsonl"), str(tmp_path / "out"), scheduler="synchronous")
