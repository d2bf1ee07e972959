"""The reconciliation report as Excel and as a Word report in the state format, kept as
generated files; amounts in words."""

from datetime import date
from io import BytesIO

import docx
import pytest
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from mattran.documents.models import GeneratedFile
from mattran.funds.entries import open_fund, reverse_entry
from mattran.funds.exports import export_reconciliation
from mattran.funds.models import FundKind
from mattran.funds.testing import donate, poor_fund, spend
from mattran.funds.transfers import transfer
from mattran.funds.words import amount_in_words
from mattran.testing import build_world

D = date


@pytest.fixture
def world(db):
    world = build_world()
    city = world.city.city
    world.fund = fund = poor_fund(city)
    donate(fund, D(2023, 11, 20), 40_000_000, donor="Điện lực Tam Kỳ", receipt_number="0012")
    donate(fund, D(2024, 2, 1), 150_000_000, donor="=cmd|' /C calc'!A0", receipt_number="0001")
    wrong = spend(fund, D(2024, 3, 14), 6_000_000, beneficiary="Hộ ông Đinh Văn Năm")
    reverse_entry(entry=wrong, entry_date=D(2024, 3, 15), reason="Ghi nhầm số tiền")
    spend(
        fund,
        D(2024, 8, 16),
        60_000_000,
        purpose="Hỗ trợ kinh phí xây dựng 01 nhà cho hộ nghèo huyện Nam Trà My",
        beneficiary="Ủy ban MTTQ Việt Nam huyện Nam Trà My",
        decision_number="176/QĐ-MTTQ-BTT",
        decision_date=D(2024, 8, 12),
    )
    transfer(
        fund=fund,
        to_unit=world.city.wards[0],
        entry_date=D(2024, 9, 9),
        amount=40_000_000,
        purpose="Hỗ trợ xây dựng nhà Đại đoàn kết",
    )
    world.relief = open_fund(unit=city, kind=FundKind.DISASTER_RELIEF)
    donate(world.relief, D(2024, 10, 30), 12_000_000, donor="Hội Chữ thập đỏ")
    return world


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (105, "Một trăm linh năm đồng"),
        (60_000_000, "Sáu mươi triệu đồng"),
        (90_000_000, "Chín mươi triệu đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (224_400_000, "Hai trăm hai mươi tư triệu bốn trăm nghìn đồng"),
        (2_015_000_000, "Hai tỷ không trăm mười lăm triệu đồng"),
    ],
)
def test_amounts_in_words(amount, words):
    assert amount_in_words(amount) == words


def test_the_excel_file_holds_the_summary_and_the_ledger(world):
    generated = export_reconciliation(
        unit=world.city.city,
        funds=[world.fund],
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        fmt="xlsx",
        actor=world.users["city_admin"],
    )
    assert generated.created_by == world.users["city_admin"] and generated.format == "xlsx"
    assert generated.name == "bao-cao-thu-chi-quy-vi-nguoi-ngheo-tk-20240101-20241231.xlsx"
    book = load_workbook(BytesIO(bytes(generated.data)))
    summary = book["Tổng hợp"]
    assert summary["A1"].value == (
        "BÁO CÁO Thu, chi Quỹ “Vì người nghèo” từ ngày 01/01/2024 đến ngày 31/12/2024"
    )
    figures = {row[1].value: row[2].value for row in summary.iter_rows(min_row=5)}
    assert figures["Tồn quỹ đầu kỳ (đến hết ngày 31/12/2023)"] == 40_000_000
    assert figures["Thu trong kỳ"] == 156_000_000
    assert figures["Điều chỉnh tăng (bút toán đảo các khoản chi)"] == 6_000_000
    assert figures["Chi trong kỳ"] == 106_000_000
    assert figures["Tồn quỹ cuối kỳ (đến hết ngày 31/12/2024)"] == 90_000_000
    ledger = book["Sổ quỹ Vì người nghèo"]
    rows = [[c.value for c in row] for row in ledger.iter_rows(min_row=5)]
    assert rows[0][1] == "Tồn đầu kỳ" and rows[0][8] == 40_000_000
    assert rows[1][3] == "'=cmd|' /C calc'!A0"  # a donor's name never runs as a formula
    assert rows[-1][6:] == [156_000_000, 106_000_000, 90_000_000]
    assert [r[8] for r in rows[1:-1]] == [
        190_000_000,
        184_000_000,
        190_000_000,
        130_000_000,
        90_000_000,
    ]


