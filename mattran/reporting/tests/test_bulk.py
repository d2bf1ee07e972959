"""Bulk data values: a whole set checked together, stored all or none, idempotent."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mattran.audit.models import AuditEntry
from mattran.reporting.bulk import import_values
from mattran.reporting.bulk_read import BulkFormatError, read_rows
from mattran.reporting.models import DataValue, Period, Submission, SubmissionStatus
from mattran.testing import add_indicator, build_world, put


@pytest.fixture
def world(db):
    world = build_world()
    world.indicators["share"] = add_indicator(
        world.programme, "I.5", value_type="percent", aggregation="latest", targets={}
    )
    world.indicators["rating"] = add_indicator(
        world.programme,
        "V.4",
        value_type="rating",
        aggregation="count_units",
        unit_condition="hoàn thành tốt nhiệm vụ trở lên",
        frequency="year",
        targets={},
    )
    return world


def csv_rows(text: str):
    return read_rows(text.encode("utf-8-sig"), "csv")


GOOD = """Mã đơn vị;Mã chỉ tiêu;Kỳ;Giá trị;Ghi chú
tk-w1;II.1;2024-08;3;Bàn giao 3 nhà
tk-w2;II.1;2024-08;2;
tk-w1;II.2;2024-08;45/50;
tk-w2;I.2a;2024-08;có;
tk-w3;I.2a;2024-08;Không;
tk-w1;I.5;2024-08;92,5;
tk-w1;V.4;2024;Hoàn thành tốt nhiệm vụ;
tk-w2;V.4;2024;4;
"""


def stored(world) -> dict:
    return {
        (v.unit.code, v.indicator.code, v.period.code): (
            v.number,
            v.numerator,
            v.denominator,
            v.boolean,
            v.rating,
            v.version,
        )
        for v in DataValue.objects.select_related("unit", "indicator", "period")
    }


def test_a_set_in_vietnamese_csv_is_stored_with_every_value_type(world):
    result = import_values(csv_rows(GOOD), source="so-lieu.csv")
    assert result.rejected == []
    assert (result.created, result.updated, result.unchanged) == (8, 0, 0)
    values = stored(world)
    assert values[("tk-w1", "II.1", "2024-08")][0] == 3
    assert values[("tk-w1", "II.2", "2024-08")][1:3] == (45, 50)
    assert values[("tk-w2", "I.2a", "2024-08")][3] is True
    assert values[("tk-w3", "I.2a", "2024-08")][3] is False
    assert values[("tk-w1", "I.5", "2024-08")][0] == Decimal("92.5")
    assert values[("tk-w1", "V.4", "2024")][4] == 3
    assert values[("tk-w2", "V.4", "2024")][4] == 4
    assert (
        DataValue.objects.get(unit__code="tk-w1", indicator__code="II.1").note == "Bàn giao 3 nhà"
    )
    entry = AuditEntry.objects.get(action="data_value.bulk_import")
    assert entry.changes["created"] == 8 and entry.changes["source"] == "so-lieu.csv"


def test_importing_the_same_set_twice_changes_nothing(world):
    import_values(csv_rows(GOOD))
    before = stored(world)
    again = import_values(csv_rows(GOOD))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 8)
    assert stored(world) == before  # no new version either
    assert AuditEntry.objects.filter(action="data_value.bulk_import").count() == 1


def test_a_changed_figure_is_updated_once_and_its_version_moves(world):
    import_values(csv_rows(GOOD))
    changed = GOOD.replace("tk-w2;II.1;2024-08;2;", "tk-w2;II.1;2024-08;5;")
    result = import_values(csv_rows(changed))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 7)
    value = DataValue.objects.get(unit__code="tk-w2", indicator__code="II.1")
    assert (value.number, value.version) == (5, 2)


def test_every_bad_row_is_reported_and_nothing_is_stored(world):
    put(world.indicators["houses"], world.city.wards[0], "2024-07", number=1)
    bad = """unit,indicator,period,value
