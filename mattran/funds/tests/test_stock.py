"""In-kind relief: receipts by donor, issue slips, stock per item and store never negative
(back-dated slips too), reversing slips, the stock report per period and its Excel file."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from mattran.funds.models import ImmutableError, IssueSlip, StockReceipt
from mattran.funds.stock import (
    Line,
    add_item,
    create_store,
    issue_goods,
    record_stock_receipt,
    reverse_stock_document,
)
from mattran.funds.stock_export import export_stock_report
from mattran.funds.stock_levels import stock_on, stock_report
from mattran.testing import build_world

D = date


@pytest.fixture
def world(db):
    world = build_world()
    world.store = create_store(unit=world.city.city, name="Kho hàng cứu trợ thành phố")
    world.rice = add_item(name="Gạo", measure="kg")
    world.gifts = add_item(name="quà Tết", measure="suất")
    world.w1, world.w2, world.w3 = world.city.wards
    return world


def receive(world, day, rice=0, gifts=0, donor="Công ty TNHH Minh Phát", **kw):
    lines = [Line(world.rice, Decimal(rice))] if rice else []
    lines += [Line(world.gifts, Decimal(gifts))] if gifts else []
    return record_stock_receipt(store=world.store, day=day, donor=donor, lines=lines, **kw)


def give(world, day, rice=0, gifts=0, **kw):
    lines = [Line(world.rice, Decimal(rice))] if rice else []
    lines += [Line(world.gifts, Decimal(gifts))] if gifts else []
    kw.setdefault("recipient", "")
    kw.setdefault("recipient_unit", world.w1)
    return issue_goods(store=world.store, day=day, lines=lines, **kw)


def text(exc) -> str:
    return " ".join(exc.value.messages)


def test_items_are_shared_and_named_once(world):
    assert add_item(name="gạo", measure="KG") == world.rice
    assert str(world.gifts) == "Quà Tết (suất)"
    with pytest.raises(ValidationError):
        add_item(name="Mì tôm", measure=" ")


def test_stock_follows_receipts_and_issues_by_date(world):
    receive(world, D(2024, 1, 15), rice=5000, gifts=400)
    slip = give(world, D(2024, 1, 22), rice="612.5", gifts=60)
    assert slip.recipient == "Phường An Mỹ" and slip.recipient_unit == world.w1
    assert stock_on(world.store, D(2024, 1, 14)) == {}
    assert stock_on(world.store, D(2024, 1, 21)) == {world.rice.pk: 5000, world.gifts.pk: 400}
    assert stock_on(world.store, D(2024, 1, 22)) == {
        world.rice.pk: Decimal("4387.5"),
        world.gifts.pk: 340,
    }


def test_an_issue_above_the_stock_is_refused_whole(world):
    receive(world, D(2024, 1, 15), rice=500, gifts=40)
    with pytest.raises(ValidationError) as exc:
        give(world, D(2024, 1, 20), rice=300, gifts=50)
    assert text(exc) == "Tồn kho Quà Tết ngày 20/01/2024 là 40 suất, không đủ để xuất 50 suất."
    assert not IssueSlip.objects.exists()
    assert stock_on(world.store, D(2024, 12, 31))[world.rice.pk] == 500


def test_a_back_dated_issue_may_not_make_a_later_stock_negative(world):
    receive(world, D(2024, 1, 10), rice=1000)
    give(world, D(2024, 1, 25), rice=800)
    with pytest.raises(ValidationError) as exc:
        give(world, D(2024, 1, 20), rice=300)
    assert "tồn kho ngày 25/01/2024 sẽ bị âm" in text(exc)
    assert "tồn thấp nhất là 200 kg" in text(exc)
    give(world, D(2024, 1, 20), rice=200)
    assert stock_on(world.store, D(2024, 1, 25))[world.rice.pk] == 0


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "Phiếu phải có ít nhất một mặt hàng."),
        ([("rice", "0")], "Số lượng Gạo phải lớn hơn 0."),
        ([("rice", "-3")], "Số lượng Gạo phải lớn hơn 0."),
        ([("rice", "1.255")], "Số lượng Gạo ghi tối đa hai chữ số thập phân."),
        ([("rice", "5"), ("rice", "6")], "Mặt hàng Gạo được ghi hai lần; hãy gộp thành một dòng."),
    ],
)
def test_bad_lines_are_refused(world, lines, message):
    parsed = [Line(getattr(world, name), Decimal(q)) for name, q in lines]
    with pytest.raises(ValidationError) as exc:
        record_stock_receipt(store=world.store, day=D(2024, 1, 5), donor="X", lines=parsed)
    assert text(exc) == message
    assert not StockReceipt.objects.exists()


def test_reversing_slips_put_goods_back_or_take_them_out_once(world):
    receipt = receive(world, D(2024, 1, 10), rice=1000, gifts=100)
    wrong = give(world, D(2024, 1, 22), rice=900, gifts=60, number="02")
    with pytest.raises(ValidationError) as exc:  # the rice went out: the receipt can't go
        reverse_stock_document(document=receipt, day=D(2024, 1, 23), reason="Nhập nhầm kho")
    assert "không đủ để đảo phiếu nhập" in text(exc)
    back = reverse_stock_document(document=wrong, day=D(2024, 1, 23), reason="Ghi nhầm số lượng")
    assert back.is_reversal and back.recipient == wrong.recipient
    assert back.note == "Đảo phiếu xuất 02 ngày 22/01/2024: Ghi nhầm số lượng"
    assert stock_on(world.store, D(2024, 1, 23)) == {world.rice.pk: 1000, world.gifts.pk: 100}
    with pytest.raises(ValidationError):
        reverse_stock_document(document=wrong, day=D(2024, 1, 24), reason="lần nữa")
    with pytest.raises(ValidationError):
        reverse_stock_document(document=back, day=D(2024, 1, 24), reason="đảo lại")
    reverse_stock_document(document=receipt, day=D(2024, 1, 24), reason="Nhập nhầm kho")
    assert stock_on(world.store, D(2024, 1, 24)) == {world.rice.pk: 0, world.gifts.pk: 0}


def test_slips_are_immutable(world):
    receipt = receive(world, D(2024, 1, 10), rice=10)
    receipt.donor = "Người khác"
    with pytest.raises(ImmutableError):
        receipt.save()
    with pytest.raises(ImmutableError):
        receipt.lines.first().delete()
    with pytest.raises(ImmutableError):
        StockReceipt.objects.all().delete()


def test_only_the_store_units_staff_write_it_and_only_to_units_below(world):
    receive(world, D(2024, 1, 10), rice=100)
    with pytest.raises(PermissionDenied):
        give(world, D(2024, 1, 12), rice=10, actor=world.users["w1_clerk"])
    with pytest.raises(ValidationError) as exc:
        give(world, D(2024, 1, 12), rice=10, recipient_unit=world.city.province)
    assert text(exc) == "Chỉ xuất cho đơn vị trực thuộc."
    give(
        world,
        D(2024, 1, 12),
        rice=10,
        recipient="Hộ bà Lê Thị Hoa, khối phố 3",
        recipient_unit=None,
        actor=world.users["city_admin"],
    )


def test_the_stock_report_adds_up_per_item_and_goes_to_excel(world):
    receive(world, D(2023, 12, 20), rice=300)
    receive(world, D(2024, 1, 15), rice=5000, gifts=400, donor='=HYPERLINK("x")')
    slip = give(world, D(2024, 1, 22), rice=1000, gifts=60)
    reverse_stock_document(document=slip, day=D(2024, 1, 23), reason="Ghi nhầm")
    give(world, D(2024, 1, 23), rice=600, gifts=60, recipient_unit=world.w2)
    give(world, D(2024, 3, 1), rice=100)
    rows = {r.item.name: r for r in stock_report(world.store, D(2024, 1, 1), D(2024, 1, 31))}
    rice, gifts = rows["Gạo"], rows["Quà Tết"]
    assert (rice.opening, rice.received, rice.issued, rice.corrections) == (300, 5000, 1600, 1000)
    assert rice.closing == 4700 == stock_on(world.store, D(2024, 1, 31))[world.rice.pk]
    assert (gifts.opening, gifts.received, gifts.issued, gifts.closing) == (0, 400, 120, 340)
    generated = export_stock_report(store=world.store, start=D(2024, 1, 1), end=D(2024, 1, 31))
    book = load_workbook(BytesIO(bytes(generated.data)))
    sheet = book["Nhập, xuất, tồn"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=6)]
    assert values[0] == [1, "Gạo", "kg", 300, 5000, 1600, 1000, 4700]
    moves = [[c.value for c in row] for row in book["Phiếu nhập, xuất"].iter_rows(min_row=2)]
    assert moves[0][3] == '\'=HYPERLINK("x")'  # a donor never runs as a formula
    assert [m[1] for m in moves].count("Phiếu xuất (đảo)") == 2
    with pytest.raises(ValidationError):
        export_stock_report(store=world.store, start=D(2024, 2, 1), end=D(2024, 1, 1))
