import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from mattran.imports import bench_import
from mattran.imports.extract.citations import find_deadlines, find_references
from mattran.imports.extract.document import extract_structure
from mattran.imports.extract.header import read_header
from mattran.imports.extract.outline import build_outline
from mattran.imports.extract.quantities import find_quantities
from mattran.imports.extract.report import find_counts, report_period
from mattran.imports.quality import CATEGORIES

FIXTURES = Path(__file__).parent / "fixtures"


def extract(name: str):
    return extract_structure((FIXTURES / name).read_text("utf-8"))


def test_a_plan_head_in_the_state_format_is_read():
    doc = extract("ke_hoach_thi_dua.txt")
    assert doc.kind == "plan"
    assert doc.number == "199/KH-MTTQ-BTT"
    assert doc.date == date(2024, 3, 12) and doc.place == "Điện Bàn"
    assert doc.issuer == "ỦY BAN MTTQ VIỆT NAM THỊ XÃ ĐIỆN BÀN BAN THƯỜNG TRỰC"
    assert doc.title.startswith("Phát động phong trào thi đua năm 2024")
    assert [s.number for s in doc.sections] == ["I", "II", "III"]
    assert [s.number for s in doc.sections[1].sections] == ["1", "2"]
    assert doc.recipients[0] == "BTT UBMTTQ Việt Nam tỉnh"


def test_plan_indicators_tasks_owners_and_deadlines():
    doc = extract("ke_hoach_thi_dua.txt")
    assert [i["targets"] for i in doc.indicators] == [
        {"2024": "100%"},
        {"2024": "trên 90%"},
        {"2024": "ít nhất 01 mô hình chuyển đổi số"},
        {"2024": "45 nhà Đại đoàn kết"},
    ]
    youth = [t for t in doc.tasks if t["owner"] == "Thị đoàn"]
    assert [t["targets"] for t in youth] == [["03 đợt"], ["20 thanh niên khởi nghiệp tiếp cận"]]
    women = next(t for t in doc.tasks if t["owner"] == "Hội Liên hiệp Phụ nữ thị xã")
    assert women["targets"] == ["1.200 hội viên", "05 câu lạc bộ khởi nghiệp"]
    wards = [t for t in doc.tasks if t["owner"] == "Ủy ban MTTQ Việt Nam các xã, phường"]
    assert [t["due"] for t in wards] == ["2024-06-30", "2024-11-15"]
    assert [d["date"] for d in doc.as_dict()["deadlines"]] == [
        "2024-06-30",
        "2024-10-31",
        "2024-12-31",
        "2024-11-15",
        "2024-10-31",
    ]


def test_a_report_gives_its_period_counts_and_footnotes():
    doc = extract("bao_cao_phuong.txt")
    assert doc.kind == "report" and doc.period == "2024-H1"
    assert [(c["count"], c["footnote"]) for c in doc.counts] == [("07/09", 1), ("09/09", 2)]
    assert doc.counts[0]["footnote_text"].startswith("Khối phố 1, Khối phố 2")
    assert doc.references == [
        {"number": "15/QĐ-MTTQ-BTT", "date": "2024-03-05", "kind": "Quyết định"}
    ]


def test_an_appendix_table_gives_targets_per_year_column():
    text = (
        "PHỤ LỤC\n\nTT\tNội dung\tNăm 2024\tNăm 2025\tNăm 2026\n\n"
        "I. Công tác vận động\t\t\t\n\n"
        "1\t- Xây dựng nhà Đại đoàn kết cho hộ nghèo\t30/100 nhà\t\t70/100 nhà\n\n"
        "2\t- Khu dân cư đạt chuẩn văn hóa\t>92%\t>92%\t>92%"
    )
    doc = extract_structure(text)
    assert doc.kind == "appendix"
    section = doc.sections[0]
    assert section.number == "I" and section.title == "Công tác vận động"
    assert section.indicators == [
        {
            "text": "Xây dựng nhà Đại đoàn kết cho hộ nghèo",
            "targets": {"2024": "30/100 nhà", "2026": "70/100 nhà"},
        },
        {
            "text": "Khu dân cư đạt chuẩn văn hóa",
            "targets": {"2024": ">92%", "2025": ">92%", "2026": ">92%"},
        },
    ]


