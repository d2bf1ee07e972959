from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from mattran.audit.models import AuditEntry
from mattran.imports.services import (
    draft_from_structure,
    extract_for_unit,
    save_plan,
    save_programme,
)
from mattran.plans.models import Plan
from mattran.programmes.models import Programme, ValueType
from mattran.units.models import Tier

FIXTURES = Path(__file__).parent / "fixtures"

APPENDIX = (
    "Tam Kỳ, ngày 05 tháng 7 năm 2024\n\nPHỤ LỤC\n\n(Thực hiện Nghị quyết Đại hội, nhiệm kỳ "
    "2024 - 2029)\n\nTT\tNội dung\t2024\t2025\t2026\t2027\t2028\t2029\n\n"
    "I. Công tác vận động\t\t\t\t\t\t\t\n\n"
    "1\t- Hỗ trợ xây dựng mới và sửa chữa trên 100 nhà “Đại đoàn kết”\t30/100 nhà\t50/100 nhà"
    "\t70/100 nhà\t85/100 nhà\t100/100 nhà\t\n\n"
    "2\t- Có trên 92% khu dân cư đạt chuẩn khu dân cư văn hoá\t>92%\t>92%\t>92%\t>92%\t>92%\t>92%"
    "\n\nII. Đối ngoại Nhân dân\t\t\t\t\t\t\t\n\n"
    "1\t- Tổ chức diễn đàn gặp mặt kiều bào\t\t\tTổ chức\t\tTổ chức\t"
)


@pytest.mark.django_db
def test_an_appendix_is_saved_as_a_programme_with_yearly_targets(city, django_user_model):
    unit = city.city
    draft = draft_from_structure(extract_for_unit(APPENDIX, unit), unit)
    assert (draft["first_year"], draft["last_year"]) == (2024, 2029)
    programme = save_programme(draft, unit, source_name="phu-luc.docx")
    areas = list(programme.areas.order_by("order"))
    assert [(a.number, a.title) for a in areas] == [
        ("I", "Công tác vận động"),
        ("II", "Đối ngoại Nhân dân"),
    ]
    houses, culture = areas[0].indicators.order_by("order")
    assert houses.code == "I.1" and houses.value_type == ValueType.COUNT and houses.cumulative
    assert {t.year: t.display for t in houses.targets.all()} == {
        2024: "30/100 nhà",
        2025: "50/100 nhà",
        2026: "70/100 nhà",
        2027: "85/100 nhà",
        2028: "100/100 nhà",
    }
    assert culture.reported_by == Tier.AREA and culture.aggregation == "count_units"
    forum = areas[1].indicators.get()
    assert forum.value_type == ValueType.YES_NO
    assert sorted(t.year for t in forum.targets.all()) == [2026, 2028]
    assert AuditEntry.objects.filter(action="programme.import").count() == 1


@pytest.mark.django_db
def test_a_plan_is_saved_with_tasks_fanned_to_levels_and_member_orgs(city):
    unit = city.city
    text = (FIXTURES / "ke_hoach_thi_dua.txt").read_text("utf-8").replace("thị xã", "thành phố")
    draft = draft_from_structure(extract_for_unit(text, unit), unit)
    plan = save_plan(draft, unit, source_name="ke-hoach.txt")
    assert plan.number == "199/KH-MTTQ-BTT" and plan.year == 2024
    tasks = list(plan.tasks.order_by("order"))
    assert len(tasks) == 8
    assert tasks[0].owner_level == Tier.COMMUNE and tasks[0].due_on.isoformat() == "2024-06-30"
    assert [d.due_on.isoformat() for d in plan.deadlines.all()] == [
        "2024-06-30",
        "2024-10-31",
        "2024-10-31",
        "2024-11-15",
        "2024-12-31",
    ]
    assert plan.references[0]["number"] == "36/HD-MTTW-BTT"


@pytest.mark.django_db
def test_a_bad_year_saves_nothing(city):
    unit = city.city
    draft = draft_from_structure(extract_for_unit(APPENDIX, unit), unit)
    draft["areas"][1]["indicators"][0]["targets"]["2031"] = "Tổ chức"
    with pytest.raises(ValidationError, match="Năm 2031 nằm ngoài nhiệm kỳ 2024 - 2029"):
        save_programme(draft, unit)
    assert not Programme.objects.exists() and not Plan.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "year"),
    [("2024 - 2029", None), ("2019-2020", "2020"), ("năm sau", "năm sau"), ("2024-", "2024-")],
)
def test_a_target_for_the_term_goes_to_its_last_year_and_an_odd_key_is_refused(city, key, year):
    unit = city.city
    draft = draft_from_structure(extract_for_unit(APPENDIX, unit), unit)
    draft["areas"][1]["indicators"][0]["targets"] = {key: "Tổ chức"}
    if year is None:  # the whole term: judged in its last year
        programme = save_programme(draft, unit)
        forum = programme.areas.get(number="II").indicators.get()
        assert [t.year for t in forum.targets.all()] == [2029]
        return
    with pytest.raises(ValidationError, match=f"Năm {year} nằm ngoài nhiệm kỳ 2024 - 2029"):
        save_programme(draft, unit)
    assert not Programme.objects.exists()
