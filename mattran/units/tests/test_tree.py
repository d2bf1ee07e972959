from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mattran.audit.models import AuditEntry
from mattran.units.models import Tier, Unit, UnitKind, UnitSuccession
from mattran.units.selectors import data_scope
from mattran.units.services import create_unit, merge_into, merge_units


def test_units_carry_a_materialised_path_and_tier(city):
    ward = city.wards[0]
    area = city.areas[ward.code][0]
    assert area.path.startswith(ward.path) and ward.path.startswith(city.city.path)
    assert (city.province.depth, city.city.depth, ward.depth, area.depth) == (0, 1, 2, 3)
    assert (city.city.tier, ward.tier, area.tier) == (Tier.DISTRICT, Tier.COMMUNE, Tier.AREA)


def test_everything_below_a_unit_is_one_query(city):
    with CaptureQueriesContext(connection) as queries:
        below = list(Unit.objects.subtree(city.city))
    assert len(queries) == 1
    assert len(below) == 1 + 3 + 6
    assert set(Unit.objects.subtree(city.wards[1], include_self=False)) == set(
        city.areas[city.wards[1].code]
    )


def test_subtree_query_uses_the_path_index(city):
    sql, params = Unit.objects.subtree(city.city).query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "USING INDEX" in plan and "path" in plan
        else:
            cursor.execute("SET enable_seqscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
            plan = " ".join(row[0] for row in cursor.fetchall())
            cursor.execute("SET enable_seqscan = on")
            assert "Index" in plan and "path" in plan


def test_a_residential_area_cannot_hang_under_a_city(city):
    with pytest.raises(ValidationError) as exc:
        create_unit(code="x", name="Khối phố lạc", kind=UnitKind.RESIDENTIAL_AREA, parent=city.city)
    assert "không thể trực thuộc" in str(exc.value)
    assert not Unit.objects.filter(code="x").exists()


def test_codes_are_unique(city):
    with pytest.raises(ValidationError) as exc:
        create_unit(code="tk", name="Trùng mã", kind=UnitKind.CITY, parent=city.province)
    assert "đã được dùng" in str(exc.value)


def test_merge_keeps_old_units_and_links_the_successor(city):
    a, b, _ = city.wards
    merged = merge_units(
        [a, b],
        code="tk-new",
        name="Phường Mới",
        kind=UnitKind.WARD,
        parent=city.city,
        effective_on=date(2025, 7, 1),
        carry_children=True,
    )
    a.refresh_from_db()
    assert a.valid_to == date(2025, 6, 30)
    assert merged.valid_from == date(2025, 7, 1)
    old_areas = city.areas[a.code] + city.areas[b.code]
    for area in old_areas:
        area.refresh_from_db()
        assert area.valid_to == date(2025, 6, 30)
    new_areas = list(Unit.objects.filter(parent=merged))
    assert len(new_areas) == 4
    # Both wards had a "Khối phố 1": the carried one is told apart by its old ward.
    assert {u.name for u in new_areas} == {
        "Khối phố 1",
        "Khối phố 2",
        "Khối phố 1 (Phường An Phú)",
        "Khối phố 2 (Phường An Phú)",
    }
    assert UnitSuccession.objects.filter(successor=merged).count() == 2
    assert AuditEntry.objects.filter(action="unit.succeed").count() == 6


def test_a_closed_unit_cannot_be_merged_again(city):
    a = city.wards[0]
    merge_units(
        [a],
        code="n1",
        name="Phường N1",
        kind=UnitKind.WARD,
        parent=city.city,
        effective_on=date(2025, 7, 1),
    )
    a.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        merge_into([a], city.wards[1], effective_on=date(2025, 8, 1))
    assert "không còn hiệu lực" in str(exc.value)


def test_data_scope_maps_predecessors_to_their_successor_after_the_merge(city):
    a, b, c = city.wards
    merged = merge_units(
        [a, b],
        code="tk-new",
        name="Phường Mới",
        kind=UnitKind.WARD,
        parent=city.city,
        effective_on=date(2025, 7, 1),
        carry_children=True,
    )
    after = data_scope(merged, date(2025, 1, 1), date(2025, 12, 31))
    assert {a.pk, b.pk, merged.pk} <= set(after.units)
    assert after.effective[a.pk] == merged.pk
    assert c.pk not in after.units
    # Seen from 2024, the same successor shows the old wards as they were.
    before = data_scope(merged, date(2024, 1, 1), date(2024, 12, 31))
    assert before.effective[a.pk] == a.pk
    assert {u.pk for u in before.valid_at_ref(Tier.COMMUNE)} == {a.pk, b.pk}
    # The city, seen in 2025, counts the new ward once, not its predecessors.
    city_scope = data_scope(city.city, date(2025, 1, 1), date(2025, 12, 31))
    assert {u.pk for u in city_scope.valid_at_ref(Tier.COMMUNE)} == {merged.pk, c.pk}
