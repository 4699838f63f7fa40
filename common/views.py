"""Error pages in the visitor's language, with the site's navigation."""

import sys

from django.db import OperationalError
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without a request context: nothing here may touch the database.

    A database that does not answer (refused, or a connect or statement timeout) makes the
    site unavailable for a while rather than broken: 503 with ``Retry-After``, which load
    balancers and CDNs understand."""
    response = HttpResponseServerError(loader.get_template("500.html").render({}))
    if isinstance(sys.exc_info()[1], OperationalError):
        response.status_code = 503
        response["Retry-After"] = "30"
    return response
