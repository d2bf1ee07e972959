"""V.1 and V.2 are counted from the roster, never typed: the figures below are the hand
counts of `helpers.build_roster`, including the cadre who moved in July and a merged ward."""

from datetime import date
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from mattran.people import feeding, services, training
from mattran.people.models import PeopleIndicatorLink
from mattran.people.tests.helpers import build_roster, post, v_indicators
from mattran.programmes.models import Indicator
from mattran.reporting.models import DataValue, Submission, SubmissionStatus
from mattran.testing import build_world, put
from mattran.units.models import UnitKind
from mattran.units.services import merge_units


@pytest.fixture
def world(db):
    world = build_world()
    world.v = v_indicators(world)
    world.roster = build_roster(world)
    return world


def figure(world, code: str, unit, period: str) -> tuple[int, int] | None:
    value = DataValue.objects.filter(
        indicator=world.v[code], unit=unit, period__code=period
    ).first()
    return None if value is None else (int(value.numerator), int(value.denominator))


def test_v1_counts_commune_posts_and_area_heads_trained_since_the_term_began(world):
    an_my, an_phu, tam_thang = world.city.wards
    # Lan, Hùng, Mai (from March) and Dũng (KP1 head); Tư is a board member, not counted.
    assert figure(world, "V.1", an_my, "2024-02") == (0, 3)
    assert figure(world, "V.1", an_my, "2024-03") == (0, 4)
    # The Front-work course ended on 12/04: Lan and Hùng completed it, Dũng did not.
    assert figure(world, "V.1", an_my, "2024-04") == (2, 4)
    assert figure(world, "V.1", an_phu, "2024-06") == (1, 2)
    # Hùng left An Mỹ on 30/06 and is An Phú's vice-chair from 01/07: he counts there.
    assert figure(world, "V.1", an_my, "2024-07") == (1, 3)
    assert figure(world, "V.1", an_phu, "2024-07") == (2, 3)
    # Mai's professional course (20/09) counts for V.1 too.
    assert figure(world, "V.1", an_my, "2024-09") == (2, 3)
    assert figure(world, "V.1", an_my, "2025-12") == (2, 3)
    assert figure(world, "V.1", tam_thang, "2024-09") is None  # no post recorded there
    note = DataValue.objects.get(indicator=world.v["V.1"], unit=an_my, period__code="2024-09")
    assert note.note == "Tính tự động từ danh sách cán bộ và các lớp bồi dưỡng: 2/3 người"


def test_v2_counts_commune_posts_trained_in_professional_skills(world):
    an_my, an_phu, _ = world.city.wards
    assert figure(world, "V.2", an_my, "2024-08") == (0, 2)  # Lan and Mai; area heads not
    assert figure(world, "V.2", an_my, "2024-09") == (1, 2)  # Mai
    assert figure(world, "V.2", an_phu, "2024-06") == (0, 1)  # Phúc
    assert figure(world, "V.2", an_phu, "2024-09") == (1, 2)  # Phúc trained, Hùng not


def test_a_merged_ward_s_posts_count_for_its_successor_from_the_merge_date(world):
    an_my, _, tam_thang = world.city.wards
    new = merge_units(
        [an_my, tam_thang],
        code="tk-new",
        name="Phường Tam Kỳ",
        kind=UnitKind.WARD,
        parent=world.city.city,
        effective_on=date(2025, 1, 1),
        carry_children=True,
    )
    feeding.refresh_all(world.programme)
    # Lan (chair), Mai (cadre) and Dũng (head of KP1, carried over) hold their posts still.
    assert figure(world, "V.1", new, "2025-01") == (2, 3)
    assert figure(world, "V.2", new, "2025-01") == (1, 2)
    assert figure(world, "V.1", an_my, "2024-12") == (2, 3)
    assert figure(world, "V.1", an_my, "2025-01") is None  # the old ward has ended
    # A cadre recorded in the new ward from March joins the count; nobody is counted twice.
    post(services.create_person(unit=new, full_name="Ngô Văn Sáu"), new, "cadre", date(2025, 3, 1))
    assert figure(world, "V.1", new, "2025-03") == (2, 4)
    training.attend(course=world.roster.courses["skills"], person=world.roster.people["dung"])
    assert figure(world, "V.1", new, "2025-03") == (3, 4)


def test_changes_recount_and_a_locked_month_refuses_the_change(world):
    an_my = world.city.wards[0]
    dung = world.roster.people["dung"]
    training.save_attendance(
        course=world.roster.courses["front"], ticks=[training.Tick(dung, True, completed=True)]
    )
    assert figure(world, "V.1", an_my, "2024-04") == (3, 4)
    Submission.objects.create(
        programme=world.programme,
        unit=an_my,
        period=DataValue.objects.filter(period__code="2024-04").first().period,
        status=SubmissionStatus.APPROVED,
    )
    with pytest.raises(ValidationError, match=r"V\.1 của Phường An Mỹ tháng 4/2024.*đã được duyệt"):
        training.save_attendance(
            course=world.roster.courses["front"], ticks=[training.Tick(dung, False)]
        )
    assert world.roster.courses["front"].attendances.filter(person=dung).exists()
    assert figure(world, "V.1", an_my, "2024-04") == (3, 4)
    # A change that only moves later months goes through.
    services.end_position(position=world.roster.positions["mai"], end=date(2024, 12, 31))
    assert figure(world, "V.1", an_my, "2024-12") == (3, 3)
    assert figure(world, "V.1", an_my, "2025-01") == (2, 2)


def test_linked_figures_cannot_be_typed_and_refresh_all_lists_locked_periods(world):
    an_my = world.city.wards[0]
    assert world.v["V.1"].is_automatic
    DataValue.objects.filter(indicator=world.v["V.1"], unit=an_my, period__code="2024-05").update(
        numerator=0
    )
    period = DataValue.objects.filter(period__code="2024-05").first().period
    Submission.objects.create(
        programme=world.programme, unit=an_my, period=period, status=SubmissionStatus.SUBMITTED
    )
    results = feeding.refresh_all(world.programme)
    v1 = results["V.1 (Thành phố Tam Kỳ)"]
    assert v1.locked == ["Phường An Mỹ tháng 5/2024"] and v1.written == 0
    out = StringIO()
    call_command("people", "refresh", stdout=out)
    assert "V.1 (Thành phố Tam Kỳ): 0 số liệu được cập nhật" in out.getvalue()
    assert "Phường An Mỹ tháng 5/2024" in out.getvalue()


def test_only_ratio_indicators_of_communes_can_be_linked(world):
    with pytest.raises(ValidationError, match="không phải chỉ tiêu tỷ lệ"):
        feeding.link_indicator(indicator=world.indicators["houses"], measure="front_training")
    with pytest.raises(ValidationError, match="đã được tính tự động"):
        feeding.link_indicator(indicator=world.v["V.1"], measure="front_training")
    link = PeopleIndicatorLink.objects.get(indicator=world.v["V.2"])
    feeding.unlink_indicator(link=link)
    fresh = Indicator.objects.get(pk=world.v["V.2"].pk)
    assert not fresh.is_automatic
    assert put(fresh, world.city.wards[2], "2024-09", numerator=1, denominator=2).numerator == 1
