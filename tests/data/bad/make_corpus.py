"""Write the bad-input corpus: broken and hostile digests, one file each.

Run it after changing a case: ``.venv/bin/python tests/data/bad/make_corpus.py``. The
expected problems beside each file (``NAME.expected``) are written by hand, or by
``NEWSARCHIVE_REFRESH_BAD=1 .venv/bin/pytest tests/test_bad_input.py`` and then read
line by line before committing: they are the specification, not a snapshot.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent
BODY = "The council met on Monday and approved the plan.\n\nA second paragraph follows here.\n"
GOOD = "Harbour wall repairs approved\n\nSource: Harbour Gazette\n" + BODY
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'

CASES: dict[str, bytes] = {
    "empty.txt": b"",
    "only-blank-lines.txt": b"\n\n\n\n\n",
    "only-whitespace.txt": " \t \n\u00a0\n\t\n".encode(),
    "bom-utf8.txt": codecs.BOM_UTF8 + GOOD.encode(),
    "crlf.txt": GOOD.replace("\n", "\r\n").encode(),
    "lone-cr.txt": GOOD.replace("\n", "\r").encode(),
    "mixed-line-ends.txt": b"Title one\r\n\r\nBody one.\n\r\n\r\rTitle two\rBody two.\n",
    "utf16-le-bom.txt": GOOD.encode("utf-16"),
    "utf16-be-bom.txt": codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"),
    "cp1252.txt": "Caf\u00e9 owners welcome \u201cfestival\u201d crowds\n\nSource: Valley Courier\n"
    "The caf\u00e9\u2019s "
    "owners said the weekend was the busiest since 2019 \u2013 and the na\u00efve forecasts were wrong.\n".encode(
        "cp1252"
    ),
    "latin1.txt": "Ch\u00e2teau reopens\n\nLe ch\u00e2teau a rouvert ses portes apr\u00e8s des ann\u00e9es de "
    "travaux, d\u00e9j\u00e0 visit\u00e9 par des milliers.\n".encode("latin-1"),
    "cp1251-cyrillic.txt": "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f\n\n\u0421\u0435\u0433\u043e"
    "\u0434\u043d\u044f \u0432 \u0433\u043e\u0440\u043e\u0434\u0435 \u043e\u0442\u043a\u0440\u044b\u043b\u0441\u044f "
    "\u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442 \u0447\u0435\u0440\u0435\u0437 \u0440\u0435\u043a\u0443."
    "\n".encode("cp1251"),
    "mojibake.txt": "Mayor says \u00e2\u20ac\u0153we will rebuild\u00e2\u20ac\u009d\n\nThe mayor\u00e2\u20ac\u2122s "
    "office said the work would start soon.\n".encode(),
    "nul-bytes.txt": b"Title\n\nBody with a NUL \x00 byte in it.\n",
    "binary-png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
    "long-line.txt": ("A very long paragraph\n\n" + "word " * 20000 + "\n").encode(),
    "long-title.txt": ("Title " * 60 + "\n\nBody text.\n").encode(),
    "title-no-body.txt": b"Only a title here\n",
    "attribution-no-title.txt": b"Source: Harbour Gazette\nThe text has no title line.\n",
    "byline-no-title.txt": b"By Jane Roe\nThe text has no title line.\n",
    "url-no-title.txt": b"https://www.youtube.com/watch?v=abc\n\nText after the URL.\n",
    "same-title-twice.txt": (b"Weekend road closures\n\nFirst article.\n\n\n\nWeekend road closures\n\n"
                             b"Second article.\n"),
    "two-blank-lines.txt": b"Title\n\nFirst paragraph.\n\n\nStill the same article.\n",
    "three-blank-lines.txt": b"Title one\n\nFirst article.\n\n\n\nTitle two\n\nSecond article.\n",
    "ten-blank-lines.txt": ("Title one\n\nFirst article." + "\n" * 11 + "Title two\n\nSecond article.\n").encode(),
    "tabs.txt": b"Title\twith a tab\n\n\tIndented paragraph with\ttabs inside.\n\n    Four spaces, not code.\n",
    "form-feeds.txt": b"Title one\n\nPage one.\n\x0c\n\n\nTitle two\n\nText\x0cwith a form feed.\n",
    "html-title.txt": f"{XSS_SCRIPT} Breaking news\n\nSource: {XSS_SCRIPT}\nBody text.\n".encode(),
    "img-onerror.txt": f"Title {XSS_IMG}\n\nBy Jane {XSS_IMG}\nBody {XSS_IMG} text.\n".encode(),
    "markdown-javascript-link.txt": b"Links\n\nClick [here](javascript:alert(1)) or ![x](javascript:alert(2)).\n",
    "iframe-body.txt": b"Embedded\n\n<iframe src=\"https://evil.example/\"></iframe>\n\n<b>bold</b> &amp; <i>x</i>\n",
    "javascript-url.txt": b"Title\n\njavascript:alert(1)\n\nBody.\n",
    "data-url.txt": b"Title\n\ndata:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n\nBody.\n",
    "malformed-url.txt": b"Title\n\nhttps://\n\nhttp://exa mple.com/x\n\nBody.\n",
    "rtl-arabic.txt": ("\u0642\u0635\u0641 \u0639\u0644\u0649 \u062d\u0644\u0628\n\nSource: Al Masdar News\n"
                       "\u0642\u0627\u0644 \u0645\u0635\u062f\u0631 \u0639\u0633\u0643\u0631\u064a \u0625\u0646 "
                       "\u0627\u0644\u0647\u062c\u0648\u0645 \u0628\u062f\u0623 \u0635\u0628\u0627\u062d\u0627\u064b."
                       "\n").encode(),
    "zero-width.txt": "Zero\u200bwidth title\n\nA word\u200b split and a joiner\u2060here.\n".encode(),
    "bidi-controls.txt": "Invoice \u202egnp.exe\n\nText with \u2066isolated\u2069 parts.\n".encode(),
    "control-chars.txt": b"Bell\x07 title\n\nEscape \x1b[31m red \x1b[0m and DEL \x7f here.\n",
    "repeated-paragraph.txt": b"Title\n\nSame words.\n\nSame words.\n\nSame words.\n\nOther words.\n",
    "markdown-in-attribution.txt": b"Title\n\nSource: **Bold** News\nBy <b>Jane</b> Roe\nBody.\n",
    "entities.txt": b"Fish &amp; Chips &lt;script&gt;\n\nText with &nbsp; and &#60;b&#62; entities.\n",
    "only-attributions.txt": b"Source: Harbour Gazette\nBy Jane Roe\n",
    "bad-digest-date.txt": b"Date: 2016-02-30\n\n\n\nTitle\n\nOn Monday 5 September, things.\n",
    "impossible-date.txt": b"Meeting on 31 February 2016\n\nText.\n",
    "leading-blank-lines.txt": b"\n\n\n\n\nTitle after blanks\n\nBody.\n",
    "trailing-spaces.txt": b"Title   \n\nLine with two trailing spaces  \nand a next line.\n",
}


def main() -> None:
    for name, data in CASES.items():
        (HERE / name).write_bytes(data)
    print(f"wrote {len(CASES)} files into {HERE}")


if __name__ == "__main__":
    main()
