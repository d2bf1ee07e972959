"""Whatever file a user picks, the import gives a clear Vietnamese message or a result:
never an exception, never a lost page."""

from io import BytesIO

import docx
import pytest
from PIL import Image, ImageDraw
from pypdf import PdfWriter

from mattran.imports.extract.document import extract_structure
from mattran.imports.readers import ReadError, read_document
from mattran.imports.tests.pdfs import build_pdf, make_pdf


def many_pages_pdf(count: int) -> bytes:
    return build_pdf([[f"Trang {n} cua ke hoach"] for n in range(1, count + 1)])


def test_a_200_page_pdf_is_read_whole_with_progress():
    seen = []
    document = read_document(
        many_pages_pdf(200), "ke-hoach-dai.pdf", lambda done, total, step: seen.append(total)
    )
    assert document.pages == 200
    assert "Trang 1 cua ke hoach" in document.text and "Trang 200 cua ke hoach" in document.text
    assert seen and set(seen) == {200}


def test_a_password_protected_pdf_is_refused_in_vietnamese():
    writer = PdfWriter(clone_from=BytesIO(make_pdf(["KE HOACH"])))
    writer.encrypt(user_password="matkhau", owner_password="chu", algorithm="RC4-128")
    buffer = BytesIO()
    writer.write(buffer)
    with pytest.raises(ReadError, match="có mật khẩu: hãy gỡ mật khẩu rồi tải lại"):
        read_document(buffer.getvalue(), "bi-mat.pdf")


def test_a_photo_of_a_cat_is_refused_in_vietnamese():
    cat = Image.new("RGB", (640, 480), (120, 170, 220))
    draw = ImageDraw.Draw(cat)
    draw.ellipse((200, 200, 440, 420), fill=(230, 140, 60))  # body
    draw.ellipse((250, 90, 390, 230), fill=(230, 140, 60))  # head
    draw.polygon([(260, 120), (280, 50), (310, 105)], fill=(230, 140, 60))  # ears
    draw.polygon([(330, 105), (360, 50), (380, 120)], fill=(230, 140, 60))
    for y in (165, 175, 185):  # whiskers
        draw.line((230, y, 300, 170), fill=(40, 40, 40), width=2)
        draw.line((340, 170, 410, y), fill=(40, 40, 40), width=2)
    buffer = BytesIO()
    cat.save(buffer, format="JPEG")
    with pytest.raises(ReadError, match=r"Không nhận dạng được chữ nào trong “meo\.jpg”"):
        read_document(buffer.getvalue(), "meo.jpg")


def test_a_word_appendix_with_merged_and_repeated_cells_keeps_its_columns():
    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=3, cols=5)
    rows = [
        ("TT", "Nội dung", "2024", "2025", "2026"),
        ("1", "- Khu dân cư đạt chuẩn văn hóa", ">92%", ">92%", ">92%"),
        ("2", "- Trang thông tin điện tử", "Duy trì và hoạt động hiệu quả", "", ""),
    ]
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    merged = table.rows[2].cells[2].merge(table.rows[2].cells[4])
    merged.text = "Duy trì và hoạt động hiệu quả"
    buffer = BytesIO()
    document.save(buffer)
    text = read_document(buffer.getvalue(), "phu-luc.docx").text
    indicators = extract_structure(text).indicators
    assert indicators[0]["targets"] == {"2024": ">92%", "2025": ">92%", "2026": ">92%"}
    assert indicators[1]["targets"] == {"2024": "Duy trì và hoạt động hiệu quả"}


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "rong.pdf", "trống"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 40, "rac.pdf", "bị hỏng"),
        (b"PK\x03\x04" + b"\x00" * 100, "hong.docx", "không phải tệp Word"),
        ("Xin chào".encode("utf-16") + b"\x00\x00\xd8", "lech.txt", "không phải"),
        (b"GIF89a" + b"\x00" * 50, "anh.png", "không phải ảnh"),
    ],
)
def test_broken_files_get_a_clear_message(data, name, message):
    with pytest.raises(ReadError, match=message):
        read_document(data, name)
