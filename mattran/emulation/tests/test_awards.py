"""The award proposal: a Tờ trình in the state format listing the participants of one tier
whose official total reaches the threshold, in rank order, at most `max_awards`."""

from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mattran.documents.models import GeneratedFile
from mattran.emulation.awards import export_award_proposal, summary
from mattran.emulation.scoring import ReviewEntry, SelfEntry, review_sheet, save_self_assessment
from mattran.emulation.testing import build_movement, sheet_of
from mattran.plans.models import Plan
from mattran.testing import build_world, put

NOW = timezone.make_aware(datetime.combine(date(2024, 11, 10), time(9)))


@pytest.fixture
def world(db):
    world = build_world()
    plan = Plan.objects.create(
        unit=world.city.city,
        kind="campaign",
        title="Kế hoạch triển khai thực hiện Cuộc vận động năm 2024",
        number="68/KH-MTTQ-BTT",
        issued_on=date(2024, 3, 20),
        year=2024,
    )
    # threshold 15 of 20 points for wards
    world.movement = build_movement(world, max_awards=2, plan=plan)
    world.crit = {c.number: c for c in world.movement.criteria.all()}
    return world


def score(world, unit, self_score, final=None):
    sheet = sheet_of(world.movement, unit)
    save_self_assessment(
        participation=sheet,
        entries={world.crit["1"].pk: SelfEntry(score=Decimal(self_score))},
        submit=True,
        now=NOW,
    )
    if final is not None:
        review_sheet(
            participation=sheet,
            entries={world.crit["1"].pk: ReviewEntry(score=Decimal(final))},
        )


def test_the_proposal_lists_the_best_officially_scored_wards_in_the_state_format(world):
    w1, w2, w3 = world.city.wards
    for ward in (w1, w2, w3):
        put(world.indicators["houses"], ward, "2024-06", number=4)  # 10 computed points
    score(world, w1, 9, final=8.5)  # 18.5
    score(world, w2, 10, final=10)  # 20
    score(world, w3, 10)  # 20 self-assessed only: not proposed
    admin = world.users["city_admin"]
    with pytest.raises(PermissionDenied):
        export_award_proposal(
            movement=world.movement, tier="commune", actor=world.users["w1_clerk"]
        )
    generated = export_award_proposal(
        movement=world.movement, tier="commune", actor=admin, day=date(2024, 12, 2)
    )
    assert generated.unit == world.city.city and generated.created_by == admin
    assert generated.report is None and generated.format == "docx"
    document = docx.Document(BytesIO(bytes(GeneratedFile.objects.get().data)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "TỜ TRÌNH" in text
    assert summary(world.movement) in text
    assert summary(world.movement).startswith(
        "Về việc đề nghị khen thưởng các tập thể có thành tích xuất sắc trong phong trào thi đua"
    )
    head = "\n".join(c.text for c in document.tables[0]._cells)
    assert "Số:" in head and "/TTr-MTTQ-BTT" in head
    assert "ngày 02 tháng 12 năm 2024" in head
    table = document.tables[1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["TT", "Tên tập thể", "Tổng điểm", "Xếp hạng", "Hình thức khen thưởng"]
    assert rows[1:] == [
        [
            "1",
            "Ủy ban MTTQ Việt Nam phường An Phú",
            "20",
            "1",
            "Giấy khen của Ủy ban MTTQ Việt Nam thành phố",
        ],
        [
            "2",
            "Ủy ban MTTQ Việt Nam phường An Mỹ",
            "18,5",
            "3",
            "Giấy khen của Ủy ban MTTQ Việt Nam thành phố",
        ],
    ]
    assert "tặng Giấy khen của Ủy ban MTTQ Việt Nam thành phố cho 02 tập thể" in text
    assert (
        "Căn cứ Kế hoạch số 68/KH-MTTQ-BTT ngày 20/03/2024 của Ban Thường trực Ủy ban MTTQ Việt "
        "Nam thành phố Tam Kỳ về triển khai thực hiện Cuộc vận động năm 2024;"
    ) in text
    assert "Có 03/03 đơn vị nộp bảng tự chấm điểm" in text
    signature = "\n".join(c.text for c in document.tables[-1]._cells)
    assert "- Như trên;" in signature and "TM. BAN THƯỜNG TRỰC" in signature


def test_nobody_reaching_the_threshold_is_said_plainly(world):
    score(world, world.city.wards[0], 5, final=5)
    with pytest.raises(ValidationError) as exc:
        export_award_proposal(movement=world.movement, tier="commune")
    assert "Chưa có tập thể nào" in str(exc.value) and "từ 15 điểm trở lên" in str(exc.value)
    assert not GeneratedFile.objects.exists()


def test_residential_areas_are_named_with_their_ward(world):
    area = world.city.areas[world.city.wards[0].code][0]
    sheet = sheet_of(world.movement, area)
    save_self_assessment(
        participation=sheet,
        entries={
            world.crit["1"].pk: SelfEntry(score=Decimal(9)),
            world.crit["3"].pk: SelfEntry(score=Decimal(19)),
        },
        submit=True,
        now=NOW,
    )
    review_sheet(
        participation=sheet,
        entries={
            world.crit["1"].pk: ReviewEntry(score=Decimal(9)),
            world.crit["3"].pk: ReviewEntry(score=Decimal(19)),
        },
    )
    generated = export_award_proposal(movement=world.movement, tier="area")
    document = docx.Document(BytesIO(bytes(generated.data)))
    cells = [c.text for c in document.tables[1].rows[1].cells]
    assert cells[1:3] == ["Ban Công tác Mặt trận khối phố 1, phường An Mỹ", "28"]
