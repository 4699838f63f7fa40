"""What the toolbox's methods make searchable: declared here once, read by search (see
search.registry)."""

from django.utils.translation import gettext_lazy as _

from search.registry import DocumentFields, Kind, VocabularyFacet, register

DOCUMENT = DocumentFields(
    summary="intro",
    text=("intro", "aim", "people", "time_needed", "budget", "materials", "steps", "tips", "pitfalls"),
)

METHOD = register(
    Kind(
        key="method",
        label=_("Werkvorm"),
        model="methods.MethodPage",
        document=DOCUMENT,
        facets=tuple(VocabularyFacet(key) for key in ("target_group", "connection", "focus")),
        shown=("connection", "target_group", "focus"),
        shared=("connection", "target_group", "focus"),
        card_template="methods/search_result.html",
    )
)
