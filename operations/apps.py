from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site in production: page cache, security headers, health check, logs."""

    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from . import signals

        signals.connect()
