import io
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from mattran.imports import bench_diacritics
from mattran.imports.diacritics import (
    build_model,
    canonical_syllable,
    get_model,
    lacks_diacritics,
    restore_diacritics,
    strip_diacritics,
)

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
MARKED = (
    "ỦY BAN MTTQ VIỆT NAM\n"
    "Số: 199/KH-MTTQ-BTT\n"
    "Căn cứ Nghị quyết số 13/2023/NQ-HĐND ngày 22/9/2023 của HĐND tỉnh Quảng Nam;\n"
    "Ủy ban MTTQ Việt Nam thị xã Điện Bàn xây dựng kế hoạch thi đua năm 2024 như sau:"
)


@pytest.mark.parametrize(
    ("stripped", "restored"),
    [
        ("Uy ban MTTQ Viet Nam thi xa Dien Ban", "Ủy ban MTTQ Việt Nam thị xã Điện Bàn"),
        ("phat dong phong trao thi dua nim 2024", "phát động phong trào thi đua năm 2024"),
        ("S6: 199/KH-MTTQ-BTT", "Số: 199/KH-MTTQ-BTT"),
    ],
)
def test_it_restores_the_examples_exactly(stripped, restored):
    assert restore_diacritics(stripped) == restored


def test_strip_removes_tone_and_vowel_marks_and_keeps_the_rest():
    assert strip_diacritics("Đường số 5, Phường Hòa Thuận (ĐT: 0235)") == (
        "Duong so 5, Phuong Hoa Thuan (DT: 0235)"
    )
    assert strip_diacritics("Ủy ban MTTQ\nđồng") == "Uy ban MTTQ\ndong"


def test_text_with_marks_comes_back_unchanged():
    assert restore_diacritics(MARKED) == MARKED


def test_an_unmarked_line_inside_a_marked_document_is_restored():
    text = "Báo cáo tháng 3 của Ủy ban MTTQ phường.\nTo chuc hoi nghi tap huan nghiep vu"
    assert restore_diacritics(text).splitlines() == [
        "Báo cáo tháng 3 của Ủy ban MTTQ phường.",
        "Tổ chức hội nghị tập huấn nghiệp vụ",
    ]


def test_acronyms_document_numbers_dates_and_urls_are_kept():
    text = (
        "Can cu Nghi quyet so 13/2023/NQ-HDND ngay 22/9/2023 cua HDND tinh va "
        "Quyet dinh so 45/QD-UBND; xem https://mattran.quangnam.gov.vn/tin-tuc hoac "
        "gui van ban ve mttq.tamky@gmail.com, trang OA Zalo cua KDC."
    )
    assert restore_diacritics(text) == (
        "Căn cứ Nghị quyết số 13/2023/NQ-HĐND ngày 22/9/2023 của HĐND tỉnh và "
        "Quyết định số 45/QĐ-UBND; xem https://mattran.quangnam.gov.vn/tin-tuc hoặc "
        "gửi văn bản về mttq.tamky@gmail.com, trang OA Zalo của KDC."
    )


def test_case_is_kept_per_token():
    assert restore_diacritics("KE HOACH\nTo chuc Ngay hoi Dai doan ket") == (
        "KẾ HOẠCH\nTổ chức Ngày hội Đại đoàn kết"
    )
    assert restore_diacritics("CONG HOA XA HOI CHU NGHIA VIET NAM") == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )


def test_line_breaks_and_spacing_are_kept():
    text = "Noi nhan:\n- Ban Thuong truc;\n\n  - Luu: VT.\n\tTM. BAN THUONG TRUC\nCHU TICH\n"
    restored = restore_diacritics(text)
    assert restored == (
        "Nơi nhận:\n- Ban Thường trực;\n\n  - Lưu: VT.\n\tTM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\n"
    )


def test_the_restorer_writes_the_hoa_thuy_style():
    assert canonical_syllable("hoà") == "hòa"
    assert canonical_syllable("thuỷ") == "thủy"
    assert canonical_syllable("Uỷ") == "Ủy"
    assert canonical_syllable("quý") == "quý"
    assert canonical_syllable("người") == "người"
    assert restore_diacritics("Cong hoa, thuy loi, uy ban, khoe manh") == (
        "Cộng hòa, thủy lợi, ủy ban, khỏe mạnh"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Uy ban MTTQ Viet Nam thi xa Dien Ban to chuc hoi nghi tong ket cong tac Mat tran",
        "Bao cao ket qua thuc hien Cuoc van dong Toan dan doan ket xay dung nong thon moi",
    ],
)
def test_lacks_diacritics_on_stripped_vietnamese(text):
    assert lacks_diacritics(text)


