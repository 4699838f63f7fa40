from django.apps import AppConfig


class CommonConfig(AppConfig):
    """Pieces every content app uses: StreamField blocks, language alternates, pagination."""

    name = "common"

    def ready(self):
        from . import images  # noqa: F401  (renditions made on image save)
