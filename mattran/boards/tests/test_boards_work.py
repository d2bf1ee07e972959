"""The boards at work: inspection cases give III.9 ("hoạt động hiệu quả"), projects give
III.10 (share supervised, monthly, cumulative for the year), checked against counts done by
hand, through a locked month and a merge of two wards."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from mattran.accounts.models import Role, User
from mattran.analytics.rollup import rollup
from mattran.audit.models import AuditEntry
from mattran.boards import feeding
from mattran.boards.measures import inspection_verdict, project_share
from mattran.boards.models import InspectionCase, InvestmentProject
from mattran.boards.ratings import rate
from mattran.boards.records import delete_project, save_case, save_project
from mattran.core.periods import PeriodSpec
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.testing import put
from mattran.units.models import UnitKind
from mattran.units.services import merge_units


def case(unit, day, made, resolved, actor=None, **extra):
    fields = {
        "opened_on": day,
        "kind": "supervision",
        "title": f"Giám sát việc thu, chi quỹ phòng, chống thiên tai ({day:%d/%m})",
        "body": "UBND phường",
        "recommendations_made": made,
        "recommendations_resolved": resolved,
        "status": "open",
        **extra,
    }
    return save_case(unit=unit, fields=fields, actor=actor)


def project(unit, started, funding, supervised_on=None, completed=None, actor=None, name=None):
    return save_project(
        unit=unit,
        fields={
            "name": name or f"Bê tông hóa đường kiệt ({started:%m/%Y})",
            "funding": funding,
            "budget": Decimal(450_000_000),
            "started_on": started,
            "completed_on": completed,
            "supervised": supervised_on is not None,
            "supervised_on": supervised_on,
        },
        actor=actor,
    )


def months(indicator, unit, year):
    return {
        v.period.start.month: (int(v.numerator), int(v.denominator))
        for v in DataValue.objects.filter(
            indicator=indicator, unit=unit, period__kind="month", period__start__year=year
        ).select_related("period")
    }


def yearly(indicator, unit, year):
    value = DataValue.objects.filter(indicator=indicator, unit=unit, period__code=str(year))
    return value.first().boolean if value.exists() else None


# --- III.9 -------------------------------------------------------------------------------


def test_inspection_boards_are_judged_and_counted_as_by_hand(world, users):
    """An Mỹ: rated "hoàn thành" although every recommendation was resolved → not effective
    (the rating decides). An Phú: unrated, 3 of 4 recommendations resolved (75%) →
    effective. Tam Thăng: unrated, 1 of 3 (33,3%) → not effective. City: 1/3."""
    w1, w2, w3 = world.w1, world.w2, world.w3
    case(w1, date(2024, 3, 4), 2, 2, users.w1_clerk)
    rate(unit=w1, subject="inspection_board", year=2024, rating=2, actor=users.w1_admin)
    case(w2, date(2024, 2, 12), 3, 2, users.w2_clerk)
    case(w2, date(2024, 6, 20), 1, 1, users.w2_clerk)
    case(w3, date(2024, 5, 2), 3, 1)

    assert yearly(world.boards["III.9"], w1, 2024) is False
    assert yearly(world.boards["III.9"], w2, 2024) is True
    assert yearly(world.boards["III.9"], w3, 2024) is False
    verdict = inspection_verdict(w2, 2024)
    assert verdict.reason == (
        "Chưa được xếp loại; 2 vụ việc trong năm, 3/4 kiến nghị được tiếp thu, giải quyết "
        "(75,0%; cần từ 70% trở lên)."
    )
    assert "Hoàn thành nhiệm vụ" in inspection_verdict(w1, 2024).reason
    result = rollup(world.boards["III.9"], world.city.city, PeriodSpec.year(2024))
    assert (result.value, result.units_total) == (1, 3)
    note = DataValue.objects.get(indicator=world.boards["III.9"], unit=w2).note
    assert note.startswith("Tính tự động từ hoạt động của Ban Thanh tra Nhân dân: Chưa được")


def test_a_board_with_nothing_to_judge_has_no_figure(world):
    verdict = inspection_verdict(world.w1, 2024)
    assert verdict.effective is None and "chưa có vụ việc nào" in verdict.reason
    moved = case(world.w1, date(2024, 10, 1), 0, 0)
    assert yearly(world.boards["III.9"], world.w1, 2024) is True  # cases that needed none
    save_case(
        unit=world.w1,
        case=moved,
        fields={
            **{f: getattr(moved, f) for f in ("kind", "title", "status")},
            "opened_on": date(2025, 1, 5),
        },
    )
    assert yearly(world.boards["III.9"], world.w1, 2024) is None  # the 2024 figure went
    assert yearly(world.boards["III.9"], world.w1, 2025) is True


def test_bad_cases_are_refused_and_nothing_is_saved(world, users):
    with pytest.raises(ValidationError) as caught:
        case(world.w1, date(2024, 3, 1), 1, 2, users.w1_clerk)
    assert "không được lớn hơn số kiến nghị đã gửi (1)" in str(caught.value)
    with pytest.raises(ValidationError, match="cần có ngày kết thúc"):
        case(world.w1, date(2024, 3, 1), 1, 1, status="closed")
    with pytest.raises(PermissionDenied):
        case(world.w2, date(2024, 3, 1), 1, 1, users.w1_clerk)
    with pytest.raises(ValidationError, match="trang của xã, phường"):
        case(world.city.city, date(2024, 3, 1), 1, 1)
    assert not InspectionCase.objects.exists()


# --- III.10 ------------------------------------------------------------------------------

PEOPLE, COMMUNE, UPPER = ["people"], ["commune_budget"], ["upper_budget"]


def build_projects(world, users):
    w1 = world.w1
    project(w1, date(2023, 5, 1), PEOPLE, completed=date(2023, 12, 20))  # done before 2024
    project(w1, date(2023, 9, 1), COMMUNE, supervised_on=date(2023, 10, 1))  # still under way
    project(w1, date(2024, 2, 10), PEOPLE + COMMUNE, supervised_on=date(2024, 4, 15))
    project(w1, date(2024, 3, 5), COMMUNE, actor=users.w1_clerk)
    project(w1, date(2024, 5, 20), UPPER)  # not in III.10
    project(w1, date(2024, 6, 1), PEOPLE, supervised_on=date(2024, 6, 25))
    project(world.w2, date(2024, 3, 1), PEOPLE)


def test_supervised_share_month_by_month_as_counted_by_hand(world, users):
    build_projects(world, users)
    iii10 = world.boards["III.10"]
    # Jan: the 2023 project (supervised) 1/1; Feb: +1 → 1/2; Mar: +1 → 1/3; Apr: one more
    # supervised → 2/3; May: the upper-budget project does not count; Jun: +1 supervised.
    expected = {1: (1, 1), 2: (1, 2), 3: (1, 3), 4: (2, 3), 5: (2, 3), 6: (3, 4)}
    assert months(iii10, world.w1, 2024) == expected  # nothing after the last event (June)
    assert months(iii10, world.w2, 2024) == {3: (0, 1)}
    put(world.indicators["visits"], world.w2, "2024-08", numerator=10, denominator=12)
    feeding.refresh_all(world.programme)
    assert months(iii10, world.w2, 2024) == {m: (0, 1) for m in range(3, 9)}  # to its report
    share = project_share(world.w1, 2024, date(2024, 12, 31))
    assert (share.supervised, share.total) == (3, 4)
    assert share.reason.startswith("3/4 công trình, dự án")
    year = rollup(iii10, world.city.city, PeriodSpec.year(2024))
    assert (year.numerator, year.denominator) == (3, 2 + 3)  # 3/4 of An Mỹ + 0/1 of An Phú
    note = DataValue.objects.get(indicator=iii10, unit=world.w1, period__code="2024-06").note
    assert note == (
        "Tính tự động từ danh sách công trình, dự án đến ngày 30/06/2024: 3/4 công trình, dự "
        "án có vốn Nhân dân đóng góp hoặc ngân sách cấp xã đã được giám sát (75,0%)."
    )


def test_deleting_the_only_project_clears_its_figures(world, users):
    only = project(world.w3, date(2024, 4, 2), PEOPLE, actor=users.city_admin)
    assert months(world.boards["III.10"], world.w3, 2024) == {4: (0, 1)}
    delete_project(unit=world.w3, project=only, actor=users.city_admin)
    assert months(world.boards["III.10"], world.w3, 2024) == {}
    assert AuditEntry.objects.filter(action="boards.project_delete").count() == 1


def test_a_locked_month_refuses_the_project_and_refresh_lists_it(world, users):
    Submission.objects.create(
        programme=world.programme,
        unit=world.w1,
        period=Period.objects.for_spec(PeriodSpec.month(2024, 3)),
        status=SubmissionStatus.APPROVED,
    )
    with pytest.raises(ValidationError) as caught:
        project(world.w1, date(2024, 3, 5), COMMUNE, actor=users.w1_clerk)
    text = " ".join(caught.value.messages)
    assert "chỉ tiêu III.10 của Phường An Mỹ tháng 3/2024" in text
    assert "đã được duyệt nên số liệu bị khóa" in text
    assert not InvestmentProject.objects.exists() and not DataValue.objects.exists()

    InvestmentProject.objects.create(  # typed in before the link, say
        unit=world.w1,
        name="Nâng cấp nhà văn hóa",
        funding=COMMUNE,
        budget=1,
        started_on=date(2024, 2, 1),
        supervised=True,
        supervised_on=date(2024, 3, 20),
    )
    result = feeding.refresh_all(world.programme)
    assert result.locked == ["III.10 Phường An Mỹ tháng 3/2024"]
    assert months(world.boards["III.10"], world.w1, 2024) == {2: (0, 1)}


def test_bad_projects_are_refused(world):
    with pytest.raises(ValidationError) as caught:
        save_project(
            unit=world.w1,
            fields={
                "name": "",
                "funding": [],
                "budget": Decimal(-1),
                "started_on": None,
                "supervised": True,
            },
        )
    errors = caught.value.message_dict
    assert set(errors) == {"name", "funding", "budget", "started_on", "supervised_on"}
    assert errors["funding"] == ["Chọn ít nhất một nguồn vốn."]


# --- a merge -----------------------------------------------------------------------------


@pytest.fixture
def merged(world, users):
    """An Mỹ and An Phú become Phường Tam Kỳ on 01/7/2025; records of 2024–2025 first."""
    p = project(world.w1, date(2024, 11, 1), PEOPLE, name="Nạo vét mương thoát nước")
    case(world.w1, date(2025, 3, 10), 2, 2)
    new = merge_units(
        [world.w1, world.w2],
        code="tk-tamky",
        name="Phường Tam Kỳ",
        kind=UnitKind.WARD,
        parent=world.city.city,
        effective_on=date(2025, 7, 1),
    )
    world.w1.refresh_from_db()
    admin = User.objects.create_user(
        username="tamky_admin", password="x", role=Role.UNIT_ADMIN, unit=new
    )
    return world, new, admin, p


def test_records_of_merged_wards_count_for_the_successor_from_the_merge(merged, users):
    world, new, admin, old_project = merged
    late = case(new, date(2025, 9, 5), 1, 0, admin)
    # 2 cases (one inherited), 2 of 3 recommendations (66,7%) → not yet effective
    verdict = inspection_verdict(new, 2025)
    assert (verdict.cases, verdict.made, verdict.resolved, verdict.effective) == (2, 3, 2, False)
    assert yearly(world.boards["III.9"], new, 2025) is False
    assert yearly(world.boards["III.9"], world.w1, 2025) is None  # An Mỹ ended 30/06/2025
    save_case(
        unit=new,
        case=late,
        fields={
            **{f: getattr(late, f) for f in ("opened_on", "kind", "title", "status")},
            "recommendations_made": 1,
            "recommendations_resolved": 1,
        },
        actor=admin,
    )
    assert yearly(world.boards["III.9"], new, 2025) is True

    # The successor's staff record the supervision of An Mỹ's project in August 2025.
    save_project(
        unit=new,
        project=old_project,
        fields={
            **{f: getattr(old_project, f) for f in ("name", "funding", "budget", "started_on")},
            "supervised": True,
            "supervised_on": date(2025, 8, 20),
        },
        actor=admin,
    )
    iii10 = world.boards["III.10"]
    assert months(iii10, world.w1, 2024) == {11: (0, 1)}
    assert months(iii10, world.w1, 2025) == {m: (0, 1) for m in range(1, 7)}
    assert months(iii10, new, 2025) == {7: (0, 1), 8: (1, 1)}
    year = rollup(iii10, world.city.city, PeriodSpec.year(2025))
    assert (year.numerator, year.denominator) == (1, 1)


def test_an_ended_ward_is_neither_rated_nor_given_records_after_its_end(merged, users):
    world, new, _, _ = merged
    with pytest.raises(ValidationError, match="đã kết thúc hoạt động từ ngày 30/06/2025"):
        rate(unit=world.w1, subject="committee", year=2025, rating=3, actor=users.city_admin)
    rate(unit=new, subject="committee", year=2025, rating=3, actor=users.city_admin)
    assert DataValue.objects.get(indicator=world.boards["V.4"], unit=new).rating == 3
    with pytest.raises(ValidationError, match="đơn vị kế thừa"):
        case(world.w1, date(2025, 8, 1), 1, 1)
    with pytest.raises(PermissionDenied):  # An Phú's staff cannot reach the new ward's cases
        case(new, date(2025, 8, 1), 1, 1, users.w2_clerk)


def test_the_command_recomputes_and_names_locked_periods(world, users):
    from io import StringIO

    from django.core.management import call_command

    InvestmentProject.objects.create(
        unit=world.w1,
        name="Nhà văn hóa khối phố 1",
        funding=PEOPLE,
        budget=1,
        started_on=date(2024, 4, 3),
    )
    out = StringIO()
    call_command("refresh_boards", stdout=out)
    assert out.getvalue() == "01/CTr-MTTQ-BTT: ghi 1 số liệu.\n"
    assert months(world.boards["III.10"], world.w1, 2024) == {4: (0, 1)}
