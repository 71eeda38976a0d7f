"""Copydesk: clean scraped and transcribed news text, explaining every edit.

    >>> import service
    >>> result = service.clean("The two counties have decided.")   # doctest: +SKIP

The library has no Flask in it; the HTTP layer is `service.app:create_app()`.
"""
from .edits import Change, Edit, EditConflict, apply_edits
from .errors import CopydeskError, OptionsError, RulesError
from .options import STEPS, Options
from .pipeline import Resources, Result, clean, default_resources, load_resources

__all__ = ["clean", "Result", "Edit", "Change", "Options", "STEPS", "apply_edits", "EditConflict",
           "CopydeskError", "OptionsError", "RulesError", "Resources", "load_resources",
           "default_resources"]
