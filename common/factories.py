"""What every page factory shares: pages are published (so search indexes them and they have a
revision, as an editor's page would) and get their French translation the way Wagtail makes one.

Test-only: imports factory_boy and wagtail-factories, which only the dev requirements install.
"""

import factory
import wagtail_factories
from wagtail.models import Locale


def locale(code):
    return Locale.objects.get(language_code=code)


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page under ``parent`` (required), in its parent's language; published, or a draft with
    ``publish=False``."""

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    locale = factory.LazyAttribute(lambda page: page.parent.locale)
    publish = factory.PostGeneration(lambda page, create, extracted, **kwargs: extracted)

    class Meta:
        abstract = True
        skip_postgeneration_save = True  # the hooks save what they change; publishing saves the rest

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        """Publish after every post-generation hook (terms first), as an editor would."""
        super()._after_postgeneration(instance, create, results)
        if not create:
            return
        if (results or {}).get("publish") is False:  # a draft: never published, one revision
            instance.live, instance.has_unpublished_changes = False, True
            instance.save()
            instance.save_revision()
        else:
            instance.save_revision().publish()
        instance.refresh_from_db()  # publishing updated another copy of the row (live revision, dates)


def translate(page, language="fr", publish=True, **fields):
    """The page's translation into ``language`` (its parent must be translated already), with
    ``fields`` changed, published like a translator's page."""
    translated = page.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    if publish:
        translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def many(field):
    """A post-generation hook that sets a many-to-many field from a list: ``terms=[a, b]``."""

    def set_values(page, create, extracted, **kwargs):
        if extracted:
            getattr(page, field).set(extracted)
            if create:
                page.save()

    return factory.PostGeneration(set_values)


class PictureFactory(wagtail_factories.ImageFactory):
    """A JPEG large enough for every rendition the site makes (the share picture is 1200 wide)."""

    title = factory.Sequence(lambda n: f"Afbeelding {n}")
    file = factory.django.ImageField(width=1600, height=1000, color="teal", format="JPEG")
