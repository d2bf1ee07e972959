import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from mattran.accounts.models import Role, User

LOGIN = "/accounts/login/"


@pytest.fixture
def clerk(city):
    return User.objects.create_user(
        username="anmy.clerk", password="dung-mat-khau", role=Role.DATA_CLERK, unit=city.wards[0]
    )


def test_passwords_are_hashed_with_argon2(db, settings):
    settings.PASSWORD_HASHERS = django_settings.PASSWORD_HASHERS.__class__(
        ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    )
    user = User.objects.create_user(username="u", password="mot-mat-khau-dai")
    assert user.password.startswith("argon2")


def test_sign_in_lands_on_the_users_own_dashboard(client, clerk):
    response = client.post(
        LOGIN, {"username": "anmy.clerk", "password": "dung-mat-khau"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard:unit", args=["tk-w1"])


def test_repeated_failures_lock_the_account_for_a_while(client, clerk, settings):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        response = client.post(LOGIN, {"username": "anmy.clerk", "password": "sai"})
        assert "không đúng" in response.content.decode()
    response = client.post(LOGIN, {"username": "anmy.clerk", "password": "dung-mat-khau"})
    assert "Tài khoản tạm khóa do đăng nhập sai nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session
    clerk.refresh_from_db()
    assert clerk.locked_until is not None


def test_a_success_clears_earlier_failures(client, clerk):
    client.post(LOGIN, {"username": "anmy.clerk", "password": "sai"})
    clerk.refresh_from_db()
    assert clerk.failed_logins == 1
    client.post(LOGIN, {"username": "anmy.clerk", "password": "dung-mat-khau"})
    clerk.refresh_from_db()
    assert clerk.failed_logins == 0


def test_idle_sessions_time_out():
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    assert django_settings.SESSION_SAVE_EVERY_REQUEST is True


def test_pages_need_sign_in(client, city):
    response = client.get(reverse("dashboard:unit", args=["tk-w1"]))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
