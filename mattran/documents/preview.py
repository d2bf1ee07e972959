"""The report as a web page: the same blocks as the DOCX, with footnotes numbered through the
document and the inline marks (**bold**, <links>) made HTML — escaped first, so nothing a
user typed becomes markup."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"&lt;(https?://[^\s&]+?)&gt;")
_MARKER = re.compile(r"\[\^([^\]]+)\]")


def inline_html(text: str) -> str:
    html = escape(text)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    return _LINK.sub(r'<a href="\1" rel="noopener" target="_blank">\1</a>', html)


@dataclass
class PreviewBlock:
    key: str
    kind: str
    html: SafeString
    text: str
    edited: bool
    rows: list[list[SafeString]] = field(default_factory=list)
    number: int | None = None


def preview(blocks: list[dict], edits: dict) -> tuple[list[PreviewBlock], list[tuple[int, str]]]:
    """Blocks with their HTML, and the footnotes as (number, html) in document order."""
    footnotes: list[tuple[int, str]] = []
    shown = []
    for block in blocks:
        notes = block.get("footnotes") or {}

        def number(match: re.Match, notes=notes) -> str:
            key = match.group(1)
            if key not in notes:
                return ""
            footnotes.append((len(footnotes) + 1, mark_safe(inline_html(notes[key]))))
            return f"<sup>{len(footnotes)}</sup>"

        html = _MARKER.sub(number, inline_html(block["text"]))
        rows = [[mark_safe(inline_html(cell)) for cell in row] for row in block.get("rows", [])]
        shown.append(
            PreviewBlock(
                key=block["key"],
                kind=block["kind"],
                html=mark_safe(html),
                text=block["text"],
                edited=block["key"] in edits or block["key"].startswith("II.added"),
                rows=rows,
                number=block.get("number"),
            )
        )
    return shown, footnotes
