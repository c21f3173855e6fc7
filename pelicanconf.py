"""Pelican settings for development builds (`make html`, `make serve`)."""

import os

SITENAME = "The Amazon employees' letter, explained"
SITE_DESCRIPTION = (
    "A sourced explainer of the June 2018 letter in which Amazon employees asked Jeff Bezos to stop "
    "selling Rekognition to police and to stop hosting Palantir, and of the protests around it."
)
AUTHOR = "The explainer's contributors"
SITEURL = ""
# "Cite this page" gives a full address: a development build's pages (whose links are paths)
# are cited at the address `make serve` serves them on.
CITATION_SITEURL = os.environ.get("EXPLAINER_CITATION_SITEURL", "http://127.0.0.1:8000")
# The project's own writing (LICENSE-writing.txt); the sources' texts keep their own rights.
WRITING_LICENSE = "CC BY 4.0"
WRITING_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"

# Where "edit this page" and "suggest a correction" point. GitHub Actions sets
# GITHUB_REPOSITORY, so a fork's published site links to the fork.
REPOSITORY_URL = "https://github.com/" + os.environ.get(
    "GITHUB_REPOSITORY", "amazon-letter-explainer/explainer"
)
REPOSITORY_BRANCH = "main"

# List the plugins: PLUGINS = None would load every installed namespace plugin.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["explainer"]

# Pinned so the same commit builds the same bytes anywhere.
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
LOCALE = ("C",)
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

# The explainer plugin reads and writes all content itself; Pelican's own article and page
# generators get nothing to read and write nothing.
ARTICLE_PATHS = []
PAGE_PATHS = []
STATIC_PATHS = []
DIRECT_TEMPLATES = []
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = ""
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
AUTHOR_SAVE_AS = CATEGORY_SAVE_AS = TAG_SAVE_AS = ""
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
FEED_ALL_ATOM = FEED_ALL_RSS = CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None

# Autoescape everything; rendered Markdown is marked safe explicitly with the |html filter.
# A build reads each template once: auto_reload would stat its file at every include.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "auto_reload": False}
# Rebuilds render only the texts that changed (plugins/explainer/model/render_cache.py); the cache
# lives in cache/, which `make clean` removes. Production builds start cold (publishconf.py).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
# Pelican's own cache holds what its readers read, which here is nothing, as a pickle that
# would run code if a pull request planted one in cache/. A layer Pelican does not know turns
# it off; the two settings above still switch the explainer's caches, which are sealed.
CONTENT_CACHING_LAYER = "none"
DELETE_OUTPUT_DIRECTORY = True

# Site navigation: (label, path below SITEURL).
MENU = [
    ("In brief", ""),
    ("The letter", "sources/amazon-employees-letter/"),
    ("Timeline", "timeline/"),
    ("Demands", "demands/"),
    ("Differences", "differences/"),
    ("Who's who", "entities/"),
    ("Sources", "sources/"),
    ("About", "about/"),
    ("Search", "search/"),
]

# Atom feeds need absolute addresses, so only the production build (publishconf.py) writes them.
EXPLAINER_FEEDS = False

# A source whose rights are not known (`rights: unknown`) is published in full, for reference and
# with attribution. A deployment that may not do so sets "cited": such a source's page then shows
# its provenance, a link to the original and only the paragraphs the site cites.
EXPLAINER_UNKNOWN_RIGHTS_TEXT = os.environ.get("EXPLAINER_UNKNOWN_RIGHTS_TEXT", "full")
