"""Names as people search for them: with or without diacritics, any case, any spacing."""

import unicodedata

from mattran.imports.diacritics import strip_diacritics


def fold(text: str) -> str:
    """ "Nguyễn  Thị Hoà" and "nguyen thi hoa" fold to the same key "nguyen thi hoa"."""
    composed = unicodedata.normalize("NFC", text or "")
    return " ".join(strip_diacritics(composed).casefold().split())
