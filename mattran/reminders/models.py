"""Reminders sent: one row per user and event and kind, so nobody is told twice."""

from django.conf import settings
from django.db import models


class ReminderKind(models.TextChoices):
    UPCOMING = "upcoming", "Việc sắp đến hạn"
    OVERDUE = "overdue", "Quá hạn"


class Reminder(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    key = models.CharField("sự việc", max_length=128)
    kind = models.CharField("loại", max_length=16, choices=ReminderKind.choices)
    due_on = models.DateField("hạn")
    text = models.CharField("nội dung", max_length=500)
    url = models.CharField("đường dẫn", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField("đã gửi thư lúc", null=True, blank=True)

    class Meta:
        verbose_name = "nhắc việc"
        verbose_name_plural = "nhắc việc"
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(fields=["user", "key", "kind"], name="remind_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.text}"
