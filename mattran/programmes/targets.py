"""Target expressions: the way people write an indicator's target in a programme.

"30/100 nhà", "13/13 xã, phường ra mắt trang", "trên 100 lượt quan tâm", ">60 KDC",
">92%", "ít nhất 01", "từ 01 đến 02", "100% KDC", "70% trở lên", "Tổ chức",
"Hoàn thành tốt nhiệm vụ trở lên", "Duy trì và hoạt động hiệu quả", or an empty cell.

`parse_target` turns such a phrase into a `TargetExpr`; `TargetExpr.display()` writes it
back in Vietnamese, and parsing that display gives the same target again. A phrase that
cannot be read is kept verbatim as a qualitative target with a warning: never dropped,
never an exception.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from mattran.core.numbers import NumberFormatError, format_count, format_number, parse_number
from mattran.core.ratings import Rating


class Kind:
    NONE = "none"  # the year's cell is empty: no target that year
    NUMERIC = "numeric"
    EVENT = "event"  # something must happen that year ("Tổ chức")
    RATING = "rating"  # a grade on the rating scale ("hoàn thành tốt nhiệm vụ trở lên")
    QUALITATIVE = "qualitative"  # judged by a person


class Op:
    GT = "gt"  # trên, hơn, >
    GE = "ge"  # bare number, ít nhất, tối thiểu, trở lên
    LT = "lt"  # dưới, <
    LE = "le"  # tối đa, không quá, trở xuống
    RANGE = "range"  # từ 01 đến 02
    EQ = "eq"  # ratings only: exactly that grade


# Longest first, so that "không dưới" wins over "dưới".
_OP_WORDS: list[tuple[str, str]] = sorted(
    [
        ("trên", Op.GT),
        ("hơn", Op.GT),
        ("nhiều hơn", Op.GT),
        ("lớn hơn", Op.GT),
        ("cao hơn", Op.GT),
        ("vượt", Op.GT),
        (">", Op.GT),
        ("ít nhất", Op.GE),
        ("tối thiểu", Op.GE),
        ("không dưới", Op.GE),
        ("không ít hơn", Op.GE),
        (">=", Op.GE),
        ("≥", Op.GE),
        ("từ", Op.RANGE),
        ("dưới", Op.LT),
        ("ít hơn", Op.LT),
        ("thấp hơn", Op.LT),
        ("nhỏ hơn", Op.LT),
        ("<", Op.LT),
        ("tối đa", Op.LE),
        ("không quá", Op.LE),
        ("không vượt quá", Op.LE),
        ("<=", Op.LE),
        ("≤", Op.LE),
    ],
    key=lambda pair: -len(pair[0]),
)
_OP_DISPLAY = {Op.GT: "trên", Op.LT: "dưới", Op.LE: "tối đa"}

_NUMBER = r"\d+(?:[.,]\d+)*"
_FIRST_NUMBER = re.compile(_NUMBER)
_TOTAL = re.compile(rf"\s*/\s*({_NUMBER})")
_PERCENT = re.compile(r"\s*%")
_RANGE_END = re.compile(rf"\s*(?:-|–|—|đến|tới)\s*({_NUMBER})(\s*%)?", re.IGNORECASE)
_DIRECTION = re.compile(r"\s*(trở lên|trở xuống)(?![\w])", re.IGNORECASE)
_TRAILING_DIRECTION = re.compile(r"\s*(trở lên|trở xuống)$", re.IGNORECASE)
_EVENT_WORDS = {"tổ chức", "có tổ chức"}
_RATING = re.compile(
    r"(hoàn thành xuất sắc|hoàn thành tốt|không hoàn thành|hoàn thành)( nhiệm vụ)?( trở lên)?",
    re.IGNORECASE,
)
_RATING_OF = {
    "hoàn thành xuất sắc": Rating.EXCELLENT,
    "hoàn thành tốt": Rating.GOOD,
    "hoàn thành": Rating.COMPLETED,
    "không hoàn thành": Rating.NOT_COMPLETED,
}


@dataclass(frozen=True)
class TargetExpr:
    """A structured target. Only the fields that matter for its kind are set."""

    kind: str
    op: str = ""
    value: Decimal | None = None
    upper: Decimal | None = None
    total: Decimal | None = None  # "30/100": the term total; "13/13": all the units
    percent: bool = False
    label: str = ""  # what is counted: "nhà", "KDC", "lượt quan tâm"
    prefix: str = ""  # words before the figure that are kept: "Duy trì", "Có"
    explicit: bool = False  # "ít nhất 01" rather than a bare "01"
    text: str = ""  # the verbatim phrase of a qualitative target
    warning: str = ""

    def display(self) -> str:
        if self.kind == Kind.NONE:
            return ""
        if self.kind == Kind.QUALITATIVE:
            return self.text
        if self.kind == Kind.EVENT:
            return self.label or "Tổ chức"
        if self.kind == Kind.RATING:
            grade = Rating(int(self.value)).label.lower()
            words = [self.prefix, grade + (" trở lên" if self.op == Op.GE else ""), self.label]
            joined = " ".join(w for w in words if w)
            return joined[0].upper() + joined[1:] if not self.prefix else joined
        return " ".join(w for w in [self.prefix, self._figure(), self.label] if w)

    def _figure(self) -> str:
        def number(value: Decimal) -> str:
            return (format_number(value) + "%") if self.percent else format_count(value)

        if self.op == Op.RANGE:
            return f"từ {number(self.value)} đến {number(self.upper)}"
        figure = format_count(self.value) if not self.percent else format_number(self.value)
        if self.total is not None:
            figure += "/" + format_count(self.total)
        if self.percent:
            figure += "%"
        if self.op == Op.GE:
            return f"ít nhất {figure}" if self.explicit else figure
        return f"{_OP_DISPLAY[self.op]} {figure}"

    def is_met(self, actual: Decimal) -> bool:
        """Whether an achieved figure (already in this target's terms) meets it."""
        if self.kind == Kind.EVENT:
            return actual >= 1
        if self.kind not in (Kind.NUMERIC, Kind.RATING):
            raise ValueError("qualitative targets are judged by a person")
        if self.op == Op.GT:
            return actual > self.value
        if self.op == Op.LT:
            return actual < self.value
        if self.op == Op.LE:
            return actual <= self.value
        if self.op == Op.EQ:
            return actual == self.value
        return actual >= self.value  # GE, and RANGE: reaching the lower bound meets it

    @property
    def is_measurable(self) -> bool:
        return self.kind in (Kind.NUMERIC, Kind.EVENT, Kind.RATING)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" .;")


