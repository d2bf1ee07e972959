from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mattran.core"
    verbose_name = "Nền tảng"
