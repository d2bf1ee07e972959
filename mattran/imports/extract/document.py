"""The whole structure of a document, from its normalised text."""

import re
from dataclasses import dataclass, field, fields

from mattran.imports.extract.appendix import table_indicators
from mattran.imports.extract.citations import find_deadlines, find_references
from mattran.imports.extract.header import KIND_LABELS, DocumentHead, read_header
from mattran.imports.extract.outline import Item, Outline, Section, build_outline
from mattran.imports.extract.owners import is_implementation_heading, owner_name, split_owner
from mattran.imports.extract.quantities import find_quantities, first_quantity
from mattran.imports.extract.report import find_counts, report_period
from mattran.imports.normalise import normalise_text

_TERM = re.compile(
    r"(?:nhiệm kỳ|giai đoạn)\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", re.IGNORECASE
)
_CLOSING = re.compile(r"^\s*(Nơi nhận|Nơi gửi)\s*:", re.IGNORECASE)
_YEAR_IN_TITLE = re.compile(r"năm\s+((?:19|20)\d{2})", re.IGNORECASE)
_ROLES = [
    ("indicators", re.compile(r"chỉ tiêu", re.IGNORECASE)),
    ("solutions", re.compile(r"giải pháp", re.IGNORECASE)),
    ("key_tasks", re.compile(r"nhiệm vụ", re.IGNORECASE)),
]


@dataclass
class ExtractedSection:
    number: str
    title: str
    indicators: list[dict] = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    solutions: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    sections: list["ExtractedSection"] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "indicators": self.indicators,
            "tasks": self.tasks,
            "solutions": self.solutions,
            "items": self.items,
            "sections": [s.as_dict() for s in self.sections],
        }

    def walk(self):
        yield self
        for child in self.sections:
            yield from child.walk()


@dataclass
class ExtractedDocument(DocumentHead):
    period: str = ""
    term: tuple[int, int] | None = None
    sections: list[ExtractedSection] = field(default_factory=list)
    deadlines: list[dict] = field(default_factory=list)
    references: list[dict] = field(default_factory=list)
    counts: list[dict] = field(default_factory=list)
    footnotes: dict[int, str] = field(default_factory=dict)
    recipients: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    restored_diacritics: bool = False

    def walk(self):
        for section in self.sections:
            yield from section.walk()

    @property
    def indicators(self) -> list[dict]:
        return [i for s in self.walk() for i in s.indicators]

    @property
    def tasks(self) -> list[dict]:
        return [t for s in self.walk() for t in s.tasks]

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "kind_label": KIND_LABELS.get(self.kind, ""),
            "number": self.number,
            "date": self.date.isoformat() if self.date else None,
            "place": self.place,
            "issuer": self.issuer,
            "title": self.title,
            "period": self.period,
            "term": list(self.term) if self.term else None,
            "sections": [s.as_dict() for s in self.sections],
            "deadlines": self.deadlines,
            "references": self.references,
            "counts": self.counts,
            "footnotes": {str(k): v for k, v in self.footnotes.items()},
            "recipients": self.recipients,
            "warnings": self.warnings,
            "restored_diacritics": self.restored_diacritics,
        }


def extract_structure(text: str) -> ExtractedDocument:
    """Everything the text says about itself; never raises on any text. The text is
    normalised first (normalising twice changes nothing)."""
    text = normalise_text(text)
    restored = False
    try:
        from mattran.imports.diacritics import lacks_diacritics, restore_diacritics
    except ImportError:  # pragma: no cover - the model ships with the project
        lacks_diacritics = None
    if lacks_diacritics is not None and lacks_diacritics(text):
        text, restored = restore_diacritics(text), True
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    header = read_header(paragraphs)
    head = {f.name: getattr(header, f.name) for f in fields(DocumentHead)}
    doc = ExtractedDocument(
        **head,
        warnings=list(header.warnings),
        restored_diacritics=restored,
    )
    if restored:
        doc.warnings.append(
            "Văn bản không có dấu tiếng Việt: đã tự khôi phục dấu, hãy kiểm tra lại từng dòng."
        )
    term = _TERM.search(header.title)
    if not term and header.kind in ("programme", "appendix", ""):
        term = _TERM.search(text[:3000])
    doc.term = (int(term.group(1)), int(term.group(2))) if term else None
    body = paragraphs[header.body_start :]
    closing = next((i for i, p in enumerate(body) if _CLOSING.match(p.replace("*", ""))), None)
    if closing is not None:
        doc.recipients = _recipients(body[closing:])
        body = body[:closing]
    outline = build_outline(body)
    doc.footnotes = outline.footnotes
    target_key = _target_key(doc)
    doc.sections = [_section(s, doc, target_key, role="", owner="") for s in outline.sections]
    _add_table_indicators(outline, doc)
    if doc.kind == "report":
        doc.period = report_period(header.title)
        _add_counts(outline, doc)
    doc.deadlines = [d.as_dict() for d in find_deadlines(text)]
    doc.references = [r.as_dict() for r in find_references(text, own_number=doc.number)]
    if not doc.sections and not doc.indicators:
        doc.warnings.append("Không tìm thấy mục đánh số (I., 1., 1.1.) nào trong văn bản.")
    return doc


