"""An import in progress: the uploaded file, how far reading it has gone, what was found and
the draft the reviewer is correcting. Nothing becomes a programme or plan until confirmed."""

from django.conf import settings
from django.db import models


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang đọc"
    READY = "ready", "Chờ rà soát"
    FAILED = "failed", "Không đọc được"
    SAVED = "saved", "Đã lưu"


class ImportJob(models.Model):
    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="import_jobs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    filename = models.CharField("tên tệp", max_length=255)
    data = models.BinaryField("nội dung tệp")
    status = models.CharField(
        "trạng thái", max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    step = models.CharField("đang làm", max_length=255, blank=True)
    done = models.PositiveIntegerField("đã xong", default=0)
    total = models.PositiveIntegerField("tổng số bước", default=1)
    message = models.TextField("thông báo", blank=True)
    text = models.TextField("văn bản đọc được", blank=True)
    draft = models.JSONField("bản nháp", default=dict, blank=True)
    saved_as = models.CharField("đã lưu thành", max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "lượt nhập văn bản"
        verbose_name_plural = "lượt nhập văn bản"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0
