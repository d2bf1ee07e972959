"""The dashboard's tables as spreadsheets: the indicators (as filtered), the units below, and
one indicator compared across the units below with its month-by-month line."""

from mattran.analytics.overview import Overview
from mattran.analytics.progress import STATUS_LABELS
from mattran.core.dates import format_date
from mattran.core.xlsx import Column, Table
from mattran.units.models import Unit

INDICATOR_COLUMNS = [
    Column("Mã", 8),
    Column("Chỉ tiêu", 60),
    Column("Đơn vị tính", 12),
    Column("Chỉ tiêu năm", 24),
    Column("Thực hiện", 22),
    Column("Thực hiện (số)", 14),
    Column("Trạng thái", 18),
    Column("Đơn vị có số liệu", 14),
]


def _reporting(result) -> str:
    return f"{result.units_reporting}/{result.units_total}" if result.units_total else ""


def indicators_table(data: Overview, rows: list, filters: list[str]) -> Table:
    """`rows`: the dashboard rows the page lists after its filters (`filters` says which)."""
    return Table(
        name=f"Chỉ tiêu {data.year}",
        title=f"TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU NĂM {data.year} — {data.unit.name.upper()}",
        notes=[
            data.programme.title,
            f"Số liệu tính đến ngày {format_date(data.as_of)}",
            *filters,
        ],
        columns=INDICATOR_COLUMNS,
        rows=[
            [
                p.indicator.code,
                p.indicator.text,
                p.indicator.measure_unit,
                p.target_display,
                p.actual_display(),
                p.actual,
                p.status_label,
                _reporting(p.result),
            ]
            for p in (row.progress for row in rows)
        ],
    )


def children_table(unit: Unit, year: int, rows: list[tuple[Unit, dict]]) -> Table:
    return Table(
        name="Đơn vị trực thuộc",
        title=f"CHỈ TIÊU CỦA CÁC ĐƠN VỊ TRỰC THUỘC {unit.name.upper()} — NĂM {year}",
        notes=["Số chỉ tiêu của mỗi đơn vị theo trạng thái"],
        columns=[Column("Đơn vị", 30), *[Column(label, 14) for label in STATUS_LABELS.values()]],
        rows=[[child.name, *[counts.get(k, 0) for k in STATUS_LABELS]] for child, counts in rows],
    )


def comparison_tables(unit: Unit, year: int, indicator, child_rows: list, series: list) -> list:
    heading = f"{indicator.code} {indicator.text}"
    tables = [
        Table(
            name="So sánh đơn vị",
            title=f"SO SÁNH CÁC ĐƠN VỊ TRỰC THUỘC {unit.name.upper()} — NĂM {year}",
            notes=[heading],
            columns=[
                Column("Đơn vị", 30),
                Column("Thực hiện", 22),
                Column(f"Số liệu ({indicator.measure_unit or 'số'})", 14),
                Column("Đơn vị có số liệu", 14),
            ],
            rows=[
                [
                    r["unit"].name,
                    r["text"],
                    r["value"],
                    f"{r['reporting']}/{r['total']}" if r["total"] else "",
                ]
                for r in child_rows
            ],
        )
    ]
    if series:
        tables.append(
            Table(
                name="Lũy kế theo tháng",
                title=f"LŨY KẾ TỪNG THÁNG NĂM {year} — {unit.name.upper()}",
                notes=[heading],
                columns=[Column("Tháng", 14), Column("Lũy kế", 16)],
                rows=[[f"Tháng {p.month}/{year}", p.value] for p in series],
            )
        )
    return tables
