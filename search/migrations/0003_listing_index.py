"""One index holding what every search reads of every document in a language (see
SearchDocument.Meta), replacing the single-column ones it makes redundant.

PostgreSQL only: the index tables are vacuumed after 2% of their rows change instead of 20%, so
the visibility map stays current and searches keep reading the covering indexes alone
(index-only scans) between rebuilds.
"""

from django.conf import settings
from django.db import migrations, models

TABLES = ("search_searchdocument", "search_searchdocumentterm")


def vacuum_sooner(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"ALTER TABLE {table} SET (autovacuum_vacuum_scale_factor = 0.02,"
            " autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02)"
        )


def vacuum_as_before(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(
            f"ALTER TABLE {table} RESET (autovacuum_vacuum_scale_factor,"
            " autovacuum_vacuum_insert_scale_factor, autovacuum_analyze_scale_factor)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgres_full_text"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(model_name="searchdocument", name="search_sear_languag_888e64_idx"),
        migrations.AlterField(model_name="searchdocument", name="kind", field=models.CharField(max_length=16)),
        migrations.AlterField(model_name="searchdocument", name="language", field=models.CharField(max_length=8)),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(
                fields=["language", "kind", "id", "page_id", "title_sort", "published_at", "start", "end"],
                name="search_document_listing",
            ),
        ),
        migrations.RunPython(vacuum_sooner, vacuum_as_before),
    ]
