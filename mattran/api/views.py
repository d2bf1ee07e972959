"""The token page: a user lists, creates and revokes their own API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from mattran.api.errors import NOT_FOUND, error_response
from mattran.api.tokens import create_token, revoke_token


def api_not_found(request):
    return error_response(404, "not_found", "Không có địa chỉ API này. " + NOT_FOUND)


@login_required
def token_list(request):
    errors: list[str] = []
    name = ""
    new = None
    if request.method == "POST":
        name = request.POST.get("name", "")
        try:
            token, raw = create_token(user=request.user, name=name)
        except ValidationError as exc:
            errors = exc.messages
        else:
            # Shown in this very response, never stored: a session would be overwritten by
            # any request running at the same time (sessions are saved on every request).
            new = {"id": token.pk, "key": raw}
            name = ""
    tokens = request.user.api_tokens.all()
    return render(
        request,
        "api/tokens.html",
        {"tokens": tokens, "new": new, "errors": errors, "name": name},
    )


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    revoke_token(token=token, actor=request.user)
    messages.success(request, f"Đã thu hồi mã truy cập “{token.name}”.")
    return redirect("api:tokens")
