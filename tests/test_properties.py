"""Invariants over generated digests: no text is lost, and re-import changes nothing."""

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.content import read_header
from newsarchive.escape import unescape_line
from newsarchive.importer import Outcome, import_digests
from newsarchive.tagging.sources import SourceList

SOURCES = SourceList()
# Words with every character that Markdown or HTML might act on, and non-ASCII text.
WORD = st.one_of(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=8),
    st.sampled_from(["*", "**", "_x_", "<b>", "&amp;", "[a](b)", "#", "1.", "-", "+", ">", "`", "\\", "=",
                     "“quoted”", "’s", "\u00a0", "Aleppo", "2016", "Source:", "By", "!", "|", "{:x}"]),
)
LINE = st.lists(WORD, min_size=1, max_size=10).map(" ".join).filter(lambda s: s.strip())
ATTRIBUTION = st.sampled_from(
    ["Source: Northern Wire", "By Jane Roe", "By staff reporter Ann Poe", "By Jane Roe and John Doe",
     "Harbour Gazette", "https://www.youtube.com/watch?v=x1", "https://example.org/a"]
)


@st.composite
def articles(draw) -> list[str]:
    lines = [draw(LINE)]
    lines += draw(st.lists(ATTRIBUTION, max_size=3, unique=True))
    for _ in range(draw(st.integers(0, 5))):
        lines += [""] * draw(st.integers(1, 2))
        lines += draw(st.lists(LINE, min_size=1, max_size=3))
    return lines


@st.composite
def digests(draw) -> str:
    parts = draw(st.lists(articles(), min_size=1, max_size=5))
    out: list[str] = []
    for part in parts:
        if out:
            out += [""] * draw(st.integers(3, 6))
        out += part
    return "\n".join(out) + "\n"


def import_text(text: str, root: Path):
    digest = root / "d.txt"
    digest.write_text(text, encoding="utf-8")
    return import_digests([digest], root / "content", root, SOURCES)


def written_text(root: Path) -> str:
    chunks = []
    for path in sorted((root / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        header = read_header(text)
        chunks += [header.get(k, "") for k in ("title", "source", "authors", "byline-role", "original-url")]
        body = text.split("\n\n", 1)[1] if "\n\n" in text else ""
        chunks += [unescape_line(line.removeprefix("## ")) for line in body.splitlines()]
    return "\n".join(chunks)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digests())
def test_no_text_is_lost(text):
    root = Path(tempfile.mkdtemp())
    try:
        summary = import_text(text, root)
        found = written_text(root)
        repeats = {p.line for p in summary.problems if "repeats the paragraph" in p.message}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or number in repeats:
                continue
            stripped = " ".join(line.split())
            assert stripped in " ".join(found.split()) or _kept_as_attribution(stripped, found), (number, line)
    finally:
        shutil.rmtree(root)


def _kept_as_attribution(line: str, found: str) -> bool:
    """An attribution line is kept as its values: the outlet after "Source:", the role and names after "By"."""
    value = re.sub(r"^(?:Source:|By)\s*", "", line)
    words = set(re.findall(r"[^\s,;]+", found))
    return value != line and all(w in words for w in re.findall(r"[^\s,]+", value) if w != "and")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digests())
def test_import_is_idempotent(text):
    root = Path(tempfile.mkdtemp())
    try:
        import_text(text, root)
        before = {p: p.read_bytes() for p in (root / "content").rglob("*.md")}
        summary = import_text(text, root)
        after = {p: p.read_bytes() for p in (root / "content").rglob("*.md")}
        assert before == after
        assert summary.outcomes[Outcome.WRITTEN] == 0
    finally:
        shutil.rmtree(root)
