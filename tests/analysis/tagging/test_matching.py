"""What the tagger finds in a sentence, and what it must not take for a tag."""

import pytest

from newsarchive.analysis.tagging.article import tag_article


def found(tagger, sentence: str) -> set[str]:
    return {e.name for e in tag_article(f"Title: A headline\n\n{sentence}\n", tagger)}


SPELLING_VARIANTS = [
    # (sentence, tags it must give)
    ("Jets struck near Deir Ezzor.", {"Deir Ezzor"}),
    ("Jets struck near Dayr al-Zawr.", {"Deir Ezzor"}),
    ("Jets struck near Dayr al Zawr.", {"Deir Ezzor"}),  # hyphen or space
    ("Jets struck near Dayr el-Zawr.", {"Deir Ezzor"}),  # el- is al-
    ("Jets struck near Deir ez-Zor.", {"Deir Ezzor"}),  # the sun letter's assimilated article
    ("Jets struck near Deir Ez Zor.", {"Deir Ezzor"}),
    ("Shelling in Lattakia and Latakia.", {"Latakia"}),
    ("A bomb in al Hasaka and another in Al-Hasakah.", {"Hasaka"}),  # article before a bare name
    ("Fighting in Ḥomṣ.", {"Homs"}),  # diacritics
    ("Syria’s sovereignty", {"Syria"}),  # curly apostrophe
    ("Syria's sovereignty", {"Syria"}),
    ("the Syrian Arab Army’s advance", {"Syrian Arab Army"}),
    ("The SAA advanced.", {"Syrian Arab Army"}),
    ("He called on the UNSC to act.", {"UN Security Council"}),
    ("A Security Council meeting", {"UN Security Council"}),
    ("the UN Security Council met", {"UN Security Council"}),  # the longest spelling wins
    ("a UN mandate", {"United Nations"}),
    ("the terrorist al Qaeda factions", {"Al-Qaeda"}),  # a spelling's lower case matches either case
    ("Jaysh Al-Fateh fighters", {"Jaysh al-Fateh"}),
    ("Ferries leave from Port Elvin for Tarvick.", {"Port Elvin", "Tarvik"}),  # one topic cue is not enough
    ("four airstrikes and an air strike", {"airstrikes"}),  # topics with their aliases
    ("They fled to Jordan.", {"Jordan"}),  # gazetteer country
    ("a conference in Reykjavik, Iceland", {"Reykjavík", "Iceland"}),  # gazetteer city, diacritics
    ("walkers from Germany and the Netherlands", {"Germany", "Netherlands"}),
    ("He went to Aleppo City on Sunday.", {"Aleppo"}),  # a place word may follow a place
    ("Buffalo council met on Monday.", {"Buffalo"}),
    ("North Latakia", {"Latakia"}),  # a curated place after a capitalised word
    ("Aleppo", {"Aleppo"}),  # the whole line: a word boundary at both ends of the text
    ("*Aleppo* and **Homs**", {"Aleppo", "Homs"}),  # stray Markdown is not part of the word
]

NOT_TAGS = [
    # (sentence, a tag it must NOT give): common words, partial words, names, adjectives
    ("Most people agreed.", "Most"),
    ("He will split the bill.", "Split"),
    ("Split decisions are rare.", "Split"),
    ("Mobile phones were banned.", "Mobile"),
    ("Reading the report, she frowned.", "Reading"),
    ("In March the council met.", "March"),
    ("Nice weather helped.", "Nice"),
    ("Bath time is at eight.", "Bath"),
    ("Of course they came.", "Of"),
    ("The deal was signed.", "Deal"),
    ("Deal or no deal.", "Deal"),
    ("Hope remains.", "Hope"),
    ("Police said two men were held.", "Police"),
    ("Along the road were mines.", "Along"),
    ("Sale of the year.", "Sale"),
    ("Man arrested after chase.", "Man"),
    ("Gap widens between rich and poor.", "Gap"),
    ("Jordan Peterson said so.", "Jordan"),  # a given name before a surname
    ("Manchester United won.", "Manchester"),  # the first word of a longer name
    ("an interview with Dr Tim Anderson", "Anderson"),  # the end of a longer name
    ("a woman spoke", "Oman"),  # no partial-word hits
    ("a trip to Tirana", "Iran"),
    ("the Homsbound convoy", "Homs"),
    ("code name Aleppo2", "Aleppo"),  # a digit is part of the word
    ("the saa advanced", "Syrian Arab Army"),  # acronyms only in capitals
    ("who knows", "World Health Organization"),
    ("us and them", "United States"),
    ("Buffalo roam the plains, and the buffalo are back.", "Buffalo"),  # a word in lower case elsewhere
]


