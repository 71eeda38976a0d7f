"""Configuration from COPYDESK_* variables, validated at start."""
from __future__ import annotations

import pytest

from service.app.config import ConfigError, load_config
from service.errors import RulesError


def test_defaults_then_mapping_then_environment():
    config = load_config({"MAX_CONTENT_LENGTH": 5000}, environ={"COPYDESK_MAX_BYTES": "4096"})
    assert config["MAX_CONTENT_LENGTH"] == 4096
    assert load_config({"MAX_CONTENT_LENGTH": 5000}, environ={})["MAX_CONTENT_LENGTH"] == 5000


@pytest.mark.parametrize("name,value,needle", [
    ("MAX_BYTES", "lots", "whole number"),
    ("MAX_BYTES", "10", "between"),
    ("DEFAULT_STEPS", "unicode,grammar", "DEFAULT_STEPS"),
    ("LOG_LEVEL", "LOUD", "LOG_LEVEL"),
    ("RULES_DIR", "/no/such/dir", "not a directory"),
    ("API_KEYS", "short", "16 characters"),
])
def test_bad_environment_fails_fast_naming_the_variable(name, value, needle):
    with pytest.raises(ConfigError) as info:
        load_config(environ={f"COPYDESK_{name}": value})
    assert needle in str(info.value) and f"COPYDESK_{name}" in str(info.value)


def test_broken_rules_file_stops_the_app_with_file_and_entry(tmp_path):
    from service.app import create_app
    from service.rules import DEFAULT_RULES_DIR
    for f in DEFAULT_RULES_DIR.glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    files = sorted(tmp_path.glob("*.yaml"))
    if not files:
        pytest.skip("no rules files yet")
    target = files[0]
    target.write_text("rules:\n  - {id: 'Bad Id!'}\n", encoding="utf-8")
    with pytest.raises(RulesError) as info:
        create_app({"TESTING": True, "RULES_DIR": str(tmp_path)})
    assert target.name in str(info.value) and "rule #1" in str(info.value)
