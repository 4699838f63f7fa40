"""What projects make searchable: declared here once, read by search (see search.registry)."""

from django.utils.translation import gettext_lazy as _

from search.registry import DocumentFields, Kind, VocabularyFacet, register

DOCUMENT = DocumentFields(
    summary="intro",
    text=("intro", "body", "initiator", "municipality", "partners"),
    filters=("postcode",),
)

CLASSIFICATION = ("target_group", "connection", "focus", "objective", "region", "driving_force", "crucial_element")

PROJECT = register(
    Kind(
        key="project",
        label=_("Project"),
        model="projects.ProjectPage",
        document=DOCUMENT,
        facets=tuple(VocabularyFacet(key) for key in CLASSIFICATION),
        shown=CLASSIFICATION,
        shared=("target_group", "connection", "focus", "objective", "region"),
        card_template="projects/search_result.html",
    )
)
