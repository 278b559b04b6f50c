"""The site lock: one build or import at a time, a killed run's lock taken over."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from newsarchive.model.site_lock import SiteBusy, site_lock


def _hold(site, ready, seconds):
    with site_lock(site, "build"):
        ready.set()
        time.sleep(seconds)


def test_second_run_without_wait_names_the_holder(tmp_path):
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold, args=(tmp_path, ready, 30))
    holder.start()
    try:
        assert ready.wait(10)
        with pytest.raises(SiteBusy) as caught, site_lock(tmp_path, "import", wait=False):
            pass
        assert f"(pid {holder.pid})" in str(caught.value)
        assert "the build started at" in str(caught.value)
    finally:
        holder.kill()
        holder.join()


def test_waiting_run_says_what_it_waits_for_and_then_runs(tmp_path):
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold, args=(tmp_path, ready, 1))
    holder.start()
    assert ready.wait(10)
    said = []
    with site_lock(tmp_path, "import", announce=said.append) as me:
        assert me.pid == os.getpid()
    holder.join()
    assert len(said) == 1 and "waiting for it to end" in said[0] and f"pid {holder.pid}" in said[0]


def test_lock_of_a_killed_run_is_taken_over(tmp_path):
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    holder = context.Process(target=_hold, args=(tmp_path, ready, 60))
    holder.start()
    assert ready.wait(10)
    os.kill(holder.pid, signal.SIGKILL)
    holder.join()
    with site_lock(tmp_path, "build", wait=False):
        pass


def test_the_lock_is_free_again_after_the_run(tmp_path):
    with site_lock(tmp_path, "build", wait=False):
        pass
    with site_lock(tmp_path, "import", wait=False):
        pass
