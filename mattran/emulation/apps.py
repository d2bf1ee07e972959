from django.apps import AppConfig


class EmulationConfig(AppConfig):
    name = "mattran.emulation"
    verbose_name = "Phong trào thi đua"
