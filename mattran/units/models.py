from datetime import date

from django.core.exceptions import ValidationError
from django.db import models

PATH_STEP = 6  # one path segment: the unit's id in base 36, six characters (2 billion ids)
PATH_END = "~"  # sorts after every path character, so [path, path + "~") is the subtree


def path_segment(pk: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while pk:
        pk, rest = divmod(pk, 36)
        out = digits[rest] + out
    return out.rjust(PATH_STEP, "0")


class PathField(models.CharField):
    """A materialised path compared byte by byte on every database.

    A subtree is one range scan on the path index: path >= p AND path < p + "~". That
    only holds under a binary collation, so on PostgreSQL the column is declared "C"
    whatever the database's own collation is; SQLite compares bytes already.
    """

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            params["collation"] = "C"
        return params


class UnitKind(models.TextChoices):
    CENTRAL = "central", "Ủy ban Trung ương"
    PROVINCE = "province", "Tỉnh, thành phố trực thuộc Trung ương"
    CITY = "city", "Thành phố thuộc tỉnh"
    TOWN = "town", "Thị xã"
    DISTRICT = "district", "Huyện, quận"
    WARD = "ward", "Phường"
    COMMUNE = "commune", "Xã"
    SPECIAL_ZONE = "special_zone", "Đặc khu"
    MEMBER_ORG = "member_org", "Tổ chức thành viên"
    RESIDENTIAL_AREA = "residential_area", "Khu dân cư"


class Tier(models.TextChoices):
    """The level a unit works at; indicators say at which tier their figures are reported."""

    CENTRAL = "central", "Trung ương"
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện (thành phố, thị xã)"
    COMMUNE = "commune", "Cấp xã (xã, phường)"
    AREA = "area", "Khu dân cư"
    MEMBER_ORG = "member_org", "Tổ chức thành viên"


TIER_OF_KIND = {
    UnitKind.CENTRAL: Tier.CENTRAL,
    UnitKind.PROVINCE: Tier.PROVINCE,
    UnitKind.CITY: Tier.DISTRICT,
    UnitKind.TOWN: Tier.DISTRICT,
    UnitKind.DISTRICT: Tier.DISTRICT,
    UnitKind.WARD: Tier.COMMUNE,
    UnitKind.COMMUNE: Tier.COMMUNE,
    UnitKind.SPECIAL_ZONE: Tier.COMMUNE,
    UnitKind.MEMBER_ORG: Tier.MEMBER_ORG,
    UnitKind.RESIDENTIAL_AREA: Tier.AREA,
}

# Which kinds may sit under which: a committee holds lower committees, member
# organisations and (at commune level) residential areas.
ALLOWED_PARENT_TIERS = {
    Tier.CENTRAL: {None},
    Tier.PROVINCE: {None, Tier.CENTRAL},
    Tier.DISTRICT: {Tier.PROVINCE},
    Tier.COMMUNE: {Tier.PROVINCE, Tier.DISTRICT},
    Tier.AREA: {Tier.COMMUNE},
    Tier.MEMBER_ORG: {Tier.PROVINCE, Tier.DISTRICT, Tier.COMMUNE},
}


class UnitQuerySet(models.QuerySet):
    def subtree(self, unit: "Unit", include_self: bool = True) -> "UnitQuerySet":
        """The unit and every unit below it: one range condition on the indexed path."""
        lower = {"path__gte": unit.path} if include_self else {"path__gt": unit.path}
        return self.filter(**lower, path__lt=unit.path + PATH_END)

    def valid_on(self, day: date) -> "UnitQuerySet":
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day),
        )

    def valid_during(self, start: date, end: date) -> "UnitQuerySet":
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=end),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=start),
        )


class Unit(models.Model):
    """Một đơn vị: an Ủy ban MTTQ of one level, a member organisation or a residential area."""

    code = models.SlugField("mã đơn vị", max_length=64, unique=True)
    name = models.CharField("tên đơn vị", max_length=255)
    kind = models.CharField("loại đơn vị", max_length=32, choices=UnitKind.choices)
    tier = models.CharField("cấp", max_length=16, choices=Tier.choices, editable=False)
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = PathField(max_length=255, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    valid_from = models.DateField("hiệu lực từ ngày", null=True, blank=True)
    valid_to = models.DateField("hiệu lực đến ngày", null=True, blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="unit_validity_ordered",
                violation_error_message="Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.",
            ),
        ]
        indexes = [models.Index(fields=["tier", "path"])]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.tier = TIER_OF_KIND[self.kind]
        super().save(*args, **kwargs)
        parent_path = self.parent.path if self.parent_id else ""
        path = parent_path + path_segment(self.pk)
        if path != self.path:
            self.path = path
            self.depth = len(path) // PATH_STEP - 1
            Unit.objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)

    def clean(self) -> None:
        tier = TIER_OF_KIND.get(self.kind)
        parent_tier = self.parent.tier if self.parent_id else None
        if tier and parent_tier not in ALLOWED_PARENT_TIERS[tier]:
            where = self.parent.name if self.parent_id else "gốc cây đơn vị"
            raise ValidationError(
                {"parent": f"{self.get_kind_display()} không thể trực thuộc {where}."}
            )

    def ancestor_paths(self, include_self: bool = False) -> list[str]:
        """The paths of every unit above this one (and of itself), root first."""
        end = len(self.path) + (1 if include_self else 0)
        return [self.path[:i] for i in range(PATH_STEP, end, PATH_STEP)]

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def is_ancestor_of(self, other: "Unit", include_self: bool = True) -> bool:
        if other.path == self.path:
            return include_self
        return other.path.startswith(self.path)


class SuccessionKind(models.TextChoices):
    MERGE = "merge", "Sáp nhập"
    TRANSFER = "transfer", "Chuyển về đơn vị mới"
    RENAME = "rename", "Đổi tên"


class UnitSuccession(models.Model):
    """A reorganisation link: from `effective_on`, `successor` carries on `predecessor`'s work."""

    predecessor = models.ForeignKey(
        Unit, verbose_name="đơn vị cũ", on_delete=models.PROTECT, related_name="successions"
    )
    successor = models.ForeignKey(
        Unit, verbose_name="đơn vị kế thừa", on_delete=models.PROTECT, related_name="predecessions"
    )
    kind = models.CharField(
        "hình thức", max_length=16, choices=SuccessionKind.choices, default=SuccessionKind.MERGE
    )
    effective_on = models.DateField("có hiệu lực từ ngày")
    decision = models.CharField("văn bản quyết định", max_length=255, blank=True)

    class Meta:
        verbose_name = "sắp xếp đơn vị"
        verbose_name_plural = "sắp xếp đơn vị"
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"],
                name="unit_succession_unique",
                violation_error_message="Hai đơn vị này đã có quan hệ kế thừa.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.effective_on:%d/%m/%Y})"
