"""Load test: the production server with the demo content on PostgreSQL, driven by wrk.

    .venv/bin/python benchmarks/load_test.py                  # 10 s per URL, 20 connections
    .venv/bin/python benchmarks/load_test.py --duration 5 --connections 50 --port 8072

What it does, in order:

1. makes (or reuses) a scratch PostgreSQL database (``zb_load`` by default, never the site's own),
   migrates it, loads the demo content and rebuilds the search index, with the production settings;
2. ``collectstatic`` into a temporary folder (WhiteNoise serves it: compressed, hashed names);
3. starts gunicorn with ``gunicorn.conf.py`` and the production settings on 127.0.0.1:<port>,
   with Redis as the cache when it answers on 127.0.0.1:6379 (database 7, its own key prefix);
4. waits for ``/healthz``, finds a project page, the toolbox and a three-facet search with
   results (from the JSON API), and the hashed stylesheet;
5. runs ``wrk`` on each URL for a bounded time, with the ``X-Forwarded-Proto: https`` header a
   TLS-terminating proxy would add, and prints requests per second, p50 and p99 latency and the
   number of errors (socket errors, timeouts, and answers other than 2xx/3xx) per URL. The same
   search is also run with a throw-away parameter that changes on every request, so every request
   misses the page cache: the cost of a real search.

Prints figures and the conditions; asserts nothing. Targets: no errors; cached pages within 3x
of the static file's throughput; faceted search p99 under 150 ms at 20 connections.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
REPORT_LUA = r"""
local counter = 0
local bust = os.getenv("ZB_BUST") == "1"
request = function()
  if bust then
    counter = counter + 1
    local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, wrk.path .. sep .. "_nc=" .. tostring(math.random(1, 1000000000)) .. "-" .. counter)
  end
  return wrk.format(nil, wrk.path)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "ZBJSON {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p99_us\": %d, " ..
    "\"connect\": %d, \"read\": %d, \"write\": %d, \"status\": %d, \"timeout\": %d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def free_port(preferred):
    for port in preferred:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise SystemExit("No free port in " + ", ".join(map(str, preferred)))


def redis_available():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def ensure_database(name):
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def get(base, path, headers):
    request = urllib.request.Request(base + path, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)


def wait_for(base, headers, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, body, _headers = get(base, "/healthz", headers)
            if status == 200:
                return json.loads(body)
        except OSError:
            time.sleep(0.5)
    raise SystemExit("The server did not answer /healthz in time")


def find_urls(base, headers):
    """Home, a project page, the toolbox, a three-facet search with results, the stylesheet."""
    from urllib.parse import urlparse

    def api(params):
        return json.loads(get(base, "/api/search/?" + urlencode(params, doseq=True), headers)[1])

    project = api({"lang": "nl", "type": "project"})["results"][0]["url"]
    params = {"lang": "nl"}
    for key in ("target_group", "connection", "focus"):
        data = api(params)
        facet = next(f for f in data["facets"] if f["key"] == key)
        best = max((o for o in facet["options"] if not o["selected"]), key=lambda o: o["count"])
        params[key] = best["slug"]
    count = api(params)["count"]
    search = "/nl/zoeken/?" + urlencode({k: v for k, v in params.items() if k != "lang"})
    home_html = get(base, "/nl/", headers)[1]
    start = home_html.index('rel="stylesheet" href="') + len('rel="stylesheet" href="')
    stylesheet = home_html[start : home_html.index('"', start)]
    return [
        ("home", "/nl/"),
        ("project page", urlparse(project).path),
        ("toolbox", "/nl/toolbox/"),
        (f"faceted search ({count} results)", search),
        ("faceted search, cache missed", search),
        ("static file (ceiling)", stylesheet),
    ], count


def run_wrk(url, duration, connections, threads, bust):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(REPORT_LUA)
    env = dict(os.environ, ZB_BUST="1" if bust else "0")
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "5s",
        "-H",
        "X-Forwarded-Proto: https",
        "-H",
        "Accept-Encoding: gzip",
        "-s",
        script.name,
        url,
    ]
    try:
        output = subprocess.run(command, capture_output=True, text=True, env=env, timeout=duration + 60).stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("ZBJSON "))
    data = json.loads(line[len("ZBJSON ") :])
    errors = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50": data["p50_us"] / 1000,
        "p99": data["p99_us"] / 1000,
        "errors": errors,
        "requests": data["requests"],
    }


