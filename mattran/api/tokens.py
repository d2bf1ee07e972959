"""API tokens: shown once, stored only as a SHA-256 hash, revoked by their owner."""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.api.models import ApiToken
from mattran.audit.services import record

TOKEN_PREFIX = "mt_"
PREFIX_LENGTH = 11  # "mt_" and 8 characters: enough to tell one's tokens apart
MAX_ACTIVE = 20
TOUCH_EVERY = timedelta(minutes=1)


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@transaction.atomic
def create_token(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`: returns it and the full key, which is never stored."""
    name = (name or "").strip()
    if not name:
        raise ValidationError(
            {"name": "Nhập tên gợi nhớ cho mã truy cập (ví dụ: Máy chủ tổng hợp)."}
        )
    if len(name) > 100:
        raise ValidationError({"name": "Tên gợi nhớ dài quá 100 ký tự."})
    if user.api_tokens.filter(revoked_at__isnull=True).count() >= MAX_ACTIVE:
        raise ValidationError(
            f"Bạn đã có {MAX_ACTIVE} mã truy cập đang dùng; hãy thu hồi mã không dùng nữa."
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:PREFIX_LENGTH], key_hash=hash_key(raw)
    )
    record(actor=user, action="api_token.create", target=token, changes={"name": name})
    return token, raw


@transaction.atomic
def revoke_token(*, token: ApiToken, actor: Any) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(actor=actor, action="api_token.revoke", target=token, changes={"name": token.name})


def token_for_key(raw: str) -> ApiToken | None:
    """The active token with this key (its user active too), or None."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user", "user__unit")
        .filter(key_hash=hash_key(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