def _recipients(paragraphs: list[str]) -> list[str]:
    """The "Nơi nhận:" list, up to the signature block."""
    names = []
    for line in "\n".join(paragraphs).split("\n")[1:]:
        line = line.replace("*", "").strip()
        if not line.startswith(("-", "+", "•")):
            if names:
                break
            continue
        names.append(line.lstrip("-+• ").rstrip(";.,"))
    return names


def _target_key(doc: ExtractedDocument) -> str:
    if doc.term:
        return f"{doc.term[0]}-{doc.term[1]}"
    year = _YEAR_IN_TITLE.search(doc.title)
    if year:
        return year.group(1)
    return str(doc.date.year) if doc.date else ""


def _role_of(title: str) -> str:
    return next((role for role, pattern in _ROLES if pattern.search(title)), "")


def _section(section: Section, doc, target_key: str, *, role: str, owner: str) -> ExtractedSection:
    out = ExtractedSection(section.number, section.title)
    role = _role_of(section.title) or role
    heading_owner = owner_name(section.title)
    owner = heading_owner or ("" if is_implementation_heading(section.title) else owner)
    _read_items(section.items, out, target_key, role=role, owner=owner)
    out.sections = [
        _section(child, doc, target_key, role=role, owner=owner) for child in section.children
    ]
    return out


def _task(text: str, owner: str) -> dict:
    deadlines = find_deadlines(text)
    return {
        "text": text,
        "owner": owner or None,
        "targets": find_quantities(text),
        "due": deadlines[0].date.isoformat() if deadlines else None,
    }


def _read_items(items: list[Item], out: ExtractedSection, target_key: str, *, role, owner):
    list_owner = ""  # "- Thành đoàn:" gives its "+" bullets to Thành đoàn
    for item in items:
        if item.row is not None:
            continue
        text = item.text.strip()
        if item.bullet == "+" and list_owner:
            out.tasks.append(_task(text, list_owner))
            continue
        named, rest = split_owner(text)
        if named:
            list_owner = named
            if rest:
                out.tasks.append(_task(rest, named))
            continue
        if item.bullet != "+":
            list_owner = ""
        if role == "indicators":
            figure = first_quantity(text)
            out.indicators.append(
                {"text": text, "targets": {target_key: figure} if figure and target_key else {}}
            )
        elif owner and item.bullet:
            out.tasks.append(_task(text, owner))
        elif role == "key_tasks" and item.bullet:
            out.tasks.append(_task(text, ""))
        elif role == "solutions" and item.bullet:
            out.solutions.append(text)
        else:
            out.items.append(text)


def _add_table_indicators(outline: Outline, doc: ExtractedDocument) -> None:
    by_number = {(s.number, s.title): s for s in doc.walk()}
    for section, row in table_indicators(outline):
        key = (section.number, section.title) if section else None
        target = by_number.get(key) if key else None
        if target is None:
            target = ExtractedSection("", "")
            doc.sections.append(target)
            by_number[key] = target
        target.indicators.append({"text": row.text, "targets": row.targets})


def _add_counts(outline: Outline, doc: ExtractedDocument) -> None:
    for section in outline.walk():
        for item in section.items:
            for count in find_counts(item.text, outline.footnotes):
                doc.counts.append(count.as_dict(outline.footnotes))
    for number, text in outline.footnotes.items():
        for count in find_counts(text, outline.footnotes, in_footnote=number):
            doc.counts.append(count.as_dict(outline.footnotes))
