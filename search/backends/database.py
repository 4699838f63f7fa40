"""Search with the database: PostgreSQL full text (Dutch/French configurations, accents
folded), or stemmed-word matching on other databases (SQLite). The total, all facet counts, the
ordered page of results and its terms come from one statement on the index tables: the same
number of queries whatever the amount of content or the number of active filters."""

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Value, When

from ..models import SearchDocument, SearchDocumentTerm
from ..registry import KIND_FACET, PAST
from ..text import fold, stems, words
from .base import RawResults, SearchBackend

# Text-search configurations created by migration search.0002 (dutch/french + unaccent).
PG_CONFIGS = {"nl": "zb_dutch", "fr": "zb_french"}


def _postgres():
    return connection.vendor == "postgresql"


class DatabaseBackend(SearchBackend):
    name = "database"

    def ping(self):
        SearchDocument.objects.only("pk").first()

    # Indexing --------------------------------------------------------------------------

    def index(self, document):
        SearchDocument.objects.filter(page_id=document.page_id).delete()
        self.index_many([document])

    def remove(self, page_id):
        SearchDocument.objects.filter(page_id=page_id).delete()

    def rebuild(self, documents):
        SearchDocument.objects.all().delete()
        for start in range(0, len(documents), 500):
            self.index_many(documents[start : start + 500])
        transaction.on_commit(self.analyze)  # VACUUM cannot run inside the rebuild's transaction

    @staticmethod
    def analyze():
        """Fresh planner statistics after bulk changes; without them PostgreSQL may pick nested
        loops over thousands of rows and take minutes for what takes milliseconds. Outside a
        transaction also VACUUM, which marks the pages all-visible so that searches read the
        covering indexes alone (index-only scans) instead of visiting every row."""
        if _postgres():
            tables = f"{SearchDocument._meta.db_table}, {SearchDocumentTerm._meta.db_table}"
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            with connection.cursor() as cursor:
                cursor.execute(f"{command} {tables}")

    def index_many(self, documents):
        """Rows for many documents in a few statements (used by publishing and by rebuilds)."""
        rows = SearchDocument.objects.bulk_create(
            [
                SearchDocument(
                    page_id=document.page_id,
                    language=document.language,
                    kind=document.kind,
                    title=document.title[:255],
                    title_sort=fold(document.title)[:255],
                    summary=document.summary,
                    text=fold(document.text),
                    stems=" " + " ".join(stems(document.text, document.language)) + " ",
                    published_at=document.published_at,
                    start=document.start,
                    end=document.end,
                )
                for document in documents
            ]
        )
        if any(row.pk is None for row in rows):  # backends that do not return keys from bulk inserts
            ids = dict(
                SearchDocument.objects.filter(page_id__in=[d.page_id for d in documents]).values_list("page_id", "pk")
            )
            for row in rows:
                row.pk = ids[row.page_id]
        SearchDocumentTerm.objects.bulk_create(
            [
                SearchDocumentTerm(document_id=row.pk, language=document.language, facet=facet, slug=slug)
                for row, document in zip(rows, documents, strict=True)
                for facet, slugs in document.terms.items()
                for slug in slugs
            ]
        )
        if _postgres():
            for language, config in PG_CONFIGS.items():
                SearchDocument.objects.filter(pk__in=[r.pk for r in rows], language=language).update(
                    search_vector=SearchVector("title", weight="A", config=config)
                    + SearchVector("summary", weight="B", config=config)
                    + SearchVector("text", weight="C", config=config)
                )

    # Searching -------------------------------------------------------------------------

    def _matching_text(self, query):
        """Documents in the query's language that match its words, with a relevance score."""
        docs = SearchDocument.objects.filter(language=query.language)
        if query.kinds:
            docs = docs.filter(kind__in=query.kinds)
        period = query.period_condition()
        if period:
            field, lookup = period
            docs = docs.filter(**{f"{field}__{lookup}": query.moment()})
        if not words(query.text):
            return docs.annotate(score=Value(0, output_field=IntegerField()))
        if _postgres():
            config = PG_CONFIGS.get(query.language, "simple")
            pg_query = PgQuery(query.text, config=config, search_type="websearch")
            return docs.filter(search_vector=pg_query).annotate(score=SearchRank(F("search_vector"), pg_query))
        query_stems = stems(query.text, query.language)
        for stem in query_stems:
            docs = docs.filter(stems__contains=f" {stem} ")
        title_hits = [When(title_sort__contains=word, then=Value(1)) for word in words(query.text)]
        score = sum((Case(hit, default=Value(0), output_field=IntegerField()) for hit in title_hits), Value(0))
        return docs.annotate(score=score)

    @staticmethod
    def _flag(language, key, slugs):
        """SQL (and its parameters) that is 1 for a document with one of ``slugs`` for facet
        ``key``, else 0; an IN over the covering term index. Plain SQL rather than ORM
        expressions: building those cost more than running the test."""
        marks = ", ".join(["%s"] * len(slugs))
        if key == KIND_FACET:
            return f"CASE WHEN kind IN ({marks}) THEN 1 ELSE 0 END", list(slugs)
        table = SearchDocumentTerm._meta.db_table
        terms = f"SELECT document_id FROM {table} WHERE language = %s AND facet = %s AND slug IN ({marks})"
        return f"CASE WHEN id IN ({terms}) THEN 1 ELSE 0 END", [language, key, *slugs]

    def search(self, query, facet_keys):
        matching = self._matching_text(query)
        flags = {key: self._flag(query.language, key, slugs) for key, slugs in query.filters.items() if slugs}
        return self._search_statement(query, matching, flags, facet_keys)

    def _search_statement(self, query, matching, flags, facet_keys):
        """The whole search in one statement: total, every disjunctive facet count, the ordered
        page of results and those results' terms.

        Each matching document gets a 0/1 flag per active facet (``flags``: its SQL) and
        carries the columns it is sorted by. Documents missing two or more flags can count
        nowhere and are dropped; the others are marked with the flag they miss (-1: none). A
        document missing none is a result: it counts for the total and for every option; one
        missing only facet F's flag still counts for F's options (options within a facet
        combine with OR, so F's own selection must not narrow F's counts). The page is the
        results' slice in the requested order. One statement whatever the number of active
        facets, options or results; its rows say what they hold in their first column.
        """
        term_table = SearchDocumentTerm._meta.db_table
        names = [f"f{i}" for i in range(len(flags))]
        sort_columns = ["page_id", "title_sort", "published_at", "start", "score"]
        carried = ", ".join(["id", "kind", *sort_columns])
        matching_sql, params = matching.values_list("pk", "kind", *sort_columns).query.sql_with_params()
        params = list(params)
        flag_columns = "".join(f", {sql} AS {name}" for name, (sql, _) in zip(names, flags.values(), strict=True))
        for _, flag_params in flags.values():
            params += flag_params
        missing = "CASE " + " ".join(f"WHEN {name} = 0 THEN {i}" for i, name in enumerate(names)) + " ELSE -1 END"
        keep = f"WHERE {' + '.join(names)} >= {len(names) - 1}" if names else ""
        order = _order_by(query)

        # Candidates and the shown page are materialised once; then one count arm per facet
        # (one for all facets without a selection), over the candidates it may use.
        sql = (
            f"WITH matching ({carried}) AS NOT MATERIALIZED ({matching_sql}),"
            f" flagged AS MATERIALIZED (SELECT {carried}{flag_columns} FROM matching),"
            f" candidates AS MATERIALIZED (SELECT {carried}, {missing if names else '-1'} AS missing"
            f" FROM flagged {keep}),"
            f" shown AS MATERIALIZED (SELECT id, page_id, ROW_NUMBER() OVER (ORDER BY {order}) AS position"
            f" FROM candidates WHERE missing = -1 ORDER BY {order} LIMIT %s OFFSET %s)"
            f" SELECT 'count', '{KIND_FACET}', kind, missing, COUNT(*) FROM candidates GROUP BY kind, missing"
            " UNION ALL SELECT 'page', NULL, NULL, position, page_id FROM shown"
            " UNION ALL SELECT 'term', facet, slug, NULL, page_id"
            f" FROM {term_table} JOIN shown ON document_id = shown.id"
        )
        params += [query.per_page, (query.page - 1) * query.per_page]
        plain = [key for key in facet_keys if key != KIND_FACET and key not in flags]
        arms = [(-1, plain)] if plain else []
        arms += [(i, [key]) for i, key in enumerate(flags) if key != KIND_FACET and key in facet_keys]
        for missing_flag, keys in arms:
            arm_sql, arm_params = _count_arm(query.language, missing_flag, keys)
            sql += arm_sql
            params += arm_params
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()

        position = {key: i for i, key in enumerate(flags)}
        total = 0
        counts = {key: {} for key in facet_keys}
        shown = []
        terms_by_page = {}
        for what, facet, slug, number, value in rows:
            if what == "page":
                shown.append((number, value))
            elif what == "term":
                terms_by_page.setdefault(value, {}).setdefault(facet, []).append(slug)
            else:
                if number == -1 and facet == KIND_FACET:
                    total += value
                if number in (-1, position.get(facet)) and facet in counts:
                    counts[facet][slug] = counts[facet].get(slug, 0) + value
        page_ids = [page_id for _, page_id in sorted(shown)]
        terms_by_page = {page_id: terms_by_page.get(page_id, {}) for page_id in page_ids}
        return RawResults(total, page_ids, counts, terms_by_page)


