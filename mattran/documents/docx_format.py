"""Official documents in the state format as DOCX.

Plain data in, bytes out. The layout follows Nghị định 30/2020/NĐ-CP, Phụ lục I (see
REFERENCE.md §1): A4, margins 20/20/30/15 mm, Times New Roman, the letterhead boxes, a
justified 14 pt body, page numbers centred in the top margin from page 2, and the
"Nơi nhận" and signature boxes at the end.

python-docx has no footnote API (python-openxml/python-docx#1), so the footnotes part,
its styles and the `w:footnotePr` setting are written here by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from mattran.documents.docx_xml import (
    PPR_ORDER,
    SETTINGS_ORDER,
    TBLPR_ORDER,
    insert_ordered,
    row_property,
    text_width_cm,
)

FONT = "Times New Roman"
TEXT_WIDTH_CM = 21.0 - 3.0 - 1.5  # A4 less the left and right margins
HEADER_COLUMNS_CM = (6.2, 10.3)  # the quốc hiệu at 13 pt bold is 9.5 cm long
SIGNATURE_COLUMNS_CM = (7.5, 9.0)
BODY_INDENT = Cm(1.27)


@dataclass
class Letterhead:
    parent_lines: list[str]
    office: str
    sign: str
    number: str
    place: str
    date: date | None


@dataclass
class Signature:
    authority: str
    position: str
    name: str


@dataclass
class Block:
    kind: str  # heading1, heading2, paragraph, bullet, table
    text: str = ""
    footnotes: dict[str, str] = field(default_factory=dict)
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 1
    widths_cm: list[float] = field(default_factory=list)


@dataclass
class OfficialDocument:
    letterhead: Letterhead
    doc_type: str
    summary: str
    blocks: list[Block]
    recipients: list[str]
    signature: Signature
    landscape_tables: bool = False  # accepted for callers; tables stay in portrait


# ---------------------------------------------------------------- the small rules of box 3 and 4


def number_line(number: str, sign: str) -> str:
    """Box 3: "Số: 05/BC-MTTQ-BTT"; a blank number leaves room for the clerk's pen."""
    number = _clean(number).strip()
    if number.isdigit() and int(number) < 10:
        number = f"{int(number):02d}"
    sign = _clean(sign).strip()
    number = f" {number}" if number else " " * 6
    return f"Số:{number}/{sign}" if sign else f"Số:{number}"


def place_and_date(place: str, when: date | None) -> str:
    """Box 4: "Tam Kỳ, ngày 05 tháng 9 năm 2024" (leading 0 for days < 10, months 1 and 2)."""
    if when is None:
        text = "ngày      tháng      năm       "
    else:
        month = f"{when.month:02d}" if when.month < 3 else str(when.month)
        text = f"ngày {when.day:02d} tháng {month} năm {when.year}"
    place = _clean(place).strip()
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


# ---------------------------------------------------------------------------------- writing


def write_docx(document: OfficialDocument) -> bytes:
    """The document as DOCX bytes; any text is accepted (markup that does not parse is kept)."""
    doc = docx.Document()
    _set_up_styles(doc)
    _set_up_page(doc)
    notes = _Footnotes(doc)
    _write_letterhead(doc, document.letterhead)
    _write_title(doc, document.doc_type, document.summary)
    after_table, paragraph = False, None
    for block in document.blocks:
        if block.kind == "table":
            _write_table(doc, block, notes)
            after_table, paragraph = bool(block.rows), None
            continue
        heading = block.kind in ("heading1", "heading2")
        paragraph = doc.add_paragraph()
        _body_format(paragraph, space_before=6 if after_table or block.kind == "heading1" else 0)
        paragraph.paragraph_format.keep_with_next = heading
        after_table = False
        text = "- " + block.text if block.kind == "bullet" else block.text
        _write_inline(paragraph, text, size=14, bold=heading, notes=notes, defs=block.footnotes)
    if paragraph is not None:  # the signature never stands alone on the last page
        paragraph.paragraph_format.keep_with_next = True
    _write_signature(doc, document.recipients, document.signature)
    doc.core_properties.title = _clean(f"{document.doc_type} {document.summary}").strip()[:250]
    doc.core_properties.author = "Mattran"
    doc.core_properties.language = "vi-VN"
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


