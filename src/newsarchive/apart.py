"""Run one step in a forked child process, so that all the memory it used is given back when it ends.

A build's Pelican run holds every article, its HTML and its tags at once; CPython keeps
most of that memory after the objects are gone. Run in a child, the parent is back to its
size before the step once it ends. Where ``fork`` is not available the step runs in this process.
"""

from __future__ import annotations

import multiprocessing
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class ChildFailed(RuntimeError):
    """The child ended without a result (killed, out of memory) or raised."""


def call_apart(function: Callable[..., T], *args) -> T:
    """``function(*args)`` in a forked child; its result (pickled) or ``ChildFailed``."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return function(*args)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sending, function, args), daemon=False)
    process.start()
    sending.close()
    try:
        finished, value = receiving.recv()
    except EOFError:
        finished, value = False, None
    finally:
        receiving.close()
        process.join()
    if not finished:
        raise ChildFailed(value or f"the build process ended without a result (exit code {process.exitcode})")
    return value


def _child(sending, function, args) -> None:
    try:
        result = (True, function(*args))
    except BaseException as exc:  # the parent reports it in one line; the traceback goes to stderr
        traceback.print_exc(file=sys.stderr)
        result = (False, " ".join(f"{type(exc).__name__}: {exc}".split()))
    sending.send(result)
    sending.close()
