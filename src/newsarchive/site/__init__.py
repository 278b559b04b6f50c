"""The site's features (see the README)."""
