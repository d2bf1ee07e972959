"""Baselines for the national progress figure: the same sums computed without Mattran's
pre-aggregation, by one hand-written SQL query per indicator over the raw value table, and
by DuckDB over a Parquet export of it. Each reduces a reporting unit's figures of the year
to one (its total for flows, its latest figure otherwise), then adds them up."""

from datetime import date
from pathlib import Path

from django.db import connection

from mattran.programmes.models import Programme
from mattran.units.models import PATH_END, Unit

_PER_INDICATOR = """
SELECT count(*), sum(total), sum(number), sum(numerator), sum(denominator),
       sum(CASE WHEN boolean THEN 1 ELSE 0 END), min(rating)
FROM (
    SELECT v.number, v.numerator, v.denominator, v.boolean, v.rating,
           SUM(COALESCE(v.number, 0)) OVER (PARTITION BY v.unit_id) AS total,
           ROW_NUMBER() OVER (PARTITION BY v.unit_id ORDER BY p.start DESC) AS rn
    FROM reporting_datavalue v
    JOIN reporting_period p ON p.id = v.period_id
    JOIN units_unit u ON u.id = v.unit_id
    WHERE v.indicator_id = %s AND p.kind = %s AND p.start >= %s AND p."end" <= %s
      AND u.path >= %s AND u.path < %s
) per_unit
WHERE rn = 1
"""


def sql_progress(programme: Programme, unit: Unit, year: int) -> dict[int, tuple]:
    results = {}
    with connection.cursor() as cursor:
        for indicator in programme.indicators.all():
            first = programme.first_year if indicator.cumulative else year
            cursor.execute(
                _PER_INDICATOR,
                [
                    indicator.pk,
                    indicator.frequency,
                    date(first, 1, 1),
                    date(year, 12, 31),
                    unit.path,
                    unit.path + PATH_END,
                ],
            )
            results[indicator.pk] = cursor.fetchone()
    return results


def duckdb_progress(parquet: Path, year: int) -> list[tuple]:
    """Every indicator at once over the export (window: the year)."""
    import duckdb

    return duckdb.sql(
        f"""
        SELECT indicator_id, count(*), sum(total), sum(number), sum(numerator),
               sum(denominator), sum(CASE WHEN boolean THEN 1 ELSE 0 END), min(rating)
        FROM (
            SELECT indicator_id, number, numerator, denominator, boolean, rating,
                   SUM(COALESCE(number, 0)) OVER (PARTITION BY indicator_id, path) AS total,
                   ROW_NUMBER() OVER (
                       PARTITION BY indicator_id, path ORDER BY start DESC
                   ) AS rn
            FROM read_parquet('{parquet}')
            WHERE start >= DATE '{year}-01-01' AND start <= DATE '{year}-12-31'
        )
        WHERE rn = 1
        GROUP BY indicator_id
        """
    ).fetchall()
