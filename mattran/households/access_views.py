"""Who may read the unit's personal data (explicit grants) and who has read it (the log)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mattran.accounts import scope
from mattran.accounts.models import Role, User
from mattran.households import grants
from mattran.households.forms import GrantForm, attach_errors
from mattran.households.models import HouseholdAccess, PersonalDataGrant
from mattran.households.privacy import PeopleAccess, ShownHousehold, may_grant
from mattran.units.models import Tier, Unit

LOG_SIZE = 100


def _grantable_units(user, unit: Unit):
    units = Unit.objects.subtree(unit).filter(tier__in=(Tier.COMMUNE, Tier.AREA))
    return Unit.objects.filter(pk__in=[u.pk for u in units if may_grant(user, u)]).order_by("path")


def _grantees(user, unit: Unit):
    """People above the unit (city, province staff) and system administrators."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(unit__path__in=unit.ancestor_paths())
            | Q(role=Role.SYSTEM_ADMIN)
            | Q(is_superuser=True)
        )
        .exclude(pk=user.pk)
        .select_related("unit")
        .order_by("unit__path", "username")
    )


def render_access(request, unit: Unit, form=None):
    units = _grantable_units(request.user, unit)
    if form is None and units.exists():
        form = GrantForm(users=_grantees(request.user, unit), units=units)
    today = timezone.localdate()
    subtree = Unit.objects.subtree(unit)
    found = (
        PersonalDataGrant.objects.filter(unit__in=subtree)
        .select_related("user__unit", "unit", "granted_by", "revoked_by")
        .order_by("-created_at")
    )
    rows = [
        {
            "grant": g,
            "active": g.revoked_at is None and g.valid_until >= today,
            "may_revoke": g.revoked_at is None and may_grant(request.user, g.unit),
        }
        for g in found
    ]
    access = PeopleAccess(request.user)
    log = (
        HouseholdAccess.objects.filter(Q(household__unit__in=subtree) | Q(unit__in=subtree))
        .select_related("user", "unit", "household__unit__parent")
        .order_by("-at", "-pk")[:LOG_SIZE]
    )
    entries = [
        {
            "entry": e,
            "person": ShownHousehold(e.household, access.sees(e.household.unit))
            if e.household_id
            else None,
        }
        for e in log
    ]
    return render(
        request,
        "households/access.html",
        {
            "unit": unit,
            "grants": rows,
            "form": form,
            "log": entries,
            "sees_names": access.sees(unit),
            "tab": "access",
        },
    )


@login_required
def access_view(request, code):
    unit = scope.unit_for(request.user, code)
    if request.method != "POST":
        return render_access(request, unit)
    units = _grantable_units(request.user, unit)
    if not units.exists():
        raise PermissionDenied(
            "Chỉ quản trị viên của xã, phường, khu dân cư hoặc quản trị hệ thống mới cấp quyền."
        )
    form = GrantForm(request.POST, users=_grantees(request.user, unit), units=units)
    if form.is_valid():
        try:
            grant = grants.grant_access(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            attach_errors(form, exc)
        else:
            messages.success(
                request,
                f"Đã cấp quyền xem họ tên, địa chỉ các hộ của {grant.unit.name} cho {grant.user} "
                f"đến ngày {grant.valid_until:%d/%m/%Y}.",
            )
            return redirect("households:access", unit.code)
    return render_access(request, unit, form=form)


@login_required
@require_POST
def revoke_view(request, code, pk):
    unit = scope.unit_for(request.user, code)
    grant = get_object_or_404(
        PersonalDataGrant.objects.select_related("unit", "user"),
        pk=pk,
        unit__in=Unit.objects.subtree(unit),
    )
    if not may_grant(request.user, grant.unit):
        raise PermissionDenied("Bạn không thu hồi được quyền này.")
    try:
        grants.revoke_access(grant=grant, actor=request.user)
        messages.success(request, f"Đã thu hồi quyền xem dữ liệu của {grant.user}.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("households:access", unit.code)
