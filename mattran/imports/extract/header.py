"""The head of a state document (Nghị định 30/2020/NĐ-CP): issuing body, number and sign,
place and date, the kind of document and its title.

The head may come as lines (a PDF), as a table row split by tabs (a Word file) or not at all
(an extract that starts at the title); whatever is missing stays empty.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from mattran.imports.extract.citations import DOC_NUMBER
from mattran.imports.extract.dates import make_date

KINDS = {
    "CHƯƠNG TRÌNH HÀNH ĐỘNG": "programme",
    "CHƯƠNG TRÌNH": "programme",
    "KẾ HOẠCH": "plan",
    "BÁO CÁO": "report",
    "PHỤ LỤC": "appendix",
    "QUYẾT ĐỊNH": "decision",
    "HƯỚNG DẪN": "guidance",
    "THÔNG TRI": "directive",
    "NGHỊ QUYẾT": "resolution",
    "THÔNG BÁO": "notice",
    "TỜ TRÌNH": "submission",
    "BIÊN BẢN": "minutes",
    "CÔNG VĂN": "letter",
    "QUY CHẾ": "regulation",
}
KIND_LABELS = {
    "programme": "Chương trình hành động",
    "plan": "Kế hoạch",
    "report": "Báo cáo",
    "appendix": "Phụ lục",
    "decision": "Quyết định",
    "guidance": "Hướng dẫn",
    "directive": "Thông tri",
    "resolution": "Nghị quyết",
    "notice": "Thông báo",
    "submission": "Tờ trình",
    "minutes": "Biên bản",
    "letter": "Công văn",
    "regulation": "Quy chế",
}
# The sign's second part names the kind: 199/KH-MTTQ-BTT is a plan.
_SIGN_KINDS = {
    "CTR": "programme",
    "KH": "plan",
    "BC": "report",
    "QĐ": "decision",
    "HD": "guidance",
    "TTR": "directive",
    "NQ": "resolution",
    "TB": "notice",
    "BB": "minutes",
    "QC": "regulation",
}
_NUMBER_LINE = re.compile(r"Số\s*[:.]?\s*(" + DOC_NUMBER.pattern + ")", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"(?:^|\t|\s{2,})([^\t,\n]{2,40}?)\s*,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})",
    re.IGNORECASE | re.MULTILINE,
)
_MOTTO = re.compile(
    r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    r"|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc",
    re.IGNORECASE,
)
_BODY_START = re.compile(
    r"^(Căn cứ|Thực hiện|Kính gửi|Nhằm|Để|Trên cơ sở|Theo|Ban Thường trực|Ủy ban)\b"
    r"|^[IVX]+\.\s|^\d+\.",
)


@dataclass
class DocumentHead:
    """What the head of a document says about it."""

    kind: str = ""
    number: str = ""
    date: dt.date | None = None
    place: str = ""
    issuer: str = ""
    title: str = ""


@dataclass
class Header(DocumentHead):
    body_start: int = 0  # index of the first paragraph after the title
    warnings: list[str] = field(default_factory=list)


def _plain(line: str) -> str:
    return " ".join(line.replace("**", "").replace("*", "").split())


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def kind_of_line(line: str) -> str:
    plain = unicodedata.normalize("NFC", _plain(line)).strip(" .:")
    if not _is_upper(plain):
        return ""
    return KINDS.get(plain.upper(), "")


def kind_of_number(number: str) -> str:
    parts = re.split(r"[/-]", number.upper())
    for part in parts[1:]:
        if part in _SIGN_KINDS:
            return _SIGN_KINDS[part]
    return ""


def read_header(paragraphs: list[str]) -> Header:
    header = Header()
    head_zone = paragraphs[:25]
    kind_at = next((i for i, p in enumerate(head_zone) if kind_of_line(p)), None)
    issuer_lines: list[str] = []
    stop = kind_at if kind_at is not None else min(len(head_zone), 8)
    for paragraph in head_zone[:stop]:
        for line in paragraph.split("\n"):
            for cell in line.split("\t"):
                _read_head_cell(_plain(cell), header, issuer_lines)
    if not header.date:
        for paragraph in paragraphs[:40] + paragraphs[-15:]:
            _read_place_date(_plain(paragraph), header)
            if header.date:
                break
    header.issuer = " ".join(issuer_lines)
    if kind_at is not None:
        header.kind = kind_of_line(head_zone[kind_at])
        header.title, header.body_start = _title(paragraphs, kind_at + 1)
    else:
        header.kind = kind_of_number(header.number)
        if not header.kind:
            header.warnings.append("Không nhận ra loại văn bản (kế hoạch, báo cáo, …).")
    if not header.issuer:
        header.issuer = _signature_issuer(paragraphs)
    return header


def _read_head_cell(cell: str, header: Header, issuer_lines: list[str]) -> None:
    if not cell or set(cell) <= set("-_–— "):
        return
    number = _NUMBER_LINE.search(cell)
    if number:
        header.number = header.number or number.group(1).rstrip(".-/")
        cell = cell[: number.start()].strip()
    if _read_place_date(cell, header):
        return
    cell = _MOTTO.sub("", cell).strip(" -–")
    if cell and _is_upper(cell) and len(cell) < 120:
        issuer_lines.append(cell)


def _read_place_date(text: str, header: Header) -> bool:
    match = _PLACE_DATE.search(text)
    if not match:
        return False
    if not header.date:
        header.place = match.group(1).strip(" -–*")
        header.date = make_date(match.group(4), match.group(3), match.group(2))
    return True


def _title(paragraphs: list[str], start: int) -> tuple[str, int]:
    lines: list[str] = []
    index = start
    while index < len(paragraphs) and len(lines) < 4:
        plain = _plain(paragraphs[index])
        if (
            not plain
            or "\t" in paragraphs[index]
            or len(plain) > 300
            or (_BODY_START.match(plain) and not plain.startswith("("))
            or plain.startswith("Kính gửi")
        ):
            break
        lines.append(plain.strip("()").strip())
        index += 1
        if plain.endswith(":"):
            break
    return " ".join(" ".join(lines).split()), index


def _signature_issuer(paragraphs: list[str]) -> str:
    """ "TM. ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ TAM KỲ / CHỦ TỊCH": the body the signer acts for."""
    for paragraph in reversed(paragraphs[-12:]):
        plain = _plain(paragraph.replace("\n", " "))
        match = re.match(r"^(?:TM|KT|TL|TUQ)\.\s*(.+)", plain)
        if match:
            body = re.sub(
                r"\s+(PHÓ CHỦ TỊCH|CHỦ TỊCH|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|BÍ THƯ)\b.*$",
                "",
                match.group(1),
            )
            return body.strip()
    return ""
