"""The report's Part 8 tables as printed ("row: fiche numbers"), typed in from the report.

Tests use this as an oracle independent of the demo loader's own data file.
"""

REPORT_TABLES = {
    "objective": {
        "verbinden-met-zorg": "2 3 5 6 7 10 12 13 14 16 17 20 21 22 23 24 28 30 33 35",
        "verbinden-met-elkaar": "1 4 8 9 11 13 15 18 19 25 26 27 29 32",
    },
    "target_group": {
        "ouderen": "3 5 11 12",
        "kwetsbare-situatie": "8 30",
        "handicap": "16 24",
        "kinderen-jongeren": "4 12",
        "ouderen-migratieachtergrond": "6 7",
        "type-buurt": "1 9 10 17 18 19 21 22 23 25 26 27 28 29 33",
    },
    "connection": {
        "plek": "5 10 11 13 14 18 25 27 28 29 31",
        "figuur": "10 15 23 26 33 35",
        "activiteit": "4 6 9 12 13 19 25 30 32",
    },
    "driving_force": {
        "persoon-omgeving": "2 4 6 8 9 10 11 15 17 19 23 26 27 29 32 33",
        "beleidsmakers": "21 22 34",
        "eerstelijnsprofessionals": "2 3 5 8 10 15 19 23 26 35",
        "lokale-organisaties": "3 4 8 10 15 17 18 21 23 26 30 32 34",
    },
    "focus": {
        "welbevinden-zorg": "1 3 4 5 7 8 9 15 16 17 22 23 24 25 29 31 32 34 35",
        "sociale-cohesie": "1 2 3 4 6 7 8 9 10 13 15 16 17 18 19 21 22 24 25 26 27 29 31 32 33 34",
        "leefbaarheid": "3 17 22 31",
    },
    "crucial_element": {
        "thuis": "1 2 6 8 10 15 17 18 19 22 23 24 25 26 28 30 31 32 33 35",
        "plaatsgebonden": "1 4 6 7 8 11 15 17 18 22 28 30 31 32 34",
        "krachtgerichtheid": "1 2 4 6 8 9 10 11 13 15 17 22 23 24 26 27 29 31 35",
        "allianties-netwerken": "1 2 4 7 8 9 10 13 15 17 18 21 22 23 26 30 31 34 35",
    },
}


def fiches(key, row):
    return {int(n) for n in REPORT_TABLES[key][row].split()}


def matching(filters):
    """Fiche numbers matching {facet: [rows]}: OR within a facet, AND across facets."""
    result = set(range(1, 36))
    for key, rows in filters.items():
        result &= set().union(*(fiches(key, row) for row in rows))
    return result


def disjunctive_counts(filters, key):
    """{row: count} for one facet, given every other facet's filters (what a facet shows)."""
    others = {k: v for k, v in filters.items() if k != key}
    base = matching(others)
    return {row: len(base & fiches(key, row)) for row in REPORT_TABLES[key]}
