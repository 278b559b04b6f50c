"""The garbage collector pauses while Pelican reads, and is back to normal after every build."""

import gc

from newsarchive.plugin import collector


def test_reading_pauses_collection_and_rendering_collects_only_new_objects():
    kept = [object() for _ in range(10)]
    collector.pause(None)
    try:
        assert not gc.isenabled()
        collector.resume([])
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        collector.release(None)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert kept


def test_a_build_that_stops_halfway_leaves_the_collector_on(tmp_path, monkeypatch):
    from newsarchive.site import BuildReport, _run_pelican

    collector.pause(None)  # as Pelican's ``initialized`` does; the run then fails before ``finalized``
    report = BuildReport(tmp_path)
    assert not _run_pelican({"broken": True}, tmp_path / "pelicanconf.py", report)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert report.problems.errors
