"""Factories for tests: a movement over `mattran.testing.build_world()`'s city."""

from datetime import date
from decimal import Decimal

from mattran.emulation.models import Movement, Participation, Score
from mattran.emulation.movements import create_movement, open_movement
from mattran.units.models import Tier


def build_movement(world, *, houses_target: str = "04 nhà", **fields) -> Movement:
    """The city's 2024 movement for its wards and residential areas, opened: criterion 1
    for everyone (10), 2 for wards only (10, computed from the houses indicator), 3 for
    areas only (20)."""
    values = {
        "title": "Phong trào thi đua thực hiện Cuộc vận động “Toàn dân đoàn kết xây dựng nông "
        "thôn mới, đô thị văn minh” năm 2024",
        "starts_on": date(2024, 3, 15),
        "ends_on": date(2024, 10, 31),
        "participant_tiers": [Tier.COMMUNE, Tier.AREA],
        "self_due_on": date(2024, 11, 15),
        "review_due_on": date(2024, 11, 30),
        "award_on": date(2024, 12, 15),
        "award_threshold": Decimal(15),
        "award_form": "Giấy khen của Ủy ban MTTQ Việt Nam thành phố",
        **fields,
    }
    movement = create_movement(
        organiser=world.city.city,
        criteria=[
            {
                "number": "1",
                "text": "Xây dựng quy chế làm việc",
                "max_score": Decimal(10),
                "evidence": "Quy chế đã ban hành",
            },
            {
                "number": "2",
                "text": "Hoàn thành tiến độ xóa nhà tạm, nhà dột nát",
                "max_score": Decimal(10),
                "applies_to": Tier.COMMUNE,
                "source": "indicator",
                "indicator": world.indicators["houses"],
                "target": houses_target,
            },
            {
                "number": "3",
                "text": "Tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
                "max_score": Decimal(20),
                "applies_to": Tier.AREA,
            },
        ],
        **values,
    )
    open_movement(movement=movement)
    return movement


def sheet_of(movement: Movement, unit) -> Participation:
    return movement.participations.select_related("unit", "movement").get(unit=unit)


def evidence_score(participation: Participation) -> Score:
    """A score on criterion 1 with a file attached, as a clerk would leave it."""
    criterion = participation.movement.criteria.get(number="1")
    score, _ = Score.objects.update_or_create(
        participation=participation,
        criterion=criterion,
        defaults={
            "self_score": Decimal(8),
            "self_note": "Quy chế số 01/QC-MTTQ",
            "evidence_name": "quy-che.pdf",
            "evidence_data": b"%PDF-1.4 quy che",
            "evidence_size": 16,
        },
    )
    return score
