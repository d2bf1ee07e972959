from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "mattran.voice"
    verbose_name = "Giám sát, phản biện, kiến nghị của Nhân dân"
