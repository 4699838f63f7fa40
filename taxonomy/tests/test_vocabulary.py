import pytest

from taxonomy.postcodes import region_slug_for_postcode
from taxonomy.vocabularies import VOCABULARIES

EXPECTED_SLUGS = {
    "objective": {"verbinden-met-zorg", "verbinden-met-elkaar"},
    "target_group": {
        "ouderen",
        "kwetsbare-situatie",
        "handicap",
        "kinderen-jongeren",
        "ouderen-migratieachtergrond",
        "type-buurt",
    },
    "connection": {"plek", "figuur", "activiteit"},
    "driving_force": {"persoon-omgeving", "beleidsmakers", "eerstelijnsprofessionals", "lokale-organisaties"},
    "focus": {"welbevinden-zorg", "sociale-cohesie", "leefbaarheid"},
    "crucial_element": {"thuis", "plaatsgebonden", "krachtgerichtheid", "allianties-netwerken"},
    "region": {"antwerpen", "limburg", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen", "brussel"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.key)
def test_every_term_exists_in_both_languages_with_the_same_slug(vocabulary, dutch, french):
    dutch_terms = {t.slug: t for t in vocabulary.model.objects.filter(locale=dutch)}
    french_terms = {t.slug: t for t in vocabulary.model.objects.filter(locale=french)}
    assert set(dutch_terms) == set(french_terms) == EXPECTED_SLUGS[vocabulary.key]
    for slug, term in dutch_terms.items():
        assert french_terms[slug].translation_key == term.translation_key
        assert french_terms[slug].name and french_terms[slug].description


@pytest.mark.parametrize(
    "postcode,slug",
    [
        ("1000", "brussel"),
        ("1210", "brussel"),
        ("1500", "vlaams-brabant"),
        ("3001", "vlaams-brabant"),
        ("2800", "antwerpen"),
        ("3582", "limburg"),
        ("8800", "west-vlaanderen"),
        ("9900", "oost-vlaanderen"),
        ("4000", None),
        ("abcd", None),
        ("", None),
    ],
)
def test_region_follows_from_postcode(postcode, slug):
    assert region_slug_for_postcode(postcode) == slug


@pytest.mark.django_db
def test_vocabulary_admin_lists_terms_per_locale(admin_client):
    response = admin_client.get("/admin/snippets/taxonomy/targetgroup/?locale=fr")
    assert response.status_code == 200
    assert "Personnes âgées" in response.content.decode()
