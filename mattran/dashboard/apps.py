from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "mattran.dashboard"
    verbose_name = "Tổng quan"
