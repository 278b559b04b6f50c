"""The newsarchive Pelican plugin: list it in ``PLUGINS`` as ``"newsarchive.plugin"``.

It connects the site's features (``newsarchive.site``) and the speed layer
(``newsarchive.incremental.speed_layer``) in one table, by stage of Pelican's run, each
signal's order kept in code (``newsarchive.model.pipeline``). The name stays ``newsarchive.plugin``
because sites list it in their ``pelicanconf.py``; ``"newsarchive.site"`` alone gives the same
pages without the speed layer.
"""

from __future__ import annotations

from pelican import signals

from ..incremental import speed_layer
from ..model.pipeline import connect
from ..site import CONNECTIONS, preload

__all__ = ["preload", "register"]


def register() -> None:
    connect(CONNECTIONS + speed_layer.connections(), signals)
