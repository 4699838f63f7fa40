import pytest

from editorial.roles import EINDREDACTIE, REDACTEUR, VERTALER
from editorial.testing import make_role_user


@pytest.fixture
def redacteur(db):
    return make_role_user(REDACTEUR)


@pytest.fixture
def eindredactie(db):
    return make_role_user(EINDREDACTIE)


@pytest.fixture
def vertaler(db):
    return make_role_user(VERTALER)
