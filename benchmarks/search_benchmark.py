"""Search benchmark: 10,000 published pages, a query with three active facets.

    .venv/bin/python benchmarks/search_benchmark.py                 # SQLite (a scratch file)
    .venv/bin/python benchmarks/search_benchmark.py --postgres      # PostgreSQL on 127.0.0.1:5432
    .venv/bin/python benchmarks/search_benchmark.py --reuse         # time an earlier scratch database again

Builds a scratch database (never the site's own), loads the demo content, adds synthetic
project pages in Dutch and French (same translation key per pair, terms drawn with the report's
own frequencies, each with one of the demo pictures on its card), indexes them, then times the
search page server-side and counts SQL queries: the three-facet searches with nothing kept
between requests (the first request after a publish); each search computed (page cache off;
the site, menu and footer kept per content generation as on every page); then, with the page
cache on as in production, the three-facet searches for their first visitor (the URL not
stored yet, other pages visited) and served again. Prints figures, and the machine's speed
before and after; asserts nothing (targets: median under 50 ms, a query count that does not
grow with the number of results or facet options).
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(postgres):
    if postgres:
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/zb_benchmark"
    else:
        os.environ["DATABASE_URL"] = "sqlite:////tmp/zb-benchmark.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgzamebuurten.settings.dev")
    os.environ["DJANGO_DEBUG"] = "false"


def reset_database(postgres):
    if postgres:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS zb_benchmark WITH (FORCE)")
            conn.execute("CREATE DATABASE zb_benchmark")
    else:
        Path("/tmp/zb-benchmark.sqlite3").unlink(missing_ok=True)


def build(total_pages):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Page

    from projects.models import ProjectIndexPage, ProjectPage
    from search.backends.database import DatabaseBackend
    from search.documents import Document
    from tests.report_tables import REPORT_TABLES

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)

    rng = random.Random(20261123)
    regions = ["antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen", "brussel"]
    vocabulary = {key: list(rows) for key, rows in REPORT_TABLES.items()}
    weights = {key: [len(numbers.split()) for numbers in rows.values()] for key, rows in REPORT_TABLES.items()}
    words = ["buurt", "buren", "zorg", "ontmoeting", "vrijwilligers", "moestuin", "soep", "wandeling"]
    words += ["ouderen", "jongeren", "netwerk"]
    backend = DatabaseBackend()
    image_ids = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True))
    pairs = total_pages // 2
    content_type = ContentType.objects.get_for_model(ProjectPage)
    started = time.perf_counter()
    for language in ("nl", "fr"):
        locale = Locale.objects.get(language_code=language)
        index = ProjectIndexPage.objects.get(locale=locale)
        first_step = index.numchild + 1
        rng.seed(20261123)  # the same spread in both languages, as translations would have
        now = timezone.now()
        pages, documents = [], []
        for number in range(pairs):
            terms = {"region": [rng.choice(regions)]}
            for key, rows in vocabulary.items():
                picked = {rng.choices(rows, weights=weights[key])[0] for _ in range(rng.choice([0, 1, 1, 2]))}
                if picked:
                    terms[key] = sorted(picked)
            text = " ".join(rng.choice(words) for _ in range(60))
            title = f"Benchmarkproject {number} {language}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=f"bench-{number}",
                    content_type=content_type,
                    path=ProjectPage._get_path(index.path, index.depth + 1, first_step + number),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}bench-{number}/",
                    locale=locale,
                    translation_key=uuid.UUID(int=number + 1),
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            documents.append((title, text, terms))
        # Wagtail pages are two tables (Page and ProjectPage): bulk-insert both, then index.
        # Each card shows one of the demo pictures, as real result cards show theirs.
        pages = Page.objects.bulk_create(pages, batch_size=500)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {ProjectPage._meta.db_table} (page_ptr_id, intro, body, initiator, address,"
                " municipality, postcode, contact_email, website, partners, image_id, image_alt)"
                " VALUES (%s, %s, '[]', 'Benchmark vzw', '', 'Gent', '9000', '', '', '', %s, 'Een foto')",
                [
                    (page.pk, text[:200], image_ids[number % len(image_ids)])
                    for number, (page, (_, text, _)) in enumerate(zip(pages, documents, strict=True))
                ],
            )
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + pairs)
        batch = [
            Document(page.pk, language, "project", title, text[:200], text, now, terms=terms)
            for page, (title, text, terms) in zip(pages, documents, strict=True)
        ]
        for start in range(0, len(batch), 500):
            backend.index_many(batch[start : start + 500])
    backend.analyze()
    return time.perf_counter() - started


class QueryCounter:
    """Counts statements as they run (survives the connection being reset per request)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(runs):
    from django.core.cache import cache
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="localhost")
    cases = {
        "three facets (nl)": "/nl/zoeken/?type=project&target_group=ouderen&target_group=type-buurt"
        "&connection=activiteit&focus=sociale-cohesie",
        "three facets (fr)": "/fr/recherche/?type=project&target_group=ouderen&connection=plek&connection=figuur"
        "&focus=welbevinden-zorg",
        "three facets + text (nl)": "/nl/zoeken/?q=moestuin&target_group=ouderen&connection=activiteit"
        "&focus=sociale-cohesie",
        "one facet, many results (nl)": "/nl/projecten/?region=antwerpen",
        "no filters (nl)": "/nl/zoeken/",
    }
    with override_settings(PAGE_CACHE_SECONDS=0, SHARED_DATA_SECONDS=0):
        print("Nothing kept (the page cache off, the site, menu and footer looked up every time):")
        for label in ("three facets (nl)", "three facets (fr)"):
            time_url(client, label, cases[label], runs)

    print("Computed (the page cache off; the site, menu and footer kept per generation, as always):")
    for label, url in cases.items():
        time_url(client, label, url, runs)

    with override_settings(PAGE_CACHE_SECONDS=300):
        print("First visitor of a search (the page cache on, this URL not stored yet, the site visited):")

        for label in ("three facets (nl)", "three facets (fr)"):
            time_url(client, label, cases[label], runs, before=lambda url=cases[label]: forget_stored_page(url))
        print("Served again (the page cache on, as in production):")
        cache.clear()
        time_url(client, "three facets (nl)", cases["three facets (nl)"], runs)


