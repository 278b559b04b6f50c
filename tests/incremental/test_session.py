"""The seam's memo: values made once and found again by a later build, the same keys in the prefill
pool's workers as in the build, and plain making when there is no speed layer."""

from __future__ import annotations

import pickle

from newsarchive.incremental import BuildSession, memo, session
from newsarchive.incremental.parse_cache import ParseCache


def counted():
    made = []

    def make():
        made.append(1)
        return {"value": len(made)}

    return made, make


def test_without_a_running_build_every_value_is_made():
    session.begin(None)
    made, make = counted()
    assert memo("kind", "key", make) == {"value": 1} and memo("kind", "key", make) == {"value": 2}


def test_a_build_keeps_a_value_and_the_next_build_finds_it(tmp_path):
    made, make = counted()
    for _ in range(2):
        session.begin(BuildSession(cache=ParseCache(tmp_path / "newsarchive-0123456789abcdef.sqlite")))
        session.start({"NEWSARCHIVE_CACHE": True})
        assert memo("kind", "key", make) == {"value": 1}
        session.finish()
    assert made == [1]


def test_a_worker_s_memo_makes_the_entries_the_build_looks_up(tmp_path):
    worker = BuildSession(worker_entries=[])
    session.begin(worker)
    session.start({})
    memo("figures", "abc", lambda: ["a figure"])
    assert [(key, pickle.loads(value)) for key, value in worker.worker_entries] == [("figures:abc", ["a figure"])]
    cache = ParseCache(None)
    for key, value in worker.worker_entries:
        cache.put_pickled(key, value)
    session.begin(BuildSession(cache=cache))
    session.start({})
    assert memo("figures", "abc", lambda: ["made again"]) == ["a figure"]
    session.finish()
