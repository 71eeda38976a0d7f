"""Step 'names' (placeholder: returns no changes until implemented)."""
from __future__ import annotations

from ..edits import Change

ENGLISH_ONLY = True


def run(text: str, ctx) -> list[Change]:
    return []
