import pytest
from django.core.cache import cache

from editorial.roles import EINDREDACTIE
from editorial.testing import make_role_user
from taxonomy.models import ConnectionMethod, Focus, TargetGroup


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The rate limit lives in the cache; every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def eindredactie(db):
    return make_role_user(EINDREDACTIE)


@pytest.fixture
def terms(dutch):
    return {
        "target_groups": list(TargetGroup.objects.filter(locale=dutch).order_by("sort_order")[:2]),
        "connection_methods": list(ConnectionMethod.objects.filter(locale=dutch).order_by("sort_order")[:1]),
        "focus": list(Focus.objects.filter(locale=dutch).order_by("sort_order")[:1]),
    }


@pytest.fixture
def valid_data(terms):
    """What a careful person fills in."""
    return {
        "name": "Buurtsoep Kessel-Lo",
        "organisation": "Buurtwerk Kessel-Lo vzw",
        "municipality": "Leuven",
        "postcode": "3010",
        "contact_email": "buurtsoep@example.org",
        "description": (
            "Elke woensdag koken buren samen soep in het buurthuis.\n\n"
            "Jongeren brengen de soep rond bij ouderen die niet meer goed te been zijn, en blijven even praten."
        ),
        "target_groups": [term.pk for term in terms["target_groups"]],
        "connection_methods": [term.pk for term in terms["connection_methods"]],
        "focus": [term.pk for term in terms["focus"]],
        "consent": "on",
        "referral_code": "",
    }
