"""Reading scanned documents: Tesseract with its Vietnamese data (Debian's tesseract-ocr-vie)."""

import shutil
from io import BytesIO

from mattran.imports.normalise import normalise_text

# Pages are rendered at this resolution for OCR: enough for 13-pt Times, quick on 2 cores.
RENDER_DPI = 200
MIN_CHARACTERS = 20  # below this, a picture has no text worth reading (a photo, a cat)


class OcrError(Exception):
    """OCR could not produce text; the message is Vietnamese."""


def _tesseract():
    import pytesseract

    if shutil.which("tesseract") is None:
        raise OcrError("Máy chủ chưa cài Tesseract để nhận dạng chữ (chạy make system-deps).")
    if "vie" not in pytesseract.get_languages(config=""):
        raise OcrError("Máy chủ thiếu dữ liệu tiếng Việt của Tesseract (tesseract-ocr-vie).")
    return pytesseract


def ocr_images(images, filename: str, progress=None) -> str:
    tesseract = _tesseract()
    pages = []
    for index, image in enumerate(images):
        if progress:
            progress(index, len(images), f"Nhận dạng chữ trang {index + 1}/{len(images)}")
        pages.append(tesseract.image_to_string(image, lang="vie"))
    text = normalise_text("\n\n".join(pages))
    if len("".join(text.split())) < MIN_CHARACTERS:
        raise OcrError(f"Không nhận dạng được chữ nào trong “{filename}”: có phải văn bản không?")
    return text


def ocr_image_bytes(data: bytes, filename: str) -> str:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(BytesIO(data))
        image.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise OcrError(f"Tệp ảnh “{filename}” bị hỏng hoặc không phải ảnh.") from exc
    return ocr_images([image.convert("L")], filename)


def ocr_pdf_bytes(data: bytes, filename: str, progress=None) -> tuple[str, int]:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise OcrError(f"Tệp PDF “{filename}” bị hỏng, không đọc được.") from exc
    images = [page.render(scale=RENDER_DPI / 72).to_pil().convert("L") for page in pdf]
    return ocr_images(images, filename, progress), len(images)
