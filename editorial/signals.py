"""Keep roles and the workflow in place when the database changes under them.

- after every ``migrate`` (and the flush of a test database), the roles are ensured again;
- when a language root is created (wagtail-localize makes the French home page from the Dutch
  one), that language's page permissions are granted on it at once.
"""

from django.db.models.signals import post_migrate, post_save
from wagtail.models import Page

from .moderation import provision


def reapply_after_migrate(sender, using, **kwargs):
    provision(using=using)


def grant_on_new_language_root(sender, instance, created, raw=False, using=None, **kwargs):
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        provision(using=using)


def connect(app_config):
    post_migrate.connect(reapply_after_migrate, sender=app_config, dispatch_uid="editorial.reapply_after_migrate")
    post_save.connect(grant_on_new_language_root, dispatch_uid="editorial.grant_on_new_language_root")
