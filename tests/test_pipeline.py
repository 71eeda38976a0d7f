"""The library: options, language, step selection, confidence floor, threads."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import service
from service import Options, OptionsError


def test_unknown_option_is_an_error_not_ignored():
    with pytest.raises(OptionsError, match="unknown option"):
        service.clean("x", stepz=["unicode"])


@pytest.mark.parametrize("options,needle", [
    ({"steps": ["unicode", "grammar"]}, "unknown step"),
    ({"steps": "unicode"}, "list"),
    ({"diff": "fancy"}, "diff"),
    ({"min_confidence": "high"}, "min_confidence"),
    ({"min_confidence": True}, "min_confidence"),
    ({"language": ""}, "language"),
    ({"names": "S. Jaishankar"}, "names"),
    ({"names": [{"canonical": "X", "aliases": "Y"}]}, "names[0]"),
    ({"keep_typographic_quotes": "yes"}, "keep_typographic_quotes"),
    ({"name_style": "house"}, "name_style"),
])
def test_mistyped_options_name_the_option(options, needle):
    with pytest.raises(OptionsError, match=needle.replace("[", r"\[").replace("]", r"\]")):
        Options.from_mapping(options)


def test_steps_run_in_pipeline_order_whatever_order_is_given():
    assert Options.from_mapping(steps=["whitespace", "unicode"]).steps == ("unicode", "whitespace")


def test_options_are_immutable():
    with pytest.raises(AttributeError):
        Options().diff = "none"


def test_language_is_detected_and_english_only_steps_skipped_for_other_languages():
    french = ("Le gouvernement a annoncé mardi une nouvelle série de mesures pour soutenir "
              "les entreprises touchées par la crise économique.")
    result = service.clean(french)
    assert result.language["code"] == "fr" and result.language["probability"] > 0.9
    assert {"spelling", "context", "names"} <= set(result.stats["skipped_steps"])
    assert result.text == french


@pytest.mark.parametrize("text", ["Das ist gut und the end", "Huawei 5G LTE", "Ciao bella this is mixed"])
def test_detection_is_deterministic_even_for_ambiguous_text(text):
    # langdetect draws random numbers; unseeded, these texts flip between answers
    assert len({tuple(service.clean(text).language.items()) for _ in range(8)}) == 1


@pytest.mark.parametrize("text,fixed", [("teh cat sat", "the cat sat")])
def test_a_short_english_text_langdetect_misreads_still_gets_the_english_steps(text, fixed):
    result = service.clean(text)  # langdetect alone says Indonesian
    assert result.language["code"] == "und" and result.text == fixed


@pytest.mark.parametrize("text,code", [("Der Hund ist braun.", "de"), ("Le chat est noir.", "fr"),
                                       ("Esto es bueno.", "es")])
def test_short_foreign_sentences_keep_their_language_and_skip_english_steps(text, code):
    result = service.clean(text)
    assert result.language["code"] == code and result.text == text
    assert "spelling" in result.stats["skipped_steps"]


@pytest.mark.parametrize("text", [
    "German chancellor Friedrich Mertz met union leaders in Berlin.",       # langdetect: German
    "Israeli prime minister Benjamin Netanyaho rejected the proposal.",     # langdetect: Slovenian
    "Do we have an oxygen bar in Delhi?",                                  # langdetect: Dutch
])
def test_a_name_heavy_english_sentence_is_english(text):
    # names say nothing of the language around them; the English words decide
    assert service.clean(text).language["code"] == "en"


@pytest.mark.parametrize("text,code", [
    ("Bundeskanzler Friedrich Merz traf am Montag die Gewerkschaften in Berlin.", "de"),
    ("El presidente Pedro Sánchez viajó a Bruselas con la ministra.", "es"),
    ("Het kabinet van Mark Rutte is gevallen.", "nl"),
])
def test_a_name_heavy_foreign_sentence_keeps_its_language(text, code):
    result = service.clean(text)
    assert result.language["code"] == code and result.text == text


def test_explicit_language_skips_detection():
    result = service.clean("Bonjour tout le monde", language="en-GB")
    assert result.language == {"code": "en", "probability": 1.0}


def test_unicode_step_repairs_mojibake_and_keeps_typographic_quotes():
    result = service.clean("He said “yes” and didnâ€™t stop.", steps=["unicode"])
    assert result.text == "He said “yes” and didn’t stop."
    (edit,) = result.edits
    assert edit.rule == "unicode.mojibake" and edit.original == "â€™" and edit.replacement == "’"


def test_mojibake_quoted_alone_is_an_example_and_only_suggested():
    text = "Accents show as sequences like “Ã©” or “Ã§”: a cafÃ© read as Latin-1."
    result = service.clean(text, steps=["unicode"])
    assert result.text == text.replace("cafÃ©", "café"), result.edits
    assert [s.original for s in result.suggestions] == ["Ã©", "Ã§"], result.suggestions


def test_unicode_step_removes_control_and_invisible_characters_as_edits():
    result = service.clean("a\x00b\x07c zero\u200bwidth", steps=["unicode"])
    assert result.text == "abc zerowidth"
    assert {e.rule for e in result.edits} == {"unicode.remove_control_chars", "unicode.invisible"}


def test_soft_hyphens_are_the_writers_hyphenation_points_and_stay():
    text = "A 30-day money-back guar\u00adan\u00adtee is avail\u00adable to home\u00adown\u00aders.\n"
    result = service.clean(text)
    assert result.text == text and result.edits == ()


@pytest.mark.parametrize("text", ["ภาษาไทย\u200bเป็นภาษาที่\u200bเขียนติดกัน\n",   # Thai
                                  "ພາສາລາວ\u200bຂຽນຕິດກັນ\n",                          # Lao
                                  "ភាសាខ្មែរ\u200bសរសេរជាប់គ្នា\n",                    # Khmer
                                  "日本語の\u200b文章です。\n"])
def test_zero_width_spaces_between_words_of_unspaced_scripts_are_their_word_boundaries(text):
    result = service.clean(text, steps=["unicode"])
    assert result.text == text and result.edits == ()


@pytest.mark.parametrize("text", ["One.\n\n\u200b\n\nTwo.\n", "One.\n\u200b\u200b\n\nTwo.",
                                  "One.\r\n\u2060\r\nTwo."])
def test_a_line_of_only_invisible_characters_is_a_spacer_left_as_found(text):
    result = service.clean(text)
    assert result.text == text and result.edits == ()


def test_low_confidence_edits_become_suggestions(swap_step):
    result = service.clean("x  y", steps=["whitespace"], min_confidence=1.0)
    assert result.text == "x y"  # confidence 1.0 still applies
    from service.edits import Change
    swap_step("whitespace", lambda text, ctx: [Change(1, 3, " ", "whitespace.test", "m", 0.3)])
    result = service.clean("x  y", steps=["whitespace"])
    assert result.text == "x  y" and result.edits == ()
    assert [(s.start, s.end, s.replacement, s.confidence) for s in result.suggestions] == [(1, 3, " ", 0.3)]


def test_clean_is_thread_safe_and_deterministic(seed_text):
    texts = [seed_text, seed_text[:2000], "donâ€™t  stop\n\n\n\nnow"] * 4
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda t: service.clean(t).text, texts))
    assert results == [service.clean(t).text for t in texts]


def test_clean_rejects_non_text():
    with pytest.raises(TypeError):
        service.clean(b"bytes")


def test_loaded_resources_are_out_of_the_collectors_generations():
    """A full collection must not walk the dictionaries on every request (80 ms pauses)."""
    import gc
    service.default_resources()
    assert gc.get_freeze_count() > 50_000, gc.get_freeze_count()


def test_a_clean_runs_no_cyclic_collection_and_leaves_no_cyclic_garbage(seed_text):
    """A full collection walks every object a clean holds, and a larger text has
    more of both (collections and objects): the cost per MB of a megabyte of
    error-dense text was 1.4 times that of 100 KB. A clean makes no cyclic
    garbage, so pausing the collector keeps no memory."""
    import gc
    text = "\n\n".join([seed_text, "Teh goverment said on Fridya that the two counties woudl work togther."] * 20)
    service.clean(text)  # the lazy caches, filled once
    gc.collect()
    runs = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])
    gc.callbacks.append(count)
    try:
        service.clean(text)
    finally:
        gc.callbacks.remove(count)
    assert runs in ([], [0])  # at most the young collection the clean's allocations owe, after it
    assert gc.isenabled()
    assert gc.collect() == 0


@pytest.mark.parametrize("text", [
    "《通过例子学 Rust》（Rust By Example, RBE）是一系列可运行的示例，它们展示了各种概念。",
    "東京（とうきょう）は、日本の首都です。",
    "서울（Seoul）은 한국의 수도입니다。",
], ids=["chinese", "japanese", "korean"])
def test_full_width_punctuation_of_cjk_text_is_left_alone(text):
    assert service.clean(text).edits == ()


def test_full_width_latin_in_latin_text_and_cjk_mojibake_are_still_repaired():
    assert service.clean("The ＡＢＣ network said so.", steps=["unicode"]).text == "The ABC network said so."
    damaged = "东京（首都），人口众多。".encode("utf-8").decode("latin-1")
    assert service.clean(damaged, steps=["unicode"]).text == "东京（首都），人口众多。"


ENGLISH_LINE = "The minister said that the talks would resume on Monday in the capital, and that both sides agreed."
TYPO_LINE = "The goverment said it will anounce the results of the talks next week, the minister told reporters."


def test_english_steps_skip_a_paragraph_in_another_language():
    spanish = "Los tipos de datos enteros se logran con dos palabras clave, y los hilos del programa corren en paralelo."
    text = "\n".join([ENGLISH_LINE, spanish, TYPO_LINE]) + "\n"
    result = service.clean(text)
    assert result.language["code"] == "en"
    assert spanish in result.text and "government" in result.text and "announce" in result.text
    start = text.index(spanish)
    assert result.stats["paragraph_languages"] == [
        {"start": start, "end": start + len(spanish) + 1, "language": "es"}]


def test_english_paragraphs_of_a_document_in_another_language_are_corrected():
    german = ("Die Regierung hat am Montag neue Maßnahmen angekündigt, um die Wirtschaft zu stützen.\n"
              "Der Minister sagte, die Gespräche würden am Dienstag fortgesetzt.\n")
    result = service.clean(german + TYPO_LINE + "\n")
    assert result.language["code"] == "de"
    assert result.text == german + TYPO_LINE.replace("goverment", "government").replace("anounce", "announce") + "\n"
    assert [p["language"] for p in result.stats["paragraph_languages"]] == ["en"]


def test_english_paragraphs_of_a_technical_page_in_another_language_read_as_themselves():
    """A translated manual page is technical writing with many words English does not know;
    the English paragraphs between its own are news prose, decided on their own lines
    (pipeline.blank_other_lines): their typos are corrected, not left for want of evidence."""
    german = ("OPTIONEN Mit --config-file=DATEI wird die Konfigurationsdatei angegeben; "
              "siehe apt.conf(5) und $APT_CONFIG, sowie /etc/apt/sources.list.d/ und "
              "die Umgebungsvariable http_proxy für den Proxy-Server, beispielsweise "
              "http://proxy:3128/ mit --no-install-recommends und -o Debug::pkgProblemResolver=true. "
              "Wenn die Variable gesetzt ist, wird ihr Wert als Zeilenbreite verwendet, mit der "
              "Handbuchseiten formatiert werden sollen; andernfalls wird die Breite des Terminals "
              "benutzt, sofern diese ermittelt werden kann. Diese Transportmethode erlaubt die "
              "Verwendung von Depots, auf die über verschlüsselte Verbindungen zugegriffen wird, "
              "wobei Zertifikate der Gegenstelle geprüft und abgelehnte Schlüssel gemeldet werden.\n\n")
    english = "The company reported strong earnigns this year.\n\n"
    tail = ("BESCHREIBUNG Jede Handbuchseite enthält eine kurze Beschreibung; apropos durchsucht "
            "die Kurzbeschreibungen mit regex(7) und wildcards nach dem Schlüsselwort --exact. "
            "Gefundene Übereinstimmungen werden ausgegeben, zusammen mit ihrem Abschnitt und "
            "gegebenenfalls einer Warnung, falls ungültige Suchmuster verwendet worden sind.\n")
    result = service.clean(german + english + tail)
    assert result.language["code"] == "de"
    assert result.text == german + english.replace("earnigns", "earnings") + tail


def test_a_short_english_line_in_another_language_s_page_is_corrected_and_its_own_lines_are_not():
    french = ("Le gouvernement a annoncé lundi de nouvelles mesures pour soutenir l'économie du pays.\n"
              "Le ministre a déclaré que les discussions reprendraient mardi dans la capitale.\n")
    short = "Tout le reste est en option.\n"  # short, and French: no English step may touch it
    result = service.clean(french + "The operaing costs fell.\n" + short)
    assert result.language["code"] == "fr"
    assert result.text == french + "The operating costs fell.\n" + short
    assert [p["language"] for p in result.stats["paragraph_languages"]] == ["en"]


def test_a_named_language_is_not_second_guessed_per_paragraph():
    text = ENGLISH_LINE + "\nLos tipos de datos enteros se logran con dos palabras clave en el lenguaje.\n"
    assert service.clean(text, language="en").stats["paragraph_languages"] == []


def test_a_suggestion_on_repaired_text_does_not_undo_the_repair(swap_step):
    # a later step's low-confidence change over a mojibake repair made the merged edit a
    # suggestion: the repair was lost, and a second clean made it
    from service.edits import Change
    seen = []

    def suggest_your(text, ctx):
        at = text.find("you’re")
        seen.append(at)
        return [Change(at, at + len("you’re"), "your", "context.test", "m", 0.3)] if at >= 0 else []

    swap_step("context", suggest_your)
    result = service.clean("Tell me if youâ€™re planning to go.", language="en")
    assert result.text == "Tell me if you’re planning to go."
    assert [e.rule for e in result.edits] == ["unicode.mojibake"] and result.suggestions == ()
    assert seen and seen[0] >= 0  # the swapped step ran and made its suggestion


def test_a_suggestion_never_changes_the_text_later_steps_read(swap_step):
    # a suggestion the caller may never accept must not shape what later steps decide:
    # they read the text with only the applied edits in it
    from service.edits import Change
    read_by_context = []

    def suggest(text, ctx):
        at = text.find("colour")
        return [Change(at, at + len("colour"), "color", "spelling.test", "m", 0.3),
                Change(0, 3, "The", "spelling.case", "m", 0.9)]

    def record(text, ctx):
        read_by_context.append(text)
        return []

    swap_step("spelling", suggest)
    swap_step("context", record)
    text = "the colour of money"
    result = service.clean(text, language="en", steps=["spelling", "context"])
    assert read_by_context == ["The colour of money"]
    assert result.text == "The colour of money"
    assert [(e.id, e.start, e.end, e.replacement) for e in result.edits] == [("e1", 0, 3, "The")]
    assert [(e.id, e.start, e.end, e.original, e.replacement) for e in result.suggestions] == \
        [("e2", 4, 10, "colour", "color")]


def test_a_later_edit_over_a_suggestion_drops_the_suggestion(swap_step):
    from service.edits import Change

    def suggest(text, ctx):
        return [Change(4, 10, "color", "spelling.test", "m", 0.3)]

    def fix(text, ctx):
        return [Change(4, 10, "hue", "context.test", "m", 0.9)]

    swap_step("spelling", suggest)
    swap_step("context", fix)
    result = service.clean("the colour of money", language="en", steps=["spelling", "context"])
    assert result.text == "the hue of money" and result.suggestions == ()


def test_a_page_whose_chrome_decided_its_language_is_read_again_without_it(monkeypatch):
    # a French site's menus outweighing an English article: the text without them reads
    # as English, and a second clean would apply the English rules the first did not
    from service import pipeline
    real = pipeline.detect_language

    def chrome_decides(text, known=None, memo=None, prior=None):
        return ("fr", 0.9) if "Rechercher" in text else real(text, known, memo, prior)

    monkeypatch.setattr(pipeline, "detect_language", chrome_decides)
    article = ("The minister said the talks would resume on Monday in the capital, and both sides "
               "agreed to meet again before the end of the month to settle the remaining questions.")
    text = "Rechercher\nConnexion\nAccueil\nActualités\nSport\nCulture\nMenu\n\n" + article + "\n\n" + article.replace("Monday", "Friday") + "\n"
    once = service.clean(text)
    assert once.language["code"] == "en" and "Rechercher" not in once.text
    assert service.clean(once.text).edits == ()


def test_a_failing_step_loses_neither_the_document_nor_the_other_steps_edits(swap_step, caplog):
    """A defect in one step on one text is not a 500: its changes are left out, the
    other steps' edits stand, and the response and the log say which step failed."""
    def broken(text, ctx):
        raise AttributeError("'NoneType' object has no attribute 'isupper'")
    swap_step("context", broken)
    result = service.clean("Teh  plan.", language="en", diff="none")
    assert result.text == "The plan."
    assert result.incomplete["reason"] == "step_error" and result.incomplete["steps"] == ["context"]
    assert result.stats["incomplete_steps"] == ["context"]
    assert any("step context failed" in r.getMessage() for r in caplog.records)


def test_a_failing_step_over_http_is_a_200_with_its_reason(client, swap_step):
    swap_step("names", lambda text, ctx: 1 / 0)
    r = client.post("/v1/clean", json={"text": "Teh plan.", "language": "en"})
    assert r.status_code == 200 and r.get_json()["incomplete"]["reason"] == "step_error"
    metrics = client.get("/metrics").get_data(as_text=True)
    assert 'copydesk_incomplete_steps_total{reason="step_error",step="names"} 1.0' in metrics


def test_the_collector_pause_is_counted_across_overlapping_blocks():
    import gc

    from service.resources import gc_paused
    assert gc.isenabled()
    first, second = gc_paused(), gc_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # another block is still open: still paused
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
