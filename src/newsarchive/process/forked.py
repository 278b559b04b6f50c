"""Run one step in a forked child process, so that all the memory it used is given back when it ends.

A build's Pelican run holds every article, its HTML and its tags at once; CPython keeps
most of that memory after the objects are gone. Run in a child, the parent is back to its
size before the step once it ends. Where ``fork`` is not available the step runs in this process.

A bottom-layer helper with no other import of ours: the build's parent runs Pelican with it, and
the tagger (``tagging/tagger.py``) builds a new tagger with it, without the analysis importing the build.

The child can tell the parent something before it ends (:func:`note`): the build's child says
when the article pages are written, and the parent starts the search index beside it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable
from typing import TypeVar

from .parent_death import die_with_parent

T = TypeVar("T")

_NOTE, _DONE, _FAILED = "note", "done", "failed"


class ChildFailed(RuntimeError):
    """The child ended without a result (killed, out of memory) or raised."""


# What ``note`` does in the step being run: send to the parent, or (in the same process) call its handler.
_noting: Callable[[object], None] | None = None


def note(value) -> None:
    """From inside a step run by ``call_forked``: give ``value`` (pickled) to the parent's ``on_note``
    now, while the step goes on. Outside such a step, nothing."""
    if _noting is not None:
        _noting(value)


def call_forked(function: Callable[..., T], *args, on_note: Callable[[object], None] | None = None) -> T:
    """``function(*args)`` in a forked child; its result (pickled) or ``ChildFailed``. What the child
    gives to :func:`note` meanwhile is handed to ``on_note`` in this process, as it comes."""
    global _noting
    if "fork" not in multiprocessing.get_all_start_methods():
        outer, _noting = _noting, on_note
        try:
            return function(*args)
        finally:
            _noting = outer  # a step run inside another one: the outer step's notes go on
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sending, function, args, os.getpid()), daemon=False)
    process.start()
    sending.close()
    kind, value = _FAILED, None
    try:
        while True:
            kind, value = receiving.recv()
            if kind != _NOTE:
                break
            if on_note is not None:
                on_note(value)
    except EOFError:
        kind, value = _FAILED, None
    finally:
        receiving.close()
        process.join()
    if kind != _DONE:
        raise ChildFailed(value or f"the build process ended without a result (exit code {process.exitcode})")
    return value


def _child(sending, function, args, parent: int) -> None:
    global _noting
    die_with_parent(parent)
    _noting = lambda value: sending.send((_NOTE, value))  # noqa: E731
    try:
        result = (_DONE, function(*args))
    except BaseException as exc:  # the parent reports it in one line; the traceback goes to stderr
        traceback.print_exc(file=sys.stderr)
        result = (_FAILED, " ".join(f"{type(exc).__name__}: {exc}".split()))
    sending.send(result)
    sending.close()
