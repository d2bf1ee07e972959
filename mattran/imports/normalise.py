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
_UPPER_LINE = re.compile(r"^[^a-zà-ỹđ\n]*[A-ZÀ-ỸĐ][^a-zà-ỹđ\n]*$", re.MULTILINE)
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


def _is_heading(paragraph: str) -> bool:
    """An upper-case line ("CHƯƠNG TRÌNH", "KẾ HOẠCH") ends its paragraph even without a stop."""
    letters = [c for c in paragraph.replace("*", "") if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


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
            and not _is_heading(merged[-1])
        ):
            merged[-1] = merged[-1].rstrip() + " " + stripped.lstrip()
        else:
            merged.append(stripped)
    return "\n\n".join(p for p in merged if p.strip())


def _join_wrapped_lines(text: str) -> str:
    """Join a line to the next when it wraps inside a paragraph; an upper-case line (a title
    such as "KẾ HOẠCH") keeps its own line."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1].strip()
            and _WRAPPED_LINE.search(out[-1] + "\n" + line)
            and not _UPPER_LINE.fullmatch(out[-1])
        ):
            out[-1] = out[-1] + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def normalise_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\f", "\n\n")
    text = _join_wrapped_lines(text)
    text = footnote_markers(text)
    text = re.sub(r"[ \u200b]+\n", "\n", text)
    return merge_broken_paragraphs(text).strip()
