"""The cyclic garbage collector held off while Pelican reads the site.

Reading makes over a million objects that live until the end of the build and almost no
cyclic garbage, yet every full collection walks all of them again. So collection pauses
from the start of the run until every generator has its context; the objects made so far
are then frozen (left out of later collections; collecting them first would take a second
at 10,000 articles and find next to nothing) and collection resumes for the rendering,
whose short-lived cycles (Jinja2's contexts) it does collect. ``finalized`` unfreezes
them, for a process that builds again.

When the context is made, the memory it freed (the clusters' arrays, many of them freed by
threads into arenas of their own) is given back to the system before the rendering, which
is when the Pelican process is at its largest (``give_back_freed_memory``).
"""

from __future__ import annotations

import ctypes
import gc


def pause(pelican) -> None:
    """``initialized``."""
    gc.disable()


def resume(generators) -> None:
    """``all_generators_finalized``, after the receivers that add to the context."""
    gc.freeze()
    gc.enable()
    give_back_freed_memory()


def give_back_freed_memory() -> bool:
    """Hand the C heap's free memory back to the system (glibc's ``malloc_trim``): NumPy and
    SciPy free their arrays into it, and glibc keeps what it holds, in every thread's arena. At
    10,000 articles that was 36 MB after the clusters. Whether it could (not without glibc)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return False
    trim(0)
    return True


def release(pelican) -> None:
    """``finalized``, and after a build that stopped halfway."""
    gc.unfreeze()
    gc.enable()
