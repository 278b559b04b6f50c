"""The benchmark's measurements: what a build wrote counts once, whichever process wrote it."""

import sys

from benchmarks.bench import measure

WRITE = "open({path!r}, 'wb').write(b'x' * 4_000_000)"


def test_bytes_written_by_a_child_of_the_build_count_once(tmp_path):
    # the build forks a child that writes: per-process counters would count it twice, once
    # in the child and again in the parent that waits for it
    child = WRITE.format(path=str(tmp_path / "a"))
    script = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"
    run = measure([sys.executable, "-c", script], tmp_path)
    assert run.returncode == 0
    assert 4_000_000 <= run.bytes_written < 6_000_000


def test_bytes_sent_through_a_pipe_are_not_written(tmp_path):
    script = "import sys, time; sys.stdout.write('x' * 4_000_000); sys.stdout.flush(); time.sleep(1)"
    run = measure([sys.executable, "-c", script], tmp_path)
    assert run.bytes_written < 1_000_000
