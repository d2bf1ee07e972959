"""The figures a sentence sets: "thành lập mới 01 Chi hội nông dân nghề nghiệp, 26 Tổ hội",
"trên 100 nhà", "100% hộ nghèo", "ít nhất 01 lần", "5.675 hộ nông dân", "300m".

Dates, years, document numbers, "x/N" counts of the past and footnote markers are not
figures. Each phrase found is read by the core target parser, so it can become a target.
"""

import re

from mattran.imports.extract.citations import DOC_NUMBER
from mattran.imports.extract.dates import find_dates, find_month_ends
from mattran.programmes.targets import Kind, parse_target

_OPERATOR = r"(?:trên|hơn|ít nhất|tối thiểu|không dưới|tối đa|không quá|dưới|từ|đạt|>=|>|≥|<=|<|≤)"
_FIGURE = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_STOP_WORDS = (
    "và|với|của|trong|tại|theo|để|nhằm|trên|cho|được|đã|đạt|thuộc|gắn|về|từ|đến|là|có|"
    "đăng|tham|thực|tổ chức|hoạt|ra|ở|các|những|này|sẽ|phải|khi|mà|nếu|vào"
)
_LABEL_WORD = rf"(?!(?:{_STOP_WORDS})(?![\wà-ỹ]))(?!\d)[^\s,.;:()\[\]“”\"]+"
_QUANTITY = re.compile(
    rf"(?:(?P<op>{_OPERATOR})\s+)?(?P<figure>{_FIGURE})(?:\s*/\s*(?P<total>{_FIGURE}))?"
    rf"(?P<unit>\s*%|\s?(?:m2|m²|km|m|ha|tấn|triệu đồng|tỷ đồng|nghìn đồng|đồng)(?![\wà-ỹ]))?"
    rf"(?P<direction>\s+trở lên)?"
    rf"(?P<label>(?:\s+{_LABEL_WORD}){{0,6}})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(19|20)\d{2}$")
_SKIP_LABEL = re.compile(r"^\s*(năm|tháng|ngày|giờ|lần thứ)\b", re.IGNORECASE)


def _masked(text: str) -> str:
    """The text with dates, document numbers and footnote markers blanked (same length)."""
    spans = [(s, e) for s, e, _ in find_dates(text) + find_month_ends(text)]
    spans += [m.span() for m in DOC_NUMBER.finditer(text)]
    spans += [m.span() for m in re.finditer(r"\[\^\d+\]|\(\d{1,2}\)(?=\W|$)", text)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def find_quantities(text: str) -> list[str]:
    """The figure phrases of a sentence as targets display them ("01 Chi hội nông dân nghề
    nghiệp", "trên 100 nhà", "100%"), in order."""
    masked = _masked(text.replace("**", "  "))
    phrases: list[str] = []
    for m in _QUANTITY.finditer(masked):
        figure = m.group("figure")
        if _YEAR.match(figure) and not m.group("op") and not m.group("unit"):
            continue
        if m.start() > 0 and (masked[m.start() - 1].isalnum() or masked[m.start() - 1] in "/-"):
            continue
        label = " ".join(m.group("label").split())
        if _SKIP_LABEL.match(label) or (not label and not m.group("unit") and not m.group("op")):
            continue
        phrase = " ".join(m.group(0).split()).rstrip(",.;")
        if m.group("unit") and "%" in m.group("unit"):  # a share: the population is the text's
            phrase = phrase[: phrase.index("%") + 1] + (m.group("direction") or "")
        parsed = parse_target(phrase)
        if parsed.kind == Kind.NUMERIC:
            phrases.append(parsed.display())
    return phrases


def first_quantity(text: str) -> str:
    found = find_quantities(text)
    return found[0] if found else ""
