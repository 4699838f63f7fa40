"""PostgreSQL only: accent-insensitive Dutch and French text search, and a GIN index.

``zb_dutch`` / ``zb_french`` copy the built-in configurations and run every word through
``unaccent`` before the stemmer, so 'cafe' finds 'café'. Creating the extension needs a role
that may do so (a superuser, or the database owner on PostgreSQL 13+ for trusted extensions).
Other databases skip this migration; the database backend then matches stemmed words instead.
"""

from django.db import migrations

CONFIGURATIONS = {"zb_dutch": ("dutch", "dutch_stem"), "zb_french": ("french", "french_stem")}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (parent, stemmer) in CONFIGURATIONS.items():
        schema_editor.execute(
            f"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
                CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {parent});
                ALTER TEXT SEARCH CONFIGURATION {name}
                  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer};
              END IF;
            END $$;
            """
        )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_document_vector_gin ON search_searchdocument USING GIN (search_vector)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_document_vector_gin")
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
