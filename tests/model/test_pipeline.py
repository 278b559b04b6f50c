"""register() is a table by stage; the order of a signal's receivers is kept in code, not comments."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from blinker import Signal
from pelican import signals

from newsarchive.incremental import memory, pelican_patches, speed_layer
from newsarchive.model.pipeline import Connection, Order, Stage, connect, ordered
from newsarchive.model.settings import apply_defaults
from newsarchive.site import CONNECTIONS
from newsarchive.site.output_guard import check_output_folder


def first(): ...
def middle(): ...
def last(): ...


def test_first_and_last_hold_whatever_the_order_of_the_table():
    table = [Connection(Stage.FINALIZE, "done", last, Order.LAST), Connection(Stage.READ, "done", middle),
             Connection(Stage.READ, "done", first, Order.FIRST)]
    made = SimpleNamespace(done=Signal())
    connect(table, made)
    assert [receiver() for receiver in made.done.receivers.values()] == [first, middle, last]


def _receivers(signal: str) -> list:
    table = ordered(CONNECTIONS + speed_layer.connections())
    return [c.receiver for c in table if c.signal == signal]


def test_the_plugin_s_orders_that_matter():
    assert _receivers("initialized")[:2] == [check_output_folder, apply_defaults]
    assert _receivers("content_object_init")[0] is pelican_patches.use_packed_fields
    assert _receivers("all_generators_finalized")[-1] is memory.resume
    finalized = _receivers("finalized")
    assert finalized[-1] is memory.release and finalized.index(memory.release) > finalized.index(speed_layer._finish)


def test_every_connection_names_a_signal_of_pelican_and_says_why_when_its_order_matters():
    for connection in CONNECTIONS + speed_layer.connections():
        assert hasattr(signals, connection.signal), connection.signal
        assert connection.order is Order.ANY or connection.why


@pytest.mark.parametrize("stage", list(Stage))
def test_each_stage_has_receivers(stage):
    assert any(c.stage is stage for c in CONNECTIONS + speed_layer.connections())
