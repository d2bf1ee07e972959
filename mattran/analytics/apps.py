from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "mattran.analytics"
    verbose_name = "Tổng hợp và tiến độ"
