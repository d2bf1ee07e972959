"""A document's numbered structure: I., II. / 1., 2. / 1.1., 2.3. / a), b) headings, and the
"-" and "+" bullets and paragraphs under each, with the footnotes kept apart."""

import re
from dataclasses import dataclass, field

_ROMAN = re.compile(r"^(?P<number>[IVXL]{1,5})\.\s+(?P<title>\S.*)$")
_ARABIC = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>[^\d\s].*)$")
_LETTER = re.compile(r"^(?P<number>[a-zđ])[).]\s+(?P<title>\S.*)$")
_BULLET = re.compile(r"^(?P<mark>[-–+•*])\s+(?P<text>\S.*)$")
_FOOTNOTE = re.compile(r"^\[\^(?P<number>\d+)\]:\s*(?P<text>.*)$")
LETTER_LEVEL = 9


@dataclass
class Item:
    text: str
    bullet: str = ""  # "-", "+" or "" for a plain paragraph
    row: list[str] | None = None  # a table row's cells


@dataclass
class Section:
    number: str
    title: str
    level: int
    items: list[Item] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Outline:
    preamble: list[Item] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)

    def walk(self):
        for section in self.sections:
            yield from section.walk()


def plain(text: str) -> str:
    return (
        " ".join(text.replace("**", "").replace("*", " ").split())
        if "*" in text
        else " ".join(text.split())
    )


def heading_of(line: str) -> tuple[str, str, int] | None:
    """(number, title, level) when the line is a numbered heading."""
    text = plain(line)
    if m := _ROMAN.match(text):
        return m.group("number"), m.group("title"), 1
    if m := _ARABIC.match(text):
        number = m.group("number")
        return number, m.group("title"), 2 + number.count(".")
    if m := _LETTER.match(text):
        return m.group("number"), m.group("title"), LETTER_LEVEL
    return None


def build_outline(paragraphs: list[str]) -> Outline:
    outline = Outline()
    stack: list[Section] = []
    last_footnote: int | None = None
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            if not line.strip():
                continue
            if "\t" in line:
                cells = [plain(cell) for cell in line.split("\t")]
                heading = _row_heading(cells)
                if heading is None:
                    _add(outline, stack, Item(" ".join(c for c in cells if c), row=cells))
                    continue
                number, title, level = heading
            elif m := _FOOTNOTE.match(line.strip()):
                last_footnote = int(m.group("number"))
                outline.footnotes[last_footnote] = plain(m.group("text"))
                continue
            elif heading := heading_of(line):
                number, title, level = heading
            else:
                text = plain(line)
                bullet = _BULLET.match(text)
                item = (
                    Item(bullet.group("text"), "+" if bullet.group("mark") == "+" else "-")
                    if bullet
                    else Item(text)
                )
                _add(outline, stack, item)
                continue
            last_footnote = None
            if level == LETTER_LEVEL and stack:
                level = max(stack[-1].level + 1, level if stack[-1].level >= LETTER_LEVEL else 0)
            section = Section(number, title.strip(), level)
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].children if stack else outline.sections).append(section)
            stack.append(section)
    return outline


def _add(outline: Outline, stack: list[Section], item: Item) -> None:
    (stack[-1].items if stack else outline.preamble).append(item)


def _row_heading(cells: list[str]) -> tuple[str, str, int] | None:
    """A table row that is a group heading: "I. Đổi mới …" in the first filled cell and
    nothing after it."""
    filled = [c for c in cells if c]
    if len(filled) == 1:
        heading = heading_of(filled[0])
        if heading and heading[2] == 1:
            return heading
    if len(filled) == 2 and re.fullmatch(r"[IVXL]{1,5}\.?", filled[0]):
        return filled[0].rstrip("."), filled[1], 1
    return None
