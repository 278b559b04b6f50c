"""A build never destroys what it did not make, never half-publishes a site, and leaves no
process behind: the output folder check, the site lock, all-or-nothing publishing, the swap,
errors at their cause, no orphans."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsarchive.build import run
from newsarchive.build.run import build_site
from newsarchive.model.output_folder import MARK
from newsarchive.model.packaged import THEME
from newsarchive.model.site_lock import LOCK_NAME

from ..conftest import REPO, copy_theme, free_port, make_site

pytestmark = pytest.mark.slow
COMMAND = [sys.executable, "-m", "newsarchive"]


def newsarchive(root: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], cwd=root, capture_output=True, text=True, timeout=timeout)


def hashes(folder: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file below ``folder`` by its SHA-256 (links as their target's text), but the site's
    lock file, which every run leaves (empty) in the site folder."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if relative.startswith(skip) or path.name == LOCK_NAME:
            continue
        if path.is_symlink():
            found[relative] = "link:" + os.readlink(path)
        elif path.is_file():
            found[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.fixture
def site(tmp_path) -> Path:
    root = make_site(tmp_path / "site")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "digests", root / "digests")
    (root / "notes.txt").write_text("my notes\n", encoding="utf-8")
    (root / "mine").mkdir()
    (root / "mine" / "keep.txt").write_text("not newsarchive's\n", encoding="utf-8")
    return root


REFUSED = [
    ("content", "is the content folder"),
    ("content/articles", "lies inside the content folder"),
    ("digests", "is the site's digests/ folder"),
    ("taxonomy", "is the site's taxonomy/ folder"),
    ("theme", "is the site's theme/ folder"),
    (".", "is the site folder or contains it"),
    ("..", "is the site folder or contains it"),
    ("notes.txt", "is not a folder"),
    ("mine", "is not empty and was not made by newsarchive"),
]


@pytest.mark.parametrize(("output", "why"), REFUSED)
def test_build_refuses_an_output_it_did_not_make_and_touches_nothing(site, output, why):
    before = hashes(site.parent)
    done = newsarchive(site, "build", "--output", output, "--force")
    assert done.returncode == 2, done.stderr
    assert f"{output}: error: {why}" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert hashes(site.parent) == before, "nothing outside the output changed"
    assert not list(site.parent.rglob(".*.building"))


@pytest.mark.parametrize("output", ["content", "digests", "."])
def test_output_clean_never_lets_a_build_replace_the_sites_own_folders(site, output):
    before = hashes(site)
    done = newsarchive(site, "build", "--output", output, "--output-clean")
    assert done.returncode == 2 and "does not change this" in done.stderr or "site folder" in done.stderr
    assert hashes(site) == before


def test_output_clean_lets_a_build_replace_a_folder_named_on_purpose(site):
    done = newsarchive(site, "build", "--output", "mine", "--output-clean", "--quiet")
    assert done.returncode == 0, done.stderr
    assert not (site / "mine" / "keep.txt").exists() and (site / "mine" / MARK).is_file()
    assert (site / "mine" / "index.html").is_file()


def test_an_unmarked_output_that_the_previous_builds_records_name_is_adopted_and_marked(site):
    assert newsarchive(site, "build", "--quiet").returncode == 0
    (site / "output" / MARK).unlink()  # as an output made before outputs were marked
    done = newsarchive(site, "build", "--quiet")
    assert done.returncode == 0, done.stderr
    assert (site / "output" / MARK).is_file()
    (site / "output" / MARK).unlink()
    shutil.rmtree(site / "cache")  # no record names it any more: refused
    done = newsarchive(site, "build", "--quiet")
    assert done.returncode == 2 and "output: error: is not empty and was not made by newsarchive" in done.stderr


def test_plain_pelican_with_the_plugin_makes_the_same_check(site):
    before = hashes(site)
    done = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-o", "content"], cwd=site,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "content: error: is the content folder" in " ".join((done.stdout + done.stderr).split())
    assert hashes(site) == before


def test_plain_pelican_marks_its_output_and_keeps_the_mark_through_its_clean_up(site):
    for _ in range(2):  # the second run deletes the first's output (DELETE_OUTPUT_DIRECTORY) but the mark
        done = subprocess.run([sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-t", str(THEME)], cwd=site,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        assert (site / "output" / MARK).is_file()


# -- one build at a time ---------------------------------------------------------------------------

@pytest.mark.parametrize("offset", [0.0, 0.4, 1.5])
def test_two_builds_started_apart_end_with_a_complete_site_equal_to_a_cold_build(site, tmp_path, offset):
    reference = tmp_path / "reference"
    shutil.copytree(site, reference)
    assert newsarchive(reference, "build", "--quiet").returncode == 0
    first = subprocess.Popen([*COMMAND, "build", "--force"], cwd=site, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    time.sleep(offset)
    second = subprocess.Popen([*COMMAND, "build", "--force"], cwd=site, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    outs = [process.communicate(timeout=300) for process in (first, second)]
    for process, (_, err) in zip((first, second), outs, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err
    if offset == 0.0:
        assert any("waiting for it to end" in err for _, err in outs), "one build waited for the other"
    skip = ("pagefind",)
    assert hashes(site / "output", skip) == hashes(reference / "output", skip)
    assert sorted((site / "output" / "pagefind").rglob("*.pf_fragment")), "the search index is there"
    assert not list(site.glob(".*.building")) and not list(site.glob(".*.previous"))


def test_no_wait_exits_1_naming_the_running_build(site):
    from newsarchive.model.site_lock import site_lock

    with site_lock(site, "import"):
        done = newsarchive(site, "build", "--no-wait")
    assert done.returncode == 1
    assert "another run holds this site: the import started at" in done.stderr
    assert f"(pid {os.getpid()})" in done.stderr


# -- all or nothing --------------------------------------------------------------------------------

def _drop_title(site: Path) -> tuple[Path, int]:
    article = sorted((site / "content" / "articles").rglob("*.md"))[0]
    article.write_text("\n".join(line for line in article.read_text(encoding="utf-8").split("\n")
                                 if not line.startswith("Title:")), encoding="utf-8")
    return article, 1


def _bad_tags_yaml(site: Path) -> tuple[Path, int]:
    path = site / "taxonomy" / "tags.yaml"
    path.write_text("tags:\n  - name: Homs\n   type: place\n", encoding="utf-8")
    return path, 3


def _template_error(site: Path) -> tuple[Path, int]:
    path = copy_theme(site) / "templates" / "article.html"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(5, "{% if %}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, 6


@pytest.mark.parametrize("breakage", [_drop_title, _bad_tags_yaml, _template_error])
def test_a_build_with_an_error_leaves_the_previous_site_byte_identical(site, breakage):
    assert newsarchive(site, "build", "--quiet").returncode == 0
    before = hashes(site / "output")
    path, line = breakage(site)
    done = newsarchive(site, "build", "--quiet")
    assert done.returncode == 1
    assert f"{path.relative_to(site).as_posix()}:{line}: error: " in done.stderr, done.stderr
    assert "pelicanconf.py" not in done.stderr
    assert "published nothing" in done.stderr and "left exactly as it was" in done.stderr
    assert hashes(site / "output") == before, "pagefind/ included"
    assert not list(site.glob(".*.building"))


def test_keep_going_publishes_a_partial_site_listing_the_errors(site):
    assert newsarchive(site, "build", "--quiet").returncode == 0
    article, _ = _drop_title(site)
    page = site / "output" / "articles" / f"{article.stem}.html"
    assert page.is_file()
    done = newsarchive(site, "build", "--quiet", "--keep-going")
    assert done.returncode == 1 and "a partial site" in done.stderr
    assert f"{article.relative_to(site).as_posix()}:1: error: the header has no 'Title:' line" in done.stderr
    assert (site / "output" / "index.html").is_file()


# -- the swap --------------------------------------------------------------------------------------

@pytest.fixture
def built(site, monkeypatch) -> Path:
    monkeypatch.chdir(site)
    assert build_site(site / "pelicanconf.py").published
    return site


def _edit(site: Path) -> None:
    article = sorted((site / "content" / "articles").rglob("*.md"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")


def test_the_swap_is_one_exchange(built):
    calls = []
    real = run.files.exchange

    def spy(first, second):
        calls.append((Path(first).name, Path(second).name))
        return real(first, second)

    _edit(built)
    pytest.MonkeyPatch.setattr(pytest.MonkeyPatch(), run.files, "exchange", spy)
    report = build_site(built / "pelicanconf.py")
    assert report.published and calls == [(".output.building", "output")]
    assert "One more paragraph." in "".join(p.read_text() for p in (built / "output" / "articles").glob("*.html"))
    assert not list(built.glob(".output.*"))


def test_a_crash_between_the_two_renames_never_leaves_the_site_without_output(built, monkeypatch):
    before = hashes(built / "output")
    monkeypatch.setattr(run.files, "exchange", lambda first, second: False)  # a system without renameat2
    real_rename = Path.rename

    def rename(self, target):
        if self.name == ".output.building":
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    _edit(built)
    report = build_site(built / "pelicanconf.py")
    assert not report.published
    assert any("could not publish the new site: No space left on device" in str(p) for p in report.problems.errors)
    assert hashes(built / "output") == before
    assert not list(built.glob(".output.*"))


def test_a_build_killed_between_the_renames_is_recovered_by_the_next(built):
    (built / "output").rename(built / ".output.previous")  # as the first rename left it
    report = build_site(built / "pelicanconf.py")
    assert report.up_to_date or report.published
    assert (built / "output" / "index.html").is_file() and not (built / ".output.previous").exists()


def test_an_output_that_cannot_be_renamed_has_its_contents_replaced(built, monkeypatch):
    def busy(first, second):
        raise OSError(errno.EBUSY, "Device or resource busy", str(first))

    monkeypatch.setattr(run.files, "exchange", busy)  # a mount point
    _edit(built)
    inode = (built / "output").stat().st_ino
    report = build_site(built / "pelicanconf.py")
    assert report.published, report.problems.items
    assert any("its contents were replaced one by one" in str(p) for p in report.problems.warnings)
    assert (built / "output").stat().st_ino == inode and (built / "output" / MARK).is_file()
    assert "One more paragraph." in "".join(p.read_text() for p in (built / "output" / "articles").glob("*.html"))
    assert not list(built.glob(".output.*"))


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_write_failure_while_publishing_is_one_error_and_the_previous_site_stays(built, monkeypatch, code):
    before = hashes(built / "output")

    def fail(staging, final, problems):
        raise OSError(code, os.strerror(code), str(final))

    monkeypatch.setattr(run, "replace_output", fail)
    _edit(built)
    report = build_site(built / "pelicanconf.py")
    assert not report.published and len(report.problems.errors) == 1
    assert f"could not publish the new site: {os.strerror(code)}" in str(report.problems.errors[0])
    assert hashes(built / "output") == before and not list(built.glob(".output.*"))


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_write_failure_before_pelican_runs_is_one_error_without_a_traceback(built, monkeypatch, capfd, code):
    before = hashes(built / "output")

    def fail(folder):
        raise OSError(code, os.strerror(code), str(folder / MARK))

    monkeypatch.setattr(run, "mark", fail)
    _edit(built)
    report = build_site(built / "pelicanconf.py")
    assert not report.published
    assert f".output.building: error: cannot make the build's staging folder: {os.strerror(code)}" in str(
        report.problems.errors[0])
    assert "Traceback" not in capfd.readouterr().err
    assert hashes(built / "output") == before and not list(built.glob(".output.*"))


# -- no orphans ------------------------------------------------------------------------------------

def _processes_in_group(group: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_killing_the_builds_parent_leaves_no_process_of_the_build(tmp_path):
    from benchmarks.generate import generate

    root = make_site(tmp_path / "site")
    digests = generate(400, root / "digests")
    from newsarchive.analysis.tagging.sources import load_sources
    from newsarchive.ingest.importer import import_digests

    import_digests(digests, root / "content", root, load_sources(root / "taxonomy" / "sources.yaml"))
    parent = subprocess.Popen([*COMMAND, "build"], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_processes_in_group(parent.pid)) < 2:
        time.sleep(0.05)  # until the forked child runs
    assert len(_processes_in_group(parent.pid)) >= 2, "the build forked its child"
    time.sleep(1.0)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _processes_in_group(parent.pid):
        time.sleep(0.1)
    assert _processes_in_group(parent.pid) == [], "no process of the build is left"


# -- serve -----------------------------------------------------------------------------------------

def test_serve_on_a_port_out_of_range_is_a_usage_error(site):
    (site / "output").mkdir()
    done = newsarchive(site, "serve", "--port", "99999", timeout=30)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_serve_on_a_busy_port_is_one_line_and_exit_1(site):
    import socket

    (site / "output").mkdir()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = newsarchive(site, "serve", "--port", str(port), timeout=30)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip() == f"127.0.0.1:{port}: error: cannot serve on this port: Address already in use; " \
                                  "try another --port"


def test_serve_ends_cleanly_on_ctrl_c(site):

    (site / "output").mkdir()
    port = free_port()
    server = subprocess.Popen([*COMMAND, "serve", "--port", str(port)], cwd=site, stderr=subprocess.PIPE, text=True)
    time.sleep(2)
    server.send_signal(signal.SIGINT)
    _, err = server.communicate(timeout=20)
    assert server.returncode == 0 and "Traceback" not in err
