"""The garbage collector pauses while Pelican reads, and is back to normal after every build."""

import gc

import pytest

from newsarchive.incremental import memory


def test_reading_pauses_collection_and_rendering_collects_only_new_objects():
    kept = [object() for _ in range(10)]
    memory.pause(None)
    try:
        assert not gc.isenabled()
        memory.resume([])
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        memory.release(None)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert kept


def test_a_build_that_stops_halfway_leaves_the_collector_on(tmp_path, monkeypatch):
    from newsarchive.build.run import BuildReport, _run_pelican

    memory.pause(None)  # as Pelican's ``initialized`` does; the run then fails before ``finalized``
    report = BuildReport(tmp_path)
    assert not _run_pelican({"broken": True}, tmp_path / "pelicanconf.py", report)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert report.problems.errors


def test_memory_freed_by_threads_is_given_back_before_the_rendering():
    """NumPy frees a small array into the C heap, and a thread's arena keeps it: the Pelican
    process would render its pages that much larger (the clusters' arrays, at 10,000 articles)."""
    import threading
    from pathlib import Path

    import numpy

    def resident_mb() -> int:
        status = Path("/proc/self/status")
        if not status.exists():
            pytest.skip("no /proc here")
        line = next(line for line in status.read_text().splitlines() if line.startswith("VmRSS"))
        return int(line.split()[1]) // 1024

    kept = []

    def churn():
        arrays = [numpy.ones(10_000) for _ in range(3_000)]  # 80 KB each (under glibc's mmap threshold): 240 MB
        kept.extend(arrays[::100])  # a few stay, as in a real build
        del arrays

    thread = threading.Thread(target=churn)
    thread.start()
    thread.join()
    before = resident_mb()
    if not memory.give_back_freed_memory():
        pytest.skip("not glibc: nothing to give back with")
    assert resident_mb() < before - 150, "the arena's free memory went back to the system"


def test_the_memory_is_given_back_once_the_context_is_made(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "give_back_freed_memory", lambda: calls.append(1) or True)
    memory.pause(None)
    try:
        memory.resume([])
    finally:
        memory.release(None)
    assert calls == [1]
