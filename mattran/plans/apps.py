from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "mattran.plans"
    verbose_name = "Kế hoạch, cuộc vận động"
