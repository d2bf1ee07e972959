"""Tam Kỳ's funds in 2024: the city's Quỹ “Vì người nghèo” (donations from businesses,
agencies and residents, the 2024 Tết gifts, solidarity houses, the 60.000.000 đồng house
for a poor household of Nam Trà My in August as the city's report tells it, one mistaken
entry corrected by a reversal, transfers to three wards and their spending), the Quỹ cứu trợ
with the drives after storm No. 3 (passed on to the province) and storm No. 6 (October 2024,
in the coastal communes), and the city's store of rice and Tết gift packs issued to wards.

Donors and households are invented; amounts are drawn from a seeded generator, so every run
writes the same ledger.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from mattran.funds.entries import open_fund, record_disbursement, record_receipt, reverse_entry
from mattran.funds.models import Entry, Fund, FundKind
from mattran.funds.stock import (
    Line,
    add_item,
    create_store,
    issue_goods,
    record_stock_receipt,
    reverse_stock_document,
)
from mattran.funds.transfers import transfer
from mattran.units.models import Unit

SEED = 1710  # 17/10: the first day of the month of peak support for the poor
MILLION = 1_000_000

BUSINESSES = [
    "Ngân hàng Nông nghiệp và Phát triển Nông thôn chi nhánh Tam Kỳ",
    "Công ty Cổ phần Cấp thoát nước Quảng Nam",
    "Công ty TNHH Môi trường đô thị Quảng Nam",
    "Điện lực Tam Kỳ",
    "Công ty Cổ phần Xây dựng Trường Thịnh",
    "Công ty TNHH Thương mại Minh Phát",
    "Doanh nghiệp tư nhân Vàng bạc Kim Hưng",
    "Hiệp hội Doanh nghiệp thành phố Tam Kỳ",
    "Bệnh viện Đa khoa Minh Thiện",
    "Công ty Cổ phần Bê tông Quảng Nam",
]
AGENCIES = [
    "Cán bộ, công chức các cơ quan Đảng, Mặt trận, đoàn thể thành phố",
    "Cán bộ, công chức, viên chức Ủy ban nhân dân thành phố",
    "Liên đoàn Lao động thành phố (đoàn viên công đoàn)",
    "Trường THPT Phan Bội Châu",
    "Công an thành phố Tam Kỳ",
    "Ban Chỉ huy Quân sự thành phố",
]
RESIDENTS = [
    "Ông Nguyễn Văn Thành, phường An Mỹ",
    "Bà Trần Thị Mai, phường Tân Thạnh",
    "Ông Lê Quang Hùng, phường Hòa Thuận",
    "Gia đình ông Phan Văn Lộc, phường An Xuân",
    "Bà Võ Thị Hồng, xã Tam Thăng",
    "Ông Huỳnh Tấn Phát, phường Trường Xuân",
]
WARD_HOUSES = {  # ward code suffix → (household, area) of the house its transfer pays for
    "anmy": ("Hộ bà Nguyễn Thị Lài", "khối phố 4"),
    "tamthang": ("Hộ ông Trần Văn Tư", "thôn 7"),
    "tamthanh": ("Hộ ông Võ Văn Sáu", "thôn Hạ Thanh"),
}


def _amount(rng: random.Random, low: int, high: int, step: int = 500_000) -> int:
    return rng.randrange(low, high + step, step)


def _donations(fund: Fund, rng: random.Random, start: date, days: int, count: int, purpose):
    """Receipts spread over a drive, with receipt numbers running through the year."""
    donors = BUSINESSES + AGENCIES + RESIDENTS
    for n in range(count):
        day = start + timedelta(days=round(n * days / count))
        donor = rng.choice(donors)
        if donor in RESIDENTS:
            amount = _amount(rng, 1 * MILLION, 5 * MILLION)
        elif donor in AGENCIES:
            amount = _amount(rng, 5 * MILLION, 25 * MILLION, MILLION)
        else:
            amount = _amount(rng, 10 * MILLION, 60 * MILLION, MILLION)
        numbered = Entry.objects.filter(fund=fund, year=day.year).exclude(receipt_number="")
        record_receipt(
            fund=fund,
            entry_date=day,
            amount=amount,
            donor=donor,
            purpose=purpose,
            receipt_number=f"{numbered.count() + 1:04d}",
        )


def _poor_relief(city: Unit, wards: dict[str, Unit], rng: random.Random) -> None:
    fund = open_fund(unit=city, kind=FundKind.POOR_RELIEF)
    _donations(fund, rng, date(2023, 10, 17), 32, 9, "Ủng hộ Tháng cao điểm “Vì người nghèo” 2023")
    record_disbursement(
        fund=fund,
        entry_date=date(2023, 12, 12),
        amount=60 * MILLION,
        purpose="Hỗ trợ xây dựng nhà Đại đoàn kết",
        beneficiary="Hộ bà Lê Thị Tám",
        reference="Nhà Đại đoàn kết hộ bà Lê Thị Tám, khối phố 2, phường An Sơn",
        decision_number="312/QĐ-MTTQ-BTT",
        decision_date=date(2023, 12, 5),
    )
    _donations(fund, rng, date(2024, 1, 8), 20, 6, "Ủng hộ chăm lo Tết Giáp Thìn 2024")
    record_disbursement(
        fund=fund,
        entry_date=date(2024, 1, 30),
        amount=300 * 500_000,
        purpose="Tặng quà Tết Giáp Thìn 2024 (300 suất × 500.000 đồng)",
        beneficiary="300 hộ nghèo, hộ cận nghèo trên địa bàn thành phố",
        decision_number="15/QĐ-MTTQ-BTT",
        decision_date=date(2024, 1, 22),
    )
    wrong = record_disbursement(
        fund=fund,
        entry_date=date(2024, 3, 14),
        amount=6 * MILLION,
        purpose="Hỗ trợ đột xuất hộ có hoàn cảnh đặc biệt khó khăn",
        beneficiary="Hộ ông Đinh Văn Năm, khối phố 6, phường Hòa Hương",
    )
    reverse_entry(
        entry=wrong,
        entry_date=date(2024, 3, 15),
        reason="Ghi nhầm số tiền: khoản hỗ trợ là 600.000 đồng",
    )
    record_disbursement(
        fund=fund,
        entry_date=date(2024, 3, 15),
        amount=600_000,
        purpose="Hỗ trợ đột xuất hộ có hoàn cảnh đặc biệt khó khăn",
        beneficiary="Hộ ông Đinh Văn Năm, khối phố 6, phường Hòa Hương",
    )
    _donations(fund, rng, date(2024, 4, 2), 120, 10, "Ủng hộ Quỹ “Vì người nghèo” năm 2024")
    for day, who, where, number in [
        (date(2024, 5, 20), "Hộ ông Nguyễn Văn Hai", "khối phố 9, phường An Phú", "98"),
        (date(2024, 7, 10), "Hộ bà Phạm Thị Bốn", "thôn Phú Sơn, xã Tam Phú", "141"),
    ]:
        record_disbursement(
            fund=fund,
            entry_date=day,
            amount=60 * MILLION,
            purpose="Hỗ trợ xây dựng nhà Đại đoàn kết",
            beneficiary=who,
            reference=f"Nhà Đại đoàn kết {who[0].lower()}{who[1:]}, {where}",
            decision_number=f"{number}/QĐ-MTTQ-BTT",
            decision_date=day - timedelta(days=6),
        )
    record_disbursement(
        fund=fund,
        entry_date=date(2024, 8, 16),
        amount=60 * MILLION,
        purpose="Hỗ trợ kinh phí xây dựng 01 nhà cho hộ nghèo huyện Nam Trà My",
        beneficiary="Ủy ban MTTQ Việt Nam huyện Nam Trà My",
        reference="Nhà Đại đoàn kết cho hộ nghèo huyện Nam Trà My (đơn vị kết nghĩa)",
        decision_number="176/QĐ-MTTQ-BTT",
        decision_date=date(2024, 8, 12),
    )
    for n, (suffix, (household, area)) in enumerate(WARD_HOUSES.items()):
        ward = wards[suffix]
        day = date(2024, 9, 9) + timedelta(days=n)
        transfer(
            fund=fund,
            to_unit=ward,
            entry_date=day,
            amount=40 * MILLION,
            purpose=f"Hỗ trợ xây dựng nhà Đại đoàn kết cho {household[0].lower()}{household[1:]}",
            decision_number=f"{190 + n}/QĐ-MTTQ-BTT",
            decision_date=date(2024, 9, 4),
        )
        ward_fund = Fund.objects.get(unit=ward, kind=FundKind.POOR_RELIEF)
        record_receipt(
            fund=ward_fund,
            entry_date=day - timedelta(days=20),
            amount=_amount(rng, 10 * MILLION, 20 * MILLION, MILLION),
            donor=f"Cán bộ, Nhân dân {ward.name[0].lower()}{ward.name[1:]}",
            receipt_number="0001",
            purpose="Ủng hộ Quỹ “Vì người nghèo” năm 2024",
        )
        record_disbursement(
            fund=ward_fund,
            entry_date=day + timedelta(days=25),
            amount=50 * MILLION,
            purpose="Hỗ trợ xây dựng nhà Đại đoàn kết",
            beneficiary=household,
            reference=f"Nhà Đại đoàn kết {household[0].lower()}{household[1:]}, {area}",
        )
    _donations(fund, rng, date(2024, 10, 17), 30, 8, "Ủng hộ Tháng cao điểm “Vì người nghèo” 2024")


def _disaster_relief(city: Unit, wards: dict[str, Unit], rng: random.Random) -> None:
    fund = open_fund(unit=city, kind=FundKind.DISASTER_RELIEF)
    _donations(
        fund,
        rng,
        date(2024, 9, 10),
        12,
        6,
        "Ủng hộ đồng bào các tỉnh miền Bắc bị thiệt hại do bão số 3 (Yagi)",
    )
    raised = sum(e.amount for e in fund.entries.all())
    transfer(
        fund=fund,
        to_unit=city.parent,
        entry_date=date(2024, 9, 25),
        amount=raised,
        purpose="Chuyển tiền ủng hộ đồng bào miền Bắc bị thiệt hại do bão số 3 về Ban Vận động "
        "cứu trợ tỉnh",
        decision_number="201/QĐ-MTTQ-BTT",
        decision_date=date(2024, 9, 24),
    )
    _donations(
        fund, rng, date(2024, 10, 29), 14, 8, "Ủng hộ khắc phục thiệt hại do bão số 6 (Trà Mi)"
    )
    for day, who, amount in [
        (date(2024, 11, 8), "12 hộ bị sập, tốc mái nhà ở xã Tam Thanh", 36 * MILLION),
        (date(2024, 11, 8), "8 hộ bị tốc mái nhà ở xã Tam Phú", 16 * MILLION),
    ]:
        record_disbursement(
            fund=fund,
            entry_date=day,
            amount=amount,
            beneficiary=who,
            purpose="Hỗ trợ khắc phục thiệt hại nhà ở do bão số 6",
            decision_number="231/QĐ-MTTQ-BTT",
            decision_date=date(2024, 11, 6),
        )
    transfer(
        fund=fund,
        to_unit=wards["tamthanh"],
        entry_date=date(2024, 11, 12),
        amount=20 * MILLION,
        purpose="Hỗ trợ ngư dân bị hư hỏng tàu thuyền do bão số 6",
        decision_number="235/QĐ-MTTQ-BTT",
        decision_date=date(2024, 11, 11),
    )
    commune = Fund.objects.get(unit=wards["tamthanh"], kind=FundKind.DISASTER_RELIEF)
    record_disbursement(
        fund=commune,
        entry_date=date(2024, 11, 15),
        amount=20 * MILLION,
        purpose="Hỗ trợ sửa chữa tàu thuyền bị hư hỏng do bão số 6 (4 hộ × 5.000.000 đồng)",
        beneficiary="4 hộ ngư dân thôn Thạch Tân, xã Tam Thanh",
    )


def _relief_goods(city: Unit, wards: dict[str, Unit]) -> None:
    store = create_store(
        unit=city,
        name="Kho hàng cứu trợ thành phố",
        address="Trụ sở Ủy ban MTTQ Việt Nam thành phố Tam Kỳ",
    )
    rice = add_item(name="Gạo", measure="kg")
    gifts = add_item(name="Quà Tết", measure="suất")
    noodles = add_item(name="Mì tôm", measure="thùng")
    water = add_item(name="Nước uống đóng chai", measure="thùng")
    record_stock_receipt(
        store=store,
        day=date(2024, 1, 15),
        number="01",
        donor="Công ty TNHH Thương mại Minh Phát",
        lines=[Line(rice, Decimal(5000))],
        note="Gạo chăm lo Tết Giáp Thìn 2024",
    )
    record_stock_receipt(
        store=store,
        day=date(2024, 1, 18),
        number="02",
        donor="Hội Chữ thập đỏ thành phố",
        lines=[Line(gifts, Decimal(400)), Line(rice, Decimal(1000))],
    )
    # An Phú's slip was written with 1.000 kg instead of 600: reversed, then written again.
    rice_for = {
        "anmy": 600,
        "anphu": 1000,
        "tamthang": 800,
        "tamthanh": 800,
        "tamphu": 800,
        "tamngoc": 800,
    }
    slips = {}
    for n, (suffix, kilos) in enumerate(rice_for.items()):
        slips[suffix] = issue_goods(
            store=store,
            day=date(2024, 1, 22) + timedelta(days=n // 2),
            number=f"{n + 1:02d}",
            recipient_unit=wards[suffix],
            recipient="",
            lines=[Line(rice, Decimal(kilos)), Line(gifts, Decimal(60))],
            note="Chăm lo Tết Giáp Thìn 2024 cho hộ nghèo, hộ cận nghèo",
        )
    reverse_stock_document(
        document=slips["anphu"],
        day=date(2024, 1, 23),
        reason="Ghi nhầm số lượng gạo (đúng là 600 kg)",
    )
    issue_goods(
        store=store,
        day=date(2024, 1, 23),
        number="07",
        recipient_unit=wards["anphu"],
        recipient="",
        lines=[Line(rice, Decimal(600)), Line(gifts, Decimal(60))],
        note="Lập lại phiếu xuất số 02",
    )
    record_stock_receipt(
        store=store,
        day=date(2024, 10, 30),
        number="03",
        donor="Công ty Cổ phần Bê tông Quảng Nam",
        lines=[Line(noodles, Decimal(300)), Line(water, Decimal(200))],
        note="Cứu trợ bão số 6",
    )
    for day, suffix, n_noodles, n_water in [
        (date(2024, 10, 31), "tamthanh", 150, 100),
        (date(2024, 11, 1), "tamphu", 100, 60),
    ]:
        issue_goods(
            store=store,
            day=day,
            recipient_unit=wards[suffix],
            recipient="",
            lines=[Line(noodles, Decimal(n_noodles)), Line(water, Decimal(n_water))],
            note="Cứu trợ khẩn cấp sau bão số 6",
        )


def create_funds(city: Unit, programme=None) -> None:
    """The city's funds and relief store for 2023–2024, with three wards' funds."""
    rng = random.Random(SEED)
    wards = {u.code.removeprefix(f"{city.code}-"): u for u in city.children.all()}
    _poor_relief(city, wards, rng)
    _disaster_relief(city, wards, rng)
    _relief_goods(city, wards)
