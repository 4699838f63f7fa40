from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site in production: page cache, security headers, health check, logs."""

    name = "operations"
    verbose_name = "Operations"

    def ready(self):
        from . import client_address, signals

        client_address.trusted_networks()  # a wrong DJANGO_TRUSTED_PROXIES stops the site at start-up
        signals.connect()
