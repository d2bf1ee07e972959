import pytest

from mattran.testing import build_city, build_programme


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Argon2 is slow by design; tests that are not about passwords need not pay for it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def city(db):
    return build_city()


@pytest.fixture
def programme(city):
    return build_programme(city.city)
