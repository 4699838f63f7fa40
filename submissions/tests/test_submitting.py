"""Submitting a project: the form in both languages, a successful submission, every validation error."""

import html

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, WorkflowState

from editorial.moderation import TASK_NAME
from projects.models import ProjectPage
from taxonomy.models import Region, TargetGroup


def submit_url(language="nl"):
    with translation.override(language):
        return reverse("submissions:submit")


def drafts():
    return ProjectPage.objects.filter(initiator="Buurtwerk Kessel-Lo vzw")


@pytest.mark.django_db
def test_the_form_in_dutch_and_in_french(client, dutch, french):
    dutch_html = client.get(submit_url("nl")).content.decode()
    assert "Meld je project aan" in dutch_html and 'lang="nl"' in dutch_html
    assert submit_url("nl").startswith("/nl/")

    french_response = client.get(submit_url("fr"))
    assert french_response.status_code == 200
    assert submit_url("fr").startswith("/fr/")
    french_html = html.unescape(french_response.content.decode())
    assert 'lang="fr"' in french_html
    # The checkboxes are the Dutch term rows, labelled with the French names.
    term = TargetGroup.objects.filter(locale=dutch).order_by("sort_order").first()
    assert f'value="{term.pk}"' in french_html
    assert term.get_translation(french).name in french_html
    assert term.name not in french_html or term.name == term.get_translation(french).name


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_translated_form_address_never_hides_a_page(client, language):
    """The path segment comes from the catalogue; a careless translation must not shadow a page."""
    address = submit_url(language)
    assert address.endswith("/")
    pages = Page.objects.live().filter(locale__language_code=language)
    assert address not in {page.url for page in pages}
    assert "Meld je project aan" in client.get(address).content.decode() or language == "fr"


@pytest.mark.django_db
def test_a_submission_becomes_a_draft_in_review_and_eindredactie_hears_of_it(
    client, valid_data, terms, eindredactie, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(), valid_data)
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:thanks")
    assert "Bedankt" in client.get(response["Location"]).content.decode()

    page = drafts().get()
    assert page.title == "Buurtsoep Kessel-Lo"
    assert page.slug == "buurtsoep-kessel-lo"
    assert page.locale.language_code == "nl"
    assert page.get_parent().specific_class.__name__ == "ProjectIndexPage"
    assert (page.municipality, page.postcode, page.contact_email) == ("Leuven", "3010", "buurtsoep@example.org")
    assert page.region == Region.objects.get(locale=page.locale, slug="vlaams-brabant")
    # The description once: the first paragraph is the intro, the body holds the rest.
    assert page.intro == "Elke woensdag koken buren samen soep in het buurthuis."
    assert [block.block_type for block in page.body] == ["paragraph"]
    assert "Elke woensdag" not in str(page.body)
    assert set(page.target_groups.all()) == set(terms["target_groups"])
    assert list(page.connection_methods.all()) == terms["connection_methods"]
    assert list(page.focus.all()) == terms["focus"]
    assert page.image is None

    # A draft in the moderation workflow, waiting for Eindredactie.
    assert not page.live and page.live_revision is None and page.first_published_at is None
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_task.name == TASK_NAME
    notified = [message for message in mail.outbox if eindredactie.email in message.to]
    assert len(notified) == 1 and "Buurtsoep Kessel-Lo" in notified[0].subject + notified[0].body


@pytest.mark.django_db
def test_two_submissions_with_the_same_name_get_their_own_page(client, valid_data):
    assert client.post(submit_url(), valid_data).status_code == 302
    assert client.post(submit_url("fr"), valid_data).status_code == 302
    assert sorted(drafts().values_list("slug", flat=True)) == ["buurtsoep-kessel-lo", "buurtsoep-kessel-lo-2"]


@pytest.mark.django_db
def test_text_is_stored_as_text_never_as_markup(client, valid_data):
    valid_data["description"] += " <script>alert('x')</script>"  # in the last paragraph: the body
    assert client.post(submit_url(), valid_data).status_code == 302
    body = drafts().get().body
    assert "<script>" not in str(body) and "&lt;script&gt;" in str(body)


LONG = "x" * 5000

INVALID = {
    "missing name": ({"name": ""}, "name"),
    "missing organisation": ({"organisation": ""}, "organisation"),
    "missing municipality": ({"municipality": ""}, "municipality"),
    "missing postcode": ({"postcode": ""}, "postcode"),
    "postcode of three digits": ({"postcode": "300"}, "postcode"),
    "postcode with letters": ({"postcode": "30AB"}, "postcode"),
    "postcode starting with 0": ({"postcode": "0999"}, "postcode"),
    "missing e-mail": ({"contact_email": ""}, "contact_email"),
    "not an e-mail": ({"contact_email": "buurtsoep at example"}, "contact_email"),
    "missing description": ({"description": ""}, "description"),
    "description too short": ({"description": "Soep."}, "description"),
    "description too long": ({"description": LONG}, "description"),
    "name too long": ({"name": LONG[:121]}, "name"),
    "organisation too long": ({"organisation": LONG[:201]}, "organisation"),
    "unknown term": ({"target_groups": ["999999"]}, "target_groups"),
    "term from the French rows": (None, "target_groups"),
    "no consent": ({"consent": ""}, "consent"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(INVALID))
def test_every_validation_error_is_explained_and_keeps_what_was_typed(client, valid_data, french, case):
    changes, field = INVALID[case]
    if changes is None:  # a French term row is not a valid choice: pages link to Dutch rows
        changes = {"target_groups": [TargetGroup.objects.filter(locale=french).first().pk]}
    data = {**valid_data, **changes}
    response = client.post(submit_url(), data)

    assert response.status_code == 200
    assert not drafts().exists()
    form = response.context["form"]
    assert list(form.errors) == [field], form.errors
    page = html.unescape(response.content.decode())
    assert "Nog niet alles is in orde" in page
    assert form.errors[field][0] in page
    assert f'href="#id_{field}"' in page
    assert 'aria-invalid="true"' in page or field in ("target_groups", "consent")
    # Everything else the person typed is still there.
    for name in ("name", "organisation", "municipality", "contact_email"):
        if name != field:
            assert f'value="{data[name]}"' in page
    if field != "description":
        assert valid_data["description"].split("\n")[0] in page


@pytest.mark.django_db
def test_the_photo_has_to_be_chosen_again_after_an_error(client, valid_data):
    from .photos import photo

    response = client.post(submit_url(), {**valid_data, "postcode": "", "photo": photo()})
    assert response.status_code == 200
    assert "Je foto is niet bewaard: kies hem opnieuw" in html.unescape(response.content.decode())
    without_photo = client.post(submit_url(), {**valid_data, "postcode": ""})
    assert "Je foto is niet bewaard" not in html.unescape(without_photo.content.decode())


@pytest.mark.django_db
def test_a_site_without_project_index_says_so_instead_of_failing(client, valid_data, dutch):
    from projects.models import ProjectIndexPage

    ProjectIndexPage.objects.filter(locale=dutch).delete()
    response = client.post(submit_url(), valid_data)
    assert response.status_code == 503
    assert "Aanmelden lukt nu niet" in html.unescape(response.content.decode())
