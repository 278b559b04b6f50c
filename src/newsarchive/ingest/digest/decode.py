"""Turn a digest's bytes into numbered lines, whatever its encoding and line ends.

- UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as they are.
- Other bytes are detected with charset-normalizer and read with a warning naming the
  encoding; Western text that decodes the same as cp1252 is called cp1252 (or latin-1).
- A NUL byte without a UTF-16/32 BOM means a binary file: refused, never half-read.
- Mojibake (UTF-8 that was once read as cp1252, "â€œ") is repaired line by line with
  ftfy, and each repair is reported.
- Control characters that HTML and XML cannot carry are shown as their visible Unicode
  "control pictures" (U+0007 becomes ␇), and invisible zero-width or bidi controls are
  reported; no character is dropped silently.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import charset_normalizer
import ftfy

from ...model.problems import Problem, Severity
from ...model.records import Line
from ..xml_chars import FORBIDDEN, describe, made_visible

LINE_END = re.compile(r"\r\n|\r|\n")
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
WESTERN_MARGIN = 0.1
UNICODE_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-32")
# What XML 1.0 forbids (a form feed among them), see ``ingest.xml_chars``.
CONTROL = FORBIDDEN
# UTF-8 read as cp1252 or latin-1 always shows one of its lead bytes as Â..ô (or â€ for
# punctuation): lines without one are not handed to ftfy, which is slow on long lines.
MOJIBAKE_HINT = re.compile(r"[\u00c2-\u00f4]")
# Invisible characters that change how text reads or compares: zero-width and bidi controls.
INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


@dataclass
class DecodedDigest:
    lines: list[Line]
    encoding: str
    problems: list[Problem] = field(default_factory=list)
    refused: bool = False  # True when the bytes are not text at all


def decode_text(data: bytes) -> tuple[str | None, str]:
    """Return (text, encoding name); text is None for binary data."""
    for bom, name in BOMS:
        if data.startswith(bom):
            text = data.decode(name)
            return text.removeprefix("\ufeff"), name
    if b"\x00" in data:
        return None, "binary"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _detected(data)


def _detected(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess, except that Western text is called cp1252 (or latin-1).

    On short texts the detector's first guess among the single-byte code pages is
    arbitrary (cp1250, cp1125, ...); cp1252 is by far the most common, so when it reads
    the bytes nearly as cleanly as the best guess (within ``WESTERN_MARGIN`` of its
    chaos score), it wins.
    """
    best = charset_normalizer.from_bytes(data).best()
    western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + WESTERN_MARGIN):
        return str(western), "cp1252" if any(0x80 <= b <= 0x9F for b in data) else "latin-1"
    if best is not None:
        return str(best), best.encoding.replace("_", "-")
    return data.decode("latin-1"), "latin-1"


def split_lines(text: str) -> list[Line]:
    """Number the lines of ``text``; LF, CRLF and lone CR all end a line."""
    parts = LINE_END.split(text)
    if parts and parts[-1] == "":
        parts.pop()  # the line end of the last line, not an extra empty line
    return [Line(number, part) for number, part in enumerate(parts, start=1)]


def decode_digest(data: bytes, path: str) -> DecodedDigest:
    text, encoding = decode_text(data)
    if text is None:
        problem = Problem(path, 0, Severity.ERROR, "looks like a binary file (it contains NUL bytes); not imported")
        return DecodedDigest([], encoding, [problem], refused=True)
    problems = []
    if encoding not in UNICODE_ENCODINGS:
        message = f"not valid UTF-8; read as {encoding} (save digests as UTF-8 to be sure)"
        problems.append(Problem(path, 0, Severity.WARNING, message))
    lines = [_cleaned(line, path, problems) for line in split_lines(text)]
    return DecodedDigest(lines, encoding, problems)


def _cleaned(line: Line, path: str, problems: list[Problem]) -> Line:
    text = line.text
    if text.isascii() and not CONTROL.search(text):
        return line  # the common case, kept fast for large digests
    repaired = ftfy.fix_encoding(text) if MOJIBAKE_HINT.search(text) else text
    if repaired != text:
        problems.append(
            Problem(path, line.number, Severity.WARNING,
                    f"repaired mojibake (UTF-8 once read as another encoding): {_excerpt(text, repaired)}")
        )
        text = repaired
    text, controls = made_visible(text)
    if controls:
        problems.append(
            Problem(path, line.number, Severity.WARNING, f"characters XML 1.0 forbids: {describe(controls)}")
        )
    invisible = sorted(set(INVISIBLE.findall(text)))
    if invisible:
        names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'control')}" for c in invisible)
        problems.append(Problem(path, line.number, Severity.WARNING, f"invisible characters kept as written: {names}"))
    return Line(line.number, text) if text != line.text else line


def _excerpt(before: str, after: str) -> str:
    start = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), 0)
    return f"{before[start:start + 12]!r} became {after[start:start + 8]!r}"
