"""Each role × create / edit / submit / publish / translate / manage vocabulary, asked of Wagtail itself.

The answers come from Wagtail's permission system on the real demo tree (page permissions are
inherited from the language roots), not from our own role table.
"""

import pytest

from editorial.roles import EINDREDACTIE, REDACTEUR, VERTALER
from editorial.testing import make_role_user
from events.models import EventIndexPage, EventPage
from methods.models import MethodIndexPage, MethodPage
from projects.models import ProjectIndexPage, ProjectPage
from taxonomy.vocabularies import VOCABULARIES

CONTENT = [(ProjectIndexPage, ProjectPage), (MethodIndexPage, MethodPage), (EventIndexPage, EventPage)]

# role -> action -> (Dutch, French)
MATRIX = {
    REDACTEUR: {
        "create": (True, False),
        "edit": (True, False),
        "submit": (True, False),
        "publish": (False, False),
        "translate": (False, False),
        "manage vocabulary": (False, False),
    },
    EINDREDACTIE: {
        "create": (True, True),
        "edit": (True, True),
        "submit": (True, True),
        "publish": (True, True),
        "translate": (True, True),
        "manage vocabulary": (True, True),
    },
    VERTALER: {
        "create": (False, False),
        "edit": (False, True),
        "submit": (False, True),
        "publish": (False, True),
        "translate": (False, True),
        "manage vocabulary": (False, False),
    },
}


def can(user, action, index, page):
    """What Wagtail lets ``user`` do; ``index`` and ``page`` are in the same language."""
    page_perms = page.permissions_for_user(user)
    if action == "create":
        return index.permissions_for_user(user).can_add_subpage()
    if action == "edit":
        return page_perms.can_edit()
    if action == "submit":
        # Wagtail only asks whether a workflow applies; the edit view asks for edit rights first.
        return page_perms.can_edit() and page_perms.can_submit_for_moderation()
    if action == "publish":
        return page_perms.can_publish() and index.permissions_for_user(user).can_publish_subpage()
    if action == "translate":
        # wagtail-localize: start or sync a translation, then edit the page in this language.
        return user.has_perm("wagtail_localize.submit_translation") and page_perms.can_edit()
    if action == "manage vocabulary":
        return all(
            user.has_perm(f"taxonomy.{verb}_{vocabulary.model._meta.model_name}")
            for vocabulary in VOCABULARIES
            for verb in ("add", "change", "delete")
        )
    raise ValueError(action)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(MATRIX))
@pytest.mark.parametrize("action", list(MATRIX[REDACTEUR]))
@pytest.mark.parametrize("index_model,page_model", CONTENT, ids=lambda model: model.__name__)
def test_permission_matrix(role, action, index_model, page_model, dutch, french):
    user = make_role_user(role)
    for position, locale in enumerate((dutch, french)):
        index = index_model.objects.get(locale=locale)
        page = page_model.objects.child_of(index).live().first()
        assert can(user, action, index, page) is MATRIX[role][action][position], (role, action, locale)


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(MATRIX))
def test_no_role_touches_the_tree_root_or_other_languages_home_by_accident(role, dutch, french):
    """Only Eindredactie may publish a language's home page; nobody but admins edits the root."""
    from wagtail.models import Page

    user = make_role_user(role)
    root = Page.get_first_root_node()
    assert not root.permissions_for_user(user).can_edit()
    dutch_home = Page.objects.get(depth=2, locale=dutch)
    assert dutch_home.permissions_for_user(user).can_publish() is (role == EINDREDACTIE)
