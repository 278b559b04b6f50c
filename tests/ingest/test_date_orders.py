"""What is already imported informs the next import: a source's numeric date order, learnt from
content/, dates later digests; a newly settled order re-dates articles imported before; importing
digests one by one gives what importing them together gives."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive.analysis.tagging.sources import load_sources
from newsarchive.ingest.importer import import_digests
from newsarchive.model.article_file import read_article_file

from ..conftest import REPO

SOURCES = load_sources(REPO / "taxonomy" / "sources.yaml")
SETTLES = "Earlier count\n\nSource: Valley Courier\nThe count of 25-07-2016 was final.\n"
AMBIGUOUS = "Vote counted\n\nSource: Valley Courier\nVotes were counted on 05-08-2016 in the hall.\n"
CONTRADICTS = "Late count\n\nSource: Valley Courier\nThe recount of 07-26-2016 changed nothing.\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / "digests" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(root: Path, *paths: Path):
    return import_digests(list(paths), root / "content", root, SOURCES)


def vote(root: Path):
    (path,) = [p for p in (root / "content").rglob("*.md") if "Vote counted" in p.read_text()]
    return read_article_file(path)


def test_an_order_learnt_from_content_dates_a_later_digest(tmp_path):
    run(tmp_path, write(tmp_path, "2016-07-30.txt", SETTLES))
    run(tmp_path, write(tmp_path, "2016-08-10.txt", AMBIGUOUS))
    article = vote(tmp_path)
    assert article.header["date"] == "2016-08-05"
    assert "as Valley Courier writes numeric dates day first" in article.header["date-evidence"]


def test_a_newly_settled_order_re_dates_what_was_imported_before(tmp_path):
    run(tmp_path, write(tmp_path, "2016-08-10.txt", AMBIGUOUS))
    assert "date" not in vote(tmp_path).header
    summary = run(tmp_path, write(tmp_path, "2016-07-30.txt", SETTLES))
    article = vote(tmp_path)
    assert article.header["date"] == "2016-08-05"
    assert article.path.parent.name == "2016"  # moved from undated/, same slug
    assert any(note.startswith(f"{article.path}: re-dated 2016-08-05: Valley Courier's numeric date order")
               for note in summary.notes)


def test_a_hand_edited_undated_article_is_not_re_dated(tmp_path):
    run(tmp_path, write(tmp_path, "2016-08-10.txt", AMBIGUOUS))
    path = vote(tmp_path).path
    path.write_text(path.read_text() + "\nA note by hand.\n")
    run(tmp_path, write(tmp_path, "2016-07-30.txt", SETTLES))
    assert "date" not in read_article_file(path).header


def test_a_conflicting_order_keeps_earlier_dates_and_says_so(tmp_path):
    run(tmp_path, write(tmp_path, "2016-07-30.txt", SETTLES), write(tmp_path, "2016-08-10.txt", AMBIGUOUS))
    late = write(tmp_path, "2016-08-20.txt", CONTRADICTS)
    summary = run(tmp_path, late)
    conflicts = [p for p in summary.problems if "already imported" in p.message]
    assert len(conflicts) == 1 and conflicts[0].path == str(late)
    assert "writes this numeric date month first, but day first in" in conflicts[0].message
    summary = run(tmp_path, write(tmp_path, "2016-08-10.txt", AMBIGUOUS), late)
    assert vote(tmp_path).header["date"] == "2016-08-05"  # still as first read


# -- one by one gives what together gives ------------------------------------------------------------

OUTLETS = {"Valley Courier": "dmy", "Northern Wire": "mdy", "Harbour Gazette": "dmy"}


def numeric(order: str, day: int, month: int) -> str:
    return f"{day:02d}-{month:02d}-2016" if order == "dmy" else f"{month:02d}-{day:02d}-2016"


@st.composite
def corpora(draw):
    """Digests of articles by outlets that each keep one numeric order, some dates settling it."""
    count = draw(st.integers(2, 5))
    digests = []
    number = 0
    for index in range(count):
        articles = []
        for _ in range(draw(st.integers(1, 3))):
            outlet = draw(st.sampled_from(sorted(OUTLETS)))
            day = draw(st.integers(1, 28))
            month = draw(st.integers(1, 12))
            number += 1
            articles.append(
                f"Report {number} from {outlet}\n\nSource: {outlet}\n"
                f"Officials met on {numeric(OUTLETS[outlet], day, month)} to discuss item {number}.\n"
            )
        digests.append((f"2016-12-{index + 1:02d}.txt", "\n\n\n".join(articles)))
    order = draw(st.permutations(range(count)))
    cuts = draw(st.lists(st.booleans(), min_size=count - 1, max_size=count - 1))
    return digests, order, cuts


def content_of(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted((root / "content").rglob("*.md"))}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_importing_one_by_one_gives_what_importing_together_gives(corpus):
    digests, order, cuts = corpus
    with tempfile.TemporaryDirectory() as together, tempfile.TemporaryDirectory() as apart:
        together, apart = Path(together), Path(apart)
        for root in (together, apart):
            for name, text in digests:
                write(root, name, text)
        run(together, *(together / "digests" / digests[i][0] for i in order))
        runs, current = [], [order[0]]
        for cut, index in zip(cuts, order[1:], strict=True):
            if cut:
                runs.append(current)
                current = []
            current.append(index)
        runs.append(current)
        for batch in runs:
            run(apart, *(apart / "digests" / digests[i][0] for i in batch))
        assert content_of(apart) == content_of(together)
        shutil.rmtree(apart / "content")
