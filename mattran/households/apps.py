from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "mattran.households"
    verbose_name = "Hộ nghèo, nhà Đại đoàn kết"
