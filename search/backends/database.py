"""Search with the database: PostgreSQL full text (Dutch/French configurations, accents
folded), or stemmed-word matching on other databases (SQLite). Facet counts are GROUP BY
queries on the index tables: a fixed number of queries, whatever the amount of content."""

from django.contrib.postgres.search import SearchQuery as PgQuery
from django.contrib.postgres.search import SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When

from ..models import SearchDocument, SearchDocumentTerm
from ..text import fold, stems, words
from .base import RawResults, SearchBackend

# Text-search configurations created by migration search.0002 (dutch/french + unaccent).
PG_CONFIGS = {"nl": "zb_dutch", "fr": "zb_french"}


def _postgres():
    return connection.vendor == "postgresql"


class DatabaseBackend(SearchBackend):
    name = "database"

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
        self.analyze()

    @staticmethod
    def analyze():
        """Fresh planner statistics after bulk changes; without them PostgreSQL may pick nested
        loops over thousands of rows and take minutes for what takes milliseconds."""
        if _postgres():
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {SearchDocument._meta.db_table}, {SearchDocumentTerm._meta.db_table}")

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
        if query.period == "upcoming":
            docs = docs.filter(end__gte=query.moment())
        elif query.period == "past":
            docs = docs.filter(end__lt=query.moment())
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
    def _condition(language, key, slugs):
        """Documents having one of ``slugs`` for facet ``key`` (an IN over the covering term index)."""
        if key == "type":
            return Q(kind__in=slugs)
        terms = SearchDocumentTerm.objects.filter(language=language, facet=key, slug__in=slugs)
        return Q(pk__in=terms.values("document_id"))

    def search(self, query, facet_keys):
        matching = self._matching_text(query)
        conditions = {key: self._condition(query.language, key, slugs) for key, slugs in query.filters.items() if slugs}
        results = matching.filter(*conditions.values())

        total = results.count()
        start = (query.page - 1) * query.per_page
        ordered = results.order_by(*_ordering(query)).values_list("page_id", flat=True)
        page_ids = list(ordered[start : start + query.per_page]) if total > start else []

        # Disjunctive counts. A facet without a selection is counted on the fully filtered set,
        # all such facets in one grouped query; a facet with a selection is counted on the set
        # filtered by every *other* facet. The number of queries depends on the number of active
        # facets only, never on the number of options or results.
        counts = {key: {} for key in facet_keys}
        plain = [key for key in facet_keys if key not in conditions and key != "type"]
        if plain:
            rows = (
                SearchDocumentTerm.objects.filter(
                    language=query.language, facet__in=plain, document_id__in=results.values("pk")
                )
                .values_list("facet", "slug")
                .annotate(n=Count("id"))
                .order_by()
            )
            for facet, slug, n in rows:
                counts[facet][slug] = n
        for key in facet_keys:
            if key != "type" and key not in conditions:
                continue
            others = matching.filter(*[c for k, c in conditions.items() if k != key])
            if key == "type":
                rows = others.values_list("kind").annotate(n=Count("pk")).order_by()
            else:
                rows = (
                    SearchDocumentTerm.objects.filter(
                        language=query.language, facet=key, document_id__in=others.values("pk")
                    )
                    .values_list("slug")
                    .annotate(n=Count("id"))
                    .order_by()
                )
            counts[key] = dict(rows)

        terms_by_page = {page_id: {} for page_id in page_ids}
        for page_id, facet, slug in SearchDocumentTerm.objects.filter(document__page_id__in=page_ids).values_list(
            "document__page_id", "facet", "slug"
        ):
            terms_by_page[page_id].setdefault(facet, []).append(slug)
        return RawResults(total, page_ids, counts, terms_by_page)


def _ordering(query):
    if query.sort == "title":
        return ["title_sort", "page_id"]
    if query.sort == "date" and query.period == "past":
        return [F("start").desc(nulls_last=True), "title_sort", "page_id"]
    if query.sort == "date":
        return [F("start").asc(nulls_last=True), "title_sort", "page_id"]
    if query.sort == "relevance" and words(query.text):
        return ["-score", F("published_at").desc(nulls_last=True), "page_id"]
    return [F("published_at").desc(nulls_last=True), "title_sort", "page_id"]
