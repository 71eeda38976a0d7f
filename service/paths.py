"""Where the files bundled with Copydesk are: the rules and gunicorn's settings.

In a checkout they sit beside the `service` package; `pip install .` puts them
under the installation prefix (share/copydesk, see pyproject.toml).
"""
from __future__ import annotations

import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def find_bundled(name: str) -> Path:
    """The bundled file or folder `name`: the checkout's, else the installed one.

    >>> find_bundled("rules").name
    'rules'
    """
    beside = CHECKOUT / name
    if beside.exists():
        return beside
    return Path(sys.prefix) / "share" / "copydesk" / name
