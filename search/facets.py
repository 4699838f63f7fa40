"""Which facets exist, how they are labelled, and which ones a page of results shows.

A facet's ``key`` is its URL parameter and API key. Vocabulary facets come from the shared
taxonomy; ``type``, ``attendance`` and ``month`` are the search app's own.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext_lazy as _

from taxonomy.vocabularies import VOCABULARIES

KINDS = {"project": _("Project"), "method": _("Werkvorm"), "event": _("Activiteit")}
ATTENDANCE = {"on-site": _("Ter plaatse"), "online": _("Online")}


@dataclass(frozen=True)
class FacetDefinition:
    key: str
    label: object
    vocabulary: object = None


FACETS = {
    "type": FacetDefinition("type", _("Soort")),
    **{v.key: FacetDefinition(v.key, v.label, v) for v in VOCABULARIES},
    "attendance": FacetDefinition("attendance", _("Deelnemen")),
    "month": FacetDefinition("month", _("Maand")),
}

# The facets shown for each context: everything, or one content type.
SHOWN = {
    None: ["type", "target_group", "connection", "focus", "objective", "region"],
    "project": ["target_group", "connection", "focus", "objective", "region", "driving_force", "crucial_element"],
    "method": ["connection", "target_group", "focus"],
    "event": ["region", "target_group", "focus", "attendance", "month"],
}


def shown_facets(kinds, filters):
    """Facets for results of these kinds, plus any facet that has an active filter."""
    context = next(iter(kinds)) if len(kinds) == 1 else None
    keys = list(SHOWN[context])
    keys += [key for key, values in filters.items() if values and key not in keys]
    return keys


def month_label(slug, language):
    year, month = (int(part) for part in slug.split("-"))
    with translation.override(language):
        return date_format(date(year, month, 1), "F Y")