def test_the_word_report_is_in_the_state_format_with_the_closing_in_words(world):
    generated = export_reconciliation(
        unit=world.city.city,
        funds=[world.fund],
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        fmt="docx",
        day=D(2025, 1, 6),
    )
    document = docx.Document(BytesIO(bytes(generated.data)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text
    assert "Thu, chi Quỹ “Vì người nghèo” từ ngày 01/01/2024 đến ngày 31/12/2024" in text
    letterhead = " ".join(cell.text for cell in document.tables[0]._cells)
    assert "Tam Kỳ, ngày 06 tháng 01 năm 2025" in letterhead and "BC-MTTQ-BTT" in letterhead
    assert "Tồn quỹ đến hết ngày 31/12/2024: 90.000.000 đồng (Bằng chữ: Chín mươi triệu đồng)." in (
        text
    )
    assert "I. TỔNG HỢP THU, CHI" in text and "III. CHI TIẾT CÁC KHOẢN CHI" in text
    grids = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    summary, inflows, outflows = (g for g in grids if g[0][0] == "TT")
    assert summary[1] == ["I", "Tồn quỹ đầu kỳ (đến hết ngày 31/12/2023)", "40.000.000"]
    assert summary[-1] == ["IV", "Tồn quỹ cuối kỳ (đến hết ngày 31/12/2024)", "90.000.000"]
    assert inflows[1][2:] == [
        "0001",
        "=cmd|' /C calc'!A0",
        "Ủng hộ Quỹ “Vì người nghèo”",
        "150.000.000",
    ]
    nam_tra_my = next(row for row in outflows if "Nam Trà My" in row[2])
    assert nam_tra_my[1:] == [
        "16/08/2024",
        "Hỗ trợ kinh phí xây dựng 01 nhà cho hộ nghèo huyện Nam Trà My",
        "Ủy ban MTTQ Việt Nam huyện Nam Trà My",
        "176/QĐ-MTTQ-BTT ngày 12/08/2024",
        "60.000.000",
    ]
    assert outflows[-1][-1] == "106.000.000"


def test_a_unit_report_covers_every_fund_and_a_bad_period_is_refused(world):
    generated = export_reconciliation(
        unit=world.city.city,
        funds=[world.fund, world.relief],
        start=D(2024, 1, 1),
        end=D(2024, 12, 31),
        fmt="docx",
    )
    text = "\n".join(p.text for p in docx.Document(BytesIO(bytes(generated.data))).paragraphs)
    assert "Thu, chi Quỹ “Vì người nghèo” và Quỹ cứu trợ từ ngày 01/01/2024" in text
    assert "I. QUỸ “VÌ NGƯỜI NGHÈO”" in text and "II. QUỸ CỨU TRỢ" in text
    count = GeneratedFile.objects.count()
    with pytest.raises(ValidationError) as exc:
        export_reconciliation(
            unit=world.city.city,
            funds=[world.fund],
            start=D(2024, 12, 31),
            end=D(2024, 1, 1),
            fmt="xlsx",
        )
    assert "phải sau ngày bắt đầu" in " ".join(exc.value.messages)
    with pytest.raises(ValidationError):
        export_reconciliation(
            unit=world.city.city,
            funds=[world.fund],
            start=D(2024, 1, 1),
            end=D(2024, 1, 2),
            fmt="pdf",
        )
    assert GeneratedFile.objects.count() == count
