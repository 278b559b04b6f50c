"""An article's bulky fields kept compressed in memory, unpacked each time they are read.

A build holds every article from reading to writing. At 10,000 articles the HTML bodies,
their plain text, the tag evidence and the figures are about 580 MB as Python objects, yet
each is read a handful of times: the body by the article's page and its feeds, the plain
text by the story clusters, the evidence by the tag pages' data, the figures by the article's
and its story's pages (each read makes the figures' objects anew). So they are kept
zlib-compressed (the parse workers compress them, and the parse cache stores them so), about
a sixth of the size, and unpacked on each read. Reading ``article._content`` or ``article.tag_evidence`` gives
the text or the list, as before; assigning a plain value keeps it as it is.

Which fields are packed the features declare (``declare(name, Kind.PACKED)``); the content
classes that hold them are Pelican's own, subclassed in ``pelican_patches.py``. Pelican
memoises ``get_content`` for the whole build, which would keep every unpacked body; a packed
article keeps only the last few (``RECENT_BODIES``).
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable

LEVEL = 1  # zlib's fastest: a third of the size of HTML, at several hundred MB/s


class Packed:
    """A value compressed; ``kind`` says how to unpack it."""

    __slots__ = ("data", "kind")

    def __init__(self, data: bytes, kind: str):
        self.data, self.kind = data, kind

    def unpack(self):
        raw = zlib.decompress(self.data)
        return raw.decode("utf-8") if self.kind == "text" else pickle.loads(raw)  # noqa: S301 - our own bytes

    def __eq__(self, other) -> bool:
        return isinstance(other, Packed) and (self.kind, self.data) == (other.kind, other.data)

    def __hash__(self) -> int:
        return hash((self.kind, self.data))

    def __repr__(self) -> str:  # short: not the bytes (a page's fingerprint hashes those, by ``__slots__``)
        return f"Packed({self.kind}, {zlib.crc32(self.data):08x}, {len(self.data)})"

    def __reduce__(self):
        return (Packed, (self.data, self.kind))


def pack_text(text: str) -> Packed:
    return Packed(zlib.compress(text.encode("utf-8"), LEVEL), "text")


def pack_object(value) -> Packed:
    return Packed(zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), LEVEL), "object")


def holds_packed(content) -> bool:
    """Whether ``content``'s class keeps packed fields (then a feature may give it packed values)."""
    return getattr(type(content), "holds_packed_fields", False)


def unpacked(value):
    """A field's value as readers expect it: a packed one unpacked, any other as it is."""
    return value.unpack() if isinstance(value, Packed) else value


class PackedField:
    """A field kept in the instance's ``__dict__`` under its own name, packed or not; read unpacked
    (and, when packed, given to ``wrap`` with the instance)."""

    def __init__(self, wrap: Callable | None = None):
        self.wrap = wrap

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        try:
            value = instance.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None
        if not isinstance(value, Packed):
            return value
        return value.unpack() if self.wrap is None else self.wrap(instance, value.unpack())

    def __set__(self, instance, value) -> None:
        instance.__dict__[self.name] = value

    def __delete__(self, instance) -> None:
        try:
            del instance.__dict__[self.name]
        except KeyError:
            raise AttributeError(self.name) from None
