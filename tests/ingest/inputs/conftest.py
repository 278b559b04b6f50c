"""Fixtures for the input kinds: the files in tests/data/inputs and WARC files made with warcio."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

INPUTS = Path(__file__).resolve().parents[2] / "data" / "inputs"
HARBOUR_URL = "https://harbourgazette.example/news/2024/03/harbour-wall-repairs"
QUAY_URL = "https://westmarchherald.example/quay-market"


@dataclass
class WarcRecord:
    uri: str
    body: bytes
    warc_date: str
    content_type: str = "text/html; charset=utf-8"
    kind: str = "response"


def write_warc(path: Path, records: list[WarcRecord], gzip: bool = True) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for r in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", r.content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                r.uri, r.kind, payload=io.BytesIO(r.body),
                http_headers=headers if r.kind == "response" else None,
                warc_headers_dict={"WARC-Date": r.warc_date},
            )
            writer.write_record(record)
    return path


def sample_records() -> list[WarcRecord]:
    """The harbour page (dated by its own metadata), an image, and a page with no date of its own."""
    return [
        WarcRecord(HARBOUR_URL, (INPUTS / "harbour-wall.html").read_bytes(), "2024-03-14T10:00:00Z"),
        WarcRecord("https://westmarchherald.example/logo.png", b"\x89PNG\r\n\x1a\n", "2024-03-14T10:00:01Z",
                   "image/png"),
        WarcRecord(QUAY_URL, (INPUTS / "quay-market.html").read_bytes(), "2024-10-20T08:00:00Z", "text/html"),
    ]


@pytest.fixture
def site(tmp_path) -> Path:
    """A site folder (settings and taxonomy) holding a copy of tests/data/inputs as inputs/."""
    from ...conftest import make_site

    make_site(tmp_path)
    shutil.copytree(INPUTS, tmp_path / "inputs")
    return tmp_path
