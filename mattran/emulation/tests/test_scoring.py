"""Self-assessment and official scoring, without HTTP: bounds, who may score, the deadline,
reopening, overrides of computed scores, and the audit trail."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from mattran.accounts.models import Role, User
from mattran.audit.models import AuditEntry
from mattran.emulation import movements
from mattran.emulation.models import Participation, Score
from mattran.emulation.scoring import ReviewEntry, SelfEntry, review_sheet, save_self_assessment
from mattran.emulation.testing import build_movement, sheet_of
from mattran.testing import build_world, put

IN_TIME = timezone.make_aware(datetime.combine(date(2024, 11, 10), time(9)))
LATE = timezone.make_aware(datetime.combine(date(2024, 11, 20), time(9)))


@pytest.fixture
def world(db):
    world = build_world()
    world.movement = build_movement(world)
    world.crit = {c.number: c for c in world.movement.criteria.all()}
    return world


def entries(world, **scores):
    return {world.crit[n].pk: SelfEntry(score=Decimal(v)) for n, v in scores.items()}


def test_opening_materialises_every_ward_and_area_once(world):
    parts = world.movement.participations.select_related("unit")
    assert sorted(p.unit.tier for p in parts) == ["area"] * 6 + ["commune"] * 3
    assert movements.open_movement(movement=world.movement) == 0  # again: nobody added


def test_a_score_outside_zero_to_max_is_refused_in_vietnamese(world):
    sheet = sheet_of(world.movement, world.city.wards[0])
    with pytest.raises(ValidationError) as exc:
        save_self_assessment(participation=sheet, entries=entries(world, **{"1": 11}), now=IN_TIME)
    assert exc.value.message_dict == {
        f"score-{world.crit['1'].pk}": ["Điểm tiêu chí 1 phải từ 0 đến 10."]
    }
    with pytest.raises(ValidationError):
        save_self_assessment(participation=sheet, entries=entries(world, **{"1": -1}), now=IN_TIME)
    assert not Score.objects.exists()


def test_submitting_needs_every_manual_criterion_and_a_valid_link(world):
    sheet = sheet_of(world.movement, world.city.wards[0])
    bad = {world.crit["1"].pk: SelfEntry(link="mattran.vn/quy-che")}
    with pytest.raises(ValidationError) as exc:
        save_self_assessment(participation=sheet, entries=bad, submit=True, now=IN_TIME)
    messages = " ".join(exc.value.messages)
    assert "Chưa chấm tiêu chí 1." in messages
    assert "Đường dẫn minh chứng của tiêu chí 1 không hợp lệ" in messages


def test_only_the_participants_own_staff_assess_it(world):
    w1, w2 = world.city.wards[:2]
    sheet = sheet_of(world.movement, w1)
    for name in ("w2_clerk", "w2_admin", "w1_viewer", "city_admin"):
        with pytest.raises(PermissionDenied):
            save_self_assessment(
                participation=sheet,
                entries=entries(world, **{"1": 8}),
                actor=world.users[name],
                now=IN_TIME,
            )
    save_self_assessment(
        participation=sheet,
        entries=entries(world, **{"1": 8}),
        actor=world.users["w1_clerk"],
        now=IN_TIME,
    )
    # a ward's administrator scores for its own residential areas
    area = sheet_of(world.movement, world.city.areas[w2.code][0])
    save_self_assessment(
        participation=area,
        entries=entries(world, **{"1": 9, "3": 18}),
        actor=world.users["w2_admin"],
        now=IN_TIME,
    )
    assert area.scores.count() == 2


def test_after_the_due_date_the_sheet_is_closed_until_the_organiser_reopens_it(world):
    sheet = sheet_of(world.movement, world.city.wards[0])
    with pytest.raises(ValidationError) as exc:
        save_self_assessment(participation=sheet, entries=entries(world, **{"1": 8}), now=LATE)
    assert "Đã quá hạn tự chấm điểm (ngày 15/11/2024)" in str(exc.value)
    with pytest.raises(PermissionDenied):
        movements.reopen(
            participation=sheet,
            until=date(2024, 11, 25),
            actor=world.users["w1_clerk"],
            today=LATE.date(),
        )
    movements.reopen(
        participation=sheet,
        until=date(2024, 11, 25),
        actor=world.users["city_admin"],
        today=LATE.date(),
    )
    save_self_assessment(
        participation=sheet, entries=entries(world, **{"1": 8}), submit=True, now=LATE
    )
    assert sheet.submitted_at == LATE
    with pytest.raises(ValidationError) as exc:  # submitted: locked again
        save_self_assessment(participation=sheet, entries=entries(world, **{"1": 9}), now=LATE)
    assert "Bảng tự chấm đã nộp" in str(exc.value)


def test_the_organiser_scores_officially_and_may_override_a_computed_score_with_a_reason(
    world,
):
    ward = world.city.wards[0]
    put(world.indicators["houses"], ward, "2024-06", number=3)
    sheet = sheet_of(world.movement, ward)
    save_self_assessment(
        participation=sheet, entries=entries(world, **{"1": 9}), submit=True, now=IN_TIME
    )
    computed = Score.objects.get(participation=sheet, criterion=world.crit["2"])
    assert computed.self_score == Decimal("7.5")
    reviewer = world.users["city_admin"]
    with pytest.raises(PermissionDenied):
        review_sheet(participation=sheet, entries={}, actor=world.users["w1_clerk"])
    override = {
        world.crit["1"].pk: ReviewEntry(score=Decimal(8), note="Thiếu biên bản hội nghị"),
        world.crit["2"].pk: ReviewEntry(score=Decimal(10)),
    }
    with pytest.raises(ValidationError) as exc:
        review_sheet(participation=sheet, entries=override, actor=reviewer)
    assert "Cần ghi lý do khi sửa điểm tiêu chí 2" in str(exc.value)
    override[world.crit["2"].pk].note = "Đã bàn giao thêm 01 nhà ngày 30/10/2024"
    review_sheet(participation=sheet, entries=override, actor=reviewer)
    sheet.refresh_from_db()
    assert sheet.reviewed_by == reviewer and sheet.status == "reviewed"
    finals = dict(sheet.scores.values_list("criterion__number", "final_score"))
    assert finals == {"1": Decimal(8), "2": Decimal(10)}
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert "emulation.submit" in actions and "emulation.review" in actions
    review = AuditEntry.objects.get(action="emulation.review")
    assert review.actor == reviewer and review.changes["1"] == "8"


def test_a_sheet_not_submitted_cannot_be_scored_officially_and_withdrawal_needs_a_reason(
    world,
):
    sheet = sheet_of(world.movement, world.city.wards[0])
    with pytest.raises(ValidationError) as exc:
        review_sheet(participation=sheet, entries={})
    assert "chưa nộp bảng tự chấm điểm" in str(exc.value)
    with pytest.raises(ValidationError):
        movements.set_withdrawn(participation=sheet, withdrawn=True, reason=" ")
    movements.set_withdrawn(participation=sheet, withdrawn=True, reason="Sáp nhập đơn vị")
    assert Participation.objects.get(pk=sheet.pk).status == "withdrawn"
    with pytest.raises(ValidationError):
        save_self_assessment(participation=sheet, entries=entries(world, **{"1": 8}), now=IN_TIME)


def test_a_system_administrator_may_do_everything(world):
    admin = User.objects.create_user(username="root", password="x", role=Role.SYSTEM_ADMIN)
    sheet = sheet_of(world.movement, world.city.wards[0])
    save_self_assessment(
        participation=sheet,
        entries=entries(world, **{"1": 8}),
        submit=True,
        actor=admin,
        now=IN_TIME,
    )
    review_sheet(
        participation=sheet,
        entries={world.crit["1"].pk: ReviewEntry(score=Decimal(7))},
        actor=admin,
    )


def test_a_computed_score_is_recomputed_at_review_and_the_change_is_explained(world):
    ward = world.city.wards[1]
    houses = world.indicators["houses"]
    put(houses, ward, "2024-06", number=2)
    sheet = sheet_of(world.movement, ward)
    save_self_assessment(
        participation=sheet, entries=entries(world, **{"1": 9}), submit=True, now=IN_TIME
    )
    put(houses, ward, "2024-09", number=2)  # reported late, inside the movement's period
    review_sheet(participation=sheet, entries={world.crit["1"].pk: ReviewEntry(score=Decimal(9))})
    score = Score.objects.get(participation=sheet, criterion=world.crit["2"])
    assert (score.self_score, score.final_score) == (Decimal(5), Decimal(10))
    assert score.review_note.startswith("Tính lại từ số liệu: Đạt 4 nhà (chỉ tiêu: 04 nhà)")
    assert score.explanation.startswith("Đạt 2/4 nhà")  # what the ward submitted
