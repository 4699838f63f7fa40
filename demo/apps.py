from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content from the report: a repeatable loader, no models of its own."""

    name = "demo"
