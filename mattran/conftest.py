import pytest

from mattran.testing import build_city, build_programme


@pytest.fixture
def city(db):
    return build_city()


@pytest.fixture
def programme(city):
    return build_programme(city.city)
