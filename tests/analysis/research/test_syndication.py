"""Syndication groups are transitive; the word-level diff says what each outlet changed."""

from newsarchive.analysis.research.syndication import syndication_groups, word_diff


def test_three_outlets_linked_in_a_chain_are_one_group():
    links = [("c", "a"), ("b", "a"), ("d", "e")]
    assert syndication_groups(links, {"a", "b", "c", "d", "e"}) == [["a", "b", "c"], ["d", "e"]]


def test_a_link_to_an_article_no_longer_in_the_site_is_left_out():
    assert syndication_groups([("a", "gone")], {"a"}) == []


def test_word_diff_marks_the_words_each_text_has_alone():
    diff = word_diff("officials said on Tuesday", "officials told the Courier on Tuesday")
    assert [(p.op, p.a, p.b) for p in diff.parts] == [
        ("equal", "officials", "officials"),
        ("replace", "said", "told the Courier"),
        ("equal", "on Tuesday", "on Tuesday"),
    ]
    assert diff.changed == 1 and diff.percent == 60  # 3 of 4 words and 3 of 6: 2*3/10


def test_only_texts_identical_word_for_word_are_100_percent():
    assert word_diff("a  b\nc", "a b c").percent == 100
    assert word_diff(" ".join(["w"] * 999) + " x", " ".join(["w"] * 999) + " y").percent == 99
