"""The import side: inputs to ``content/*.md`` files, without Pelican.

The input kinds are siblings that produce the same records (``model.records``): plain-text
digests (``digest/``), saved HTML pages (``html``), RSS/Atom feeds (``feeds``) and WARC files
(``warc``). ``detect.read_input`` chooses the reader by content and extension (``limits``
refuses what is too big); every reader returns a ``DigestResult`` (articles and problems) as
``digest.read.read_digest`` does. ``importer`` runs an import under the site lock: ``identity``
finds the file an article already is, ``dedupe`` merges an article found again elsewhere
instead of importing it twice, ``date_orders`` settles each source's numeric date order, and
``writer`` writes the files (the format is ``model.article_file``), keeping hand edits.
"""
