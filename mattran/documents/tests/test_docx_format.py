"""The DOCX writer keeps the state format (Nghị định 30/2020/NĐ-CP) and real Word footnotes."""

import re
import unicodedata
from datetime import date
from io import BytesIO

import docx
import pdfplumber
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from mattran.documents import pdf as pdf_module
from mattran.documents.docx_format import (
    Block,
    Letterhead,
    OfficialDocument,
    Signature,
    number_line,
    place_and_date,
    write_docx,
)
from mattran.documents.pdf import ConversionError, docx_to_pdf

LINK = (
    "https://mattrantamky.vn/vi/news/chi-dao-dieu-hanh/"
    "hanh-trinh-ve-nguon-cua-uy-ban-mttq-viet-nam-thanh-pho-tam-ky-623.html"
)
DIALOGUES = (
    "**Phường An Mỹ:** Đối thoại trực tiếp giữa Bí thư Đảng ủy với Nhân dân; "
    "**Xã Tam Thăng:** Đối thoại trực tiếp giữa cấp ủy, chính quyền với trẻ em; "
    "**Phường Hòa Hương:** Hội nghị đối thoại trực tiếp giữa Chủ tịch UBND phường với Nhân dân."
)
# the footnotes in the order their markers appear in the report below
FOOTNOTES = [
    "Kỷ niệm 77 năm ngày Thương binh liệt sĩ (27/7/1947-27/7/2024) & Ngày Quốc khánh 02/9.",
    f"<{LINK}>",
    DIALOGUES,
    "Số liệu tính đến ngày 20/8/2024.",
]


def monthly_report(**changes) -> OfficialDocument:
    blocks = [
        Block("heading1", "I. KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 8 NĂM 2024"),
        Block("heading2", "1. Công tác tuyên truyền, vận động tập hợp các tầng lớp Nhân dân"),
        Block(
            "bullet",
            "Ủy ban MTTQ Việt Nam các cấp phối hợp tuyên truyền các hoạt động kỷ niệm của "
            "đất nước[^1]; thành lập Đoàn hành trình về địa chỉ đỏ[^link].",
            footnotes={"1": FOOTNOTES[0], "link": FOOTNOTES[1]},
        ),
        Block("heading2", "2. Tham gia xây dựng Đảng, chính quyền; giám sát và phản biện xã hội"),
        Block(
            "bullet",
            "Có 09/13 đơn vị Mặt trận cấp xã, phường tổ chức Hội nghị đối thoại trực tiếp "
            "giữa người đứng đầu cấp ủy, chính quyền với Nhân dân[^a].",
            footnotes={"a": DIALOGUES},
        ),
        Block("paragraph", "Kết quả đối thoại của các đơn vị như sau:"),
        Block(
            "table",
            rows=[
                ["TT", "Đơn vị", "Số cuộc", "Tỷ lệ"],
                ["1", "Phường An Mỹ", "2", "100%"],
                ["2", "Xã Tam Thăng[^t]", "1", "50,0%"],
            ],
            footnotes={"t": FOOTNOTES[3]},
            widths_cm=[1.2, 9.0, 3.0, 3.3],
        ),
        Block("heading1", "II. NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 9 NĂM 2024"),
        Block("paragraph", "1. Tổ chức giao ban đội ngũ cộng tác viên nắm dư luận xã hội."),
        Block("paragraph", "Trên đây là Báo cáo kết quả công tác Mặt trận tháng 8/2024./."),
    ]
    fields = {
        "letterhead": Letterhead(
            parent_lines=["ỦY BAN MTTQ VIỆT NAM", "THÀNH PHỐ TAM KỲ"],
            office="BAN THƯỜNG TRỰC",
            sign="BC-MTTQ-BTT",
            number="45",
            place="Tam Kỳ",
            date=date(2024, 9, 5),
        ),
        "doc_type": "BÁO CÁO",
        "summary": "Kết quả công tác Mặt trận tháng 8/2024, nhiệm vụ trọng tâm tháng 9/2024",
        "blocks": blocks,
        "recipients": ["Ủy ban MTTQ Việt Nam tỉnh", "Ban Dân vận Thành ủy", "Lưu: VP"],
        "signature": Signature("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Nguyễn Ba"),
    }
    return OfficialDocument(**(fields | changes))


