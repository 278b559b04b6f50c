"""What is found in the articles' text, without Pelican: tags (``tagging``: taxonomy, gazetteer,
people, the tagger) and the researchers' tools (``research``: story clusters, reported figures,
syndication groups). Imports only the bottom layer (``model``, ``process``)."""
