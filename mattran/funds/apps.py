from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "mattran.funds"
    verbose_name = "Quỹ Vì người nghèo, Quỹ cứu trợ"
