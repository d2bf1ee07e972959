"""Every change of a figure or of an indicator's definition makes its aggregates stale.

Writes that bypass model signals (bulk inserts and updates) send
`reporting.signals.values_written`.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from mattran.analytics import aggregates
from mattran.programmes.models import Indicator
from mattran.reporting.models import DataValue
from mattran.reporting.signals import values_written


@receiver([post_save, post_delete], sender=DataValue)
def value_changed(sender, instance: DataValue, **kwargs) -> None:
    aggregates.mark_stale_ids([(instance.indicator_id, instance.period.start.year)])


@receiver(values_written)
def values_written_in_bulk(sender, pairs, **kwargs) -> None:
    aggregates.mark_stale_ids(pairs)


@receiver(post_save, sender=Indicator)
def indicator_changed(sender, instance: Indicator, created: bool, **kwargs) -> None:
    if not created:
        aggregates.mark_indicator_stale([instance.pk])
