"""The parse cache writes a small file of what a build added, and the whole cache only now and then."""

from newsarchive.plugin import parse_cache
from newsarchive.plugin.parse_cache import ParseCache


def _build(path, keys, new):
    """One build: use ``keys`` from the cache, add ``new``; return the cache as the next build sees it."""
    cache = ParseCache(path)
    for key in keys:
        assert cache.get(key) is not None, key
    for key in new:
        cache.put(key, f"parsed {key}")
    cache.save()
    return ParseCache(path)


def test_an_edit_adds_a_small_file_and_leaves_the_big_one(tmp_path):
    path = tmp_path / "newsarchive-abc.pickle"
    _build(path, [], ["a", "b", "c", "d", "e", "f"])
    before = path.stat().st_mtime_ns
    after = _build(path, ["a", "b", "c", "d", "e"], ["f2"])  # "f" edited into "f2"
    assert path.stat().st_mtime_ns == before
    assert [p.name for p in tmp_path.glob("newsarchive-abc.*.pickle")] == ["newsarchive-abc.1.pickle"]
    assert after.get("f2") == "parsed f2" and after.get("a") == "parsed a"


def test_many_additions_or_many_unused_entries_write_the_whole_cache_again(tmp_path, monkeypatch):
    monkeypatch.setattr(parse_cache, "MAX_ADDITIONS", 2)
    path = tmp_path / "newsarchive-abc.pickle"
    keys = [f"k{n}" for n in range(10)]
    _build(path, [], keys)
    for n in range(3):
        _build(path, keys, [f"new{n}"])
        keys.append(f"new{n}")
    assert list(tmp_path.glob("newsarchive-abc.*.pickle")) == [], "the third addition rewrites the whole cache"
    final = ParseCache(path)
    assert all(final.get(key) for key in keys)
    _build(path, keys[:3], [])  # most entries unused: written whole without them
    assert ParseCache(path).get(keys[5]) is None
