"""The article file's one header parser: what the import, the tagger and the benchmark's Hugo peer read."""

from newsarchive.analysis.tagging.article import text_to_scan
from newsarchive.model.article_file import header_lines, metadata_list, read_header

TEXT = ("Title: Floods: the valley waits\nDate: 2024-03-18\nno field here\nTags: Harbour; Valley\n"
        "\nBody: not a header.\n")


def test_the_header_ends_at_the_first_blank_line():
    lines = header_lines(TEXT)
    assert [line.number for line in lines] == [1, 2, 3, 4]
    assert read_header(TEXT) == {"title": "Floods: the valley waits", "date": "2024-03-18", "tags": "Harbour; Valley"}


def test_a_line_without_a_colon_is_a_header_line_without_a_field():
    third = header_lines(TEXT)[2]
    assert (third.has_field, third.key, third.line) == (False, "", "no field here")


def test_keys_are_lower_cased_as_pelican_gives_them_and_values_stripped():
    assert read_header("  Original-URL :  https://example.org/a  \n") == {"original-url": "https://example.org/a"}


def test_lines_are_split_on_newline_only_as_markdown_does():
    # U+2028 is a line break to str.splitlines(), not to Python-Markdown's meta extension
    assert read_header("Title: one\u2028two\nSlug: x\n") == {"title": "one\u2028two", "slug": "x"}


def test_lists_split_on_semicolons_when_there_is_one_else_on_commas():
    assert metadata_list("Harbour; Valley, North") == ["Harbour", "Valley, North"]
    assert metadata_list("Harbour, Valley") == ["Harbour", "Valley"]
    assert metadata_list("Harbour;") == ["Harbour"]


def test_the_tagger_reads_the_same_header_and_keeps_every_offset():
    scan, header = text_to_scan(TEXT)
    assert header == read_header(TEXT)
    assert len(scan) == len(TEXT)
    assert scan.split("\n")[0] == "      " + " Floods: the valley waits"
    assert scan.split("\n")[1].strip() == "" and scan.split("\n")[5] == "Body: not a header."
