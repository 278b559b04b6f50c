"""Site settings for Pelican and the newsarchive plugin (``publishconf.py`` overrides them)."""

SITENAME = "newsarchive sample"
SITESUBTITLE = "An archive of fictional news digests"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
LOCALE = ("C.UTF-8", "C")  # fixed, so month names do not follow the builder's locale

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = True

# THEME: newsarchive's own theme (the package carries it) unless set; `newsarchive theme copy` copies it here
PLUGINS = ["newsarchive.plugin"]

# Article files are escaped for exactly these Markdown settings (see newsarchive/model/article_file.py).
MARKDOWN = {"extensions": [], "extension_configs": {}, "output_format": "html5"}
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "extensions": []}

USE_FOLDER_AS_CATEGORY = False  # folders are years, not categories
DEFAULT_CATEGORY = "News"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "authors", "archives", "404"]

ARTICLE_URL = "articles/{slug}.html"
ARTICLE_SAVE_AS = "articles/{slug}.html"
AUTHOR_URL = "authors/{slug}.html"
AUTHOR_SAVE_AS = "authors/{slug}.html"
TAG_URL = "tags/{slug}.html"
TAG_SAVE_AS = "tags/{slug}.html"
DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "tag": None, "author": None, "source": None, "period_archives": None}
# Sources, archives by year/month/"Undated", sitemap: docs/settings.md lists every setting.
SOURCE_URL = "sources/{slug}.html"
SOURCE_SAVE_AS = "sources/{slug}.html"

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
SOURCE_FEED_ATOM = None  # publishconf.py turns feeds on

# The newsarchive plugin's own settings, with their defaults, are listed in docs/settings.md.
