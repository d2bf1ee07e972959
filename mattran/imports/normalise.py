"""Text as it comes out of Word and PDF files, made whole again.

Unicode NFC; lines that wrap inside a paragraph re-joined; paragraphs cut by a page break merged;
footnote markers ("⁽¹⁾", "²⁰") turned into "[^1]" so they never glue to a number
("2029⁽¹⁾" would otherwise read as 20291).
"""

import re
import unicodedata

SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKER = re.compile(r"⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
# A line that wraps inside a paragraph: the next line goes on in lower case. Vietnamese
# syllables are never hyphenated across lines, so a dash before the break stays a dash.
_WRAPPED_LINE = re.compile(r"(?<=[^\n.:;!?])\n(?=[ \t]*[a-zà-ỹđ])")
_ENDS_SENTENCE = re.compile(r"[.:;!?…”\"')\]]\s*$|^\s*$")
_TABLE_OR_BULLET = re.compile(r"^\s*([-+•*]|\d+[.)]|[IVXLC]+\.)\s|\t")


def footnote_markers(text: str) -> str:
    def marker(m: re.Match) -> str:
        digits = (m.group(1) or m.group(2)).translate(SUPERSCRIPT)
        start = m.start()
        at_line_start = start == 0 or text[start - 1] == "\n"
        return f"[^{digits}]:" if at_line_start else f"[^{digits}]"

    marked = _MARKER.sub(marker, text)
    return re.sub(r"^(\[\^\d+\]:)[ \t]*", r"\1 ", marked, flags=re.MULTILINE)


def merge_broken_paragraphs(text: str) -> str:
    """Join a paragraph a page break cut: it does not end a sentence, the next one starts
    in lower case and is neither a bullet nor a numbered heading."""
    paragraphs = re.split(r"\n\s*\n", text)
    merged: list[str] = []
    for para in paragraphs:
        stripped = para.strip("\n")
        if (
            merged
            and stripped
            and stripped[0].islower()
            and not _TABLE_OR_BULLET.match(stripped)
            and not _ENDS_SENTENCE.search(merged[-1])
        ):
            merged[-1] = merged[-1].rstrip() + " " + stripped.lstrip()
        else:
            merged.append(stripped)
    return "\n\n".join(p for p in merged if p.strip())


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\f", "\n\n")
    text = _WRAPPED_LINE.sub(" ", text)
    text = footnote_markers(text)
    text = re.sub(r"[ \u200b]+\n", "\n", text)
    return merge_broken_paragraphs(text).strip()
