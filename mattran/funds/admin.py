"""Funds and stores in the admin: to look, never to change. Entries and slips are written by
the services only (balance checks, row locks, audit); a mistake is corrected by a reversal."""

from django.contrib import admin

from mattran.funds.models import (
    Entry,
    Fund,
    IssueLine,
    IssueSlip,
    Item,
    StockReceipt,
    StockReceiptLine,
    Store,
)


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Fund)
class FundAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("name", "unit", "kind", "created_at")
    list_filter = ("kind",)
    search_fields = ("unit__name", "unit__code")


@admin.register(Entry)
class EntryAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("entry_date", "fund", "kind", "amount", "donor", "beneficiary", "created_by")
    list_filter = ("kind", "fund__kind", "year")
    search_fields = ("donor", "beneficiary", "purpose", "reference", "receipt_number")
    list_select_related = ("fund__unit", "created_by")
    date_hierarchy = "entry_date"


@admin.register(Store)
class StoreAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("name", "unit", "address")


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ("name", "measure")
    search_fields = ("name",)

    def get_readonly_fields(self, request, obj=None):
        return ("measure",) if obj else ()  # slips already count in it

    def has_delete_permission(self, request, obj=None):
        return False  # receipts and slips point at it


class ReceiptLineInline(ReadOnly, admin.TabularInline):
    model = StockReceiptLine
    extra = 0


class IssueLineInline(ReadOnly, admin.TabularInline):
    model = IssueLine
    extra = 0


@admin.register(StockReceipt)
class StockReceiptAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("day", "store", "number", "donor", "reverses")
    inlines = [ReceiptLineInline]


@admin.register(IssueSlip)
class IssueSlipAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("day", "store", "number", "recipient", "reverses")
    inlines = [IssueLineInline]
