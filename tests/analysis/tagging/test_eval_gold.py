"""The tag evaluation's gold readers and scoring, on tiny made-up snippets in each set's format
(the real gold sets are never in the repository)."""

from benchmarks.tags.evaluate import Score, resolved_names
from benchmarks.tags.prepare import conll_documents, detokenize, gwn_documents

CONLL = """-DOCSTART- -X- -X- O

SOCCER NN B-NP O
- : O O
ARDENIA NNP B-NP B-LOC
WIN NN I-NP O
. . O O

Marta NNP B-NP B-PER
Quinlan NNP I-NP I-PER
said VBD B-VP O
Valley NNP B-NP B-ORG
Buses NNP I-NP I-ORG
( ( O O
VB NNP B-NP B-ORG
) ) O O
won VBD B-VP O
. . O O

Quinlan NNP B-NP B-PER
agreed VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

Owen NNP B-NP B-PER
left VBD B-VP O
. . O O
"""

GWN = """<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>Flood in Millbrook</title>
    <text>Russian crews reached Millbrook.</text>
    <toponyms>
      <toponym><extractedName>Russian</extractedName><type>Literal_Modifier</type>
        <modifierType>Adjective</modifierType><geonamesID>2017370</geonamesID></toponym>
      <toponym><extractedName>Millbrook</extractedName><type>Literal</type>
        <modifierType/><geonamesID>4076239</geonamesID></toponym>
      <toponym><extractedName>crews</extractedName><type>Non_Lit_Expression</type><geonamesID/></toponym>
      <toponym><extractedName>Britons</extractedName><type>Demonym</type><geonamesID/></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_conll_documents_sentences_and_entities():
    first, second = conll_documents(CONLL)
    assert first["title"] == "SOCCER - ARDENIA WIN."
    assert first["text"] == "Marta Quinlan said Valley Buses (VB) won.\n\nQuinlan agreed."
    assert first["people"] == ["Marta Quinlan", "Quinlan"]
    assert first["organizations"] == ["Valley Buses", "VB"]
    assert first["locations"] == ["ARDENIA"]
    assert (second["id"], second["people"]) == ("conll-test-2", ["Owen"])


def test_detokenize_closes_up_punctuation():
    assert detokenize(["He", "said", ",", "(", "twice", ")", "it", "'s", "fine", "."]) == "He said, (twice) it's fine."


def test_geowebnews_places_adjectives_and_demonyms_apart():
    (document,) = gwn_documents(GWN)
    assert document["places"] == [4076239]
    assert document["adjective_places"] == [2017370]
    assert document["demonyms"] == ["Britons"]


def test_a_surname_alone_counts_as_the_full_name_met_earlier():
    assert resolved_names(["Marta Quinlan", "Quinlan", "Owen"]) == {"marta quinlan", "owen"}


def test_score_precision_and_recall():
    score = Score()
    score.add("d1", wrong=["x"], missed=["y", "z"], right=3)
    assert (score.precision, score.recall) == (0.75, 0.6)
    assert Score().precision == 1.0  # no tag given: nothing wrong
