"""An article keeps its file and URL across re-imports of an edited digest; gone articles are named."""

from pathlib import Path

import pytest

from newsarchive.ingest.identity import input_key
from newsarchive.ingest.importer import import_digests
from newsarchive.ingest.writer import Outcome
from newsarchive.model.article_file import read_article_file, with_import_hash

COUNCIL = (
    "Council approves harbour budget\n\nSource: Harbour Gazette\n"
    "On 12 March 2024 the council approved the budget for the harbour wall.\n\n\n\n"
)
NOTES = [
    "Market report\n\nThe fish market opened early on Tuesday with record catches.\n\n\n\n",
    "Market report\n\nPrices of bread rose for the third week in a row.\n\n\n\n",
    "Market report\n\nThe flower stalls moved to the quay for the summer.\n\n\n\n",
]


@pytest.fixture
def site(tmp_path, sources):
    digest = tmp_path / "digests" / "d.txt"
    digest.parent.mkdir()

    def run(text: str | None = None, **kwargs):
        if text is not None:
            digest.write_text(text, encoding="utf-8")
        return import_digests([digest], tmp_path / "content", tmp_path, sources, **kwargs)

    return tmp_path, run


def by_body(root: Path) -> dict[str, str]:
    """Each article file's body -> its path relative to content/."""
    files = {}
    for path in sorted((root / "content").rglob("*.md")):
        text = path.read_text()
        files[text.partition("\n\n")[2].strip()] = path.relative_to(root / "content").as_posix()
    return files


def test_identity_is_recorded_in_the_header(site):
    root, run = site
    run(COUNCIL)
    (path,) = (root / "content").rglob("*.md")
    assert read_article_file(path).identity.startswith("digests/d.txt#")


def test_title_fix_updates_the_article_in_its_file_without_a_stale_twin(site):
    root, run = site
    run(COUNCIL + "".join(NOTES))
    path = root / "content/articles/2024/council-approves-harbour-budget.md"
    summary = run(COUNCIL.replace("harbour budget", "harbor budget for 2024") + "".join(NOTES))
    assert summary.outcomes[Outcome.WRITTEN] == 1 and summary.outcomes[Outcome.UNCHANGED] == 3
    assert len(list((root / "content").rglob("*.md"))) == 4  # no stale twin
    assert read_article_file(path).title == "Council approves harbor budget for 2024"  # same file, same slug
    assert summary.notes == [
        f"{path}: title now 'Council approves harbor budget for 2024' (was 'Council approves harbour budget'); "
        "file name and URL kept"
    ]
    assert list(summary.problems) == []


def test_removing_the_first_of_same_titled_articles_keeps_the_others_urls(site):
    root, run = site
    run("".join(NOTES))
    before = by_body(root)
    summary = run("".join(NOTES[1:]))
    after = by_body(root)
    for note in NOTES[1:]:
        body = note.split("\n\n")[1]
        assert after[body] == before[body]  # untouched articles keep their file (and URL)
    gone = root / "content" / before[NOTES[0].split("\n\n")[1]]
    assert gone.exists()  # never deleted silently
    assert [str(p) for p in summary.problems] == [f"{gone}: warning: no longer in digests/d.txt; --prune removes it"]
    assert summary.gone == 1


def test_prune_removes_a_gone_article_but_never_a_hand_edited_one(site):
    root, run = site
    run("".join(NOTES))
    files = by_body(root)
    edited = root / "content" / files[NOTES[1].split("\n\n")[1]]
    edited.write_text(edited.read_text() + "\nA note added by hand.\n")
    summary = run(NOTES[2], prune=True)
    assert not (root / "content" / files[NOTES[0].split("\n\n")[1]]).exists()
    assert edited.exists()
    assert summary.removed == 1
    assert [p.message for p in summary.problems] == [
        "no longer in digests/d.txt, but edited by hand: kept (delete it yourself)"
    ]