@pytest.mark.parametrize(("sentence", "tags"), SPELLING_VARIANTS)
def test_spelling_variants_resolve_to_one_tag(tagger, sentence, tags):
    assert found(tagger, sentence) == tags


@pytest.mark.parametrize(("sentence", "tag"), NOT_TAGS)
def test_common_words_partial_words_names_and_adjectives_are_not_tags(tagger, sentence, tag):
    assert tag not in found(tagger, sentence)


def test_evidence_keeps_file_line_and_original_text(tagger):
    text = "Title: Strikes on Deir Ezzor\nSource: Press TV\n\nFirst line.\nJets hit Dayr al-Zawr\nair base.\n"
    (evidence,) = [e for e in tag_article(text, tagger) if e.name == "Deir Ezzor"]
    assert [(m.line, m.text) for m in evidence.matches] == [(1, "Deir Ezzor"), (5, "Dayr al-Zawr")]
    assert evidence.type == "place" and evidence.origin == "curated"


def test_a_match_across_a_line_break_is_on_its_first_line(tagger):
    (evidence,) = tag_article("Title: x\n\nFloods along the River\nArden.\n", tagger)[:1]
    assert (evidence.name, evidence.matches[0].line, evidence.matches[0].text) == ("River Arden", 3, "River Arden")


def test_header_fields_other_than_the_title_are_not_scanned(tagger):
    assert found(tagger, "") == set()
    text = "Title: News\nSource: Press TV\nAuthors: Jordan Aleppo;\n\nNothing here.\n"
    assert tag_article(text, tagger) == []


def test_hand_given_tags_resolve_aliases_and_merge(tagger):
    text = "Title: Shelling in Latakia\nTags: Lattakia; SAA; harbours\n\nThe army held.\n"
    evidence = {e.name: e for e in tag_article(text, tagger)}
    assert list(evidence) == ["Latakia", "Syrian Arab Army", "harbours"]  # by type, then name
    assert evidence["Latakia"].given_as == ["Lattakia"] and evidence["Latakia"].matches
    assert (evidence["harbours"].type, evidence["harbours"].origin) == ("topic", "header")


def test_exclude_tags_header_and_setting_remove_a_tag(tagger):
    text = "Title: Aleppo and Homs\nExclude-Tags: Halab\n\nSyria.\n"
    assert [e.name for e in tag_article(text, tagger)] == ["Homs", "Syria"]
    assert [e.name for e in tag_article(text, tagger, exclude=["Syria"])] == ["Homs"]


def test_a_tag_appears_once_per_article_in_a_fixed_order(tagger):
    text = "Title: Syria, Syria\nTags: Syria; Syrian Arab Republic\n\nSyria and Aleppo and Syria.\n"
    first = tag_article(text, tagger)
    assert [e.name for e in first] == ["Aleppo", "Syria"]
    assert tag_article(text, tagger) == first


def test_a_demonym_gives_its_country_as_evidence_of_its_own_kind(tagger):
    evidence = {e.name: e for e in tag_article("Title: x\n\nSyrian and Iraqi forces met Russians.\n", tagger)}
    assert set(evidence) == {"Syria", "Iraq", "Russia"}
    assert [m.kind for m in evidence["Russia"].matches] == ["demonym"]
