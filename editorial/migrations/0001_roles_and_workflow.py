"""The Redacteur, Eindredactie and Vertaler groups, their permissions and the review workflow."""

from django.db import migrations


def create_roles_and_workflow(apps, schema_editor):
    from editorial.moderation import provision

    provision(apps, schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("taxonomy", "0001_initial"),
        ("events", "0003_registrations_and_status"),
        ("home", "0002_site_root"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
