"""Report deadlines come from the nearest committee above that set its own schedule."""

from datetime import date

from mattran.reporting.models import Period, ReportingSchedule
from mattran.reporting.workflow import completeness, deadline_for, schedule_for, schedules_for
from mattran.testing import build_city, build_programme


def test_each_unit_gets_the_nearest_schedule_and_the_batch_agrees_with_one_by_one(db):
    city = build_city()
    programme = build_programme(city.city)
    ReportingSchedule.objects.create(unit=city.city, month_due_day=10)
    ReportingSchedule.objects.create(unit=city.wards[1], month_due_day=20)
    units = [city.city, *city.wards, *city.areas[city.wards[1].code]]
    batch = schedules_for(units)
    assert {u.code: batch[u.pk].month_due_day for u in units} == {
        u.code: schedule_for(u).month_due_day for u in units
    }
    august = Period.objects.for_code("2024-08")
    assert deadline_for(city.wards[0], august, batch[city.wards[0].pk]) == date(2024, 9, 10)
    assert deadline_for(city.wards[1], august) == date(2024, 9, 20)
    assert schedules_for([city.province])[city.province.pk].month_due_day == 15  # the default
    programme.indicators.create(
        area=programme.areas.first(), code="1", text="Số nhà", value_type="count",
        aggregation="sum", reported_by="commune",
    )  # fmt: skip
    rows = completeness(programme, city.city, august, today=date(2024, 9, 15)).rows
    assert {r.unit.code: r.deadline for r in rows} == {
        "tk-w1": date(2024, 9, 10),
        "tk-w2": date(2024, 9, 20),
        "tk-w3": date(2024, 9, 10),
    }
    assert {r.unit.code: r.state for r in rows} == {
        "tk-w1": "overdue",
        "tk-w2": "pending",
        "tk-w3": "overdue",
    }
