"""The sample site, byte for byte, against the expected tree committed in tests/functional/expected/.

The build is deterministic (fixed locale in pelicanconf.py, dates from the digests, articles
in a fixed order), so any difference is a change someone made. After an intended change,
refresh the tree with `make golden` (which runs this test with NEWSARCHIVE_REFRESH_GOLDEN=1)
and review the diff like code.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from newsarchive.incremental.search_index import NONDETERMINISTIC_DIRS

pytestmark = pytest.mark.slow
EXPECTED = Path(__file__).parent / "expected" / "sample"
REFRESH = os.environ.get("NEWSARCHIVE_REFRESH_GOLDEN") == "1"


def _tree(root: Path) -> dict[str, bytes]:
    """Every file byte for byte, except Pagefind's bundle (not byte-deterministic; tested in tests/browser)."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).parts[0] not in NONDETERMINISTIC_DIRS
    }


def test_sample_site_matches_expected_tree(sample_site):
    if REFRESH:
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(sample_site.output, EXPECTED, ignore=lambda folder, names: [
            name for name in names if Path(folder) == sample_site.output and name in NONDETERMINISTIC_DIRS])
    if not EXPECTED.is_dir():
        pytest.fail(f"no expected tree at {EXPECTED}; create it with `make golden`")
    built, expected = _tree(sample_site.output), _tree(EXPECTED)
    assert sorted(built) == sorted(expected), "files differ; if intended, run `make golden`"
    changed = [name for name in built if built[name] != expected[name]]
    if changed:
        name = changed[0]
        diff = difflib.unified_diff(
            expected[name].decode("utf-8", "replace").splitlines(),
            built[name].decode("utf-8", "replace").splitlines(),
            f"expected/{name}", f"built/{name}", lineterm="", n=2,
        )
        pytest.fail(f"{len(changed)} files differ ({', '.join(changed[:5])}); if intended, run `make golden`\n"
                    + "\n".join(list(diff)[:60]))
