from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "mattran.imports"
    verbose_name = "Nhập văn bản"
