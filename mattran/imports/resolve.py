"""Who an extracted task's owner is among the importing committee's units: the committee
itself, one of its member organisations, a named ward, or a whole level ("các xã, phường")
that the task fans out to."""

import re
import unicodedata

from mattran.units.models import Tier, Unit

# Member organisations are named many ways: "Thành đoàn", "Hội LHPN", "Liên đoàn Lao động".
_CONCEPTS = [
    ("nông dân", r"nông dân|\bHND\b"),
    ("phụ nữ", r"phụ nữ|LHPN"),
    ("cựu chiến binh", r"cựu chiến binh|\bCCB\b"),
    ("thanh niên", r"thành đoàn|tỉnh đoàn|huyện đoàn|thị đoàn|đoàn thanh niên|\bĐTN\b"),
    ("lao động", r"lao động|công đoàn|LĐLĐ"),
    ("chữ thập đỏ", r"chữ thập đỏ|\bCTĐ\b"),
    ("khuyến học", r"khuyến học"),
    ("người cao tuổi", r"người cao tuổi|\bNCT\b"),
    ("cựu thanh niên xung phong", r"thanh niên xung phong"),
    ("doanh nghiệp", r"doanh nghiệp|doanh nhân"),
]
_LEVELS = [
    (Tier.MEMBER_ORG, r"(các|những)\s+tổ chức thành viên|đoàn thể"),
    (Tier.AREA, r"(các|mỗi|từng)\s+(khu dân cư|thôn|khối phố|tổ dân phố)|khu dân cư"),
    (Tier.COMMUNE, r"(các|mỗi|từng)\s+(xã|phường)|xã,\s*phường|cấp xã|thị trấn"),
]
_SELF = (
    r"^(Ủy ban|Uỷ ban|Ban Thường trực|BTT|UBMTTQ|MTTQ|Mặt trận)\b[^,]*"
    r"(tỉnh|thành phố|thị xã|huyện|quận)"
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


def concept_of(text: str) -> str:
    for concept, pattern in _CONCEPTS:
        if re.search(pattern, text, re.IGNORECASE):
            return concept
    return ""


def resolve_owner(name: str, unit: Unit, *, on=None) -> dict:
    """{"unit": code or None, "unit_name": …, "level": tier or ""} for an owner's name."""
    found = {"unit": None, "unit_name": "", "level": ""}
    if not name:
        return found
    concept = concept_of(name)
    children = list(unit.children.all()) if hasattr(unit, "children") else []
    if concept:
        for child in children:
            if child.tier == Tier.MEMBER_ORG and concept_of(child.name) == concept:
                return {"unit": child.code, "unit_name": child.name, "level": ""}
    for tier, pattern in _LEVELS:
        if re.search(pattern, name, re.IGNORECASE):
            return {**found, "level": tier}
    folded = _fold(name)
    for child in Unit.objects.subtree(unit).exclude(pk=unit.pk):
        if _fold(child.name) == folded or folded.endswith(" " + _fold(child.name)):
            return {"unit": child.code, "unit_name": child.name, "level": ""}
    if re.search(_SELF, name, re.IGNORECASE):
        return {"unit": unit.code, "unit_name": unit.name, "level": ""}
    return found