def test_numbered_structure_nests_by_level():
    outline = build_outline(
        [
            "I. NỘI DUNG",
            "1. Tuyên truyền",
            "1.1. Chỉ tiêu",
            "- một",
            "+ hai",
            "a) Ý thứ nhất",
            "2. Giám sát",
            "II. TỔ CHỨC THỰC HIỆN",
        ]
    )
    first, second = outline.sections
    assert [c.number for c in first.children] == ["1", "2"]
    sub = first.children[0].children[0]
    assert sub.number == "1.1" and [(i.bullet, i.text) for i in sub.items] == [
        ("-", "một"),
        ("+", "hai"),
    ]
    assert sub.children[0].number == "a"
    assert second.title == "TỔ CHỨC THỰC HIỆN"


def test_deadlines_are_dates_something_must_be_done_by():
    text = (
        "Kỷ niệm 77 năm ngày Thương binh liệt sĩ (27/7/1947-27/7/2024). Báo cáo gửi trước ngày "
        "**15/5/2024**; hoàn thành chậm nhất là ngày 30 tháng 9 năm 2024; khen thưởng trong tháng "
        "12/2024. Theo Kế hoạch số 54/KH-UBND ngày 21/02/2024. (Từ 15/7/2024 – 15/8/2024)"
    )
    assert [d.date for d in find_deadlines(text)] == [
        date(2024, 5, 15),
        date(2024, 9, 30),
        date(2024, 12, 31),
    ]


def test_references_keep_their_signs_and_dates():
    text = (
        "Thực hiện Nghị quyết số 13/2023/NQ-HĐND ngày 22/9/2023; Quyết định số 217, 218-QĐ/TW; "
        "Chương trình số 30-CTr/TU ngày 06/6/2023; Thông tư 124/TT-BCA; lại Nghị quyết số "
        "13/2023/NQ-HĐND."
    )
    refs = [(r.number, r.date) for r in find_references(text)]
    assert refs == [
        ("13/2023/NQ-HĐND", date(2023, 9, 22)),
        ("217-QĐ/TW", None),
        ("218-QĐ/TW", None),
        ("30-CTr/TU", date(2023, 6, 6)),
        ("124/TT-BCA", None),
    ]


def test_quantities_skip_dates_years_and_document_numbers():
    text = (
        "Phấn đấu trong năm 2024 thành lập mới 01 Chi hội nông dân nghề nghiệp, 26 Tổ hội "
        "theo Nghị quyết số 27/2023/NQ-HĐND ngày 28/11/2023; trên 100 nhà; 60.000.000 đồng[^3]."
    )
    assert find_quantities(text) == [
        "01 Chi hội nông dân nghề nghiệp",
        "26 Tổ hội",
        "trên 100 nhà",
        "60.000.000 đồng",
    ]


def test_report_periods_and_counts():
    assert report_period("Kết quả công tác Mặt trận tháng 8/2024") == "2024-08"
    assert report_period("Báo cáo 6 tháng đầu năm 2025") == "2025-H1"
    assert report_period("Báo cáo kết quả quý III/2024") == "2024-Q3"
    assert report_period("Tổng kết công tác năm 2024") == "2024"
    counts = find_counts("09/13 đơn vị tổ chức đối thoại (10); ngày 15/8/2024", {10: "…"})
    assert [(c.count, c.footnote) for c in counts] == [("09/13", 10)]


def test_header_from_a_word_table_row():
    header = read_header(
        [
            "ỦY BAN MTTQ VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 45/BC-MTTQ-BTT\tTam Kỳ, ngày 31 tháng 8 năm 2024",
            "BÁO CÁO",
            "Kết quả công tác",
        ]
    )
    assert (header.kind, header.number, header.place) == ("report", "45/BC-MTTQ-BTT", "Tam Kỳ")
    assert header.date == date(2024, 8, 31) and header.issuer == "ỦY BAN MTTQ VIỆT NAM"


