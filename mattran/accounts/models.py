from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", "Quản trị hệ thống"
    UNIT_ADMIN = "unit_admin", "Quản trị đơn vị"
    DATA_CLERK = "data_clerk", "Cán bộ nhập liệu"
    VIEWER = "viewer", "Người xem"


class User(AbstractUser):
    """A person who signs in: committee staff, a member-organisation officer, an area board."""

    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField("vai trò", max_length=32, choices=Role.choices, default=Role.VIEWER)
    failed_logins = models.PositiveSmallIntegerField("số lần đăng nhập sai", default=0)
    locked_until = models.DateTimeField("tạm khóa đến", null=True, blank=True)

    class Meta:
        verbose_name = "người dùng"
        verbose_name_plural = "người dùng"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_system_admin(self) -> bool:
        return self.is_superuser or self.role == Role.SYSTEM_ADMIN
