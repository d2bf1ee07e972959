from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "mattran.programmes"
    verbose_name = "Chương trình hành động"
