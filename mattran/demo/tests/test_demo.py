import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Sum

from mattran.analytics.rollup import rollup
from mattran.core.periods import PeriodSpec
from mattran.programmes.models import Indicator, Programme, Target
from mattran.programmes.targets import normalise
from mattran.reporting.models import DataValue
from mattran.units.models import Tier, Unit

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    run("demo")
    return Programme.objects.get()


def test_demo_builds_tam_ky_with_its_wards_areas_and_organisations(demo):
    city = Unit.objects.get(code="tamky")
    wards = Unit.objects.filter(parent=city, tier=Tier.COMMUNE)
    assert wards.count() == 13
    assert {"Phường An Mỹ", "Phường Phước Hòa", "Xã Tam Thanh", "Xã Tam Ngọc"} <= set(
        wards.values_list("name", flat=True)
    )
    assert Unit.objects.subtree(city).filter(tier=Tier.AREA).count() == 140
    assert Unit.objects.filter(parent=city, tier=Tier.MEMBER_ORG).count() == 8
    assert demo.number == "01/CTr-MTTQ-BTT" and (demo.first_year, demo.last_year) == (2024, 2029)
    assert demo.areas.count() == 6
    assert demo.indicators.count() == 30


def test_demo_is_idempotent_and_resets_on_request(demo):
    values = DataValue.objects.count()
    assert "đã có sẵn" in run("demo")
    assert DataValue.objects.count() == values
    run("demo", "--reset")
    assert Unit.objects.filter(code="tamky").count() == 1
    assert DataValue.objects.count() == values  # the same seed draws the same figures


def test_demo_targets_are_the_appendix_targets(demo):
    targets = {
        (t.indicator.code, t.year): t.expression for t in Target.objects.select_related("indicator")
    }
    assert targets[("II.1", 2024)] == "30/100 nhà"
    assert targets[("II.1", 2028)] == "100/100 nhà"
    assert targets[("II.1", 2029)] == ""
    assert targets[("I.2a", 2024)] == "13/13 xã, phường ra mắt trang"
    assert targets[("I.2b", 2029)] == "Duy trì trên 500 lượt quan tâm"
    assert targets[("IV.2", 2026)] == "Tổ chức"
    assert targets[("VI.1", 2026)] == ">40% KDC"
    assert targets[("III.6", 2027)] == "từ 01 đến 02 hội nghị"
    assert not Target.objects.exclude(warning="").exists()


def test_every_filled_cell_of_the_seed_appendix_is_a_demo_target(demo):
    found = sorted(SEEDS.glob("000_*.txt")) if SEEDS.exists() else []
    if not found:
        pytest.skip(f"seed 000 is not available at {SEEDS}")
    cells = set()
    for line in found[0].read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 8 and re.match(r"^\d+$", parts[0].strip()):
            cells |= {normalise(c) for c in parts[2:8] if c.strip()}
    expressions = {normalise(t) for t in Target.objects.values_list("expression", flat=True)}
    assert cells - expressions == set()


def test_progress_json_lists_every_indicator_with_a_computed_status(demo):
    rows = json.loads(run("progress", "--unit", "tamky", "--year", "2024", "--format", "json"))
    assert len(rows) == Indicator.objects.count() - 2  # I.2b and IV.2 have no 2024 target
    assert set(rows[0]) >= {
        "code",
        "text",
        "target",
        "actual",
        "status",
        "units_reporting",
        "units_total",
    }
    statuses = {r["status"] for r in rows}
    assert statuses == {"met", "on_track", "behind", "no_data", "qualitative"}
    houses = next(r for r in rows if r["code"] == "II.1")
    expected = DataValue.objects.filter(indicator__code="II.1").aggregate(s=Sum("number"))["s"]
    assert houses["actual"] == int(expected) and houses["target"] == "30/100 nhà"
    assert (houses["units_reporting"], houses["units_total"]) == (13, 13)
    table = run("progress", "--unit", "tamky", "--year", "2024")
    assert "Tiến độ tính đến ngày 31/08/2024" in table and "Đúng tiến độ" in table


def test_progress_command_explains_bad_input(demo):
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị có mã “hanoi”"):
        run("progress", "--unit", "hanoi", "--year", "2024")
    with pytest.raises(CommandError, match="chưa có chương trình hành động nào cho năm 2031"):
        run("progress", "--unit", "tamky", "--year", "2031")
    with pytest.raises(CommandError, match="không hợp lệ"):
        run("progress", "--unit", "tamky", "--year", "2024", "--as-of", "31/08/2024")


def test_demo_through_2025_merges_the_wards_and_counts_both_sides(db):
    run("demo", "--through", "2025")
    new_ward = Unit.objects.get(code="danang-tamky")
    assert new_ward.parent.code == "danang"
    old = Unit.objects.filter(
        code__in=["tamky-anmy", "tamky-anxuan", "tamky-truongxuan", "tamky-phuochoa"]
    )
    houses = Indicator.objects.get(code="II.1")
    by_hand = (
        DataValue.objects.filter(indicator=houses, period__start__year=2025)
        .filter(unit__in=[*old, new_ward])
        .aggregate(s=Sum("number"))["s"]
    )
    before = DataValue.objects.filter(
        indicator=houses, period__start__year=2024, unit__in=old
    ).aggregate(s=Sum("number"))["s"]
    result = rollup(houses, new_ward, PeriodSpec.year(2025))  # cumulative since 2024
    assert result.value == by_hand + before
    assert DataValue.objects.filter(unit=new_ward, period__start__month__gte=7).exists()
    assert DataValue.objects.filter(unit__code="tamky-anmy", period__code="2025-06").exists()
    # Tam Kỳ city, seen in 2025, ends on 30/06/2025 with twelve wards (Phước Hòa merged).
    launched = rollup(
        Indicator.objects.get(code="I.2a"), Unit.objects.get(code="tamky"), PeriodSpec.year(2025)
    )
    assert launched.units_total == 12
    rows = json.loads(
        run("progress", "--unit", "danang-tamky", "--year", "2025", "--format", "json")
    )
    for code in ("danang-quangphu", "danang-banthach", "danang-huongtra"):
        table = run("progress", "--unit", code, "--year", "2025")
        assert "Tiến độ tính đến ngày 31/12/2025" in table and "III.3" in table
    cultured = next(r for r in rows if r["code"] == "II.6")
    areas = Unit.objects.filter(parent=new_ward)
    assert (cultured["units_reporting"], cultured["units_total"]) == (areas.count(),) * 2
    sums = DataValue.objects.filter(
        indicator__code="II.6", unit__in=areas, period__code="2025"
    ).aggregate(n=Sum("numerator"), d=Sum("denominator"))
    assert cultured["target"] == "trên 92%"
    assert cultured["actual"] == round(float(sums["n"] / sums["d"] * 100), 2)
