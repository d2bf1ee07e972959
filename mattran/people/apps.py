from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "mattran.people"
    verbose_name = "Cán bộ, ủy viên và bồi dưỡng"
