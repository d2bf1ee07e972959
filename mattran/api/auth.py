"""Who is calling: a Bearer token (or, for reading in the browsable docs, the session),
and how often: a per-token limit of requests per minute kept in Django's cache."""

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth

from mattran.api.errors import ApiError
from mattran.api.tokens import token_for_key

DEFAULT_RATE_LIMIT = 120  # requests per minute per token
WINDOW = 60


def rate_limit() -> int:
    return int(getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE_LIMIT))


def check_rate(key: str) -> None:
    """Count one request for `key`; refuse with 429 beyond the limit of this minute."""
    now = time.time()
    window = int(now // WINDOW)
    name = f"mattran-api-rate:{key}:{window}"
    cache.add(name, 0, timeout=WINDOW + 5)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=WINDOW + 5)
        count = 1
    if count > rate_limit():
        wait = max(1, int((window + 1) * WINDOW - now) + 1)
        raise ApiError(
            429,
            "rate_limited",
            f"Quá nhiều yêu cầu, thử lại sau {wait} giây.",
            {"limit": rate_limit(), "retry_after": wait},
            {"Retry-After": str(wait)},
        )


class TokenAuth(HttpBearer):
    """Authorization: Bearer mt_…"""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = token_for_key(token.strip())
        if found is None:
            return None
        check_rate(f"token:{found.pk}")
        request.user = found.user
        request.api_token = found
        return found.user


class ReadSessionAuth(SessionAuth):
    """A signed-in user may try the read endpoints from the docs page without a token."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if request.method not in ("GET", "HEAD"):
            return None
        user = super().authenticate(request, key)
        if user:
            check_rate(f"user:{user.pk}")
        return user


token_auth = TokenAuth()
session_auth = ReadSessionAuth(csrf=False)
