from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One change to data: who did what to which record, and the values before and after."""

    at = models.DateTimeField("thời điểm", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField("thao tác", max_length=64)
    target_type = models.CharField("loại dữ liệu", max_length=100)
    target_id = models.CharField("mã bản ghi", max_length=64)
    target_repr = models.CharField("bản ghi", max_length=255)
    changes = models.JSONField("thay đổi", default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký thay đổi"
        verbose_name_plural = "nhật ký thay đổi"
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.target_repr}"