def production_environment(args, port, static_root, media_root):
    """The production server's environment, with nothing of the caller's Django, database,
    cache or search settings: the scratch database, its own static and media folders, gunicorn
    on ``port`` with ``args.workers`` x ``args.worker_threads``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "ELASTIC"))}
    env.update(
        DJANGO_SETTINGS_MODULE="zorgzamebuurten.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{args.database}",
        DATABASE_CONN_MAX_AGE="600",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_MEDIA_ROOT=str(media_root),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY=str(args.workers),
        GUNICORN_THREADS=str(args.worker_threads),
        GUNICORN_LOG_LEVEL="warning",
    )
    return env


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="zb_load")
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--worker-threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--port", type=int, default=0, help="default: the first free one of 8071-8079")
    parser.add_argument("--skip-load", action="store_true", help="reuse the database as it is")
    args = parser.parse_args()

    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    port = args.port or free_port(range(8071, 8080))
    static_root = Path(tempfile.mkdtemp(prefix="zb-load-static-"))
    media_root = Path(tempfile.mkdtemp(prefix="zb-load-media-"))
    redis = redis_available()
    env = production_environment(args, port, static_root, media_root)
    if redis:
        env.update(REDIS_URL="redis://127.0.0.1:6379/7", DJANGO_CACHE_PREFIX=f"zbload{port}")
    else:  # one process, so the memory cache is shared by all its threads
        env.update(WEB_CONCURRENCY="1", GUNICORN_THREADS=str(args.workers * args.worker_threads))
        env.update(DJANGO_PAGE_CACHE_SECONDS="300")

    print(f"==> Database {args.database} (migrate, demo content)", flush=True)
    ensure_database(args.database)
    if not args.skip_load:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo_content", "-v0")
        # What an operator runs after loading or restoring content; it also refreshes PostgreSQL's
        # statistics of the index tables (without them a fresh database plans facet counts badly).
        manage(env, "rebuild_search_index")
    print("==> collectstatic", flush=True)
    manage(env, "collectstatic", "--noinput", "-v0")
    if redis:
        manage(env, "shell", "--no-imports", "-c", "from django.core.cache import cache; cache.clear()")

    print(f"==> gunicorn on 127.0.0.1:{port}", flush=True)
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "zorgzamebuurten.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    headers = {"X-Forwarded-Proto": "https"}
    results = []
    try:
        health = wait_for(base, headers)
        urls, _count = find_urls(base, headers)
        for label, path in urls:
            bust = "cache missed" in label
            for _ in range(3):  # warm up: first renders, renditions, the page cache
                get(base, path, headers)
            print(f"==> wrk {args.duration}s, {args.connections} connections: {label}", flush=True)
            results.append((label, path, run_wrk(base + path, args.duration, args.connections, args.threads, bust)))
        _status, _body, page_headers = get(base, "/nl/", headers)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(media_root, ignore_errors=True)

    load = os.getloadavg()
    print()
    print(
        f"Conditions: {os.cpu_count()} CPU cores shared with other work (load average before the "
        f"last run {load[0]:.2f}), PostgreSQL on 127.0.0.1, gunicorn {env['WEB_CONCURRENCY']} worker(s) x "
        f"{env['GUNICORN_THREADS']} threads (gthread), cache {'Redis' if redis else 'local memory'}, "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s on the same machine."
    )
    print(f"Health: {json.dumps(health)}; page cache on /nl/: {page_headers.get('X-Page-Cache', 'off')}")
    print()
    width = max(len(label) for label, _path, _result in results)
    print(f"{'URL':<{width}}  {'req/s':>9}  {'p50 ms':>8}  {'p99 ms':>8}  {'errors':>6}  {'requests':>9}")
    for label, _path, r in results:
        figures = f"{r['rps']:>9.0f}  {r['p50']:>8.2f}  {r['p99']:>8.2f}  {r['errors']:>6}  {r['requests']:>9}"
        print(f"{label:<{width}}  {figures}")
    print()
    for label, path, _r in results:
        print(f"  {label}: {path}")
    ceiling = results[-1][2]["rps"]
    cached = [r for label, _p, r in results[:4]]
    print()
    print(f"Targets: errors {sum(r['errors'] for _l, _p, r in results)} (want 0); ", end="")
    print(
        f"slowest cached page at {ceiling / min(r['rps'] for r in cached):.2f}x below the static file (want <= 3); ",
        end="",
    )
    print(
        f"faceted search p99 {results[3][2]['p99']:.1f} ms cached, {results[4][2]['p99']:.1f} ms uncached (want < 150)."
    )


if __name__ == "__main__":
    main()
