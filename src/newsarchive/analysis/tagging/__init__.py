"""Tags and sources: the curated taxonomy, the gazetteer and the tagger."""
