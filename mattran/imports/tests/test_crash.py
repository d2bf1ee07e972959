"""A crash in the middle of an import leaves nothing half imported: neither a programme read
from a document nor a bulk set of figures. The crash is an exception raised deep inside
the write, after part of it reached the database; the tests run with real transactions
(transactional_db), so what would have been committed is what they look at. After the
crash the same import goes through whole."""

from decimal import Decimal

import pytest
from django.db import connection

from mattran.analytics.models import AggregateState
from mattran.audit.models import AuditEntry
from mattran.imports import services as import_services
from mattran.imports.services import draft_from_structure, extract_for_unit, save_programme
from mattran.imports.tests.test_save import APPENDIX
from mattran.programmes.models import AreaItem, ContentArea, Indicator, Programme, Target
from mattran.reporting import bulk
from mattran.reporting.bulk import import_values
from mattran.reporting.bulk_read import read_rows
from mattran.reporting.models import DataValue
from mattran.testing import build_city, build_world, put


class Crash(Exception):
    """The process dying in the middle of a write."""


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (Programme, ContentArea, AreaItem, Indicator, Target, AuditEntry)
    }


@pytest.mark.django_db(transaction=True)
def test_a_crash_while_saving_an_imported_programme_leaves_no_part_of_it(monkeypatch):
    unit = build_city(areas=0).city
    draft = draft_from_structure(extract_for_unit(APPENDIX, unit), unit)
    assert sum(len(area["indicators"]) for area in draft["areas"]) == 3
    before = counts()
    create = import_services.create_indicator
    made = []

    def crash_at_the_third(**fields):
        if len(made) == 2:
            raise Crash
        made.append(create(**fields))
        return made[-1]

    monkeypatch.setattr(import_services, "create_indicator", crash_at_the_third)
    with pytest.raises(Crash):
        save_programme(draft, unit, source_name="phu-luc.docx")
    assert len(made) == 2 and made[0].pk  # two indicators and their targets had been written
    assert counts() == before

    monkeypatch.setattr(import_services, "create_indicator", create)
    programme = save_programme(draft, unit, source_name="phu-luc.docx")
    assert Programme.objects.get() == programme
    assert programme.indicators.count() == 3
    assert AuditEntry.objects.filter(action="programme.import").count() == 1


SET = """Mã đơn vị;Mã chỉ tiêu;Kỳ;Giá trị
tk-w1;II.1;2024-08;3
tk-w2;II.1;2024-08;2
tk-w3;II.1;2024-08;4
tk-w1;II.2;2024-08;45/50
"""


def figures_of_the_set() -> int:
    """How many figures of the set the database holds, as seen inside the transaction."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM reporting_datavalue d JOIN reporting_period p "
            "ON p.id = d.period_id WHERE p.code = %s AND d.number IS DISTINCT FROM 1",
            ["2024-08"],
        )
        return cursor.fetchone()[0]


def crash_after_the_upsert(monkeypatch, written: list[int]) -> None:
    """The staging table is filled and the upsert has run: die right after it."""
    upsert = bulk.upsert

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if "INSERT INTO reporting_datavalue" in sql:  # PostgreSQL counts in a WITH around it
            written.append(figures_of_the_set())
            raise Crash
        return result

    def upsert_then_crash(*args, **kwargs):
        with connection.execute_wrapper(wrapper):
            return upsert(*args, **kwargs)

    monkeypatch.setattr(bulk, "upsert", upsert_then_crash)


def crash_in_the_audit(monkeypatch, written: list[int]) -> None:
    """The figures are stored and the aggregates marked stale; the audit entry fails."""

    def record(**kwargs):
        written.append(figures_of_the_set())
        raise Crash

    monkeypatch.setattr(bulk, "record", record)


def staging_table_left() -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_temp_master WHERE name = 'bulk_stage'")
        else:
            cursor.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'bulk_stage'")
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("crash", [crash_after_the_upsert, crash_in_the_audit])
def test_a_crash_in_the_middle_of_a_bulk_ingest_leaves_nothing_half_imported(monkeypatch, crash):
    world = build_world()
    houses = world.indicators["houses"]
    put(houses, world.city.wards[0], "2024-08", number=1)  # replaced by the set: 1 → 3
    stored = {(v.pk, v.number, v.version) for v in DataValue.objects.all()}
    stale = set(AggregateState.objects.values_list("indicator_id", "year", "stale"))
    audit = AuditEntry.objects.count()
    rows = read_rows(SET.encode("utf-8"), "csv")

    written: list[int] = []
    crash(monkeypatch, written)
    with pytest.raises(Crash):
        import_values(rows, source="so-lieu.csv")
    assert written == [4]  # the whole set was in the database when the crash came
    assert {(v.pk, v.number, v.version) for v in DataValue.objects.all()} == stored
    assert set(AggregateState.objects.values_list("indicator_id", "year", "stale")) == stale
    assert AuditEntry.objects.count() == audit
    assert not staging_table_left()

    monkeypatch.undo()
    result = import_values(rows, source="so-lieu.csv")
    assert (result.created, result.updated, result.rejected) == (3, 1, [])
    assert DataValue.objects.get(unit=world.city.wards[0], indicator=houses).number == Decimal(3)
