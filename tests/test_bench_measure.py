"""The benchmark's measurements: what a build wrote counts once, whichever process wrote it."""

import sys

from benchmarks.bench import measure
from benchmarks.floor import measure_floor

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


BUSY = "import time\nend = time.process_time() + 0.4\nwhile time.process_time() < end: pass"


def test_cpu_time_of_a_child_of_the_build_counts(tmp_path):
    script = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {BUSY!r}])"
    run = measure([sys.executable, "-c", script], tmp_path)
    assert 0.4 <= run.cpu_seconds < 5


def test_the_floor_is_the_work_of_markdown_and_pagefind_shared_by_the_cores(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    (content / "2020").mkdir(parents=True)
    for number in range(20):
        (content / "2020" / f"a{number}.md").write_text(f"Title: A{number}\n\n" + "Some *words* here.\n\n" * 200)
    (output / "articles").mkdir(parents=True)
    (output / "articles" / "a.html").write_text(
        "<html lang='en'><body><main data-pagefind-body><p>A ferry sailed.</p></main></body></html>")
    floor = measure_floor(content, {"extensions": [], "output_format": "html5"}, output, "articles/**/*.html", 2)
    assert floor is not None
    assert floor.markdown_cpu_seconds > 0 and floor.pagefind_cpu_seconds > 0
    assert floor.seconds == (floor.markdown_cpu_seconds + floor.pagefind_cpu_seconds) / 2
    assert not list(tmp_path.glob("**/pagefind*"))  # its bundle went to a temporary folder


def test_no_floor_when_pagefind_finds_no_page(tmp_path):
    (tmp_path / "content").mkdir()
    assert measure_floor(tmp_path / "content", {}, tmp_path, "articles/**/*.html", 2) is None


def test_the_benchmarks_newsarchive_settings_name_a_theme_that_exists():
    import re
    from pathlib import Path

    from benchmarks.bench import newsarchive_conf

    theme = re.search(r"^THEME = '([^']+)'$", newsarchive_conf(), re.M)
    assert theme and (Path(theme[1]) / "templates" / "base.html").is_file()
