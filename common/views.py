"""Error pages in the visitor's language, with the site's navigation."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """Rendered without a request context: nothing here may touch the database."""
    return HttpResponseServerError(loader.get_template("500.html").render({}))