@pytest.mark.parametrize("case", bench_import.cases(), ids=lambda c: c[0])
def test_precision_and_recall_against_hand_written_results(case):
    name, document, expected = case
    scores = bench_import.evaluate(document, expected)
    for category in CATEGORIES:
        assert scores[category].precision >= 0.9, (name, category)
        assert scores[category].recall >= 0.9, (name, category)


@pytest.mark.parametrize("case", bench_import.cases(), ids=lambda c: c[0])
def test_text_that_lost_its_diacritics_is_read_almost_as_well(case):
    name, document, expected = case
    scores = bench_import.evaluate(document, expected, stripped=True)
    for category in CATEGORIES:
        assert scores[category].precision >= 0.85, (name, category)
        assert scores[category].recall >= 0.85, (name, category)


def test_a_plan_without_diacritics_is_restored_before_it_is_read():
    from mattran.imports.diacritics import strip_diacritics

    doc = extract_structure(strip_diacritics((FIXTURES / "ke_hoach_thi_dua.txt").read_text()))
    assert doc.restored_diacritics and "khôi phục dấu" in doc.warnings[0]
    assert (doc.kind, doc.number, doc.place) == ("plan", "199/KH-MTTQ-BTT", "Điện Bàn")
    assert doc.title.startswith("Phát động phong trào thi đua năm 2024")
    assert [t["owner"] for t in doc.tasks][:2] == [
        "Ủy ban MTTQ Việt Nam các xã, phường",
        "Hội Liên hiệp Phụ nữ thị xã",
    ]


def test_the_project_fixtures_are_always_measured():
    names = [name for name, _, _ in bench_import.cases()]
    assert "ke_hoach_thi_dua" in names and "bao_cao_phuong" in names


@pytest.mark.django_db
def test_import_command_prints_json_with_owners_resolved(city, tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text((FIXTURES / "ke_hoach_thi_dua.txt").read_text("utf-8"), "utf-8")
    out = StringIO()
    call_command("import", str(path), "--format", "json", "--unit", city.city.code, stdout=out)
    data = json.loads(out.getvalue())
    assert data["kind"] == "plan" and data["number"] == "199/KH-MTTQ-BTT"
    assert data["date"] == "2024-03-12"
    assert data["sections"][1]["sections"][0]["indicators"][1]["targets"] == {"2024": "trên 90%"}
    wards = next(t for t in data["tasks"] if t["owner"] == "Ủy ban MTTQ Việt Nam các xã, phường")
    assert wards["owner_unit"]["level"] == "commune"


def test_import_command_refuses_a_broken_file_in_vietnamese(tmp_path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(Exception, match="bị hỏng"):
        call_command("import", str(path), stdout=StringIO())


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_the_extractor_never_fails_on_any_text(text):
    doc = extract_structure(text)
    json.dumps(doc.as_dict(), ensure_ascii=False)


_PIECES = st.sampled_from(
    [
        "I. ",
        "1.1. ",
        "- ",
        "+ ",
        "\t",
        "\n",
        "\n\n",
        "Số: 12/KH-MTTQ",
        "ngày 31/02/2024 ",
        "trước ngày 15/5/2024",
        "tháng 13/2024",
        "13/13 đơn vị",
        "[^1]",
        "[^1]: ",
        "Hội Nông dân: ",
        "KẾ HOẠCH",
        "BÁO CÁO",
        "Chỉ tiêu",
        "trên 100 nhà",
        "Nơi nhận:",
        "2024",
        "%",
        "(3)",
        "**",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_the_extractor_never_fails_on_document_like_noise(text):
    doc = extract_structure(text)
    for task in doc.tasks:
        assert task["due"] is None or date.fromisoformat(task["due"])
