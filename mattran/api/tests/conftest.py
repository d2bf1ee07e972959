import pytest
from django.core.cache import cache

from mattran.api.tokens import create_token
from mattran.testing import build_world

pytestmark = pytest.mark.urls("mattran.api.tests.urls")


@pytest.fixture(autouse=True)
def api_urls(settings):
    settings.ROOT_URLCONF = "mattran.api.tests.urls"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    return build_world()


class Caller:
    """A test client that sends one user's API token with every request."""

    def __init__(self, client, raw: str):
        self.client, self.raw = client, raw

    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.raw}"}

    def get(self, url: str, params: dict | None = None):
        return self.client.get(url, params or {}, headers=self.headers())

    def post(self, url: str, body):
        return self.client.post(url, body, content_type="application/json", headers=self.headers())


@pytest.fixture
def caller(client, world):
    def make(username: str) -> Caller:
        _, raw = create_token(user=world.users[username], name=f"Mã của {username}")
        return Caller(client, raw)

    return make
