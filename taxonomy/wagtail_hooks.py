from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .vocabularies import VOCABULARIES


def _viewset_for(vocabulary):
    return type(
        f"{vocabulary.model.__name__}ViewSet",
        (SnippetViewSet,),
        {
            "model": vocabulary.model,
            "icon": "tag",
            "list_display": ["name", "slug", "sort_order"],
            "search_fields": ["name", "slug"],
            "ordering": ["sort_order", "name"],
        },
    )


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Woordenlijst")
    menu_icon = "tag"
    menu_order = 300
    items = [_viewset_for(vocabulary) for vocabulary in VOCABULARIES]


register_snippet(VocabularyGroup)
