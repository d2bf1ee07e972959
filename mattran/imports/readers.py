"""Reading the documents people have: .txt, .docx (with tables), .pdf with a text layer.

Every failure is a ReadError with a Vietnamese message; nothing raises past here.
Scanned PDFs and images (.png, .jpg, .tif) go through OCR (imports.ocr).
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from zipfile import BadZipFile

from mattran.imports import ocr
from mattran.imports.normalise import normalise_text

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}

MAX_BYTES = 50 * 1024 * 1024


class ReadError(Exception):
    """A document that cannot be read, with the reason in Vietnamese."""


@dataclass
class ReadDocument:
    kind: str  # txt, docx, pdf, scan
    text: str
    pages: int = 1


def read_document(data: bytes, filename: str, progress=None) -> ReadDocument:
    """The document's normalised text. `progress(done, total, step)` is called as scanned
    pages are recognised."""
    if not data:
        raise ReadError(f"Tệp “{filename}” trống.")
    if len(data) > MAX_BYTES:
        raise ReadError(f"Tệp “{filename}” lớn hơn 50 MB.")
    suffix = Path(filename).suffix.lower()
    if data.startswith(b"%PDF"):
        return _pdf(data, filename, progress)
    if data.startswith(b"PK\x03\x04") and suffix in (".docx", ""):
        return _docx(data, filename)
    if suffix == ".txt":
        return _txt(data, filename)
    if suffix in IMAGE_SUFFIXES:
        try:
            return _checked(ReadDocument("scan", ocr.ocr_image_bytes(data, filename)), filename)
        except ocr.OcrError as exc:
            raise ReadError(str(exc)) from exc
    if suffix in (".doc",):
        raise ReadError("Định dạng .doc cũ chưa được hỗ trợ: hãy lưu lại thành .docx.")
    raise ReadError(
        f"Không đọc được tệp “{filename}”: chỉ nhận .docx, .pdf, .txt hoặc ảnh chụp văn bản."
    )


def _txt(data: bytes, filename: str) -> ReadDocument:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ReadError(f"Tệp “{filename}” không phải văn bản Unicode (UTF-8).")
    if "\x00" in text:
        raise ReadError(f"Tệp “{filename}” không phải tệp văn bản.")
    return _checked(ReadDocument("txt", normalise_text(text)), filename)


def _docx(data: bytes, filename: str) -> ReadDocument:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(BytesIO(data))
    except (BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(f"Tệp “{filename}” bị hỏng hoặc không phải tệp Word (.docx).") from exc
    blocks: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells, previous = [], None
                for cell in row.cells:
                    # A merged cell comes once per grid column it spans: its text is kept in
                    # the first and the others stay empty, so columns keep their positions.
                    same = previous is not None and cell._tc is previous
                    cells.append("" if same else " ".join(cell.text.split()))
                    previous = cell._tc
                blocks.append("\t".join(cells).rstrip("\t"))
    return _checked(ReadDocument("docx", normalise_text("\n\n".join(blocks))), filename)


def _pdf(data: bytes, filename: str, progress=None) -> ReadDocument:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            pages = []
            for index, page in enumerate(pdf.pages):
                if progress and index % 5 == 0:
                    progress(index, len(pdf.pages), f"Đọc trang {index + 1}/{len(pdf.pages)}")
                pages.append(page.extract_text() or "")
    except Exception as exc:  # pdfminer raises many kinds, pdfplumber wraps some of them
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, PDFPasswordIncorrect) or "password" in repr(cause).lower():
            raise ReadError(
                f"Tệp PDF “{filename}” có mật khẩu: hãy gỡ mật khẩu rồi tải lại."
            ) from exc
        raise ReadError(f"Tệp PDF “{filename}” bị hỏng, không đọc được.") from exc
    if not "".join(pages).strip():  # a scan: no text layer
        try:
            text, count = ocr.ocr_pdf_bytes(data, filename, progress)
        except ocr.OcrError as exc:
            raise ReadError(str(exc)) from exc
        return _checked(ReadDocument("scan", text, count), filename)
    return _checked(ReadDocument("pdf", normalise_text("\n\n".join(pages)), len(pages)), filename)


def _checked(document: ReadDocument, filename: str) -> ReadDocument:
    if not document.text.strip():
        raise ReadError(f"Tệp “{filename}” không có nội dung chữ nào.")
    return document
