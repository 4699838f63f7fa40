"""Belgian postcodes: the one rule for a valid postcode, and the region it lies in."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# A Belgian postcode is four digits from 1000 to 9999 (ASCII digits: ``\d`` also matches
# other scripts' digits). Used by the project model and the public submission form.
validate_postcode = RegexValidator(
    r"^[1-9][0-9]{3}$", _("Een Belgische postcode heeft vier cijfers, bijvoorbeeld 3000.")
)

# Ranges of the Belgian postal code system (bpost). Wallonia has no region slug on this site.
_RANGES = [
    (1000, 1299, "brussel"),
    (1500, 1999, "vlaams-brabant"),
    (2000, 2999, "antwerpen"),
    (3000, 3499, "vlaams-brabant"),
    (3500, 3999, "limburg"),
    (8000, 8999, "west-vlaanderen"),
    (9000, 9999, "oost-vlaanderen"),
]


def region_slug_for_postcode(postcode):
    try:
        number = int(str(postcode).strip())
    except ValueError:
        return None
    for low, high, slug in _RANGES:
        if low <= number <= high:
            return slug
    return None
