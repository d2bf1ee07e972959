from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "mattran.archive"
    verbose_name = "Sao lưu, khôi phục"
