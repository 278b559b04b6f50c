"""A tagger over the repository's taxonomy and the gazetteer, built once for all tagging tests."""

import pytest

from newsarchive.analysis.tagging.tagger import tagger_for

from ...conftest import REPO


@pytest.fixture(scope="session")
def tagger():
    return tagger_for(REPO / "taxonomy")
