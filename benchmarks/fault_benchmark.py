"""Fault benchmark: the production server under wrk while Redis stops and Elasticsearch hangs.

    .venv/bin/python benchmarks/fault_benchmark.py                 # 8 s per phase, 16 connections
    .venv/bin/python benchmarks/fault_benchmark.py --duration 12 --skip-load

The production server as in benchmarks/load_test.py (whose helpers it uses: scratch PostgreSQL
database ``zb_faults_bench`` with the demo content, collectstatic, gunicorn with the production
settings on 127.0.0.1), with a ``redis-server`` of its own on a free port as the cache. wrk
drives a rotation of public URLs (home, a project page, the toolbox, the agenda, a faceted
search, the JSON API) through the phases:

1. all up;
2. Redis stopped (before the phase starts, for the whole phase);
3. Redis started again;
4. Elasticsearch hanging: the server restarted with ``ELASTICSEARCH_URL`` at a local socket that
   accepts and never answers; at the same time a second wrk sends zero-result searches with
   filters, each a page-cache miss (the searches that used to hold every thread), while the
   first measures the cached pages.

Prints requests, 5xx answers, other errors and p99 per phase, and the machine's speed reference.
Asserts nothing. Targets: zero 5xx on public pages in every phase; p99 of cached pages under
200 ms during the Elasticsearch hang.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load_test import (
    PYTHON,
    ROOT,
    ensure_database,
    find_urls,
    free_port,
    get,
    manage,
    production_environment,
    wait_for,
)
from search_benchmark import machine_speed

sys.path.insert(0, str(ROOT))
from operations.tests.fake_services import HangingServer, RedisServer  # noqa: E402

ROTATION_LUA = r"""
local paths = {}
for p in string.gmatch(os.getenv("ZB_PATHS"), "[^|]+") do table.insert(paths, p) end
local bust = os.getenv("ZB_BUST") == "1"
local threads = {}
local i = 0
fivexx = 0
setup = function(thread) table.insert(threads, thread) end
request = function()
  i = i + 1
  local path = paths[(i % #paths) + 1]
  if bust then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "_nc=" .. tostring(math.random(1, 1000000000)) .. "-" .. i
  end
  return wrk.format(nil, path)
end
response = function(status, headers, body)
  if status >= 500 then fivexx = fivexx + 1 end
end
done = function(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("fivexx") end
  local e = summary.errors
  io.write(string.format(
    "ZBJSON {\"requests\": %d, \"p50_us\": %d, \"p99_us\": %d, \"fivexx\": %d, \"status\": %d, " ..
    "\"socket\": %d}\n", summary.requests, latency:percentile(50), latency:percentile(99), total,
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def start_wrk(base, paths, duration, connections, bust=False):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(ROTATION_LUA)
    env = dict(os.environ, ZB_PATHS="|".join(paths), ZB_BUST="1" if bust else "0")
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"]
    command += ["-H", "X-Forwarded-Proto: https", "-H", "Accept-Encoding: gzip", "-s", script.name, base + paths[0]]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    return process, script.name


def finish_wrk(started):
    process, script = started
    output = process.communicate(timeout=600)[0]
    os.unlink(script)
    line = next(line for line in output.splitlines() if line.startswith("ZBJSON "))
    data = json.loads(line[len("ZBJSON ") :])
    # wrk's "status" errors are every answer that is not 2xx/3xx; 5xx are counted apart.
    return {**data, "p50": data["p50_us"] / 1000, "p99": data["p99_us"] / 1000}


def start_server(env):
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "zorgzamebuurten.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    return server


def stop_server(server):
    os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="zb_faults_bench")
    parser.add_argument("--duration", type=int, default=8, help="seconds per phase")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--search-connections", type=int, default=4, help="slow searches during the hang")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-threads", type=int, default=4)
    parser.add_argument("--skip-load", action="store_true", help="reuse the database as it is")
    args = parser.parse_args()
    for tool in ("wrk", "redis-server"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (apt-get install {tool})")

    speed_before = machine_speed()
    port = free_port(range(8081, 8090))
    static_root = Path(tempfile.mkdtemp(prefix="zb-fault-static-"))
    media_root = Path(tempfile.mkdtemp(prefix="zb-fault-media-"))
    redis = RedisServer().start()
    hung = HangingServer()
    env = production_environment(args, port, static_root, media_root)
    env.update(REDIS_URL=redis.url)
    base, headers = f"http://127.0.0.1:{port}", {"X-Forwarded-Proto": "https"}
    phases = []
    server = None
    try:
        print(f"==> Database {args.database} (migrate, demo content)", flush=True)
        ensure_database(args.database)
        if not args.skip_load:
            manage({**env, "DATABASE_STATEMENT_TIMEOUT": "0"}, "migrate", "--noinput", "-v0")
            manage({**env, "DATABASE_STATEMENT_TIMEOUT": "0"}, "load_demo_content", "-v0")
            manage({**env, "DATABASE_STATEMENT_TIMEOUT": "0"}, "rebuild_search_index")
        manage(env, "collectstatic", "--noinput", "-v0")

        server = start_server(env)
        wait_for(base, headers)
        urls, _count = find_urls(base, headers)
        by_label = dict(urls)
        search = next(path for label, path in urls if label.startswith("faceted search ("))
        pages = [by_label["home"], by_label["project page"], by_label["toolbox"], "/nl/agenda/", search]
        pages.append("/api/search/?lang=nl&type=project")
        for path in pages:
            get(base, path, headers)

        def phase(label, paths=pages, **kwargs):
            print(f"==> {label}", flush=True)
            phases.append((label, finish_wrk(start_wrk(base, paths, args.duration, args.connections, **kwargs))))

        phase("all up")
        redis.stop()
        phase("Redis stopped")
        redis.start()
        time.sleep(1)
        phase("Redis started again")

        stop_server(server)
        server = start_server({**env, "ELASTICSEARCH_URL": f"http://127.0.0.1:{hung.port}"})
        wait_for(base, headers)
        for path in pages:
            get(base, path, headers)
        zero = ["/nl/projecten/?target_group=handicap&connection=figuur", "/nl/zoeken/?q=buurt&focus=sociale-cohesie"]
        print("==> Elasticsearch hanging: cached pages, and cache-missing searches beside them", flush=True)
        searches = start_wrk(base, zero, args.duration, args.search_connections, bust=True)
        cached = start_wrk(base, pages, args.duration, args.connections)
        phases.append(("Elasticsearch hanging: cached pages", finish_wrk(cached)))
        phases.append(("Elasticsearch hanging: searches (misses)", finish_wrk(searches)))
        start = time.monotonic()
        status, body, _headers = get(base, "/healthz", headers)
        health_seconds = time.monotonic() - start
    finally:
        if server is not None:
            stop_server(server)
        redis.stop()
        hung.close()
        shutil.rmtree(static_root, ignore_errors=True)
        shutil.rmtree(media_root, ignore_errors=True)

    print()
    print(
        f"Conditions: {os.cpu_count()} CPU cores shared with other work (load average {os.getloadavg()[0]:.2f}), "
        f"PostgreSQL on 127.0.0.1, gunicorn {args.workers} worker(s) x {args.worker_threads} threads, "
        f"Redis of its own, wrk -t2 -c{args.connections} -d{args.duration}s per phase "
        f"(-c{args.search_connections} for the searches), all on the same machine."
    )
    print(f"Machine speed: a reference loop takes {speed_before:.1f} ms before, {machine_speed():.1f} ms after.")
    print(f"/healthz during the hang: {status} in {health_seconds * 1000:.0f} ms: {body}")
    print()
    width = max(len(label) for label, _r in phases)
    print(f"{'phase':<{width}}  {'requests':>8}  {'5xx':>5}  {'other':>5}  {'p50 ms':>8}  {'p99 ms':>8}")
    for label, r in phases:
        other = r["status"] - r["fivexx"] + r["socket"]
        print(f"{label:<{width}}  {r['requests']:>8}  {r['fivexx']:>5}  {other:>5}  {r['p50']:>8.1f}  {r['p99']:>8.1f}")
    print()
    fivexx = sum(r["fivexx"] for _label, r in phases)
    cached_p99 = dict(phases)["Elasticsearch hanging: cached pages"]["p99"]
    print(f"Targets: 5xx {fivexx} (want 0); cached pages p99 during the hang {cached_p99:.1f} ms (want < 200).")
    print("URLs: " + ", ".join(pages))


if __name__ == "__main__":
    main()
