"""The ledger's rules: balances by date, no balance below zero (back-dated entries too),
receipt numbers once a year, whole đồng, immutable entries, reversals, transfers between
levels, and who may write."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from mattran.accounts.models import Role, User
from mattran.audit.models import AuditEntry
from mattran.funds.balances import balance, reconciliation
from mattran.funds.entries import open_fund, reverse_entry
from mattran.funds.models import Entry, EntryKind, Fund, FundKind, ImmutableError
from mattran.funds.testing import donate, poor_fund, spend
from mattran.funds.transfers import transfer
from mattran.testing import build_world

D = date


@pytest.fixture
def world(db):
    world = build_world()
    world.fund = poor_fund(world.city.city)
    world.w1, world.w2, world.w3 = world.city.wards
    return world


def message(exc) -> str:
    return " ".join(exc.value.messages)


def test_the_balance_at_a_date_counts_every_entry_up_to_that_day(world):
    fund = world.fund
    donate(fund, D(2024, 3, 1), 150_000_000, donor="Ngân hàng Agribank chi nhánh Tam Kỳ")
    donate(fund, D(2024, 3, 15), 25_500_000, donor="Cán bộ, công chức phường An Mỹ")
    spend(fund, D(2024, 8, 20), 60_000_000, purpose="Hỗ trợ xây dựng 01 nhà cho hộ nghèo")
    assert balance(fund, D(2024, 2, 29)) == 0
    assert balance(fund, D(2024, 3, 1)) == Decimal(150_000_000)
    assert balance(fund, D(2024, 8, 19)) == Decimal(175_500_000)
    assert balance(fund, D(2024, 8, 20)) == Decimal(115_500_000)
    assert AuditEntry.objects.filter(action="funds.disbursement").count() == 1


def test_a_disbursement_above_the_balance_is_refused_and_nothing_is_written(world):
    donate(world.fund, D(2024, 3, 1), 10_000_000)
    with pytest.raises(ValidationError) as exc:
        spend(world.fund, D(2024, 3, 2), 12_000_000)
    assert exc.value.message_dict["amount"] == [
        "Số dư Quỹ “Vì người nghèo” của Thành phố Tam Kỳ ngày 02/03/2024 là 10.000.000 đồng, "
        "không đủ để chi 12.000.000 đồng."
    ]
    assert world.fund.entries.count() == 1


def test_a_back_dated_disbursement_may_not_make_a_later_balance_negative(world):
    fund = world.fund
    donate(fund, D(2024, 3, 1), 100_000_000)
    spend(fund, D(2024, 5, 1), 80_000_000)
    # On 01/04 the balance is 100 million, but 01/05 would go to -30 million.
    with pytest.raises(ValidationError) as exc:
        spend(fund, D(2024, 4, 1), 50_000_000)
    assert "số dư Quỹ “Vì người nghèo” của Thành phố Tam Kỳ ngày 01/05/2024 sẽ bị âm" in (
        message(exc)
    )
    assert "số dư thấp nhất là 20.000.000 đồng" in message(exc)
    spend(fund, D(2024, 4, 1), 20_000_000)
    assert balance(fund, D(2024, 5, 1)) == 0
    with pytest.raises(ValidationError):
        spend(fund, D(2024, 2, 1), 1)  # nothing at all before the first receipt


def test_receipt_numbers_are_unique_per_fund_and_year(world):
    donate(world.fund, D(2024, 3, 1), 5_000_000, receipt_number="0125")
    with pytest.raises(ValidationError) as exc:
        donate(world.fund, D(2024, 9, 1), 1_000_000, receipt_number=" 0125 ")
    assert exc.value.message_dict["receipt_number"] == [
        "Số biên lai 0125 đã được ghi trong năm 2024 (ngày 01/03/2024)."
    ]
    donate(world.fund, D(2025, 1, 3), 1_000_000, receipt_number="0125")
    relief = open_fund(unit=world.city.city, kind=FundKind.DISASTER_RELIEF)
    donate(relief, D(2024, 9, 1), 1_000_000, receipt_number="0125")
    donate(world.fund, D(2024, 9, 2), 1_000_000)  # no number: as many as needed
    donate(world.fund, D(2024, 9, 3), 1_000_000)
    # the database keeps the rule even when the service is bypassed
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry(
            fund=world.fund,
            kind=EntryKind.RECEIPT,
            entry_date=D(2024, 12, 1),
            amount=1,
            donor="x",
            receipt_number="0125",
        ).save()


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Số tiền phải lớn hơn 0 đồng."),
        (-5_000, "Số tiền phải lớn hơn 0 đồng."),
        (Decimal("1500.5"), "Số tiền tính bằng đồng, không có phần lẻ."),
        (Decimal(10) ** 16, "Số tiền quá lớn."),
    ],
)
def test_amounts_are_whole_positive_dong(world, amount, text):
    with pytest.raises(ValidationError) as exc:
        donate(world.fund, D(2024, 3, 1), amount)
    assert exc.value.message_dict["amount"] == [text]
    assert not Entry.objects.exists()


def test_dates_in_the_future_or_outside_the_units_life_are_refused(world):
    tomorrow = date.today() + timedelta(days=2)
    with pytest.raises(ValidationError) as exc:
        donate(world.fund, tomorrow, 1_000)
    assert "không được sau hôm nay" in message(exc)
    world.w1.valid_to = D(2025, 6, 30)
    world.w1.save()
    ward = poor_fund(world.w1)
    with pytest.raises(ValidationError) as exc:
        donate(ward, D(2025, 7, 1), 1_000)
    assert message(exc) == "Phường An Mỹ không hoạt động vào ngày 01/07/2025."


def test_entries_can_be_neither_changed_nor_deleted(world):
    entry = donate(world.fund, D(2024, 3, 1), 5_000_000)
    entry.amount = Decimal(50_000_000)
    with pytest.raises(ImmutableError):
        entry.save()
    with pytest.raises(ImmutableError):
        entry.delete()
    with pytest.raises(ImmutableError):
        Entry.objects.filter(pk=entry.pk).update(amount=1)
    with pytest.raises(ImmutableError):
        Entry.objects.all().delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        Entry.objects.bulk_create(
            [
                Entry(
                    fund=world.fund,
                    kind="receipt",
                    inflow=True,
                    entry_date=D(2024, 3, 2),
                    year=2024,
                    amount=0,
                    donor="x",
                )
            ]
        )
    assert Entry.objects.get().amount == Decimal(5_000_000)


def test_a_reversal_cancels_an_entry_once_and_is_never_itself_reversed(world):
    fund = world.fund
    donate(fund, D(2024, 3, 1), 100_000_000)
    wrong = spend(fund, D(2024, 8, 5), 6_000_000, beneficiary="Hộ ông Lê Văn Ba")
    reversal = reverse_entry(
        entry=wrong, entry_date=D(2024, 8, 7), reason="Ghi nhầm số tiền (đúng là 600.000 đồng)"
    )
    assert reversal.kind == EntryKind.REVERSAL and reversal.inflow
    assert reversal.amount == wrong.amount and reversal.reverses == wrong
    assert reversal.purpose.startswith("Đảo bút toán ngày 05/08/2024 (chi hỗ trợ 6.000.000 đồng)")
    assert balance(fund, D(2024, 8, 6)) == Decimal(94_000_000)
    assert balance(fund, D(2024, 8, 7)) == Decimal(100_000_000)
    with pytest.raises(ValidationError) as exc:
        reverse_entry(entry=wrong, entry_date=D(2024, 8, 8), reason="lần nữa")
    assert "đã được đảo" in message(exc)
    with pytest.raises(ValidationError) as exc:
        reverse_entry(entry=reversal, entry_date=D(2024, 8, 8), reason="đảo lại")
    assert "Không đảo một bút toán đảo" in message(exc)
    other = spend(fund, D(2024, 8, 10), 1_000_000)
    with pytest.raises(ValidationError) as exc:
        reverse_entry(entry=other, entry_date=D(2024, 8, 9), reason="x")
    assert "không được trước ngày bút toán gốc (10/08/2024)" in message(exc)
    with pytest.raises(ValidationError) as exc:
        reverse_entry(entry=other, entry_date=D(2024, 8, 10), reason="  ")
    assert exc.value.message_dict["reason"] == ["Ghi lý do đảo bút toán."]


def test_reversing_a_receipt_takes_money_out_and_obeys_the_balance_rule(world):
    fund = world.fund
    receipt = donate(fund, D(2024, 3, 1), 20_000_000)
    spend(fund, D(2024, 4, 1), 15_000_000)
    with pytest.raises(ValidationError) as exc:
        reverse_entry(entry=receipt, entry_date=D(2024, 4, 2), reason="Trùng biên lai")
    assert "không đủ để đảo khoản thu 20.000.000 đồng" in message(exc)
    donate(fund, D(2024, 4, 2), 15_000_000)
    reverse_entry(entry=receipt, entry_date=D(2024, 4, 2), reason="Trùng biên lai")
    assert balance(fund, D(2024, 4, 2)) == 0


def test_a_transfer_writes_both_sides_at_once_between_a_committee_and_its_wards(world):
    donate(world.fund, D(2024, 3, 1), 90_000_000)
    sent = transfer(
        fund=world.fund,
        to_unit=world.w1,
        entry_date=D(2024, 9, 10),
        amount=30_000_000,
        purpose="Hỗ trợ xây dựng nhà Đại đoàn kết",
        decision_number="45/QĐ-MTTQ-BTT",
        decision_date=D(2024, 9, 5),
    )
    ward_fund = Fund.objects.get(unit=world.w1, kind=FundKind.POOR_RELIEF)
    received = ward_fund.entries.get()
    assert received.kind == EntryKind.TRANSFER_IN and received.counterpart == sent
    assert sent.counterpart_of == received
    assert sent.beneficiary == "Ủy ban MTTQ Việt Nam phường An Mỹ"
    assert received.donor == "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ"
    assert balance(world.fund, D(2024, 9, 10)) == Decimal(60_000_000)
    assert balance(ward_fund, D(2024, 9, 10)) == Decimal(30_000_000)
    # and back up, from the ward to the city
    transfer(
        fund=ward_fund,
        to_unit=world.city.city,
        entry_date=D(2024, 9, 20),
        amount=5_000_000,
        purpose="Nộp về quỹ thành phố",
    )
    assert balance(world.fund, D(2024, 9, 30)) == Decimal(65_000_000)


def test_a_transfer_only_goes_one_level_up_or_down_and_never_beyond_the_balance(world):
    donate(world.fund, D(2024, 3, 1), 10_000_000)
    ward_fund = poor_fund(world.w1)
    donate(ward_fund, D(2024, 3, 1), 10_000_000)
    area = world.city.areas[world.w1.code][0]
    for target in (world.w2, area, world.city.province):
        with pytest.raises(ValidationError) as exc:
            transfer(
                fund=ward_fund, to_unit=target, entry_date=D(2024, 4, 1), amount=1_000, purpose="x"
            )
        assert "cấp trên trực tiếp hoặc cấp dưới trực tiếp" in message(exc)
    with pytest.raises(ValidationError) as exc:
        transfer(
            fund=world.fund,
            to_unit=world.w2,
            entry_date=D(2024, 4, 1),
            amount=12_000_000,
            purpose="Hỗ trợ",
        )
    assert "không đủ để chuyển cho Phường An Phú 12.000.000 đồng" in message(exc)
    assert Entry.objects.count() == 2
    assert not Fund.objects.filter(unit=world.w2).exists()


def test_reversing_a_transfer_cancels_both_sides_unless_the_ward_spent_the_money(world):
    donate(world.fund, D(2024, 3, 1), 50_000_000)
    sent = transfer(
        fund=world.fund,
        to_unit=world.w1,
        entry_date=D(2024, 5, 1),
        amount=20_000_000,
        purpose="Hỗ trợ Tết",
    )
    ward_fund = Fund.objects.get(unit=world.w1)
    spent = spend(ward_fund, D(2024, 5, 3), 15_000_000)
    with pytest.raises(ValidationError) as exc:
        reverse_entry(entry=sent, entry_date=D(2024, 5, 4), reason="Chuyển nhầm phường")
    assert "Phường An Mỹ ngày 04/05/2024 là 5.000.000 đồng" in message(exc)
    reverse_entry(entry=spent, entry_date=D(2024, 5, 4), reason="Chưa chi")
    with pytest.raises(ValidationError) as exc:  # the ward cannot pull back the city's transfer
        reverse_entry(
            entry=sent.counterpart_of,
            entry_date=D(2024, 5, 4),
            reason="x",
            actor=world.users["w1_clerk"],
        )
    assert "chỉ Thành phố Tam Kỳ mới đảo được" in message(exc)
    reversal = reverse_entry(entry=sent, entry_date=D(2024, 5, 4), reason="Chuyển nhầm phường")
    assert reversal.fund == world.fund and reversal.inflow
    assert balance(world.fund, D(2024, 5, 4)) == Decimal(50_000_000)
    assert balance(ward_fund, D(2024, 5, 4)) == 0
    assert Entry.objects.filter(kind=EntryKind.REVERSAL).count() == 3


def test_the_reconciliation_adds_up_by_kind(world):
    fund = world.fund
    donate(fund, D(2023, 12, 20), 40_000_000)
    wrong = donate(fund, D(2024, 1, 5), 7_000_000)
    donate(fund, D(2024, 2, 1), 80_000_000)
    transfer(
        fund=fund,
        to_unit=world.w2,
        entry_date=D(2024, 2, 3),
        amount=10_000_000,
        purpose="Hỗ trợ phường",
    )
    ward = Fund.objects.get(unit=world.w2)
    transfer(
        fund=ward,
        to_unit=world.city.city,
        entry_date=D(2024, 2, 10),
        amount=2_000_000,
        purpose="Nộp lại",
    )
    paid = spend(fund, D(2024, 2, 15), 60_000_000)
    reverse_entry(entry=wrong, entry_date=D(2024, 2, 20), reason="Trùng")
    reverse_entry(entry=paid, entry_date=D(2024, 3, 2), reason="Sai đối tượng")
    rec = reconciliation(fund, D(2024, 1, 1), D(2024, 2, 29))
    assert rec.opening == Decimal(40_000_000)
    assert (rec.receipts, rec.transfers_in, rec.reversals_in) == (87_000_000, 2_000_000, 0)
    assert (rec.disbursements, rec.transfers_out, rec.reversals_out) == (
        60_000_000,
        10_000_000,
        7_000_000,
    )
    assert rec.reversals == -7_000_000
    assert rec.closing == Decimal(52_000_000) == balance(fund, D(2024, 2, 29))


def test_only_a_committees_own_staff_write_its_ledger(world):
    ward_fund = poor_fund(world.w1)
    clerk = world.users["w1_clerk"]
    donate(ward_fund, D(2024, 3, 1), 3_000_000, actor=clerk)
    city_clerk = User.objects.create_user(
        username="tk_clerk", password="x", role=Role.DATA_CLERK, unit=world.city.city
    )
    for user in (
        world.users["w1_viewer"],
        world.users["city_admin"],
        world.users["w2_clerk"],
        city_clerk,
    ):
        with pytest.raises(PermissionDenied):
            donate(ward_fund, D(2024, 3, 2), 1_000, actor=user)
    donate(world.fund, D(2024, 3, 1), 3_000_000, actor=world.users["city_admin"])
    sent = transfer(
        fund=world.fund,
        to_unit=world.w3,
        entry_date=D(2024, 3, 2),
        amount=1_000_000,
        purpose="Hỗ trợ",
        actor=city_clerk,
    )
    assert sent.created_by == city_clerk
    assert Fund.objects.filter(unit=world.w3).exists()  # opened by the transfer
    assert ward_fund.entries.count() == 1


def test_residential_areas_keep_no_fund(world):
    with pytest.raises(ValidationError):
        open_fund(unit=world.city.areas[world.w1.code][0], kind=FundKind.POOR_RELIEF)