@pytest.fixture(scope="module")
def data():
    return write_docx(monthly_report())


@pytest.fixture
def document(data):
    return docx.Document(BytesIO(data))


def plain(markup: str) -> str:
    return re.sub(r"\*\*|<(https?://[^>]+)>", lambda m: m.group(1) or "", markup)


def texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def body_paragraphs(document):
    """Paragraphs of the body proper: after the summary's line, before the signature."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("I. KẾT QUẢ"))
    return [p for p in paragraphs[start:] if p.text]


def footnotes_root(document):
    part = document.part.part_related_by(RT.FOOTNOTES)
    assert part.content_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    )
    assert str(part.partname) == "/word/footnotes.xml"
    return part, etree.fromstring(part.blob)


def test_the_page_is_a4_portrait_with_the_state_margins(document):
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    sizes = (
        "page_width",
        "page_height",
        "top_margin",
        "bottom_margin",
        "left_margin",
        "right_margin",
    )
    # stored in twips, so compare to a tenth of a millimetre
    assert [round(getattr(section, name).mm, 1) for name in sizes] == [210, 297, 20, 20, 30, 15]


def test_every_script_is_set_in_times_new_roman(document):
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{script}")) == "Times New Roman"
    defaults = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert defaults.get(qn("w:asciiTheme")) is None
    assert defaults.get(qn("w:eastAsia")) == "Times New Roman"


def test_the_letterhead_holds_the_four_boxes(document):
    header = document.tables[0]
    assert len(header.columns) == 2
    parent, country = header.rows[0].cells
    number, place = header.rows[1].cells
    assert texts(parent) == ["ỦY BAN MTTQ VIỆT NAM", "THÀNH PHỐ TAM KỲ", "BAN THƯỜNG TRỰC"]
    office = parent.paragraphs[2].runs[0]
    assert office.bold and office.font.size == Pt(13)
    assert not parent.paragraphs[0].runs[0].bold
    assert texts(country) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(p.runs[0].bold for p in country.paragraphs if p.text)
    assert texts(number) == ["Số: 45/BC-MTTQ-BTT"]
    assert texts(place) == ["Tam Kỳ, ngày 05 tháng 9 năm 2024"]
    assert place.paragraphs[0].runs[0].italic
    assert place.paragraphs[0].runs[0].font.size == Pt(14)
    # the lines under the issuing body and the tiêu ngữ are paragraph borders
    assert len(parent._tc.findall(".//" + qn("w:pBdr"))) == 1
    assert len(country._tc.findall(".//" + qn("w:pBdr"))) == 1


def test_the_document_type_and_summary_are_bold_and_centred(document):
    kind, summary = [p for p in document.paragraphs if p.text][:2]
    assert kind.text == "BÁO CÁO"
    assert summary.text.startswith("Kết quả công tác Mặt trận tháng 8/2024")
    for paragraph in (kind, summary):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraph.runs)
        assert paragraph.runs[0].font.size == Pt(14)


def test_the_body_is_justified_with_an_indented_first_line(document):
    paragraphs = body_paragraphs(document)
    assert [p.text for p in paragraphs[:2]] == [
        "I. KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 8 NĂM 2024",
        "1. Công tác tuyên truyền, vận động tập hợp các tầng lớp Nhân dân",
    ]
    assert all(run.bold for run in paragraphs[0].runs + paragraphs[1].runs)
    assert paragraphs[2].text.startswith("- Ủy ban MTTQ Việt Nam các cấp")
    for paragraph in paragraphs:
        fmt = paragraph.paragraph_format
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert fmt.first_line_indent == Cm(1.27)
        assert fmt.space_after == Pt(6)
        assert 1.0 <= fmt.line_spacing <= 1.5


def test_footnotes_are_real_word_footnotes_numbered_in_order(document):
    _, root = footnotes_root(document)
    notes = root.findall(qn("w:footnote"))
    assert [(n.get(qn("w:id")), n.get(qn("w:type"))) for n in notes[:2]] == [
        ("-1", "separator"),
        ("0", "continuationSeparator"),
    ]
    numbered = notes[2:]
    assert [n.get(qn("w:id")) for n in numbered] == ["1", "2", "3", "4"]
    for note, expected in zip(numbered, FOOTNOTES, strict=True):
        runs = note.findall(".//" + qn("w:r"))
        assert runs[0].find(qn("w:footnoteRef")) is not None
        assert "".join(note.itertext()).strip() == plain(expected)
    # **…** are bold runs, and nothing else is
    bold = [
        "".join(r.itertext())
        for r in numbered[2].iter(qn("w:r"))
        if r.find(qn("w:rPr") + "/" + qn("w:b")) is not None
    ]
    assert bold == ["Phường An Mỹ:", "Xã Tam Thăng:", "Phường Hòa Hương:"]
    # the body refers to them 1..N in reading order, each as a superscript run
    references = document.element.body.findall(".//" + qn("w:footnoteReference"))
    assert [r.get(qn("w:id")) for r in references] == ["1", "2", "3", "4"]
    for reference in references:
        run_props = reference.getparent().find(qn("w:rPr"))
        assert run_props.find(qn("w:vertAlign")).get(qn("w:val")) == "superscript"
    assert "[^" not in document.element.body.xpath("string(.)")
    settings_xml = document.settings.element
    assert settings_xml.find(qn("w:footnotePr")) is not None


def test_a_link_in_a_footnote_is_a_clickable_hyperlink(document):
    part, root = footnotes_root(document)
    link = root.find(".//" + qn("w:hyperlink"))
    assert "".join(link.itertext()) == LINK
    assert part.rels[link.get(qn("r:id"))].target_ref == LINK
    styles = {s.style_id for s in document.styles}
    assert {"FootnoteText", "FootnoteReference", "Hyperlink"} <= styles


def test_pages_are_numbered_at_the_top_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header
    assert not header.is_linked_to_previous
    assert header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = header._element.xpath(".//w:instrText")
    assert [i.text.strip() for i in instructions] == ["PAGE"]
    assert not section.first_page_header._element.xpath(".//w:instrText")


def test_the_table_has_a_repeated_bold_header_and_the_given_widths(document):
    table = document.tables[1]
    assert table.style.name == "Table Grid"
    heading, first = table.rows[0], table.rows[1]
    assert heading._tr.trPr.find(qn("w:tblHeader")) is not None
    assert first._tr.trPr.find(qn("w:tblHeader")) is None
    assert all(c.paragraphs[0].runs[0].bold for c in heading.cells)
    assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER for c in heading.cells)
    assert [round(c.width.cm, 1) for c in table.columns] == [1.2, 9.0, 3.0, 3.3]
    assert first.cells[3].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[2].cells[1].text == "Xã Tam Thăng"  # its [^t] became footnote 4


def test_the_signature_box_names_the_recipients_and_the_signer(document):
    signature = document.tables[-1]
    recipients, signer = signature.rows[0].cells
    assert texts(recipients) == [
        "Nơi nhận:",
        "- Ủy ban MTTQ Việt Nam tỉnh;",
        "- Ban Dân vận Thành ủy;",
        "- Lưu: VP.",
    ]
    heading = recipients.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size == Pt(12)
    assert recipients.paragraphs[1].runs[0].font.size == Pt(11)
    assert texts(signer) == ["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Nguyễn Ba"]
    assert len(signer.paragraphs) >= 7  # room to sign between the position and the name
    assert all(p.runs[0].bold for p in signer.paragraphs if p.text)


def test_numbers_and_dates_follow_the_leading_zero_rules():
    assert number_line("45", "BC-MTTQ-BTT") == "Số: 45/BC-MTTQ-BTT"
    assert number_line("5", "BC-MTTQ-BTT") == "Số: 05/BC-MTTQ-BTT"
    assert number_line("199", "KH-MTTQ-BTT") == "Số: 199/KH-MTTQ-BTT"
    assert number_line("", "BC-MTTQ-BTT") == "Số:      /BC-MTTQ-BTT"
    assert place_and_date("Tam Kỳ", date(2024, 9, 5)) == "Tam Kỳ, ngày 05 tháng 9 năm 2024"
    assert place_and_date("Tam Kỳ", date(2024, 9, 15)) == "Tam Kỳ, ngày 15 tháng 9 năm 2024"
    assert place_and_date("Tam Kỳ", date(2025, 2, 5)) == "Tam Kỳ, ngày 05 tháng 02 năm 2025"
    assert place_and_date("Tam Kỳ", date(2025, 1, 31)) == "Tam Kỳ, ngày 31 tháng 01 năm 2025"
    assert place_and_date("Lương Minh", date(2025, 12, 1)) == (
        "Lương Minh, ngày 01 tháng 12 năm 2025"
    )


def test_a_blank_number_is_left_for_the_clerk_in_the_document():
    commune = ["ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH"]
    head = Letterhead(commune, "BAN THƯỜNG TRỰC", "BC-MTTQ-BTT", "", "Lương Minh", date(2025, 2, 5))
    document = docx.Document(BytesIO(write_docx(monthly_report(letterhead=head))))
    number, place = document.tables[0].rows[1].cells
    assert number.text == "Số:      /BC-MTTQ-BTT"
    assert place.text == "Lương Minh, ngày 05 tháng 02 năm 2025"


MARKUP = st.lists(
    st.one_of(
        st.text(max_size=20),
        st.sampled_from(
            [
                "**",
                "[^a]",
                "[^b]",
                "[^zz]",
                "<https://x.vn/?a=1&b=<2>>",
                "<https://mattran.vn>",
                "& < > \" '",
                "\x00\x0b\x1f",
                "\ud800",
                "\n",
                "\t",
                "😀👍🏽",
                "x" * 400,
                "",
            ]
        ),
    ),
    max_size=6,
).map("".join)
BLOCKS = st.builds(
    Block,
    kind=st.sampled_from(["heading1", "heading2", "paragraph", "bullet", "table", "other"]),
    text=MARKUP,
    footnotes=st.dictionaries(st.sampled_from(["a", "b"]), MARKUP, max_size=2),
    rows=st.lists(st.lists(MARKUP, max_size=4), max_size=3),
    header_rows=st.integers(-2, 5),
    widths_cm=st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=5),
)


@settings(max_examples=40, deadline=None)
@given(
    blocks=st.lists(BLOCKS, max_size=5),
    recipients=st.lists(MARKUP, max_size=4),
    words=st.lists(MARKUP, min_size=6, max_size=6),
    number=st.text(max_size=8),
    day=st.one_of(st.none(), st.dates()),
)
def test_any_text_makes_a_document_that_word_can_open(blocks, recipients, words, number, day):
    letterhead = Letterhead([words[0]], words[1], words[2], number, words[3], day)
    document = OfficialDocument(
        letterhead, words[4], words[5], blocks, recipients, Signature(words[0], words[1], words[2])
    )
    opened = docx.Document(BytesIO(write_docx(document)))
    references = opened.element.body.findall(".//" + qn("w:footnoteReference"))
    _, root = footnotes_root(opened)
    assert len(root.findall(qn("w:footnote"))) == len(references) + 2


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def test_the_pdf_shows_the_title_and_the_footnotes(data):
    if pdf_module._soffice() is None:
        pytest.fail(
            "LibreOffice is missing: run `make system-deps` "
            "(apt-get install libreoffice-writer-nogui)."
        )
    pdf = docx_to_pdf(data)
    assert pdf.startswith(b"%PDF")
    with pdfplumber.open(BytesIO(pdf)) as opened:
        text = nfc("\n".join(page.extract_text() or "" for page in opened.pages))
    assert "BÁO CÁO" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert nfc("Đối thoại trực tiếp giữa Bí thư Đảng ủy với Nhân dân") in text
    assert nfc("Số liệu tính đến ngày 20/8/2024.") in text


def test_conversion_errors_are_explained_in_vietnamese(monkeypatch):
    if pdf_module._soffice() is not None:
        with pytest.raises(ConversionError, match=r"quá 0\.01 giây"):
            docx_to_pdf(write_docx(monthly_report()), timeout=0.01)
    monkeypatch.setattr(pdf_module, "_soffice", lambda: None)
    with pytest.raises(ConversionError, match="Máy chủ chưa cài LibreOffice"):
        docx_to_pdf(b"PK")
