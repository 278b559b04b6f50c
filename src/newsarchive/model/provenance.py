"""Provenance entries <-> article header fields.

The first entry keeps the fields a digest article always had; each further entry (a merged
duplicate found elsewhere) repeats the same fields with ``-2``, ``-3``, ... appended:

    Digest: digests/2024-03-18.txt        Digest-2: inputs/harbour.html
    Digest-Lines: 5-19                    Input-Kind-2: html
    Digest-SHA256: <hash of the lines>    Record-SHA256-2: <hash of the file>

A digest entry has ``Digest``, ``Digest-Lines``, ``Digest-SHA256`` (and its date in
``Collected``); any other has ``Digest`` (the input file), ``Input-Kind`` (html, feed or
warc), ``Record`` ("offset 1234" or "entry <id>"; none for a whole HTML page),
``Record-SHA256`` and ``Captured``. The first entry's ``Collected`` stays where it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .records import InputKind, Provenance


def _suffix(number: int) -> str:
    return "" if number == 1 else f"-{number}"


def provenance_fields(entry: Provenance, number: int) -> list[tuple[str, str | None]]:
    """The header fields of the ``number``-th entry (1-based); None values are left out."""
    s = _suffix(number)
    if entry.kind is InputKind.DIGEST:
        fields = [("Digest" + s, entry.file), ("Digest-Lines" + s, entry.record), ("Digest-SHA256" + s, entry.sha256)]
        if number > 1:
            fields.append(("Collected" + s, entry.captured.isoformat() if entry.captured else None))
        return fields
    return [
        ("Digest" + s, entry.file),
        ("Input-Kind" + s, entry.kind.value),
        ("Record" + s, entry.record),
        ("Record-SHA256" + s, entry.sha256),
        ("Captured" + s, entry.captured.isoformat() if entry.captured else None),
    ]


def read_provenance(header: Mapping[str, object]) -> list[Provenance]:
    """Every entry of a header whose keys are lower-cased (as Pelican and ``read_header`` give them)."""
    entries = []
    number = 1
    while (file := header.get("digest" + _suffix(number).lower())) is not None:
        s = _suffix(number)

        def get(name: str, s: str = s) -> str | None:
            value = header.get(name + s)
            return str(value).strip() if value is not None and str(value).strip() else None

        try:
            kind = InputKind(get("input-kind") or InputKind.DIGEST.value)
        except ValueError:
            kind = InputKind.DIGEST
        if kind is InputKind.DIGEST:
            captured = get("collected")
            entry = Provenance(kind, str(file), get("digest-lines"), get("digest-sha256") or "", _date(captured))
        else:
            entry = Provenance(kind, str(file), get("record"), get("record-sha256") or "", _date(get("captured")))
        entries.append(entry)
        number += 1
    return entries


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
