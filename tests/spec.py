"""Check responses against openapi.yaml (OpenAPI 3.1 schemas are JSON Schema 2020-12)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi.yaml"
SPEC_URI = "urn:copydesk:openapi"


@lru_cache(maxsize=1)
def load_spec() -> dict:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _registry() -> Registry:
    return Registry().with_resource(SPEC_URI, Resource.from_contents(load_spec(), DRAFT202012))


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def assert_conforms(path: str, method: str, response) -> None:
    """The status is documented for the operation and the JSON body fits its schema."""
    spec = load_spec()
    operation = spec["paths"][path][method.lower()]
    status = str(response.status_code)
    assert status in operation["responses"], f"{method} {path}: status {status} is not documented"
    documented = operation["responses"][status]
    pointer = f"#/paths/{_escape(path)}/{method.lower()}/responses/{status}"
    if "$ref" in documented:
        pointer = documented["$ref"]
        for part in pointer.lstrip("#/").split("/"):
            spec = spec[part]
        documented = spec
    media = (response.mimetype or "").lower()
    assert media in documented.get("content", {}), f"{method} {path} {status}: {media} is not documented"
    if media == "application/json":
        schema = {"$ref": f"{SPEC_URI}{pointer}/content/{_escape(media)}/schema"}
        jsonschema.Draft202012Validator(schema, registry=_registry()).validate(response.get_json())