@pytest.mark.parametrize(
    "text",
    [
        MARKED,
        "Ủy ban MTTQ Việt Nam thị xã Điện Bàn tổ chức hội nghị tổng kết công tác Mặt trận",
        "The committee will meet on Monday to discuss the annual report and the budget.",
        "2024 2025 2026 199/KH-MTTQ-BTT 13/2023/NQ-HĐND 45.000.000",
        "Viet Nam",
        "",
    ],
)
def test_lacks_diacritics_is_false_otherwise(text):
    assert not lacks_diacritics(text)


def test_the_model_works_without_the_dictionary_and_without_django():
    model = build_model(["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Nam."], set())
    assert model.skeletons["viet"] == ["việt"]
    assert "ủy" in model.known


_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", ": ", " - ", "/", "  ", "\t"])


@st.composite
def vietnamese_text(draw):
    syllables = sorted(get_model().known)
    words = draw(st.lists(st.sampled_from(syllables), min_size=1, max_size=30))
    parts = []
    for word in words:
        shape = draw(st.sampled_from([str.lower, str.lower, str.capitalize, str.upper]))
        parts += [shape(word), draw(_SEPARATORS)]
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_restore_never_raises_and_keeps_every_non_letter_in_place(text):
    restored = restore_diacritics(text)
    assert len(restored) == len(text)
    assert restored.count("\n") == text.count("\n")
    for before, after in zip(text, restored, strict=True):
        if not before.isalnum():
            assert after == before
    # Digits change only where OCR misread a letter inside a word ("S6" -> "Số").
    assert re.sub(r"\w*[^\W\d_]\w*", "", restored) == re.sub(r"\w*[^\W\d_]\w*", "", text)


@settings(max_examples=40, deadline=None)
@given(vietnamese_text())
def test_restoring_then_stripping_gives_back_the_stripped_text(text):
    stripped = strip_diacritics(text)
    assert strip_diacritics(restore_diacritics(stripped)) == stripped


def test_heldout_accuracy_is_at_least_95_percent():
    result = bench_diacritics.score(
        bench_diacritics.load(bench_diacritics.HELDOUT_DIR), strip_diacritics
    )
    assert result["tokens"] > 3000
    assert result["accuracy"] >= 0.95
    assert result["kept_ok"] == result["kept"]


def test_heldout_texts_are_never_training_text():
    corpus = {p.read_text(encoding="utf-8") for p in bench_diacritics.DATA_DIR.glob("corpus/*")}
    for text in bench_diacritics.load(bench_diacritics.HELDOUT_DIR):
        for line in text.splitlines():
            if len(line) > 80:
                assert not any(line in document for document in corpus)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no shared/seeds next to the repository")
def test_seed_documents_accuracy_is_at_least_95_percent():
    result = bench_diacritics.score(bench_diacritics.load(SEEDS), strip_diacritics)
    assert result["accuracy"] >= 0.95
    assert result["kept_ok"] == result["kept"]


def test_benchmark_prints_one_line_per_set():
    out = io.StringIO()
    results = bench_diacritics.run(out)
    printed = out.getvalue()
    assert "Văn bản heldout bỏ dấu: độ chính xác" in printed
    assert "nhiễu OCR" in printed
    assert results["ocr"]["accuracy"] >= 0.9


def test_command_prints_the_restored_file(tmp_path):
    path = tmp_path / "ocr.txt"
    path.write_text("Uy ban MTTQ Viet Nam thi xa Dien Ban\nS6: 199/KH-MTTQ-BTT\n", encoding="utf-8")
    out = io.StringIO()
    call_command("restore_diacritics", str(path), stdout=out)
    assert out.getvalue() == "Ủy ban MTTQ Việt Nam thị xã Điện Bàn\nSố: 199/KH-MTTQ-BTT\n"


def test_command_reads_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"phat dong thi dua nim 2024")))
    out = io.StringIO()
    call_command("restore_diacritics", "-", stdout=out)
    assert out.getvalue() == "phát động thi đua năm 2024\n"


def test_command_refuses_a_missing_file_in_vietnamese(tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("restore_diacritics", str(tmp_path / "khong-co.txt"))