_INVALID_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TOKEN = re.compile(r"\*\*|<(https?://[^<>\s]+)>|\[\^([^\[\]\s]+)\]")
_NUMBER = re.compile(r"^[+\-−]?\d[\d.,/\s]*%?$")


def _clean(text: str | None) -> str:
    """Drop what XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _INVALID_XML.sub("", str(text or ""))


def _segments(text: str):
    """Split inline markup into ("text"|"link"|"note", value, bold) triples."""
    text = _clean(text)
    tokens = list(_TOKEN.finditer(text))
    stars = [t for t in tokens if t.group(0) == "**"]
    if len(stars) % 2:  # an unpaired ** stays as written
        tokens.remove(stars[-1])
    bold, position = False, 0
    for token in tokens:
        if token.start() > position:
            yield "text", text[position : token.start()], bold
        if token.group(0) == "**":
            bold = not bold
        elif token.group(1):
            yield "link", token.group(1), bold
        else:
            yield "note", token.group(2), bold
        position = token.end()
    if position < len(text):
        yield "text", text[position:], bold


def _write_inline(
    paragraph, text, *, size, bold=False, italic=False, notes=None, defs=None, part=None
):
    """Write `text` with its **bold**, <links> and [^footnote] markers into `paragraph`."""
    defs = defs or {}
    for kind, value, strong in _segments(text):
        if kind == "link":
            run = _add_link(paragraph, value, part or paragraph.part)
        elif kind == "note" and notes is not None and value in defs:
            notes.reference(paragraph, defs[value], size)
            continue
        else:
            run = paragraph.add_run(value if kind == "text" else f"[^{value}]")
        run.font.size = Pt(size)
        run.bold = True if (bold or strong) else None
        run.italic = True if italic else None


def _add_link(paragraph, url: str, part) -> Run:
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    r = OxmlElement("w:r")
    link.append(r)
    r.get_or_add_rPr().style = "Hyperlink"
    run = Run(r, paragraph)
    run.text = url
    return run


class _Footnotes:
    """The /word/footnotes.xml part: two separators, then one note per reference, numbered 1..N."""

    def __init__(self, doc):
        xml = (
            f"<w:footnotes {nsdecls('w', 'r')}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            "</w:footnotes>"
        )
        package = doc.part.package
        self.part = XmlPart(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), package
        )
        doc.part.relate_to(self.part, RT.FOOTNOTES)
        self.count = 0
        note_pr = parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
            '<w:footnote w:id="0"/></w:footnotePr>'
        )
        insert_ordered(doc.settings.element, note_pr, SETTINGS_ORDER)

    def reference(self, paragraph, text: str, size: float) -> None:
        self.count += 1
        number = str(self.count)
        run = paragraph.add_run()
        run._r.get_or_add_rPr().style = "FootnoteReference"
        run.font.superscript = True
        run.font.size = Pt(size)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), number)
        run._r.append(ref)

        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), number)
        p = OxmlElement("w:p")
        note.append(p)
        self.part.element.append(note)
        p.get_or_add_pPr().style = "FootnoteText"
        body = Paragraph(p, None)
        mark = body.add_run()
        mark._r.get_or_add_rPr().style = "FootnoteReference"
        mark.font.superscript = True
        mark._r.append(OxmlElement("w:footnoteRef"))
        body.add_run(" ").font.size = Pt(12)
        _write_inline(body, text, size=12, part=self.part)


# ------------------------------------------------------------------------- styles and page


def _set_up_styles(doc) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    rpr.find(qn("w:lang")).set(qn("w:val"), "vi-VN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _fonts(normal.element.get_or_add_rPr())
    w = nsdecls("w")
    for xml in (
        f'<w:style {w} w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>'
        '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="both"/>'
        '</w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>',
        f'<w:style {w} w:type="character" w:styleId="FootnoteReference">'
        '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
        f'<w:style {w} w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
        '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>',
    ):
        styles.append(parse_xml(xml))


def _fonts(rpr) -> None:
    """Times New Roman for every script, so Vietnamese never falls back to a theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        fonts.attrib.pop(attr)
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)


