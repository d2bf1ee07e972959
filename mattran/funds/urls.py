from django.urls import path

from mattran.funds import entry_views, report_views, stock_views, views

app_name = "funds"
base = "units/<slug:code>/funds/"
one = base + "<int:pk>/"
stock = base + "stock/"
store = stock + "<int:pk>/"
urlpatterns = [
    path(base, views.index, name="index"),
    path(base + "xlsx/", views.index_xlsx, name="index_xlsx"),
    path(base + "open/", views.open_view, name="open"),
    path(base + "report/", report_views.summary, name="summary"),
    path(base + "report/<slug:fmt>/", report_views.summary_export, name="summary_export"),
    path(one, views.ledger_view, name="ledger"),
    path(one + "receipt/", entry_views.receipt, name="receipt"),
    path(one + "disbursement/", entry_views.disbursement, name="disbursement"),
    path(one + "transfer/", entry_views.transfer_view, name="transfer"),
    path(one + "entries/<int:entry_pk>/reverse/", entry_views.reverse, name="reverse"),
    path(one + "report/", report_views.fund_report, name="report"),
    path(one + "report/<slug:fmt>/", report_views.fund_export, name="export"),
    path(stock, stock_views.stores, name="stores"),
    path(stock + "xlsx/", stock_views.stores_xlsx, name="stores_xlsx"),
    path(stock + "items/", stock_views.items, name="items"),
    path(store, stock_views.store, name="store"),
    path(store + "receipt/", stock_views.stock_receipt, name="stock_receipt"),
    path(store + "issue/", stock_views.issue, name="issue"),
    path(
        store + "<slug:doc>/<int:doc_pk>/reverse/", stock_views.stock_reverse, name="stock_reverse"
    ),
    path(store + "report/", stock_views.report, name="stock_report"),
    path(store + "report/xlsx/", stock_views.export, name="stock_export"),
]
