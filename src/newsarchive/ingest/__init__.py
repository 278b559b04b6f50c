"""Inputs other than digests: saved HTML pages, RSS/Atom feeds and WARC files.

``detect.read_input`` chooses the reader by content and extension; every reader returns a
``DigestResult`` (articles and problems) as ``digest.read.read_digest`` does, and
``dedupe`` merges an article already in the archive instead of importing it twice.
"""
