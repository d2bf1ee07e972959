"""Rows that, once written, stay as written: a mistake is corrected by a reversing row."""

from django.db import models


class ImmutableError(Exception):
    """Raised when code tries to change or delete a ledger or stock row."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("Sổ quỹ, phiếu nhập và phiếu xuất không được sửa.")

    def delete(self):
        raise ImmutableError("Sổ quỹ, phiếu nhập và phiếu xuất không được xóa.")


class ImmutableModel(models.Model):
    """Saved once, never updated nor deleted through the ORM's ordinary paths.

    Deleting the unit that owns the rows (only the demo's reset does that) still cascades:
    Django's collector deletes in bulk without calling `delete()` on each row.
    """

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableError(
                f"{self._meta.verbose_name.capitalize()} đã ghi không được sửa; "
                "hãy ghi bút toán đảo."
            )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError(
            f"{self._meta.verbose_name.capitalize()} đã ghi không được xóa; hãy ghi bút toán đảo."
        )