def _set_up_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False  # an empty header on page 1
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (
        ("begin", ""),
        ("instr", " PAGE "),
        ("separate", ""),
        ("text", "2"),
        ("end", ""),
    ):
        run = paragraph.add_run()
        run.font.size = Pt(14)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    # the default template carries a thumbnail of a blank Letter page
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            rels.pop(r_id)
            rels.related_parts.pop(r_id, None)


# --------------------------------------------------------------------------------- the boxes


def _write_letterhead(doc, head: Letterhead) -> None:
    table = _table(doc, 2, HEADER_COLUMNS_CM, borders=False, cell_margin_cm=0, rows=2)
    left, right = table.rows[0].cells
    width_left, width_right = HEADER_COLUMNS_CM
    for i, line in enumerate(head.parent_lines):
        _line(left, line.upper(), 13, first=i == 0)
    office = _clean(head.office).upper()
    _line(left, office, 13, bold=True, first=not head.parent_lines)
    _rule(left, width_left, min(text_width_cm(office, 13, True), width_left) * 0.4)
    _line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, first=True)
    motto = "Độc lập - Tự do - Hạnh phúc"
    _line(right, motto, 14, bold=True)
    _rule(right, width_right, text_width_cm(motto, 14, True))
    left, right = table.rows[1].cells
    number = _line(left, number_line(head.number, head.sign), 13, first=True)
    when = _line(right, place_and_date(head.place, head.date), 14, italic=True, first=True)
    number.paragraph_format.space_before = when.paragraph_format.space_before = Pt(4)


def _write_title(doc, doc_type: str, summary: str) -> None:
    doc_type = _clean(doc_type).strip().upper()
    if doc_type:
        paragraph = doc.add_paragraph()
        _centred(paragraph, space_before=18)
        _write_inline(paragraph, doc_type, size=14, bold=True)
    paragraph = doc.add_paragraph()
    _centred(paragraph, space_before=0 if doc_type else 18)
    _write_inline(paragraph, summary, size=14, bold=True)
    plain = re.sub(r"\*\*", "", _clean(summary))
    line = min(text_width_cm(plain, 14, True), TEXT_WIDTH_CM) * 0.4
    rule = _rule(doc, TEXT_WIDTH_CM, max(line, 2.0))
    rule.paragraph_format.space_after = Pt(12)


def _write_table(doc, block: Block, notes: _Footnotes) -> None:
    rows = [[_clean(c) for c in row] for row in block.rows]
    columns = max((len(r) for r in rows), default=0)
    if not columns:
        return
    widths = [w for w in block.widths_cm if isinstance(w, int | float) and 0.1 < w < 100]
    widths = widths[:columns]
    if len(widths) < columns:
        rest = max(TEXT_WIDTH_CM - sum(widths), 1.0 * (columns - len(widths)))
        widths += [rest / (columns - len(widths))] * (columns - len(widths))
    if sum(widths) > TEXT_WIDTH_CM:
        widths = [w * TEXT_WIDTH_CM / sum(widths) for w in widths]
    size = 13 if columns < 6 else 12
    header_rows = max(0, min(block.header_rows, len(rows)))
    table = _table(doc, columns, widths, borders=True, cell_margin_cm=0.1, rows=len(rows))
    for i, (row, table_row) in enumerate(zip(rows, table.rows, strict=True)):
        heading = i < header_rows
        if heading:
            row_property(table_row._tr, "tblHeader")
        row_property(table_row._tr, "cantSplit")
        cells = zip(row + [""] * (columns - len(row)), table_row.cells, strict=True)
        for j, (text, cell) in enumerate(cells):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.space_before = fmt.space_after = Pt(2)
            if heading:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif _NUMBER.match(text.strip()):  # the first column holds the row number (TT)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if j else WD_ALIGN_PARAGRAPH.CENTER
            _write_inline(
                paragraph, text, size=size, bold=heading, notes=notes, defs=block.footnotes
            )


