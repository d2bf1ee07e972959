from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "mattran.analytics"
    verbose_name = "Tổng hợp và tiến độ"

    def ready(self) -> None:
        from mattran.analytics import signals  # noqa: F401 - connects the receivers
