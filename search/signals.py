"""Publishing, unpublishing, deleting and moving pages update the search index; saving a term
refreshes the list of valid filter values."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from taxonomy.models import Term

from . import documents, indexing
from .terms import KNOWN_SLUGS_CACHE_KEY, VOCABULARY_OPTIONS_CACHE_KEY


@receiver(page_published)
def on_publish(sender, instance, **kwargs):
    if documents.is_indexed(instance):
        indexing.index_page(instance)


@receiver(page_unpublished)
def on_unpublish(sender, instance, **kwargs):
    if documents.is_indexed(instance):
        indexing.remove_page(instance.pk)


@receiver(post_page_move)
def on_move(sender, instance, **kwargs):
    indexing.index_tree(instance)


def on_delete(sender, instance, **kwargs):
    indexing.remove_page(instance.pk)


def on_term_change(sender, **kwargs):
    cache.delete_many(
        [KNOWN_SLUGS_CACHE_KEY] + [VOCABULARY_OPTIONS_CACHE_KEY.format(language=code) for code, _ in settings.LANGUAGES]
    )


def connect_model_signals():
    for model in documents.indexed_models():
        post_delete.connect(on_delete, sender=model, dispatch_uid=f"search-delete-{model._meta.label}")
    for model in Term.__subclasses__():
        post_save.connect(on_term_change, sender=model, dispatch_uid=f"search-term-save-{model._meta.label}")
        post_delete.connect(on_term_change, sender=model, dispatch_uid=f"search-term-delete-{model._meta.label}")


connect_model_signals()
