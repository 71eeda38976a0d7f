"""Exceptions the library raises; the HTTP layer maps each to one 4xx code."""


class CopydeskError(Exception):
    """Base class: `code` is a stable machine-readable name for the error."""

    code = "copydesk_error"


class OptionsError(CopydeskError, ValueError):
    """An unknown option, or an option with a wrong type or value."""

    code = "invalid_option"


class RulesError(CopydeskError):
    """A rules file is missing, unreadable or invalid; names the file and entry."""

    code = "invalid_rules"
