"""A build step run in a child process gives back its result, or says why it gave none."""

import os

import pytest

from newsarchive.process.forked import ChildFailed, call_forked


def _pid_and_sum(numbers):
    return os.getpid(), sum(numbers)


def _raises():
    raise ValueError("a plugin bug")


def _killed():
    os._exit(9)


def test_the_result_comes_back_from_another_process():
    pid, total = call_forked(_pid_and_sum, [1, 2, 3])
    assert total == 6 and pid != os.getpid()


def test_an_exception_in_the_child_is_reported_with_its_message():
    with pytest.raises(ChildFailed, match="ValueError: a plugin bug"):
        call_forked(_raises)


def test_a_child_that_dies_without_a_result_is_reported_with_its_exit_code():
    with pytest.raises(ChildFailed, match="exit code 9"):
        call_forked(_killed)


def _noting_twice(numbers):
    from newsarchive.process.forked import note

    note(("first", os.getpid()))
    note(("second", sum(numbers)))
    return "done"


def test_notes_from_the_child_reach_the_parent_in_order_before_the_result():
    heard = []
    assert call_forked(_noting_twice, [1, 2], on_note=heard.append) == "done"
    assert [kind for kind, _ in heard] == ["first", "second"]
    assert heard[0][1] != os.getpid() and heard[1][1] == 3


def test_a_note_outside_a_step_does_nothing():
    from newsarchive.process.forked import note

    note("nobody listens")


def test_without_fork_a_step_inside_another_leaves_the_outer_steps_notes_going(monkeypatch):
    import multiprocessing

    from newsarchive.process import forked as apart

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    heard = []

    def outer():
        apart.note("before")
        assert apart.call_forked(lambda: 2) == 2
        apart.note("after")
        return 1

    assert apart.call_forked(outer, on_note=heard.append) == 1
    assert heard == ["before", "after"]
