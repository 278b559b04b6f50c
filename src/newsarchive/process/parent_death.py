"""No orphans: a process started by a build ends when the process that started it ends.

Linux's ``PR_SET_PDEATHSIG`` has the kernel kill a child when its parent dies, however the
parent dies (even ``SIGKILL``). The build's forked child calls :func:`die_with_parent` first
thing; Pagefind is started with :func:`pdeathsig_preexec`. Elsewhere both do nothing: the
forked child then ends when its pipe to the parent closes.
"""

from __future__ import annotations

import ctypes
import functools
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@functools.cache
def _prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent(parent: int) -> None:
    """Be killed when the parent ends; exit at once if ``parent`` is already gone (it died between
    the fork and this call)."""
    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def pdeathsig_preexec():
    """A ``preexec_fn`` for ``subprocess`` that has the started program killed when this process
    ends (None where that is not available). The function is looked up before the fork, so that
    the child only calls it."""
    prctl = _prctl()
    if prctl is None:
        return None
    return functools.partial(prctl, _PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
