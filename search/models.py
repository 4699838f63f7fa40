"""The database search index: one row per live page, plus its facet values.

Kept beside the pages rather than computed from them so that a search, facet counts included,
is one statement whatever the number of pages, and so the Elasticsearch backend can fall back to
it at any time. Rows follow publishing through ``search.signals``.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from wagtail.models import Page


class SearchDocument(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=16)
    title = models.CharField(max_length=255)
    title_sort = models.CharField(max_length=255, db_index=True)
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True, help_text="Everything searchable, accents folded, lower case.")
    stems = models.TextField(blank=True, help_text="Stemmed words between spaces, for backends without full text.")
    search_vector = SearchVectorField(null=True, editable=False)
    published_at = models.DateTimeField(null=True, db_index=True)
    start = models.DateTimeField(null=True, db_index=True)
    end = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            # Every search reads these columns of all documents in one language: kept together in
            # one index, they are read without touching the wide rows (text, stems, vector).
            models.Index(
                fields=["language", "kind", "id", "page_id", "title_sort", "published_at", "start", "end"],
                name="search_document_listing",
            )
        ]

    def __str__(self):
        return f"{self.language}:{self.kind}:{self.title}"


class SearchDocumentTerm(models.Model):
    """One facet value of a document (e.g. target_group=ouderen); slugs are language-independent."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    language = models.CharField(max_length=8, help_text="The document's, so filters scan one language.")
    facet = models.CharField(max_length=32)
    slug = models.CharField(max_length=80)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "facet", "slug"], name="search_term_unique")]
        indexes = [models.Index(fields=["language", "facet", "slug", "document"], name="search_term_filter")]

    def __str__(self):
        return f"{self.facet}={self.slug}"
