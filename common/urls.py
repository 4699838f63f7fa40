"""The site's own address, for every absolute URL it writes (iCalendar, feeds, e-mails, JSON-LD,
the sitemap, the API): in a request, the request's scheme and host; outside one (e-mails sent
by a command, a worker), the one configured base URL."""

from urllib.parse import urlsplit

from django.conf import settings


def base_url():
    """``SITE_BASE_URL``, else Wagtail's ``WAGTAILADMIN_BASE_URL``, without a trailing slash."""
    return (getattr(settings, "SITE_BASE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(url, request=None):
    """``url`` (a path, or a URL Wagtail built from its Site record) on the site's real address."""
    if not url:
        return url
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    if parts.fragment:
        path += "#" + parts.fragment
    if request is not None:
        return request.build_absolute_uri(path)
    return base_url() + path


def page_url(page, request=None):
    """A page's absolute URL on the site's real address (None when the page is not routable)."""
    url = page.get_url(request)
    return absolute_url(url, request) if url else None
