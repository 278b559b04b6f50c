"""Every page of the sample site and of the real digest's site passes the Nu HTML checker (vnu.jar)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ..conftest import IN_CI, REPO

pytestmark = pytest.mark.slow

VNU_PATHS = [
    Path(os.environ["VNU_JAR"]) if os.environ.get("VNU_JAR") else None,
    REPO / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar",
]


def _vnu_jar() -> Path:
    jar = next((p for p in VNU_PATHS if p and p.is_file()), None)
    java = shutil.which("java")
    if jar and java:
        return jar
    reason = "needs java (apt-get install default-jre-headless)" if jar else "needs vnu.jar (make vnu)"
    if IN_CI:
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


def nu_errors(folder: Path) -> list[str]:
    """The checker's errors over every HTML page in ``folder``, one ``page:line: message`` each."""
    run = subprocess.run(
        ["java", "-jar", str(_vnu_jar()), "--skip-non-html", "--errors-only", "--format", "json", str(folder)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [
        f"{m.get('url', '').rsplit(str(folder), 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


def test_vnu_finds_errors_when_there_are_some(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="en"><title>t</title><pre aria-labelledby="x">a</pre><p id="x">b</p></html>',
        encoding="utf-8",
    )
    assert any("aria-labelledby" in line for line in nu_errors(tmp_path))


def test_sample_site_has_no_html_errors(sample_site):
    assert nu_errors(sample_site.output) == []


def test_published_sample_site_has_no_html_errors(published_sample_site):
    assert nu_errors(published_sample_site.output) == []


@pytest.mark.real_digest
def test_real_digest_site_has_no_html_errors(real_site):
    assert nu_errors(real_site.output) == []