tk-w1,II.1,2024-08,4
khong-co,II.1,2024-08,1
tk-w1,X.9,2024-08,1
tk-w1,II.1,2024-13,1
tk-w1,II.1,2024-08,7
tk-w1,II.1,2024,1
tk-w1,I.5,2024-08,120
tk-w1,II.1,2024-09,-2
tk-w1,II.2,2024-08,6/5
tk-w1,II.1,2024-10,1.234.567
tk-w1,III.3,2024-08,2
tk,II.1,2024-08,1
tk-w1,II.1,2031-01,1
tk-w2,I.2a,2024-08,chắc có
tk-w2,V.4,2024,Xuất sắc lắm
tk-w3,II.1,,1
"""
    count_before, periods_before = DataValue.objects.count(), Period.objects.count()
    result = import_values(csv_rows(bad))
    codes = {r.line: r.code for r in result.rejected}
    assert codes == {
        3: "unknown_unit",
        4: "unknown_indicator",
        5: "invalid_period",
        6: "duplicate",
        7: "not_applicable",
        8: "out_of_range",
        9: "out_of_range",
        10: "out_of_range",
        11: "invalid_value",
        12: "computed",
        13: "not_applicable",
        14: "unknown_programme",
        15: "invalid_value",
        16: "invalid_value",
        17: "missing_field",
    }
    messages = {r.line: r.message for r in result.rejected}
    assert "Tỷ lệ phải từ 0% đến 100%" in messages[8]
    assert "dòng 2" in messages[6]
    assert "tính tự động" in messages[12]
    assert DataValue.objects.count() == count_before
    assert Period.objects.count() == periods_before  # no period left behind by the refusal
    assert "Không lưu số liệu nào" in result.summary()


def test_a_clerk_cannot_send_figures_of_another_ward(world):
    rows = csv_rows("unit,indicator,period,value\ntk-w1,II.1,2024-08,1\ntk-w2,II.1,2024-08,9\n")
    result = import_values(rows, actor=world.users["w1_clerk"])
    assert [(r.line, r.code) for r in result.rejected] == [(3, "out_of_scope")]
    assert "Phường An Phú" in result.rejected[0].message
    assert not DataValue.objects.exists()
    own = import_values(rows[:1], actor=world.users["w1_clerk"])
    assert own.created == 1
    assert DataValue.objects.get().entered_by == world.users["w1_clerk"]


def test_a_locked_report_refuses_changes_but_accepts_the_same_figures(world):
    ward = world.city.wards[0]
    put(world.indicators["houses"], ward, "2024-08", number=3)
    Submission.objects.create(
        programme=world.programme,
        unit=ward,
        period=Period.objects.for_code("2024-08"),
        status=SubmissionStatus.SUBMITTED,
    )
    same = import_values(csv_rows("unit,indicator,period,value\ntk-w1,II.1,2024-08,3\n"))
    assert same.rejected == [] and same.unchanged == 1
    other = import_values(csv_rows("unit,indicator,period,value\ntk-w1,II.1,2024-08,4\n"))
    assert [r.code for r in other.rejected] == ["period_locked"]
    assert "đã nộp" in other.rejected[0].message
    assert DataValue.objects.get(unit=ward).number == 3


def test_json_in_the_dhis2_shape_and_plain_lists():
    dhis = {
        "period": "2024-08",
        "dataValues": [
            {"orgUnit": "tk-w1", "dataElement": "II.1", "value": 3, "comment": "ghi chú"},
            {"unit": "tk-w2", "indicator": "II.2", "numerator": 4, "denominator": 5},
        ],
    }
    rows = read_rows(json.dumps(dhis).encode(), "json")
    assert [(r.unit, r.indicator, r.period, r.value, r.note) for r in rows] == [
        ("tk-w1", "II.1", "2024-08", 3, "ghi chú"),
        ("tk-w2", "II.2", "2024-08", None, ""),
    ]
    assert rows[1].numerator == 4
    plain = read_rows(b'[{"unit": "a", "indicator": "b", "period": "2024"}]', "json")
    assert plain[0].period == "2024"


@pytest.mark.parametrize(
    ("content", "fmt", "words"),
    [
        (b"{not json", "json", "JSON bị lỗi"),
        (b'{"a": 1}', "json", "danh sách số liệu"),
        (b"[1, 2]", "json", "không phải một số liệu"),
        (b"", "csv", "trống"),
        (b"foo,bar\n1,2\n", "csv", "thiếu cột"),
        ("unit,indicator,period\nĐ,1,2024\n".encode("utf-16"), "csv", "UTF-8"),
    ],
)
def test_unreadable_files_are_refused_as_a_whole(content, fmt, words):
    with pytest.raises(BulkFormatError) as refused:
        read_rows(content, fmt)
    assert words.lower() in str(refused.value).lower()


def test_the_command_exports_and_imports_back_unchanged(world, tmp_path):
    import_values(csv_rows(GOOD))
    out = tmp_path / "tk.csv"
    call_command("data", "export", str(out), unit="tk", stdout=io.StringIO())
    assert len(out.read_text().splitlines()) == 9
    before = stored(world)
    printed = io.StringIO()
    call_command("data", "import", str(out), stdout=printed)
    assert "0 mới, 0 thay đổi, 8 không đổi" in printed.getvalue()
    assert stored(world) == before


def test_the_command_lists_refused_rows_and_fails(world, tmp_path):
    source = tmp_path / "bad.csv"
    source.write_text("unit,indicator,period,value\ntk-w1,II.1,2024-08,-1\n", encoding="utf-8")
    report = tmp_path / "loi.csv"
    errors = io.StringIO()
    with pytest.raises(CommandError, match="Không lưu số liệu nào"):
        call_command("data", "import", str(source), report=str(report), stderr=errors)
    assert "Dòng 2" in errors.getvalue() and "không được âm" in errors.getvalue()
    assert "out_of_range" in report.read_text(encoding="utf-8-sig")


months = st.sampled_from([f"2024-{m:02d}" for m in range(1, 13)])
figures = st.integers(min_value=0, max_value=10_000)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    entries=st.dictionaries(
        st.tuples(st.sampled_from(["tk-w1", "tk-w2", "tk-w3"]), months), figures, max_size=30
    ),
    poison=st.booleans(),
)
def test_a_set_is_stored_exactly_or_not_at_all(world, entries, poison):
    DataValue.objects.all().delete()
    lines = ["unit,indicator,period,value"]
    lines += [f"{unit},II.1,{month},{n}" for (unit, month), n in entries.items()]
    if poison:
        lines.append("tk-w1,II.1,2024-01,-5")
    result = import_values(csv_rows("\n".join(lines) + "\n"))
    values = {
        (v.unit.code, v.period.code): v.number
        for v in DataValue.objects.select_related("unit", "period")
    }
    if poison:
        assert values == {} and result.rejected
        assert result.rejected[-1].line == len(lines)
    else:
        assert values == entries
        assert result.created == len(entries)
        again = import_values(csv_rows("\n".join(lines) + "\n"))
        assert again.unchanged == len(entries) and again.created == again.updated == 0


def test_the_ingest_benchmark_runs_at_a_small_scale_and_leaves_nothing(db):
    printed = io.StringIO()
    call_command(
        "bench",
        "ingest",
        "--communes",
        "3",
        "--indicators",
        "2",
        "--months",
        "2",
        "--runs",
        "1",
        stdout=printed,
    )
    lines = printed.getvalue().splitlines()
    assert lines[0].startswith("Nhập hàng loạt 12 số liệu")
    assert [line.split(":")[0] for line in lines[1:4]] == [
        "Nhập mới",
        "Nhập không đổi",
        "Nhập đổi 10%",
    ]
    assert "số liệu/giây" in lines[1] and lines[-1].startswith("Mục tiêu 20.000")
    assert not DataValue.objects.exists()  # the benchmark rolls its data back


def test_the_foreign_key_triggers_are_back_on_after_a_bulk_write(world):
    """On PostgreSQL the per-row key triggers are off for the one INSERT only: a later
    write with a key pointing nowhere is still refused by the database."""
    from django.db import IntegrityError, connection, transaction

    result = import_values(csv_rows(GOOD), actor=world.users["city_admin"])
    assert result.created == 8
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW session_replication_role")
            assert cursor.fetchone()[0] == "origin"
    value = DataValue.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        DataValue.objects.filter(pk=value.pk).update(unit_id=10**9)
        if connection.vendor == "postgresql":  # deferred keys are checked now
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        else:
            connection.check_constraints(table_names=[DataValue._meta.db_table])


def test_nul_characters_never_reach_the_database(world):
    rows = read_rows(
        json.dumps(
            {"dataValues": [{"unit": "tk-w1\x00", "indicator": "II.1", "period": "2024-08",
                             "value": "3\x00", "note": "a\x00b"}]}
        ).encode(),
        "json",
    )  # fmt: skip
    assert rows[0].unit == "tk-w1" and rows[0].note == "ab"
    assert import_values(rows).created == 1
    assert DataValue.objects.get().note == "ab"
    csv = read_rows(
        b"unit,indicator,period,value\n\x00,\x00,\x00,\x00\ntk-w2,\x00,2024-08,1\n", "csv"
    )
    assert len(csv) == 1  # a row of nothing but NULs is a blank line
    assert [r.code for r in import_values(csv).rejected] == ["missing_field"]
