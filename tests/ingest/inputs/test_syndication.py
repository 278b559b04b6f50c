"""Same text, different outlet: both articles kept, each with its own source and title, linked."""

import pytest

from newsarchive.ingest.importer import import_digests
from newsarchive.ingest.writer import Outcome
from newsarchive.model.article_file import provenance_fields, read_article_file, with_import_hash
from newsarchive.model.records import InputKind, Provenance

WIRE = (
    "Rescue teams worked through the night after the river burst its banks north of the town, "
    "officials said on Tuesday. More than two hundred homes were flooded and the main bridge was "
    "closed to traffic while engineers inspected its supports. The regional council opened three "
    "schools as shelters and asked residents to avoid the riverside roads until the water falls."
)
GAZETTE = f"Floods close the main bridge\n\nSource: Harbour Gazette\n{WIRE}\n"
COURIER = (
    "River bursts its banks: two hundred homes flooded\n\nSource: Valley Courier\n"
    + WIRE.replace("officials said on Tuesday", "officials told the Courier on Tuesday") + "\n"
)
HERALD = "Night of floods in the north\n\nSource: Northern Wire\n" + WIRE.replace("three", "four") + "\n"


@pytest.fixture
def digests(tmp_path):
    folder = tmp_path / "digests"
    folder.mkdir()
    paths = {}
    for name, text in (("gazette", GAZETTE), ("courier", COURIER), ("herald", HERALD)):
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def imported(root):
    return {f.header["source"]: f for f in map(read_article_file, sorted((root / "content").rglob("*.md")))}


def linked(files, a, b) -> bool:
    """Whether the two outlets' articles are linked (the build shows it both ways)."""
    return files[b].slug in files[a].same_text_as or files[a].slug in files[b].same_text_as


@pytest.mark.parametrize("order", [("gazette", "courier"), ("courier", "gazette")])
@pytest.mark.parametrize("runs", [1, 2])
def test_two_outlets_with_the_same_wire_text_stay_two_articles_linked(tmp_path, sources, digests, order, runs):
    paths = [digests[name] for name in order]
    batches = [paths] if runs == 1 else [[p] for p in paths]
    for batch in batches:
        summary = import_digests(batch, tmp_path / "content", tmp_path, sources)
        assert summary.outcomes[Outcome.MERGED] == 0
    files = imported(tmp_path)
    assert set(files) == {"Harbour Gazette", "Valley Courier"}
    assert files["Harbour Gazette"].title == "Floods close the main bridge"
    assert files["Valley Courier"].title == "River bursts its banks: two hundred homes flooded"
    assert linked(files, "Harbour Gazette", "Valley Courier")
    # the later one names the earlier; re-importing both changes nothing
    summary = import_digests(list(reversed(paths)), tmp_path / "content", tmp_path, sources)
    assert summary.outcomes[Outcome.UNCHANGED] == 2


def test_two_outlets_in_one_digest_are_linked_too(tmp_path, sources, digests):
    one = tmp_path / "digests" / "both.txt"
    one.write_text(GAZETTE + "\n\n\n" + COURIER)
    import_digests([one], tmp_path / "content", tmp_path, sources)
    files = imported(tmp_path)
    assert len(files) == 2 and linked(files, "Harbour Gazette", "Valley Courier")


def test_three_outlets_running_one_story_are_one_group(tmp_path, sources, digests):
    for name in ("gazette", "courier", "herald"):
        import_digests([digests[name]], tmp_path / "content", tmp_path, sources)
    files = imported(tmp_path)
    assert len(files) == 3
    assert sorted(files["Northern Wire"].same_text_as) == sorted(
        [files["Harbour Gazette"].slug, files["Valley Courier"].slug]
    )


def test_same_outlet_same_text_from_another_input_is_still_merged(tmp_path, sources, digests):
    again = tmp_path / "digests" / "gazette-again.txt"
    again.write_text(GAZETTE.replace("Floods close", "Flooding closes"))
    summary = import_digests([digests["gazette"], again], tmp_path / "content", tmp_path, sources)
    assert summary.outcomes[Outcome.MERGED] == 1
    (only,) = imported(tmp_path).values()
    assert only.header["digest-2"] == "digests/gazette-again.txt"


def test_reimport_splits_an_article_an_earlier_version_merged_across_outlets(tmp_path, sources, digests):
    import_digests([digests["gazette"]], tmp_path / "content", tmp_path, sources)
    (path,) = (tmp_path / "content").rglob("*.md")
    # what an earlier version wrote: the Courier's article folded into the Gazette's as entry 2
    courier = Provenance(InputKind.DIGEST, "digests/courier.txt", "1-4", "0" * 64)
    header, _, body = path.read_text().partition("\n\n")
    lines = [line for line in header.splitlines() if not line.startswith("Import-SHA256")]
    at = next(i for i, line in enumerate(lines) if line.startswith("Slug:"))
    lines[at:at] = [f"{name}: {value}" for name, value in provenance_fields(courier, 2) if value]
    path.write_text(with_import_hash("\n".join(lines) + "\n\n" + body))

    summary = import_digests([digests["courier"]], tmp_path / "content", tmp_path, sources)
    files = imported(tmp_path)
    assert set(files) == {"Harbour Gazette", "Valley Courier"}
    assert "digest-2" not in files["Harbour Gazette"].header  # split out
    assert files["Valley Courier"].title == "River bursts its banks: two hundred homes flooded"
    assert linked(files, "Harbour Gazette", "Valley Courier")
    assert any("split out of this file" in note for note in summary.notes)
