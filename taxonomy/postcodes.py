"""Belgian postcodes to region slugs, so a region follows from where a project runs."""

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
