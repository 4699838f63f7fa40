"""Fast, isolated tests: cheap password hashing, local-memory cache, a throw-away media folder."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="zb-test-media-")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The site under test searches the database; the contract suite in search/tests builds its own
# Elasticsearch backends (osmem-server always, a real cluster when ELASTICSEARCH_URL is set).
ELASTICSEARCH_URL = ""
# The whole-page cache is off for the suite (tests change content in ways a site never does,
# e.g. straight in the database, and the memory cache outlives each test's rolled-back
# transaction); operations/tests turn it on where it is under test.
PAGE_CACHE_SECONDS = 0
# Likewise the menu, footer and site are looked up on every request (operations/tests turn the
# sharing on where it is under test).
SHARED_DATA_SECONDS = 0
