from django.apps import AppConfig


class SeoConfig(AppConfig):
    """Findability: a bilingual sitemap, robots.txt, Open Graph / Twitter meta, organisation JSON-LD."""

    name = "seo"
    default_auto_field = "django.db.models.BigAutoField"
