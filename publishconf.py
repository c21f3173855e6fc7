"""Pelican settings for the production build (`make publish`); SITEURL comes from the environment."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    raise SystemExit(
        "publishconf.py: SITEURL is not set — run e.g. SITEURL=https://user.github.io/repo make publish"
    )

EXPLAINER_FEEDS = True

# What is deployed is built from nothing: no render kept from an earlier build is reused.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
