"""Load and validate the rule files under `rules/` once, failing fast.

Each step that is driven by data declares a `RuleSpec` in its `Step` record
(service.steps.base): the YAML file it reads (e.g. "chrome.yaml"), a JSON
schema for one entry of the file's `rules:` list, and what compiles the
checked entries (patterns, tables).
Every entry shares the common fields below; ids are unique across all files.
One file belongs to no step: `dictionary.yaml` (optional), a newsroom's own
words that no step corrects (service.guards), read into `RuleSet.dictionary`.
A problem raises RulesError naming the file and the entry, so an operator who
mounts a broken file sees exactly what to fix before the service starts.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import jsonschema
import yaml

from .errors import RulesError
from .guards import fold_word
from .options import ONE_WORD
from .paths import find_bundled
from .steps import REGISTRY

DEFAULT_RULES_DIR = find_bundled("rules")

EXAMPLE_SCHEMA = {
    "type": "object",
    "required": ["input", "output"],
    "additionalProperties": False,
    "properties": {"input": {"type": "string"}, "output": {"type": "string"}, "note": {"type": "string"}},
}
COMMON_PROPERTIES = {
    "id": {"type": "string", "pattern": r"^[a-z0-9_.\-]+$"},
    "message": {"type": "string"},
    "source": {"type": "string"},
    "examples": {"type": "array", "items": EXAMPLE_SCHEMA},
    "negatives": {"type": "array", "items": {"type": "string"}},
}
FILE_SCHEMA = {
    "type": "object",
    "required": ["rules"],
    "properties": {"description": {"type": "string"}, "source": {"type": "string"},
                   "rules": {"type": "array"}},
}
DICTIONARY_FILE = "dictionary.yaml"
# One entry of dictionary.yaml: a list of words (no spaces) no step corrects.
DICTIONARY_SCHEMA = {
    "required": ["words"],
    "properties": {"words": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": ONE_WORD.pattern}}},
}


@dataclass(frozen=True)
class RuleFile:
    """One loaded file: its raw entries and what its step compiled from them."""

    path: str
    step: str
    entries: tuple
    compiled: object


@dataclass(frozen=True)
class RuleSet:
    """All rule files, by step name, with a version hash of their contents."""

    directory: str
    files: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    version: str = ""
    # dictionary.yaml: its entries, and their words folded (guards.fold_word)
    dictionary_entries: tuple = ()
    dictionary: frozenset = frozenset()

    def compiled(self, step: str):
        f = self.files.get(step)
        return f.compiled if f else None

    def summary(self) -> dict:
        """What /v1/rules shows: which rules are in use, without the server's paths.

        >>> RuleSet(str(DEFAULT_RULES_DIR)).summary()["directory"], RuleSet("/srv/x").summary()["directory"]
        ('bundled', 'COPYDESK_RULES_DIR')
        """
        own = Path(self.directory).resolve() != DEFAULT_RULES_DIR
        return {"directory": "COPYDESK_RULES_DIR" if own else "bundled", "version": self.version,
                "files": {s: {"path": os.path.basename(f.path), "rules": len(f.entries)}
                          for s, f in self.files.items()},
                "dictionary": {"path": DICTIONARY_FILE, "rules": len(self.dictionary_entries),
                               "words": len(self.dictionary)}}


def _load_yaml(path: Path):
    try:
        with open(path, encoding="utf-8") as fh:
            # libyaml's parser when the wheel has it: several times faster at start-up
            return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise RulesError(f"{path}: cannot read rules file: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: invalid YAML: {exc}") from None


def load_rules(directory: str | os.PathLike | None = None, steps: tuple | None = None) -> RuleSet:
    """Load the rules file of each of `steps` (default: every registered step) from
    `directory` (default: the repo's rules/)."""
    directory = Path(directory or DEFAULT_RULES_DIR)
    if not directory.is_dir():
        raise RulesError(f"{directory}: rules directory does not exist")
    files, seen, digest = {}, {}, hashlib.sha256()
    for spec in steps or REGISTRY:
        if spec.rules is None:
            continue
        path = directory / spec.rules.file
        entries = _checked_entries(path, spec.rules.schema, seen, digest)
        try:
            compiled = spec.rules.compile(entries)
        except RulesError as exc:
            raise RulesError(f"{path}: {exc}") from None
        files[spec.name] = RuleFile(str(path), spec.name, tuple(entries), compiled)
    words: tuple = ()
    path = directory / DICTIONARY_FILE
    if path.is_file():  # optional: a deployment without one has no words of its own
        words = tuple(_checked_entries(path, DICTIONARY_SCHEMA, seen, digest))
    return RuleSet(str(directory), MappingProxyType(files), digest.hexdigest()[:12], words,
                   frozenset(fold_word(w) for e in words for w in e["words"]))


def _checked_entries(path: Path, entry_schema: dict, seen: dict, digest) -> list:
    """The `rules:` entries of one file, each checked against the common fields and
    `entry_schema`; ids are recorded in `seen` (unique across files), the file's
    bytes added to `digest`. RulesError names the file and the entry at fault."""
    data = _load_yaml(path)
    digest.update(path.name.encode() + b"\0" + path.read_bytes())
    try:
        jsonschema.validate(data, FILE_SCHEMA)
    except jsonschema.ValidationError as exc:
        raise RulesError(f"{path}: {exc.message}") from None
    schema = {"type": "object", "required": ["id"], "additionalProperties": False,
              "properties": {**COMMON_PROPERTIES, **entry_schema.get("properties", {})},
              **{k: v for k, v in entry_schema.items() if k not in ("properties", "type")}}
    schema["required"] = sorted(set(schema.get("required", [])) | {"id"})
    # one validator per file: jsonschema.validate would re-check the schema for every entry
    validator = jsonschema.Draft202012Validator(schema)
    for i, entry in enumerate(data["rules"]):
        label = f"{path}: rule #{i + 1}" + (f" ({entry.get('id')})" if isinstance(entry, dict) else "")
        try:
            validator.validate(entry)
        except jsonschema.ValidationError as exc:
            where = "/".join(str(p) for p in exc.absolute_path)
            raise RulesError(f"{label}: {where + ': ' if where else ''}{exc.message}") from None
        if entry["id"] in seen:
            raise RulesError(f"{label}: duplicate rule id, first defined in {seen[entry['id']]}")
        seen[entry["id"]] = path.name
    return data["rules"]
