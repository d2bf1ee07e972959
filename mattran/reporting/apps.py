from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "mattran.reporting"
    verbose_name = "Số liệu báo cáo"
