"""Every setting the plugin reads: declared once, with its default and one line of help.

The README's settings table is tested against this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = [
    Setting(
        "NEWSARCHIVE_UNDATED_SORT_DATE",
        datetime(1, 1, 1),
        "Sort key given to articles without a date, so Pelican publishes them after dated ones; never shown.",
    ),
]


def apply_defaults(pelican) -> None:
    """Fill in every setting the site's configuration leaves out."""
    for setting in SETTINGS:
        pelican.settings.setdefault(setting.name, setting.default)


def get(settings: dict, name: str) -> Any:
    default = next(s.default for s in SETTINGS if s.name == name)
    return settings.get(name, default)
