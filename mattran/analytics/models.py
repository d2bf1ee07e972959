"""Pre-aggregated yearly figures: what a large scope's dashboard reads instead of raw values.

`DataValue` stays the single source of truth. For every indicator and year, each committee
above the reporting tier (the Central Committee, provinces, and communes for residential
area indicators) gets one row of additive totals over the reporting units below it: sums,
counts of units with data, of units meeting the indicator's condition, and so on. The
roll-up rules apply per reporting unit before anything is added, so these totals give the
same figures as `analytics.rollup` (checked by the tests). A write marks its indicator and
year stale; the next read of a large scope (or `mattran aggregates`) rebuilds them.
"""

from django.db import models


class YearAggregate(models.Model):
    indicator = models.ForeignKey(
        "programmes.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    n_figures = models.PositiveIntegerField(default=0)  # reporting units with data
    n_reported = models.PositiveIntegerField(default=0)  # … that reported within the year
    n_number = models.PositiveIntegerField(default=0)  # … whose figure has a number
    sum_number = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    sum_numerator = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    sum_denominator = models.DecimalField(max_digits=24, decimal_places=4, default=0)
    n_true = models.PositiveIntegerField(default=0)  # "có" answers
    min_rating = models.PositiveSmallIntegerField(null=True)
    n_met = models.PositiveIntegerField(default=0)  # units meeting the unit condition
    latest_month_end = models.DateField(null=True)  # the latest month reported that year

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "year"], name="year_aggregate_unique"
            )
        ]
        indexes = [models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return (
            f"Tổng hợp chỉ tiêu số {self.indicator_id}, đơn vị số {self.unit_id}, năm {self.year}"
        )


class AggregateState(models.Model):
    """Whether an indicator's aggregates of a year are up to date with its values."""

    indicator = models.ForeignKey(
        "programmes.Indicator", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    stale = models.BooleanField(default=True)
    built_at = models.DateTimeField(null=True)
    build_seconds = models.FloatField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="aggregate_state_unique")
        ]

    def __str__(self) -> str:
        state = "cần tính lại" if self.stale else "đã cập nhật"
        return f"Tổng hợp chỉ tiêu số {self.indicator_id} năm {self.year}: {state}"
