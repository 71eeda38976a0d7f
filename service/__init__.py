"""Copydesk: clean scraped and transcribed news text, explaining every edit.

    >>> import service
    >>> result = service.clean("The two counties have decided.")   # doctest: +SKIP

The library has no Flask in it; the HTTP layer is `service.app:create_app()`.

The names below are imported on first use (PEP 562): `python -m service
serve` only hands over to gunicorn, and importing the pipeline first cost it
a third of a second of start-up for nothing.
"""
from importlib import import_module

_EXPORTS = {
    "Change": "edits", "Edit": "edits", "EditConflict": "edits", "apply_edits": "edits",
    "CopydeskError": "errors", "OptionsError": "errors", "RulesError": "errors",
    "STEPS": "options", "Options": "options",
    "Resources": "pipeline", "Result": "pipeline", "clean": "pipeline",
    "default_resources": "pipeline", "load_resources": "pipeline",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'service' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
