"""Tools for researchers comparing coverage: story clusters across sources and reported figures."""
