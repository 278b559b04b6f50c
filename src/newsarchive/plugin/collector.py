"""The cyclic garbage collector held off while Pelican reads the site.

Reading makes over a million objects that live until the end of the build and almost no
cyclic garbage, yet every full collection walks all of them again. So collection pauses
from the start of the run until every generator has its context; the objects made so far
are then frozen (left out of later collections; collecting them first would take a second
at 10,000 articles and find next to nothing) and collection resumes for the rendering,
whose short-lived cycles (Jinja2's contexts) it does collect. ``finalized`` unfreezes
them, for a process that builds again.
"""

from __future__ import annotations

import gc


def pause(pelican) -> None:
    """``initialized``."""
    gc.disable()


def resume(generators) -> None:
    """``all_generators_finalized``, after the receivers that add to the context."""
    gc.freeze()
    gc.enable()


def release(pelican) -> None:
    """``finalized``, and after a build that stopped halfway."""
    gc.unfreeze()
    gc.enable()
