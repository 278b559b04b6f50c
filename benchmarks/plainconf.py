"""Plain Pelican for the benchmark's baseline: its default theme, no plugin, its content cache on."""

SITENAME = "plain Pelican"
SITEURL = "https://archive.example.org"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
ARTICLE_PATHS = ["articles"]
# Pelican's content cache, so that its rebuilds are as fast as it can make them.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