def _count_arm(language, missing, keys):
    """Counts per option of the facets ``keys`` over the candidates missing no flag or flag
    ``missing``: one UNION ALL arm of the search statement.

    The two forms were measured on 10,000 pages (benchmarks/search_benchmark.py). PostgreSQL
    is fastest starting from the candidates and reading their terms from the unique
    (document, facet, slug) index, without touching the table. SQLite is fastest scanning the
    facet's terms of the language in the covering filter index and testing each document's
    membership of the candidates; starting from the candidates costs it twice as much on a
    search without filters.
    """
    table = SearchDocumentTerm._meta.db_table
    marks = ", ".join(["%s"] * len(keys))
    if _postgres():
        sql = (
            " UNION ALL SELECT 'count', term.facet, term.slug, {missing}, COUNT(*)"
            " FROM candidates JOIN {table} AS term ON term.document_id = candidates.id"
            " WHERE term.facet IN ({marks}) AND candidates.missing IN (-1, {missing})"
            " GROUP BY term.facet, term.slug"
        )
        return sql.format(missing=missing, table=table, marks=marks), list(keys)
    sql = (
        " UNION ALL SELECT 'count', facet, slug, {missing}, COUNT(*) FROM {table}"
        " WHERE language = %s AND facet IN ({marks})"
        " AND document_id IN (SELECT id FROM candidates WHERE missing IN (-1, {missing}))"
        " GROUP BY facet, slug"
    )
    return sql.format(missing=missing, table=table, marks=marks), [language, *keys]


def _order_by(query):
    """The ORDER BY of the requested sort, over the columns the search statement carries."""
    if query.sort == "title":
        return "title_sort, page_id"
    if query.sort == "date" and query.period == PAST:
        return "start DESC NULLS LAST, title_sort, page_id"
    if query.sort == "date":
        return "start ASC NULLS LAST, title_sort, page_id"
    if query.sort == "relevance" and words(query.text):
        return "score DESC, published_at DESC NULLS LAST, page_id"
    return "published_at DESC NULLS LAST, title_sort, page_id"
