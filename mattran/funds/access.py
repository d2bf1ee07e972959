"""Who may see and write a committee's funds and stores, on top of `accounts.scope`.

A committee's own staff (its clerks and administrators) record its entries and slips;
administrators above it see them read-only, as do viewers; a ward never reaches another
ward's funds, since every page fetches its unit through `scope.unit_for` and every fund or
store within that unit only.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from mattran.accounts import scope
from mattran.funds.models import Entry, Fund, Store
from mattran.units.models import Tier, Unit

COMMITTEE_TIERS = (Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE)


def _is_user(actor) -> bool:
    return getattr(actor, "is_authenticated", False)


def may_record(actor, unit: Unit) -> bool:
    """Write `unit`'s ledger and stores: its own staff (or a system administrator); commands
    and the demo, which act without a user, may too."""
    if not _is_user(actor):
        return True
    if not scope.can_enter(actor, unit):
        return False
    return actor.is_system_admin or actor.unit_id == unit.pk


def check_record(actor, unit: Unit) -> None:
    if not may_record(actor, unit):
        raise PermissionDenied(
            f"Chỉ cán bộ của {unit.name} mới được ghi sổ quỹ, phiếu nhập, phiếu xuất của đơn vị."
        )


def keeps_funds(unit: Unit) -> bool:
    """Funds are kept by the Front committees, not by residential areas or member bodies."""
    return unit.tier in COMMITTEE_TIERS


def fund_for(unit: Unit, pk: int) -> Fund:
    fund = Fund.objects.filter(unit=unit, pk=pk).select_related("unit").first()
    if fund is None:
        raise Http404("Không tìm thấy sổ quỹ này của đơn vị.")
    return fund


def entry_for(fund: Fund, pk: int) -> Entry:
    entry = (
        Entry.objects.filter(fund=fund, pk=pk)
        .select_related("fund__unit", "reverses", "counterpart__fund__unit")
        .first()
    )
    if entry is None:
        raise Http404("Không tìm thấy bút toán này trong sổ quỹ.")
    return entry


def store_for(unit: Unit, pk: int) -> Store:
    store = Store.objects.filter(unit=unit, pk=pk).select_related("unit").first()
    if store is None:
        raise Http404("Không tìm thấy kho này của đơn vị.")
    return store


def transfer_partners(unit: Unit) -> list[Unit]:
    """The committees a fund may transfer to: the one above and those directly below."""
    partners = []
    if unit.parent_id and unit.parent.tier in COMMITTEE_TIERS:
        partners.append(unit.parent)
    partners += list(unit.children.filter(tier__in=COMMITTEE_TIERS).order_by("name"))
    return partners
