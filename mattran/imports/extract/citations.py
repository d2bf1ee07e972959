"""Deadlines ("trước ngày 15/5/2024", "đến ngày 31/10/2024", "trong tháng 12/2024") and the
documents a text cites ("Nghị quyết số 13/2023/NQ-HĐND ngày 22/9/2023")."""

import re
from dataclasses import dataclass
from datetime import date

from mattran.imports.extract.dates import find_dates, find_month_ends, first_date

# A document's number and sign: digits, an optional year, then upper-case signs; the Party
# writes the number with a dash ("30-CTr/TU", "124-QĐ/TW").
DOC_NUMBER = re.compile(
    r"(?<![\w/])\d{1,5}(?:"
    r"(?:/(?:19|20)\d{2})?/[A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-Za-zĐđ0-9]+)*"
    r"|-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-Za-zĐđ0-9]+)*)"
)
_LISTED_BEFORE = re.compile(r"số\s+((?:\d{1,5}\s*,\s*)+)$", re.IGNORECASE)
_DOC_KINDS = (
    "Luật|Bộ luật|Hiến pháp|Nghị quyết liên tịch|Nghị quyết|Nghị định|Quyết định|Thông tư"
    "|Thông tri|Chỉ thị|Kết luận|Kế hoạch phối hợp|Kế hoạch liên tịch|Kế hoạch|Công văn"
    "|Hướng dẫn|Chương trình phối hợp|Chương trình hành động|Chương trình|Báo cáo|Thông báo"
    "|Quy chế phối hợp|Quy chế|Quy định|Tờ trình|Đề án|Công điện"
)
_KIND_BEFORE = re.compile(rf"({_DOC_KINDS})\s*(?:số\s*)?[:.]?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(
    r"^\s*(?:\[\^\d+\])?\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày\s+)"
    r"(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)
_TRIGGER = re.compile(
    r"(trước|đến|tới|chậm nhất|hạn chót|hạn cuối|hoàn thành|xong|trong|kết thúc)"
    r"(?:\s+(?:là|hết|vào))?(?:\s+ngày)?\s*$",
    re.IGNORECASE,
)
_RANGE_START = re.compile(
    r"(?:từ\s+(?:ngày\s+)?)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?\s*$"
)
_CLAUSE_END = re.compile(r"[.;\n]|\s-\s")


@dataclass(frozen=True)
class Deadline:
    date: date
    text: str

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat(), "text": self.text}


@dataclass(frozen=True)
class Reference:
    number: str
    date: date | None
    kind: str = ""

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "kind": self.kind,
        }


def _plain(text: str) -> str:
    return text.replace("**", "").replace("*", "")


def _clause(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    tail = _CLAUSE_END.search(text, end)
    right = tail.start() if tail else len(text)
    clause = " ".join(text[left:right].split())
    return clause if len(clause) <= 240 else clause[:237].rstrip() + "…"


def find_deadlines(text: str) -> list[Deadline]:
    """Dates something must be done by, in document order: a date right after "trước",
    "đến", "chậm nhất", "hạn chót"…, or a month ("trong tháng 12/2024"). Dates of past events
    and of cited documents have no such word before them and are left out."""
    text = _plain(text)
    found: list[tuple[int, Deadline]] = []
    taken: list[tuple[int, int]] = []
    for start, end, value in find_dates(text):
        before = text[max(0, start - 30) : start]
        if _TRIGGER.search(before) and not _RANGE_START.search(before.rstrip(" –-đếntới")):
            found.append((start, Deadline(value, _clause(text, start, end))))
            taken.append((start, end))
    for start, end, value in find_month_ends(text):
        if any(s <= start < e for s, e in taken):
            continue
        before = text[max(0, start - 30) : start]
        if _TRIGGER.search(before):
            found.append((start, Deadline(value, _clause(text, start, end))))
    return [deadline for _, deadline in sorted(found, key=lambda item: item[0])]


def find_references(text: str, *, own_number: str = "") -> list[Reference]:
    """Every document cited by number and sign, once, with its date where any mention
    gives one; the document's own number is not a reference."""
    text = _plain(text)
    seen: dict[str, Reference] = {}
    for m in DOC_NUMBER.finditer(text):
        number = m.group(0).rstrip(".-/")
        if own_number and number == own_number:
            continue
        listed = _LISTED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        if listed and "-" in number:  # "Quyết định số 217, 218-QĐ/TW": two decisions
            sign = number[number.index("-") :]
            for other in re.findall(r"\d+", listed.group(1)):
                seen.setdefault(other + sign, Reference(other + sign, None, ""))
        kind_match = _KIND_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        kind = kind_match.group(1) if kind_match else ""
        date_match = _DATE_AFTER.match(text[m.end() : m.end() + 40])
        when = first_date("ngày " + date_match.group(1)) if date_match else None
        previous = seen.get(number)
        if previous is None:
            seen[number] = Reference(number, when, kind)
        elif (previous.date is None and when) or (not previous.kind and kind):
            seen[number] = Reference(number, previous.date or when, previous.kind or kind)
    return list(seen.values())
