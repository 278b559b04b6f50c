"""Turn a digest's bytes into numbered lines, whatever its encoding and line ends."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..problems import Problem, Severity
from ..records import Line

LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass
class DecodedDigest:
    lines: list[Line]
    encoding: str
    problems: list[Problem] = field(default_factory=list)
    refused: bool = False  # True when the bytes are not text at all


def decode_text(data: bytes) -> tuple[str | None, str]:
    """Return (text, encoding name); text is None for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    if b"\x00" in data:
        return None, "binary"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def split_lines(text: str) -> list[Line]:
    """Number the lines of ``text``; LF, CRLF and lone CR all end a line."""
    parts = LINE_END.split(text)
    if parts and parts[-1] == "":
        parts.pop()  # the line end of the last line, not an extra empty line
    return [Line(number, part) for number, part in enumerate(parts, start=1)]


def decode_digest(data: bytes, path: str) -> DecodedDigest:
    try:
        text, encoding = decode_text(data)
    except UnicodeDecodeError as exc:
        message = f"cannot be read as {exc.encoding}: {exc.reason}; not imported"
        problem = Problem(path, 0, Severity.ERROR, message)
        return DecodedDigest([], exc.encoding, [problem], refused=True)
    if text is None:
        problem = Problem(path, 0, Severity.ERROR, "looks like a binary file (it contains NUL bytes); not imported")
        return DecodedDigest([], encoding, [problem], refused=True)
    problems = []
    if encoding not in ("utf-8", "utf-8-sig"):
        message = f"not valid UTF-8; read as {encoding} (save digests as UTF-8 to be sure)"
        problems.append(Problem(path, 0, Severity.WARNING, message))
    return DecodedDigest(split_lines(text), encoding, problems)