def parse_target(text: str) -> TargetExpr:
    phrase = normalise(text)
    if not phrase:
        return TargetExpr(kind=Kind.NONE)
    if any(ch.isdigit() for ch in phrase):
        return _parse_numeric(phrase) or _unreadable(phrase)
    if phrase.lower() in _EVENT_WORDS:
        return TargetExpr(kind=Kind.EVENT)
    if m := _RATING.search(phrase):
        return _parse_rating(phrase, m)
    head = phrase.lower()
    if any(head == word for word, _ in _OP_WORDS):
        return _unreadable(phrase)
    return TargetExpr(kind=Kind.QUALITATIVE, text=phrase)


def _unreadable(phrase: str) -> TargetExpr:
    return TargetExpr(
        kind=Kind.QUALITATIVE,
        text=phrase,
        warning=f"Không đọc được chỉ tiêu “{phrase}”: giữ nguyên văn, cần người đánh giá.",
    )


def _parse_rating(phrase: str, m: re.Match) -> TargetExpr:
    grade = _RATING_OF[m.group(1).lower()]
    return TargetExpr(
        kind=Kind.RATING,
        op=Op.GE if m.group(3) else Op.EQ,
        value=Decimal(int(grade)),
        prefix=phrase[: m.start()].strip(),
        label=phrase[m.end() :].strip(),
    )


def _split_op(head: str) -> tuple[str, str]:
    head = head.rstrip()
    lowered = head.lower()
    for word, op in _OP_WORDS:
        if lowered.endswith(word):
            before = head[: len(head) - len(word)]
            if word[0].isalpha() and before and before[-1].isalnum():
                continue
            return before.strip(), op
    return head.strip(), ""


def _parse_numeric(phrase: str) -> TargetExpr | None:
    m = _FIRST_NUMBER.search(phrase)
    if m is None:
        return None
    try:
        value = parse_number(m.group(0))
    except NumberFormatError:
        return None
    prefix, op = _split_op(phrase[: m.start()])
    rest = phrase[m.end() :]
    total = upper = None
    percent = explicit = False
    if t := _TOTAL.match(rest):
        try:
            total = parse_number(t.group(1))
        except NumberFormatError:
            return None
        if total == 0:
            return None
        rest = rest[t.end() :]
    if p := _PERCENT.match(rest):
        percent = True
        rest = rest[p.end() :]
    if op in (Op.RANGE, "") and total is None and (r := _RANGE_END.match(rest)):
        try:
            upper = parse_number(r.group(1))
        except NumberFormatError:
            return None
        percent = percent or bool(r.group(2))
        op = Op.RANGE
        rest = rest[r.end() :]
    if op == Op.RANGE and upper is None:
        op, explicit = Op.GE, True  # "từ 70% trở lên", "từ 05"
    if d := _DIRECTION.match(rest):
        rest = rest[d.end() :]
        op, explicit = _direction(op, d.group(1), explicit)
    label = rest.strip(" ,;:")
    if d := _TRAILING_DIRECTION.search(label):
        label = label[: d.start()].strip(" ,;:")
        op, explicit = _direction(op, d.group(1), explicit)
    if op == "":
        op = Op.GE
    elif op == Op.GE:
        explicit = True
    return TargetExpr(
        kind=Kind.NUMERIC,
        op=op,
        value=value,
        upper=upper,
        total=total,
        percent=percent,
        label=label,
        prefix=prefix,
        explicit=explicit if op == Op.GE else False,
    )


def _direction(op: str, word: str, explicit: bool) -> tuple[str, bool]:
    if op in ("", Op.GE):
        if word.lower() == "trở lên":
            return Op.GE, True
        return Op.LE, False
    return op, explicit
