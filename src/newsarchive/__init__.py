"""newsarchive: plain-text news digests into a browsable, searchable static archive."""

__version__ = "0.2.0"
