from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect

from mattran.accounts.forms import LoginForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


@login_required
def home(request):
    """Each user starts on their own unit's dashboard."""
    unit = request.user.unit
    if unit is None:
        return redirect("admin:index") if request.user.is_staff else redirect("logout")
    return redirect("dashboard:unit", code=unit.code)
