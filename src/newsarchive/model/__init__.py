"""The bottom layer every package may import: the records an import makes (``records``), the
problems it reports (``problems``), the settings registry with its defaults (``settings``), the
article file format both ways (``article_file``, with ``escape`` and ``provenance``), atomic file
writes and the site lock (``files``, ``site_lock``), which output folder a build may replace
(``output_folder``), the code digest of what is kept between builds (``code_digest``), what the
package carries (``packaged``) and the plugin's signal table (``pipeline``). It imports nothing
else of newsarchive's, and never Pelican."""
