"""Award proposals: the participants of one tier whose official total reaches the threshold,
in rank order and at most `max_awards`, proposed in a Tờ trình in the state format
(Nghị định 30/2020/NĐ-CP, Phụ lục I; see documents.docx_format)."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from mattran.audit.services import record
from mattran.core.numbers import format_count
from mattran.documents import docx_format as fmt
from mattran.documents.models import FileFormat, GeneratedFile
from mattran.documents.services import style_for
from mattran.emulation.access import may_manage
from mattran.emulation.models import Movement
from mattran.emulation.ranking import Standing, standings
from mattran.emulation.sources import points
from mattran.units.models import Tier, Unit

# How documents name the tier's collectives, in the plural.
TIER_PLURAL = {
    Tier.COMMUNE: "Ủy ban MTTQ Việt Nam xã, phường",
    Tier.AREA: "Ban Công tác Mặt trận khu dân cư",
    Tier.MEMBER_ORG: "tổ chức thành viên",
    Tier.DISTRICT: "Ủy ban MTTQ Việt Nam cấp huyện",
    Tier.PROVINCE: "Ủy ban MTTQ Việt Nam cấp tỉnh",
}
WIDTHS_CM = [1.0, 6.0, 1.9, 1.8, 5.8]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def collective_name(unit: Unit) -> str:
    """The collective as an award names it: "Ủy ban MTTQ Việt Nam phường An Mỹ",
    "Ban Công tác Mặt trận khối phố 1, phường An Mỹ"."""
    if unit.tier == Tier.AREA:
        parent = f", {_lower_first(unit.parent.name)}" if unit.parent_id else ""
        return f"Ban Công tác Mặt trận {_lower_first(unit.name)}{parent}"
    if unit.tier in (Tier.COMMUNE, Tier.DISTRICT, Tier.PROVINCE):
        return f"Ủy ban MTTQ Việt Nam {_lower_first(unit.name)}"
    return unit.name


def _recipients(listed: list[str]) -> list[str]:
    """A Tờ trình goes first to whom it is addressed: "Như trên"."""
    if any(r.lower().startswith("như trên") for r in listed):
        return listed
    return ["Như trên", *listed]


def candidates(
    movement: Movement, tier: str, groups: dict[str, list[Standing]] | None = None
) -> list[Standing]:
    """Officially scored participants of `tier` at or above the threshold, best first."""
    groups = standings(movement) if groups is None else groups
    chosen = [
        s
        for s in groups.get(tier, [])
        if s.official and s.total is not None and s.total >= movement.award_threshold
    ]
    if movement.max_awards is not None:
        chosen = chosen[: movement.max_awards]
    return chosen


def summary(movement: Movement) -> str:
    title = movement.title.strip()
    if not title.lower().startswith("phong trào thi đua"):
        title = f"phong trào thi đua {title}"
    return (
        "Về việc đề nghị khen thưởng các tập thể có thành tích xuất sắc trong "
        f"{_lower_first(title)}"
    )


def proposal(movement: Movement, tier: str, chosen: list[Standing], day: date):
    organiser = movement.organiser
    style = style_for(organiser)
    rows = standings(movement).get(tier, [])
    active = [s for s in rows if not s.participation.withdrawn_at]
    submitted = [s for s in active if s.total is not None]
    reviewed = [s for s in active if s.official]
    maximum = movement.max_total(tier)
    plural = TIER_PLURAL.get(tier, "đơn vị")
    blocks = []
    if movement.plan_id and movement.plan.number:
        plan = movement.plan
        issued = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
        about = plan.title.removeprefix("Kế hoạch ").removeprefix("kế hoạch ")
        blocks.append(
            fmt.Block(
                "paragraph",
                f"Căn cứ Kế hoạch số {plan.number}{issued} của Ban Thường "
                f"trực Ủy ban MTTQ Việt Nam {_lower_first(organiser.name)} về "
                f"{_lower_first(about)};",
            )
        )
    limit = (
        f", tối đa {format_count(movement.max_awards)} tập thể"
        if movement.max_awards is not None
        else ""
    )
    blocks += [
        fmt.Block(
            "paragraph",
            f"Căn cứ kết quả chấm điểm, xếp hạng các {plural} tham gia "
            f"{_lower_first(movement.title)};",
        ),
        fmt.Block(
            "paragraph",
            f"Phong trào được triển khai từ ngày {movement.starts_on:%d/%m/%Y} đến ngày "
            f"{movement.ends_on:%d/%m/%Y}, với {format_count(len(movement.criteria_for(tier)))} "
            f"tiêu chí, tổng số {points(maximum)} điểm. Có {format_count(len(submitted))}/"
            f"{format_count(len(active))} đơn vị nộp bảng tự chấm điểm; Ban Thường trực đã "
            f"chấm điểm chính thức {format_count(len(reviewed))} đơn vị. Theo quy định, tập thể "
            f"đạt từ {points(movement.award_threshold)} điểm trở lên được xét đề nghị khen "
            f"thưởng{limit}.",
        ),
        fmt.Block(
            "paragraph",
            f"Ban Thường trực Ủy ban MTTQ Việt Nam {_lower_first(organiser.name)} kính trình "
            f"xem xét, tặng {movement.award_form} cho {format_count(len(chosen))} tập thể có "
            "thành tích xuất sắc, cụ thể như sau:",
        ),
        fmt.Block(
            "table",
            rows=[
                ["TT", "Tên tập thể", "Tổng điểm", "Xếp hạng", "Hình thức khen thưởng"],
                *[
                    [
                        str(i),
                        collective_name(s.unit),
                        points(s.total),
                        str(s.rank),
                        movement.award_form,
                    ]
                    for i, s in enumerate(chosen, start=1)
                ],
            ],
            widths_cm=WIDTHS_CM,
        ),
        fmt.Block("paragraph", "Kính trình xem xét, quyết định./."),
    ]
    return fmt.OfficialDocument(
        letterhead=fmt.Letterhead(
            parent_lines=style.parent_list,
            office=style.office,
            sign=f"TTr-{style.sign_suffix}",
            number="",
            place=style.place,
            date=day,
        ),
        doc_type="TỜ TRÌNH",
        summary=summary(movement),
        blocks=blocks,
        recipients=_recipients(style.recipient_list),
        signature=fmt.Signature(style.signer_authority, style.signer_position, style.signer_name),
    )


@transaction.atomic
def export_award_proposal(
    *, movement: Movement, tier: str, actor: Any = None, day: date | None = None
) -> GeneratedFile:
    if not may_manage(actor, movement):
        raise PermissionDenied(
            f"Chỉ quản trị viên của {movement.organiser.name} mới lập tờ trình khen thưởng."
        )
    if tier not in movement.participant_tiers:
        raise ValidationError("Cấp đơn vị này không tham gia phong trào.")
    chosen = candidates(movement, tier)
    if not chosen:
        raise ValidationError(
            f"Chưa có tập thể nào ({TIER_PLURAL.get(tier, 'đơn vị')}) được chấm chính thức "
            f"từ {points(movement.award_threshold)} điểm trở lên."
        )
    data = fmt.write_docx(proposal(movement, tier, chosen, day or timezone.localdate()))
    generated = GeneratedFile.objects.create(
        unit=movement.organiser,
        report=None,
        name=f"to-trinh-khen-thuong-phong-trao-{movement.pk}-{tier}.docx",
        format=FileFormat.DOCX,
        data=data,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(
        actor=actor,
        action="emulation.award_proposal",
        target=movement,
        changes={"tier": tier, "file": generated.pk, "units": [s.unit.code for s in chosen]},
    )
    return generated
