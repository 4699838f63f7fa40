"""Admin listings of projects, methods and events: filters by vocabulary, region and translation."""

import re

import pytest
from django.urls import reverse

from events.models import EventPage
from methods.models import MethodPage
from projects.models import ProjectPage
from taxonomy.models import Region, TargetGroup


def listed_pks(response):
    assert response.status_code == 200
    return {int(pk) for pk in re.findall(r'href="/admin/pages/(\d+)/edit/"', response.content.decode())}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name,model",
    [("projectenlijst", ProjectPage), ("werkvormenlijst", MethodPage), ("activiteitenlijst", EventPage)],
)
def test_each_listing_shows_its_pages_in_both_languages(client, eindredactie, url_name, model, dutch, french):
    client.force_login(eindredactie)
    response = client.get(reverse(f"{url_name}:index"), {"locale": "nl"})
    dutch_pks = set(model.objects.filter(locale=dutch).values_list("pk", flat=True)[:40])
    assert listed_pks(response) & dutch_pks
    french_page = model.objects.filter(locale=french).first()
    assert french_page.pk in listed_pks(client.get(reverse(f"{url_name}:index"), {"locale": "fr"}))


@pytest.mark.django_db
def test_filter_by_vocabulary_and_region(client, eindredactie, dutch):
    client.force_login(eindredactie)
    term = TargetGroup.objects.filter(locale=dutch).order_by("sort_order").first()
    with_term = set(ProjectPage.objects.filter(locale=dutch, target_groups=term).values_list("pk", flat=True))
    assert with_term and len(with_term) < ProjectPage.objects.filter(locale=dutch).count()
    shown = listed_pks(client.get(reverse("projectenlijst:index"), {"locale": "nl", "target_group": term.pk}))
    assert shown == with_term

    region = Region.objects.get(locale=dutch, slug="limburg")
    in_region = set(ProjectPage.objects.filter(locale=dutch, region=region).values_list("pk", flat=True))
    shown = listed_pks(client.get(reverse("projectenlijst:index"), {"locale": "nl", "region": region.pk}))
    assert shown == in_region and in_region


@pytest.mark.django_db
def test_filter_by_translation_status(client, eindredactie, dutch, french):
    client.force_login(eindredactie)
    stale, missing = ProjectPage.objects.filter(locale=dutch).live().order_by("path")[:2]
    stale.intro = "Veranderd, de vertaling nog niet."
    stale.save_revision().publish()
    missing.get_translation(french).delete()

    index = reverse("projectenlijst:index")
    assert listed_pks(client.get(index, {"translation_status": "stale"})) == {stale.pk}
    assert listed_pks(client.get(index, {"translation_status": "missing"})) == {missing.pk}
    current = listed_pks(client.get(index, {"translation_status": "current", "locale": "nl"}))
    assert stale.pk not in current and missing.pk not in current and current


@pytest.mark.django_db
def test_the_listing_speaks_the_editors_language(client, redacteur, dutch, french):
    """Dutch by default; a French-speaking editor sees the admin and the term names in French."""
    client.force_login(redacteur)
    response = client.get(reverse("projectenlijst:index"))
    assert '<html lang="nl"' in response.content.decode()
    term = TargetGroup.objects.filter(locale=dutch).first()
    assert term.name in response.content.decode()

    profile = redacteur.wagtail_userprofile
    profile.preferred_language = "fr"
    profile.save()
    html = client.get(reverse("projectenlijst:index")).content.decode()
    assert '<html lang="fr"' in html
    french_name = term.get_translation(french).name
    assert french_name != term.name
    assert french_name in html
