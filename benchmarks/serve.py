"""Serve the site for benchmarks as production would, without a production server installed.

    .venv/bin/python benchmarks/serve.py 8061

DEBUG off, a threaded WSGI server, static files (and uploaded media) answered by the Python
process with a cache lifetime, HTML compressed with gzip. Once the project serves static files
with WhiteNoise and gunicorn (issue 7), run that instead: benchmarks/lighthouse.py takes the
command from ZB_LIGHTHOUSE_SERVER.
"""

import os
import sys
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzamebuurten.settings.dev")
os.environ["DJANGO_DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.handlers import StaticFilesHandler  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.utils.cache import patch_cache_control  # noqa: E402
from django.views.static import serve  # noqa: E402

CACHE_SECONDS = 7 * 24 * 3600


class Static(StaticFilesHandler):
    """Static files through the finders (no collectstatic needed), cached by browsers."""

    def serve(self, request):
        response = super().serve(request)
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


class Media(StaticFilesHandler):
    """Uploaded images and their renditions from MEDIA_ROOT."""

    def get_base_url(self):
        return settings.MEDIA_URL

    def serve(self, request):
        response = serve(request, self.file_path(request.path), document_root=settings.MEDIA_ROOT)
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        return response


class Gzip:
    """gzip for text answers (HTML, CSS, JS, XML) when the browser accepts it."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        import gzip

        if "gzip" not in environ.get("HTTP_ACCEPT_ENCODING", ""):
            return self.app(environ, start_response)
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        body = b"".join(self.app(environ, capture))
        headers = captured["headers"]
        kind = next((v for k, v in headers if k.lower() == "content-type"), "")
        if len(body) > 500 and kind.split(";")[0] in {
            "text/html",
            "text/css",
            "text/javascript",
            "application/javascript",
            "application/xml",
            "application/json",
        }:
            body = gzip.compress(body, 6)
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers += [("Content-Encoding", "gzip"), ("Content-Length", str(len(body))), ("Vary", "Accept-Encoding")]
        start_response(captured["status"], headers)
        return [body]


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def application():
    return Gzip(Media(Static(WSGIHandler())))


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8061
    with make_server("127.0.0.1", port, application(), ThreadingServer, QuietHandler) as server:
        print(f"Serving on http://127.0.0.1:{port}/ (DEBUG off)", flush=True)
        server.serve_forever()
