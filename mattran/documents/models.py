"""The official documents Mattran writes: a unit's letterhead and signature settings, the
reports being prepared (generated content plus the staff's edits) and every file produced."""

from django.conf import settings
from django.db import models


class DocumentStyle(models.Model):
    """How a unit's documents are headed and signed (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""

    unit = models.OneToOneField("units.Unit", on_delete=models.CASCADE, related_name="doc_style")
    parent_lines = models.TextField(
        "cơ quan chủ quản (mỗi dòng một dòng)",
        help_text="Ví dụ: ỦY BAN MTTQ VIỆT NAM / THÀNH PHỐ TAM KỲ",
    )
    office = models.CharField("cơ quan ban hành", max_length=128, default="BAN THƯỜNG TRỰC")
    sign_suffix = models.CharField(
        "ký hiệu cơ quan",
        max_length=64,
        default="MTTQ-BTT",
        help_text="Phần sau loại văn bản: BC-MTTQ-BTT",
    )
    place = models.CharField("địa danh", max_length=64)
    signer_authority = models.CharField(
        "thẩm quyền ký", max_length=128, default="TM. BAN THƯỜNG TRỰC"
    )
    signer_position = models.CharField("chức vụ người ký", max_length=128, default="CHỦ TỊCH")
    signer_name = models.CharField("họ tên người ký", max_length=128, blank=True)
    recipients = models.TextField("nơi nhận (mỗi dòng một nơi)", blank=True)

    class Meta:
        verbose_name = "thể thức văn bản"
        verbose_name_plural = "thể thức văn bản"

    def __str__(self) -> str:
        return f"Thể thức văn bản của {self.unit}"

    @property
    def parent_list(self) -> list[str]:
        return [line.strip() for line in self.parent_lines.splitlines() if line.strip()]

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip(" -;.") for line in self.recipients.splitlines() if line.strip(" -;.")]


class ReportKind(models.TextChoices):
    MONTHLY = "monthly", "Báo cáo tháng"
    HALF_YEAR = "half_year", "Báo cáo 6 tháng"
    ANNUAL = "annual", "Báo cáo năm"


class Report(models.Model):
    """A report being prepared: what Mattran wrote from the data, and what staff changed."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField("loại báo cáo", max_length=16, choices=ReportKind.choices)
    period = models.CharField("kỳ báo cáo", max_length=16)
    number = models.CharField("số", max_length=16, blank=True)
    issued_on = models.DateField("ngày ban hành")
    content = models.JSONField("nội dung do hệ thống viết", default=dict)
    edits = models.JSONField("đoạn cán bộ đã sửa", default=dict, blank=True)
    added_tasks = models.JSONField("nhiệm vụ cán bộ thêm", default=list, blank=True)
    generated_at = models.DateTimeField("lần tổng hợp số liệu gần nhất")
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["-period", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "kind", "period"],
                name="report_once_per_period",
                violation_error_message="Đơn vị đã có báo cáo loại này cho kỳ này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period} — {self.unit}"


class FileFormat(models.TextChoices):
    DOCX = "docx", "Word (.docx)"
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel (.xlsx)"


class GeneratedFile(models.Model):
    """Every file written, with who asked for it and when."""

    unit = models.ForeignKey("units.Unit", on_delete=models.CASCADE, related_name="files")
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.CASCADE, related_name="files"
    )
    name = models.CharField("tên tệp", max_length=255)
    format = models.CharField("định dạng", max_length=8, choices=FileFormat.choices)
    data = models.BinaryField("nội dung")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("lúc tạo", auto_now_add=True)

    class Meta:
        verbose_name = "tệp đã xuất"
        verbose_name_plural = "tệp đã xuất"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name