def test_reordering_articles_changes_no_file(site):
    root, run = site
    run(COUNCIL + "".join(NOTES))
    before = {p: p.read_text() for p in (root / "content").rglob("*.md")}
    reordered = "".join([NOTES[2], NOTES[0], COUNCIL, NOTES[1]])
    summary = run(reordered)
    after = {p: p.read_text() for p in (root / "content").rglob("*.md")}
    assert set(after) == set(before)
    # each keeps its file; only the line spans in the provenance moved
    for path, text in after.items():
        assert text.partition("\n\n")[2] == before[path].partition("\n\n")[2]
    assert summary.gone == 0


def test_date_fix_moves_the_file_to_its_year_and_keeps_the_slug(site):
    root, run = site
    run(COUNCIL)
    summary = run(COUNCIL.replace("12 March 2024", "12 March 2023"))
    (path,) = (root / "content").rglob("*.md")
    assert path == root / "content/articles/2023/council-approves-harbour-budget.md"
    assert any("moved to" in note for note in summary.notes)


def test_same_article_twice_in_one_digest_gives_two_files_both_kept_on_reimport(site):
    root, run = site
    run(NOTES[0] + NOTES[0])
    first = {p: p.read_text() for p in (root / "content").rglob("*.md")}
    assert len(first) == 2
    identities = {read_article_file(p).identity for p in first}
    assert len(identities) == 2
    summary = run(NOTES[0] + NOTES[0])
    assert summary.outcomes[Outcome.UNCHANGED] == 2 and summary.gone == 0


def test_small_edit_of_title_and_body_is_still_the_same_article(site):
    root, run = site
    run(COUNCIL)
    edited = COUNCIL.replace("Council approves", "Council passes").replace("harbour wall", "harbour walls")
    summary = run(edited)
    assert len(list((root / "content").rglob("*.md"))) == 1 and summary.gone == 0


def test_two_inputs_of_one_name_in_different_folders_keep_their_articles_apart(tmp_path, sources):
    site = tmp_path / "site"
    one, two = tmp_path / "a" / "d.txt", tmp_path / "b" / "d.txt"
    for path, note in ((one, NOTES[0]), (two, NOTES[1])):
        path.parent.mkdir()
        path.write_text(note)
    import_digests([one], site / "content", site, sources)
    summary = import_digests([two], site / "content", site, sources)
    assert summary.gone == 0 and len(list((site / "content").rglob("*.md"))) == 2
    assert input_key(one, site) != input_key(two, site)
    summary = import_digests([one, two], site / "content", site, sources)
    assert summary.outcomes[Outcome.UNCHANGED] == 2 and summary.gone == 0


def test_files_from_before_identities_are_matched_by_their_digest(site):
    root, run = site
    run(COUNCIL)
    (path,) = (root / "content").rglob("*.md")
    text = path.read_text()
    legacy = "".join(line for line in text.splitlines(keepends=True)
                     if not line.startswith(("Identity:", "Import-SHA256:")))
    path.write_text(with_import_hash(legacy))  # as an earlier version wrote it
    summary = run(COUNCIL.replace("harbour budget", "harbor budget"))
    assert [p.name for p in (root / "content").rglob("*.md")] == [path.name]
    assert summary.gone == 0 and read_article_file(path).identity


def test_an_input_outside_the_site_whose_folder_moved_keeps_its_articles(tmp_path, sources):
    site = tmp_path / "site"
    old, new = tmp_path / "old" / "d.txt", tmp_path / "new" / "d.txt"
    old.parent.mkdir()
    old.write_text(COUNCIL + "".join(NOTES))
    import_digests([old], site / "content", site, sources)
    before = by_body(site)
    new.parent.mkdir()
    old.rename(new)
    summary = import_digests([new], site / "content", site, sources)
    assert by_body(site) == before and summary.gone == 0  # no twin, same files
    assert all(read_article_file(site / "content" / p).identity.startswith(input_key(new, site))
               for p in before.values())
    summary = import_digests([new], site / "content", site, sources)
    assert summary.outcomes[Outcome.UNCHANGED] == 4
