"""OCR through Debian's Tesseract with Vietnamese data, on pages the test draws itself."""

from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from mattran.imports.readers import ReadError, read_document

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = [
    "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "Số: 199/KH-MTTQ-BTT",
    "Kế hoạch phát động phong trào thi đua năm 2024",
]


def page(lines, size=(1700, 600)) -> Image.Image:
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 44)
    for i, line in enumerate(lines):
        draw.text((80, 80 + i * 110), line, fill=0, font=font)
    return image


def encoded(image: Image.Image, fmt: str) -> bytes:
    out = BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def test_a_photographed_page_is_read_in_vietnamese():
    document = read_document(encoded(page(LINES), "PNG"), "ke-hoach.png")
    assert document.kind == "scan"
    assert "199/KH-MTTQ-BTT" in document.text
    assert "phong trào thi đua" in document.text


def test_a_scanned_pdf_is_read_page_by_page():
    pdf = encoded(page(LINES).convert("RGB"), "PDF")
    document = read_document(pdf, "scan.pdf")
    assert document.kind == "scan" and document.pages == 1
    assert "MTTQ" in document.text


def test_a_picture_without_text_gets_a_clear_message():
    cat = Image.new("L", (600, 400), 200)
    ImageDraw.Draw(cat).ellipse((150, 80, 450, 330), fill=90)  # a grey cat, seen from afar
    try:
        read_document(encoded(cat, "JPEG"), "con-meo.jpg")
    except ReadError as exc:
        assert "Không nhận dạng được chữ nào" in str(exc)
    else:
        raise AssertionError("a picture without text must be refused")
