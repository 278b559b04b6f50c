"""A plugin's connections to Pelican's signals as data: a table by stage, its order kept in code.

Pelican calls the receivers of a signal in the order they were connected, and several of
ours must run before or after the others (the packed content class before any receiver that
packs a field; the collector resumed after every receiver that adds to the context). So
``register()`` connects a table of :class:`Connection` records, grouped by the stage of the
run they belong to, and :func:`connect` connects each signal's ``FIRST`` receivers, then the
others in table order, then its ``LAST`` ones, whatever order the table lists them in.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass


class Stage(enum.IntEnum):
    """The stages of a Pelican run, in order."""

    READ = 1  # settings, readers, each article read and made (initialized ... article_generator_pretaxonomy)
    CONTEXT = 2  # what is made of all the articles once read (article_generator_finalized, all_generators_...)
    GENERATE = 3  # the generators of new page kinds, their templates (get_generators, generator_init)
    WRITE = 4  # the writer and what each page is written with (get_writer, article_generator_write_article, ...)
    FINALIZE = 5  # after everything is written (finalized)


class Order(enum.IntEnum):
    FIRST = 0  # before every other receiver of its signal
    ANY = 1
    LAST = 2  # after every other receiver of its signal


@dataclass(frozen=True)
class Connection:
    stage: Stage
    signal: str  # the name of the signal in ``pelican.signals``
    receiver: Callable
    order: Order = Order.ANY
    why: str = ""  # why the order matters, when it does


def ordered(connections: Iterable[Connection]) -> list[Connection]:
    """The connections in the order they are made: by ``order`` within each signal, else as listed."""
    return sorted(connections, key=lambda c: c.order)  # a stable sort: as listed within one order


def connect(connections: Iterable[Connection], signals) -> None:
    """Connect each receiver to its signal of ``signals`` (``pelican.signals``), in :func:`ordered` order."""
    for connection in ordered(connections):
        getattr(signals, connection.signal).connect(connection.receiver)
