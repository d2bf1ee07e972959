from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "mattran.reminders"
    verbose_name = "Nhắc việc"
