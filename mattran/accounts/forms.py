from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone

from mattran.accounts.models import User


class LoginForm(AuthenticationForm):
    """Sign-in that locks an account for a while after repeated wrong passwords."""

    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng.",
        "inactive": "Tài khoản này đã ngừng hoạt động.",
        "locked": "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau %(until)s.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"

    def clean(self):
        username = self.cleaned_data.get("username")
        user = User.objects.filter(username=username).first() if username else None
        now = timezone.now()
        if user and user.locked_until and user.locked_until > now:
            until = timezone.localtime(user.locked_until).strftime("%H:%M")
            raise forms.ValidationError(
                self.error_messages["locked"], code="locked", params={"until": until}
            )
        try:
            return super().clean()
        except forms.ValidationError:
            if user:
                user.failed_logins += 1
                if user.failed_logins >= settings.LOGIN_MAX_FAILURES:
                    user.locked_until = now + timezone.timedelta(
                        minutes=settings.LOGIN_LOCK_MINUTES
                    )
                    user.failed_logins = 0
                user.save(update_fields=["failed_logins", "locked_until"])
            raise

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.failed_logins or user.locked_until:
            user.failed_logins, user.locked_until = 0, None
            user.save(update_fields=["failed_logins", "locked_until"])
