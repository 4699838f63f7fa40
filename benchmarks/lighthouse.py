"""Lighthouse (mobile emulation) against the home page, the search and a project page.

    bin/site --no-serve                                  # the site's database with the demo content
    (cd benchmarks/lighthouse && npm ci)                 # Lighthouse, pinned in package-lock.json
    .venv/bin/python benchmarks/lighthouse.py            # prints the scores and page weights

Starts the site itself on a free port (DEBUG off, benchmarks/serve.py; set ZB_LIGHTHOUSE_SERVER
to another command with ``{port}`` in it, e.g. ``gunicorn zorgzamebuurten.wsgi -b 127.0.0.1:{port}``),
runs Lighthouse with Debian's chromium (CHROME_PATH, default /usr/bin/chromium), nothing else on
the network, and prints performance, accessibility, best practices, SEO and the bytes transferred.
Targets: performance >= 95, the other three 100, the home page under 250 KB. Prints figures and
exits 1 when a target is missed; it is a benchmark, not part of bin/test.
"""

import json
import os
import shlex
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--no-first-run --disable-sync --disable-dev-shm-usage"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
HOME_BUDGET = 250 * 1024


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port):
    template = os.environ.get("ZB_LIGHTHOUSE_SERVER", f"{shlex.quote(sys.executable)} benchmarks/serve.py {{port}}")
    command = shlex.split(template.format(port=port))
    env = {**os.environ, "DJANGO_DEBUG": "false"}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/nl/", timeout=2)
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"the server stopped: {' '.join(command)}") from None
            time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not answer within a minute")


def first_project_url(base):
    """A project page of the demo content, found through the site's own JSON API."""
    with urllib.request.urlopen(f"{base}/api/search/?lang=nl&type=project&sort=title", timeout=30) as response:
        url = json.load(response)["results"][0]["url"]
    return base + url[url.index("/nl/") :]


def run_lighthouse(url, workdir):
    output = Path(workdir) / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",
        "--throttling-method=simulate",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env, cwd=workdir)
    report = json.loads(output.read_text())
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    failing = sorted(
        audit["id"]
        for key in CATEGORIES[1:]
        for ref in report["categories"][key]["auditRefs"]
        if ref["weight"] and (audit := report["audits"][ref["id"]])["score"] is not None and audit["score"] < 1
    )
    return scores, weight, failing


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: (cd benchmarks/lighthouse && npm ci)")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(port)
    missed = []
    try:
        pages = {"home": f"{base}/nl/", "search": f"{base}/nl/zoeken/", "project": first_project_url(base)}
        print(f"{'page':<9}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}{'KB':>9}  url")
        for name, url in pages.items():
            with tempfile.TemporaryDirectory(prefix="zb-lighthouse-") as workdir:
                scores, weight, failing = run_lighthouse(url, workdir)
            figures = "".join(f"{scores[key]:>6}" for key in CATEGORIES)
            print(f"{name:<9}{figures}{weight / 1024:>9.1f}  {url}", flush=True)
            if failing:
                print(f"         audits not passed: {', '.join(failing)}")
            missed += [
                f"{name} {key} {scores[key]} < {target}" for key, target in TARGETS.items() if scores[key] < target
            ]
            if name == "home" and weight >= HOME_BUDGET:
                missed.append(f"home weighs {weight / 1024:.1f} KB (budget 250 KB)")
    finally:
        server.terminate()
        server.wait(timeout=10)
    print("targets met" if not missed else "targets missed: " + "; ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
