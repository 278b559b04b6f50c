"""Invariants over generated digests: no text is lost, and re-import changes nothing."""

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.analysis.tagging.sources import SourceList
from newsarchive.ingest.digest.decode import split_lines
from newsarchive.ingest.importer import import_digests
from newsarchive.ingest.writer import Outcome

from .textcheck import lost_lines

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


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digests())
def test_no_text_is_lost(text):
    root = Path(tempfile.mkdtemp())
    try:
        summary = import_text(text, root)
        repeats = {p.line for p in summary.problems if "repeats the paragraph" in p.message}
        # an article refused with an error (no title before its source line) is reported, not lost
        refused = {
            line
            for p in summary.problems
            for first, last in re.findall(r"article at lines (\d+)-(\d+) not imported", p.message)
            for line in range(int(first), int(last) + 1)
        }
        assert lost_lines(split_lines(text), root / "content", repeats | refused) == []
    finally:
        shutil.rmtree(root)


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


# Any Unicode (surrogates aside), control characters included, with every kind of line end.
ANY_LINE = st.text(st.characters(exclude_categories=("Cs",)), max_size=40).map(
    lambda s: s.replace("\r", "").replace("\n", "")
)
LINE_END = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def hostile_digests(draw) -> bytes:
    end = draw(LINE_END)
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        lines += [draw(st.one_of(ANY_LINE, ATTRIBUTION, LINE))]
        lines += [""] * draw(st.sampled_from([0, 0, 1, 2, 3, 4, 10]))
    bom = draw(st.sampled_from([b"", b"\xef\xbb\xbf"]))
    return bom + end.join(lines).encode("utf-8")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_digests())
def test_any_unicode_digest_imports_without_crash_or_loss_and_idempotently(data):
    from newsarchive.ingest.digest.decode import decode_digest

    root = Path(tempfile.mkdtemp())
    try:
        digest = root / "d.txt"
        digest.write_bytes(data)
        first = import_digests([digest], root / "content", root, SOURCES)
        decoded = decode_digest(data, "d.txt")
        skipped = {p.line for p in first.problems if "repeats the paragraph" in p.message}
        for problem in first.problems:
            if "not imported" in problem.message and " at lines " in problem.message:
                a, b = problem.message.rsplit(" at lines ", 1)[1].split(" ")[0].split("-")
                skipped.update(range(int(a), int(b) + 1))
        if not decoded.refused:
            assert lost_lines(decoded.lines, root / "content", skipped) == []
        before = {p: p.read_bytes() for p in (root / "content").rglob("*.md")}
        second = import_digests([digest], root / "content", root, SOURCES)
        assert {p: p.read_bytes() for p in (root / "content").rglob("*.md")} == before
        assert second.outcomes[Outcome.WRITTEN] == 0
    finally:
        shutil.rmtree(root)
