"""The yearly rating scale of committees and boards (đánh giá, xếp loại)."""

from django.db import models


class Rating(models.IntegerChoices):
    NOT_COMPLETED = 1, "Không hoàn thành nhiệm vụ"
    COMPLETED = 2, "Hoàn thành nhiệm vụ"
    GOOD = 3, "Hoàn thành tốt nhiệm vụ"
    EXCELLENT = 4, "Hoàn thành xuất sắc nhiệm vụ"
