"""Sent after figures are written in bulk (bulk inserts and updates send no model signals).

`pairs` is a set of (indicator id, year) whose figures changed.
"""

from django.dispatch import Signal

values_written = Signal()