def _write_signature(doc, recipients: list[str], signature: Signature) -> None:
    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_before = Pt(6)
    spacer.paragraph_format.keep_with_next = True
    table = _table(doc, 2, SIGNATURE_COLUMNS_CM, borders=False, cell_margin_cm=0)
    row_property(table.rows[0]._tr, "cantSplit")
    left, right = table.rows[0].cells
    _line(left, "Nơi nhận:", 12, bold=True, italic=True, first=True, centred=False)
    names = [_clean(r).strip().removeprefix("-").strip().rstrip(";.").strip() for r in recipients]
    names = [n for n in names if n]
    for i, name in enumerate(names):
        _line(left, f"- {name}{'.' if i == len(names) - 1 else ';'}", 11, centred=False)
    _line(right, _clean(signature.authority).upper(), 14, bold=True, first=True)
    _line(right, _clean(signature.position).upper(), 14, bold=True)
    for _ in range(4):
        _line(right, "", 14)
    _line(right, signature.name, 14, bold=True)


# ------------------------------------------------------------------------------- the helpers


def _body_format(paragraph, *, space_before: float = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = BODY_INDENT
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(6)
    fmt.line_spacing = 1.15


def _centred(paragraph, *, space_before: float = 0) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.space_before, fmt.space_after = Pt(space_before), Pt(0)
    fmt.keep_with_next = True


def _line(cell, text, size, *, bold=False, italic=False, first=False, centred=True):
    """One paragraph of a letterhead or signature cell (the cell's own first one if `first`)."""
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.keep_with_next = True
    run = paragraph.add_run(_clean(text))
    run.font.size = Pt(size)
    run.bold = True if bold else None
    run.italic = True if italic else None
    return paragraph


def _rule(container, available_cm: float, length_cm: float):
    """A solid line `length_cm` long, centred, a little below the text above it: the bottom
    border of an empty paragraph 4 pt high (a top border would touch the descenders)."""
    paragraph = container.add_paragraph()
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" '
        'w:color="000000"/></w:pBdr>'
    )
    insert_ordered(paragraph._p.get_or_add_pPr(), border, PPR_ORDER)
    fmt = paragraph.paragraph_format
    indent = max((available_cm - length_cm) / 2, 0)
    fmt.left_indent = fmt.right_indent = Cm(indent)
    fmt.first_line_indent = Cm(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(4)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.keep_with_next = True
    # a tiny paragraph mark: LibreOffice lifts a line whose font is taller than its exact height
    mark = parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')
    insert_ordered(paragraph._p.get_or_add_pPr(), mark, PPR_ORDER)
    return paragraph


def _table(doc, columns, widths_cm, *, borders, cell_margin_cm, rows=1):
    table = doc.add_table(rows=rows, cols=columns)
    if borders:
        table.style = doc.styles["Table Grid"]
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    twips = [round(w / 2.54 * 1440) for w in widths_cm]
    insert_ordered(
        tbl_pr, parse_xml(f'<w:tblW {nsdecls("w")} w:w="{sum(twips)}" w:type="dxa"/>'), TBLPR_ORDER
    )
    margin = round(cell_margin_cm / 2.54 * 1440)
    insert_ordered(
        tbl_pr,
        parse_xml(
            f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{margin}" w:type="dxa"/>'
            f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        ),
        TBLPR_ORDER,
    )
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    return table
