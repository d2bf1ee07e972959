from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "mattran.units"
    verbose_name = "Đơn vị"
