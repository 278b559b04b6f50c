"""The parse cache is one SQLite file: entries are read one by one, and a build keeps only what it used."""

import pickle

from newsarchive.incremental.parse_cache import ParseCache


def _build(path, keys, new):
    """One build: use ``keys`` from the cache, add ``new``; return the cache as the next build sees it."""
    cache = ParseCache(path)
    for key in keys:
        assert cache.get(key) is not None, key
    for key in new:
        cache.put(key, [f"parsed {key}"])
    cache.save()
    cache.close()
    return ParseCache(path)


def test_an_edit_keeps_the_entries_used_and_drops_the_old_version(tmp_path):
    path = tmp_path / "newsarchive-abc.sqlite"
    _build(path, [], ["a", "b", "c", "d", "e", "f"])
    after = _build(path, ["a", "b", "c", "d", "e"], ["f2"])  # "f" edited into "f2"
    assert after.get("f2") == ["parsed f2"] and after.get("a") == ["parsed a"]
    assert after.get("f") is None


def test_each_get_is_a_copy_the_reader_may_change(tmp_path):
    cache = ParseCache(tmp_path / "newsarchive-abc.sqlite")
    cache.put("a", ["parsed a"])
    cache.get("a").append("changed by a reader")
    assert cache.get("a") == ["parsed a"]


def test_entries_pickled_by_a_worker_are_stored_as_they_are(tmp_path):
    cache = ParseCache(tmp_path / "newsarchive-abc.sqlite")
    cache.put_pickled("a", pickle.dumps({"html": "<p>x</p>"}))
    assert "a" in cache and "b" not in cache
    assert cache.get("a") == {"html": "<p>x</p>"}


def test_an_entry_kept_without_reading_it_survives_the_build(tmp_path):
    path = tmp_path / "newsarchive-abc.sqlite"
    _build(path, [], ["a", "b"])
    cache = ParseCache(path)
    cache.keep("a")
    cache.save()
    cache.close()
    after = ParseCache(path)
    assert after.get("a") == ["parsed a"] and after.get("b") is None


def test_a_damaged_cache_file_is_only_a_slower_build(tmp_path):
    path = tmp_path / "newsarchive-abc.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    cache = ParseCache(path)
    assert cache.get("a") is None
    cache.put("a", ["parsed a"])
    cache.save()
    assert ParseCache(path).get("a") == ["parsed a"]


def test_caches_of_other_configurations_are_removed_when_a_build_saves(tmp_path):
    from newsarchive.site.tags import TAGGER_FILE

    (tmp_path / "newsarchive-0123456789abcdef.sqlite").write_bytes(b"")
    (tmp_path / "newsarchive-fedcba9876543210.pickle").write_bytes(b"")  # the format before SQLite
    for kept in ("newsarchive-build.json", "newsarchive-pages.json", TAGGER_FILE):
        (tmp_path / kept).write_text("{}")
    _build(tmp_path / "newsarchive-aaaaaaaaaaaaaaaa.sqlite", [], ["a"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "newsarchive-aaaaaaaaaaaaaaaa.sqlite", "newsarchive-build.json", "newsarchive-pages.json", TAGGER_FILE]


def test_the_file_shrinks_when_most_entries_are_dropped(tmp_path):
    path = tmp_path / "newsarchive-abc.sqlite"
    big = [f"k{n}" for n in range(200)]
    cache = ParseCache(path)
    for key in big:
        cache.put(key, "x" * 5000)
    cache.save()
    cache.close()
    before = path.stat().st_size
    _build(path, big[:10], [])
    assert path.stat().st_size < before / 4