def machine_speed():
    """Median time of a fixed pure-Python loop: printed beside the figures because this
    machine's speed varies with its neighbours (a slow moment shows here as well)."""
    timings = []
    for _ in range(30):
        start = time.perf_counter()
        sum(i * i for i in range(100_000))
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def forget_stored_page(url):
    """Drop one URL's page from the page cache, leaving everything else cached."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from operations import caching

    cache.delete(caching.page_key(RequestFactory().get(url, HTTP_HOST="localhost")))


def time_url(client, label, url, runs, before=None):
    """Median and p95 of ``runs`` requests after one warm-up, and the SQL statements of one;
    ``before()`` runs untimed before each request."""
    from django.db import connection

    assert client.get(url).status_code == 200  # warm up caches
    timings = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    counter = QueryCounter()
    if before:
        before()
    with connection.execute_wrapper(counter):
        client.get(url)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"  {label:32s} median {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms   "
        f"{counter.count:3d} SQL queries"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1:5432")
    parser.add_argument("--pages", type=int, default=10_000, help="synthetic pages (half Dutch, half French)")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="keep the scratch database of an earlier run")
    args = parser.parse_args()

    configure(args.postgres)
    if not args.reuse:
        reset_database(args.postgres)
    import django

    django.setup()
    from search.models import SearchDocument

    engine = "PostgreSQL" if args.postgres else "SQLite"
    if args.reuse:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        print(f"{engine}: {SearchDocument.objects.count()} pages in the search index (kept from an earlier run)")
    else:
        seconds = build(args.pages)
        print(f"{engine}: {SearchDocument.objects.count()} pages in the search index (built in {seconds:.0f} s)")
    print(f"Machine speed before: a reference loop takes {machine_speed():.1f} ms")
    measure(args.runs)
    print(f"Machine speed after: a reference loop takes {machine_speed():.1f} ms")


if __name__ == "__main__":
    main()
