"""bench/choose_study.py: the candidate features name no word and the folds keep a site whole."""
from bench.choose_study import features_of, fold_of, rows_of, snippets_where

STORY = "The council met on Monday and voted to close the old bridge for repairs."  # 14 words


def record(story=STORY, heading="Bridge closed", menu=("Home", "News")):
    texts = {"final": f"{heading}\n\n{story}", "precise": story, "recall": story, "baseline": story,
             "visible": "\n".join((*menu, heading, story)), "container": "", "region": ""}
    return {"type": "article", "domain": "example.org", "texts": texts, "heading": heading,
            "links": frozenset(m.lower() for m in menu), "title": f"{heading} | City News", "dated": True,
            "f": {k: 0.5 for k in texts}, "kept": {k: 1 for k in texts}, "had": 1}


def test_features_describe_shape_against_the_rules_text():
    rec = record()
    visible, final = features_of("visible", rec), features_of("final", rec)
    assert visible["link_share"] == 2 / 18 and final["link_share"] == 0.0
    assert visible["holds_final"] == 1.0 and visible["added_share"] == 2 / 16 and visible["added_links"] == 1.0
    assert final["heading_at"] == 0.0 and visible["heading_at"] == 2 / 18
    assert features_of("precise", rec)["holds_heading"] == 0.0 and features_of("precise", rec)["dropped_share"] == 2 / 16
    assert final["is_final"] == 1.0 and final["dated_final"] == 1.0 and visible["dated_final"] == 0.0


def test_features_are_the_same_for_the_same_shape_in_other_words():
    spanish = record("La junta votó el lunes para cerrar el viejo puente por obras de verano.",
                     "Puente cerrado", ("Inicio", "Noticias"))
    for name in ("final", "visible", "precise"):
        assert features_of(name, spanish) == features_of(name, record())


def test_rows_skip_near_empty_candidates_and_keep_the_rules_text_first():
    names = [item[0] for item in rows_of({"p1": record()})[0]["items"]]
    assert names[0] == "final" and "container" not in names and "region" not in names


def test_a_site_is_in_one_fold_with_or_without_www():
    assert fold_of({"domain": "www.example.org"}) == fold_of({"domain": "example.org"})
    assert len({fold_of({"domain": f"site{i}.org"}) for i in range(60)}) == 5


def test_snippets_where_tells_a_step_removal_from_another_part_chosen():
    rec = record()
    rec["kept"] = {**rec["kept"], "final": 0, "visible": 0}  # the steps removed the snippet from these two
    found = lambda text, snippets: sum(1 for s in snippets if s.lower() in text.lower())  # noqa: E731 (WCXB's own)
    where = snippets_where(rec, ["close the old bridge", "Home\nNews"], found)
    assert where["final"] == (16, 0.5, 1, 0) and where["visible"] == (18, 0.5, 2, 0)
    assert where["precise"] == (14, 0.5, 1, 1) and where["container"] == (0, 0.5, 0, 1)
