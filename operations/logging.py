"""Structured logs with the request they belong to, and nothing personal in them.

``RequestContextMiddleware`` gives every request an id (the proxy's ``X-Request-ID`` when it is
a plausible one, otherwise a new one), echoes it in the response and keeps method, path and the
user's numeric id in a context variable. ``RequestContextFilter`` copies those onto every log
record written while the request runs, so an error logged by Django (``django.request``) or by
our code can be traced to its request. Deliberately absent: client addresses, e-mail
addresses, user names, query strings (search terms are typed by people) and form data.
``JsonFormatter`` writes one JSON object per line (python-json-logger) without the raw
``request`` object Django attaches to its error records.
"""

import contextvars
import re
import uuid

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

_context = contextvars.ContextVar("request_context", default=None)
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        token = _context.set(request)
        try:
            response = self.get_response(request)
        finally:
            _context.reset(token)
        response["X-Request-ID"] = request.request_id
        return response


def current_request():
    """The request this thread is serving (None outside a request): for limits that hold per
    request, such as the search cluster's time budget."""
    return _context.get()


def _user_id(request):
    user = getattr(request, "user", None)  # absent before AuthenticationMiddleware ran
    if user is not None and getattr(user, "is_authenticated", False):
        return user.pk
    return None


class RequestContextFilter:
    """Adds request_id, method, path, user_id and status to each record (``-`` outside requests)."""

    def filter(self, record):
        request = getattr(record, "request", None)
        if not hasattr(request, "method"):
            request = _context.get()
        record.request_id = getattr(request, "request_id", "-")
        record.method = getattr(request, "method", "-")
        record.path = getattr(request, "path", "-")
        record.user_id = _user_id(request) if request is not None else None
        record.status = getattr(record, "status_code", None)
        return True


class JsonFormatter(_JsonFormatter):
    """One JSON object per line: time, level, logger, message, request context, exception."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(levelname)s %(name)s %(message)s")
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")  # ISO 8601 in UTC
        # Django attaches the request (and a server socket) to error records: never serialise them.
        reserved = set(kwargs.pop("reserved_attrs", ())) | {"request", "server_time", "status_code", "args", "msg"}
        super().__init__(*args, reserved_attrs=list(reserved | _default_reserved()), **kwargs)


def _default_reserved():
    from pythonjsonlogger.core import RESERVED_ATTRS

    return set(RESERVED_ATTRS)
