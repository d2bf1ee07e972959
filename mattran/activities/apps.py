from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "mattran.activities"
    verbose_name = "Hoạt động"
