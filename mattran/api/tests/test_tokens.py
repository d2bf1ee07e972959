"""Tokens: shown once, stored as a hash, listed by prefix, revoked only by their owner."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from mattran.api.models import ApiToken
from mattran.api.tokens import create_token, hash_key, revoke_token, token_for_key
from mattran.audit.models import AuditEntry


def test_a_token_is_stored_only_as_its_hash(world):
    user = world.users["w1_clerk"]
    token, raw = create_token(user=user, name="Bảng tính của phường")
    assert raw.startswith("mt_") and len(raw) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hash_key(raw) and len(stored.key_hash) == 64
    assert raw not in {stored.name, stored.prefix, stored.key_hash}
    assert raw.startswith(stored.prefix) and len(stored.prefix) == 11
    assert token_for_key(raw).user == user
    assert token_for_key(raw[:-1] + ("A" if raw[-1] != "A" else "B")) is None
    assert ApiToken.objects.get(pk=token.pk).last_used_at is not None
    assert AuditEntry.objects.filter(action="api_token.create", target_id=str(token.pk)).exists()


def test_a_revoked_token_or_an_inactive_user_no_longer_opens_the_api(world):
    user = world.users["w1_clerk"]
    token, raw = create_token(user=user, name="Máy chủ")
    revoke_token(token=token, actor=user)
    assert token_for_key(raw) is None
    _, other = create_token(user=user, name="Máy chủ 2")
    user.is_active = False
    user.save()
    assert token_for_key(other) is None


def test_a_token_needs_a_name(world):
    with pytest.raises(ValidationError) as caught:
        create_token(user=world.users["w1_clerk"], name="   ")
    assert "tên gợi nhớ" in caught.value.messages[0]


def test_the_page_shows_a_new_token_once_and_then_only_its_prefix(client, world):
    client.force_login(world.users["w1_clerk"])
    url = reverse("api:tokens")
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Bảng tính tổng hợp"}, follow=True)
    token = ApiToken.objects.get(user=world.users["w1_clerk"])
    page = response.content.decode()
    raw = page.split('<code class="token">')[1].split("</code>")[0]
    assert hash_key(raw) == token.key_hash
    assert "chỉ hiện" in page and "Bảng tính tổng hợp" in page
    again = client.get(url).content.decode()
    assert raw not in again
    assert f"{token.prefix}…" in again and "Chưa dùng" in again


def test_a_blank_name_is_refused_with_a_message(client, world):
    client.force_login(world.users["w1_clerk"])
    response = client.post(reverse("api:tokens"), {"name": ""})
    assert response.status_code == 200
    assert "Nhập tên gợi nhớ" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_user_revokes_own_token_but_not_another_users(client, world):
    mine, raw = create_token(user=world.users["w1_clerk"], name="Của tôi")
    theirs, their_raw = create_token(user=world.users["w2_clerk"], name="Của phường khác")
    client.force_login(world.users["w1_clerk"])
    response = client.post(reverse("api:revoke", args=[theirs.pk]))
    assert response.status_code == 404
    assert token_for_key(their_raw) is not None
    assert client.get(reverse("api:revoke", args=[mine.pk])).status_code == 405
    response = client.post(reverse("api:revoke", args=[mine.pk]), follow=True)
    assert "Đã thu hồi" in response.content.decode()
    assert token_for_key(raw) is None
    client.logout()
    assert client.get("/api/units", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_the_token_page_needs_a_sign_in(client, db):
    response = client.get(reverse("api:tokens"))
    assert response.status_code == 302 and "login" in response["Location"]
